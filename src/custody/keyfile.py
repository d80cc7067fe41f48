"""The per-lab label key: a secret kept outside the database, readable by its owner only.

Labels carry an HMAC made with this key, so a forged label is recognised offline. The key
lives in a file with 0600 permissions, by default beside the SQLite database
(`custody.sqlite` → `custody.label-key`), or where `CUSTODY_LABEL_KEY` points (required for a
PostgreSQL database shared by several workstations: every workstation needs the same file).
Back it up with the database: without it, printed labels can no longer be verified.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import stat
from pathlib import Path

from custody.domain.messages import t
from custody.errors import StorageError

KEY_BYTES = 32
ENV = "CUSTODY_LABEL_KEY"


def default_path(db_file: Path | None) -> Path | None:
    """Where the key lives: $CUSTODY_LABEL_KEY, else beside a SQLite file, else unknown."""
    configured = os.environ.get(ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    if db_file is not None:
        return db_file.with_name(f"{db_file.stem}.label-key")
    return None


def fingerprint(key: bytes) -> str:
    """A short public fingerprint to journal and print (never the key itself)."""
    return hashlib.sha256(b"custody label key\x00" + key).hexdigest()[:16].upper()


def write_private(path: Path, data: bytes) -> None:
    """Write a new file readable by its owner only (0600), atomically and durably. Raises
    FileExistsError when `path` exists (a key is never replaced), OSError otherwise."""
    temp = path.with_name(f".{path.name}.partial")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.link(temp, path)  # fails if `path` appeared meanwhile: never overwrite a key
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def owner_only(info: os.stat_result) -> bool:
    return not info.st_mode & (stat.S_IRWXG | stat.S_IRWXO)


def create(path: Path) -> bytes:
    """Create a new random key file (0600), atomically; refuses to replace an existing one."""
    if path.exists():
        raise StorageError(
            t("A label key exists already at {path}; it is never replaced.", path=path)
        )
    if not path.parent.is_dir():
        raise StorageError(
            t("The folder for the label key does not exist: {parent}", parent=path.parent)
        )
    key = secrets.token_bytes(KEY_BYTES)
    try:
        write_private(path, key.hex().encode("ascii") + b"\n")
    except FileExistsError:
        raise StorageError(
            t("A label key exists already at {path}; it is never replaced.", path=path)
        ) from None
    except OSError as error:
        raise StorageError(t("The label key could not be written: {error}", error=error)) from error
    return key


def load(path: Path) -> bytes:
    """Read the key; refuses a missing, malformed or group/world-readable file."""
    try:
        info = path.stat()
        text = path.read_text("ascii").strip()
    except FileNotFoundError:
        raise StorageError(
            t(
                "The label key is missing ({path}). Restore it from the backup; without "
                "it labels cannot be printed or checked.",
                path=path,
            )
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise StorageError(t("The label key cannot be read: {error}", error=error)) from error
    if not owner_only(info):
        raise StorageError(
            t("The label key {path} is readable by other users; run `chmod 600 {path}`.", path=path)
        )
    try:
        key = bytes.fromhex(text)
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        raise StorageError(
            t(
                "The label key file {path} is damaged (expected {size} bytes).",
                path=path,
                size=KEY_BYTES,
            )
        )
    return key
