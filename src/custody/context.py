"""AppContext: owns the engine, the sessions and the signed-in user. Passed explicitly.

One user action = one transaction: `perform` opens a write transaction (BEGIN IMMEDIATE on
SQLite, an advisory lock on PostgreSQL), runs the service, commits. A refusal rolls the
action back and is then journaled in a transaction of its own, so nothing but the denial
is written.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TypeVar

from argon2 import PasswordHasher
from sqlalchemy.exc import DatabaseError

from custody.db.engine import lock_for_write, make_engine, make_sessions
from custody.db.migrate import ensure_schema
from custody.errors import Refusal, StorageError
from custody.services import audit, users
from custody.services.lab import DEFAULT_ZONE, settings_row
from custody.services.work import Actor, Work

T = TypeVar("T")


class _Current:
    """Marker: act as the signed-in user."""


CURRENT = _Current()
Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


class AppContext:
    def __init__(
        self,
        url: str,
        *,
        workstation: str | None = None,
        clock: Clock = _utc_now,
        hasher: PasswordHasher | None = None,
        migrate: bool = True,
    ) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._writer, self._reader = make_sessions(self.engine)
        self.workstation = workstation or socket.gethostname() or "unknown"
        self.clock = clock
        self.hasher = hasher or PasswordHasher()
        self.actor: Actor | None = None
        self.backup_taken = None
        if migrate:
            try:
                self.backup_taken = ensure_schema(self.engine)
            except DatabaseError as error:
                raise StorageError(_storage_message(error)) from error
        self.zone = DEFAULT_ZONE
        self.zone = (
            self.query(lambda w: row.timezone if (row := settings_row(w)) else None) or DEFAULT_ZONE
        )

    def close(self) -> None:
        self.engine.dispose()

    def _work(self, session: object, actor: Actor | None) -> Work:
        return Work(session, actor, self.workstation, self.zone, self.clock(), self.hasher)  # type: ignore[arg-type]

    def perform(
        self, action: str, fn: Callable[[Work], T], *, actor: Actor | _Current | None = CURRENT
    ) -> T:
        """Run `fn` as one user action in one write transaction (as `actor`, default: signed-in)."""
        who = self.actor if isinstance(actor, _Current) else actor
        try:
            with self._writer() as session, session.begin():
                lock_for_write(session)
                work = self._work(session, who)
                result = fn(work)
            self.zone = work.zone  # `init` may set the lab's zone
            return result
        except Refusal as refusal:
            self._journal_denial(action, refusal, who)
            raise
        except DatabaseError as error:
            raise StorageError(_storage_message(error)) from error

    def _journal_denial(self, action: str, refusal: Refusal, actor: Actor | None) -> None:
        try:
            with self._writer() as session, session.begin():
                lock_for_write(session)
                audit.record_denial(self._work(session, actor), action, refusal)
        except DatabaseError as error:
            raise StorageError(_storage_message(error)) from error

    def query(self, fn: Callable[[Work], T], *, actor: Actor | None = None) -> T:
        """Run `fn` in a read-only transaction (never journals, never writes)."""
        try:
            with self._reader() as session, session.begin():
                return fn(self._work(session, actor or self.actor))
        except DatabaseError as error:
            raise StorageError(_storage_message(error)) from error

    def sign_in(self, username: str, password: str) -> Actor:
        self.actor = self.perform(
            "sign-in", lambda w: users.authenticate(w, username, password), actor=None
        )
        return self.actor

    def sign_out(self) -> None:
        self.actor = None


def _storage_message(error: DatabaseError) -> str:
    text = str(error.orig) if error.orig is not None else str(error)
    lowered = text.lower()
    if "locked" in lowered or "busy" in lowered:
        return "The database is busy (another workstation is writing). Try again in a moment."
    if "disk" in lowered and "full" in lowered:
        return "The disk is full: nothing was saved. Free some space and try again."
    if "readonly" in lowered or "read-only" in lowered:
        return "The database is read-only here: nothing was saved. Check the file permissions."
    if "file is not a database" in lowered:
        return "This file is not a Custody database (it is not a SQLite database at all)."
    if "unable to open" in lowered:
        return "The database file cannot be opened. Check that the folder exists and is writable."
    return f"The database reported an error; nothing was saved. ({text})"
