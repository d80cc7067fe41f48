"""Backups through the SQLite online backup API, written atomically (temp, fsync, rename)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from custody.domain.messages import t
from custody.errors import StorageError


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup_sqlite(source: Path, target: Path) -> Path:
    """Copy a live SQLite database consistently to `target` (never a plain file copy)."""
    if not source.is_file():
        raise StorageError(t("There is no database file at {source}.", source=source))
    if target.exists():
        raise StorageError(
            t("The backup file {target} exists already; choose another name.", target=target)
        )
    if not target.parent.is_dir():
        raise StorageError(t("The backup folder {parent} does not exist.", parent=target.parent))
    temp = target.with_name(f".{target.name}.partial")
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(temp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
                check = dst.execute("PRAGMA integrity_check").fetchone()
            finally:
                dst.close()
        finally:
            src.close()
        if check is None or check[0] != "ok":
            raise StorageError(t("The backup failed its integrity check: {check}", check=check))
        with temp.open("rb+") as handle:
            os.fsync(handle.fileno())
        temp.replace(target)
        _fsync_dir(target.parent)
    except (OSError, sqlite3.Error) as error:
        raise StorageError(t("The backup could not be written: {error}.", error=error)) from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    return target
