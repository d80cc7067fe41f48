"""Engines and sessions: SQLite (WAL, synchronous=FULL, BEGIN IMMEDIATE) or PostgreSQL."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from custody.db import filesystems
from custody.db.journal import install_capture
from custody.domain.messages import Text, t
from custody.errors import StorageError

BUSY_TIMEOUT_MS = 15_000
READ_ONLY = "custody_read_only"
_PG_WRITE_LOCK = 0x6375_7374  # "cust": one advisory lock serialises writers (gapless chain)


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def sqlite_path(url: str) -> Path | None:
    """The database file of a SQLite URL, None for other databases or in-memory SQLite."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StorageError(t("'{url}' is not a database URL.", url=url)) from None
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _sqlite_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # SQLAlchemy emits BEGIN itself (see _sqlite_begin)
    cursor = dbapi_conn.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    mode = cursor.execute("PRAGMA journal_mode = WAL").fetchone()
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()
    if mode is None or str(mode[0]).lower() != "wal":
        raise StorageError(t("The database file cannot use write-ahead logging (WAL)."))


def _sqlite_begin(conn: Any) -> None:
    # Writers take the write lock at BEGIN, so two writers never deadlock on upgrade.
    read_only = conn.get_execution_options().get(READ_ONLY, False)
    conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StorageError(t("'{url}' is not a database URL.", url=url)) from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        path = sqlite_path(url)
        if path is not None and not path.parent.is_dir():
            raise StorageError(
                t("The folder for the database does not exist: {parent}", parent=path.parent)
            )
        if path is not None:
            filesystems.refuse_network(path)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if backend == "postgresql":
        return create_engine(url, pool_pre_ping=True)
    raise StorageError(
        t("Unsupported database '{backend}': use SQLite or PostgreSQL.", backend=backend)
    )


def make_sessions(engine: Engine) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
    """(writer, reader) session factories. Only writers may change records."""
    writer = sessionmaker(engine, expire_on_commit=False)
    install_capture(writer)
    reader = sessionmaker(engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False)
    event.listen(reader, "before_flush", _refuse_flush)
    return writer, reader


def _refuse_flush(session: Session, _context: Any, _instances: Any) -> None:
    if session.new or session.dirty or session.deleted:
        raise StorageError(t("internal: a read-only session tried to write"))


def streaming_cursor(conn: Connection, name: str) -> Any:
    """A DBAPI cursor for reading many rows in batches: server-side (named) on PostgreSQL, so
    memory stays bounded; SQLite's cursor already steps through the result."""
    dbapi = conn.connection.dbapi_connection
    assert dbapi is not None
    if conn.dialect.name == "postgresql":
        return dbapi.cursor(name=name)
    return dbapi.cursor()


def lock_for_write(session: Session) -> None:
    """Serialise writers on PostgreSQL (SQLite writers are serialised by BEGIN IMMEDIATE)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_WRITE_LOCK})


@contextmanager
def storage_errors() -> Iterator[None]:
    """Turn database failures (locked, full, read-only, not a database) into StorageError."""
    try:
        yield
    except DatabaseError as error:
        raise StorageError(storage_message(error)) from error


def storage_message(error: DatabaseError) -> Text:
    text = str(error.orig) if error.orig is not None else str(error)
    lowered = text.lower()
    if "locked" in lowered or "busy" in lowered:
        return t("The database is busy (another workstation is writing). Try again in a moment.")
    if "disk" in lowered and "full" in lowered:
        return t("The disk is full: nothing was saved. Free some space and try again.")
    if "readonly" in lowered or "read-only" in lowered:
        return t("The database is read-only here: nothing was saved. Check the file permissions.")
    if "file is not a database" in lowered:
        return t("This file is not a Custody database (it is not a SQLite database at all).")
    if "unable to open" in lowered:
        return t(
            "The database file cannot be opened. Check that the folder exists and is writable."
        )
    return t("The database reported an error; nothing was saved. ({error})", error=text)
