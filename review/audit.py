"""The audit log: who viewed, exported, changed or deleted what, and when.

Targets are pseudonyms (or account names, or a description of an export's filters): the log
outlives an erased conversation and must not hold its sender_id.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from .models import audit


@dataclass
class AuditEntry:
    id: int
    at: float
    user_name: str
    action: str
    target: str
    detail: str
    address: str


def record(
    conn: Connection,
    user_name: str,
    action: str,
    target: str = "",
    detail: str = "",
    address: str = "",
) -> None:
    conn.execute(
        audit.insert().values(
            at=time.time(),
            user_name=user_name[:64],
            action=action[:40],
            target=target[:255],
            detail=detail[:2000],
            address=(address or "")[:64],
        )
    )


def entries(
    conn: Connection,
    *,
    user_name: str = "",
    target: str = "",
    action: str = "",
    limit: int = 100,
    offset: int = 0,
) -> tuple[list[AuditEntry], int]:
    """A page of entries, newest first, and how many match."""
    conditions = []
    if user_name:
        conditions.append(audit.c.user_name == user_name)
    if target:
        conditions.append(audit.c.target == target)
    if action:
        conditions.append(audit.c.action == action)
    total = conn.execute(select(func.count()).select_from(audit).where(*conditions)).scalar()
    rows = conn.execute(
        select(audit).where(*conditions).order_by(audit.c.id.desc()).limit(limit).offset(offset)
    )
    return [AuditEntry(**r._mapping) for r in rows], total
