"""Where Custody keeps its files. Computed on demand: no side effects at import."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "Custody"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def config_dir() -> Path:
    """Per-user settings of this workstation (`~/.config/Custody` on Linux)."""
    return Path(platformdirs.user_config_dir(APP, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / "custody.sqlite"


def default_db_url() -> str:
    """`CUSTODY_DB` if set, else the SQLite file in the user data directory."""
    url = os.environ.get("CUSTODY_DB", "").strip()
    if url:
        return url if "://" in url else f"sqlite+pysqlite:///{Path(url).resolve()}"
    return f"sqlite+pysqlite:///{default_db_path()}"


def ensure_parent(url: str) -> None:
    """Create the default data directory when the URL points into it."""
    if url == f"sqlite+pysqlite:///{default_db_path()}":
        default_db_path().parent.mkdir(parents=True, exist_ok=True)
