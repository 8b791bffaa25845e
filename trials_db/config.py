"""Where things live: project paths and the one database setting, ``TRIALS_DB_URL``."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
SHIPPED_TRIALS_DIR = DATA_DIR / "trials"
DEFAULT_DB_PATH = DATA_DIR / "trials.db"


def db_url() -> str:
    """The trial store's SQLAlchemy URL: ``TRIALS_DB_URL`` or the SQLite file under data/."""
    return os.environ.get("TRIALS_DB_URL") or f"sqlite:///{DEFAULT_DB_PATH}"
