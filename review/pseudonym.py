"""Stable pseudonyms for conversation ids: a keyed hash, so a sender_id is never shown."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from sqlalchemy.engine import Engine

from .db import setting_once

KEY_SETTING = "pseudonym_key"
PREFIX = "P-"


class Pseudonymizer:
    """Maps a sender_id to ``P-`` plus 12 hex digits of HMAC-SHA256 under a secret key.

    The same id always gives the same pseudonym (while the key is kept), and without the key
    a pseudonym cannot be traced back, even by someone who can guess sender ids.
    """

    def __init__(self, key: str) -> None:
        self._key = key.encode()
        # Stored beside the index so a key change is noticed and pseudonyms are rebuilt.
        self.key_id = hashlib.sha256(b"review-key-id:" + self._key).hexdigest()[:16]

    def __call__(self, sender_id: str) -> str:
        digest = hmac.new(self._key, sender_id.encode(), hashlib.sha256).hexdigest()
        return PREFIX + digest[:12]


def load_pseudonymizer(engine: Engine, key: str | None) -> Pseudonymizer:
    """Use ``key`` (REVIEW_SECRET_KEY) if given, else the random key kept in the database."""
    if not key:
        key = setting_once(engine, KEY_SETTING, lambda: secrets.token_hex(32))
    return Pseudonymizer(key)


def looks_like_pseudonym(value: str) -> bool:
    return (
        len(value) == len(PREFIX) + 12
        and value.startswith(PREFIX)
        and all(c in "0123456789abcdef" for c in value[len(PREFIX) :])
    )
