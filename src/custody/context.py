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
from functools import partial
from pathlib import Path
from typing import TypeVar

from argon2 import PasswordHasher

from custody import keyfile, signing
from custody.db.engine import (
    lock_for_write,
    make_engine,
    make_sessions,
    sqlite_path,
    storage_errors,
)
from custody.db.migrate import ensure_schema
from custody.domain.messages import t
from custody.domain.permissions import Action
from custody.errors import Refusal, StorageError
from custody.services import audit, checkpoints, lab, users
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
        self.signing_key_file = signing.default_path(sqlite_path(url))
        self._signer: signing.Signer | None = None
        self._signer_version: tuple[int, int] | None = None
        if migrate:
            with storage_errors():
                self.backup_taken = ensure_schema(self.engine)
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
            with storage_errors(), self._writer() as session, session.begin():
                lock_for_write(session)
                work = self._work(session, who)
                result = fn(work)
                self._checkpoint_if_due(work)
            self.zone = work.zone  # `init` may set the lab's zone
            return result
        except Refusal as refusal:
            self._journal_denial(action, refusal, who)
            raise

    def _checkpoint_if_due(self, work: Work) -> None:
        """Sign a checkpoint when `checkpoint_interval` entries have passed (if the key is here)."""
        path = self.signing_key_file
        if path is None or not path.exists():
            return
        checkpoints.make_if_due(work, self.signer())

    def perform_writing(
        self,
        action: str,
        fn: Callable[[Work], T],
        target: Path,
        *,
        actor: Actor | _Current | None = CURRENT,
    ) -> T:
        """`perform` for an action that writes the new file `target` inside its transaction
        (an export): if the transaction does not commit, the file goes too, so no file outlives
        the journal entry and checkpoint that vouch for it."""
        existed = target.exists()
        try:
            return self.perform(action, fn, actor=actor)
        except BaseException:
            if not existed:
                target.unlink(missing_ok=True)
            raise

    def _journal_denial(self, action: str, refusal: Refusal, actor: Actor | None) -> None:
        with storage_errors(), self._writer() as session, session.begin():
            lock_for_write(session)
            audit.record_denial(self._work(session, actor), action, refusal)

    def query(self, fn: Callable[[Work], T], *, actor: Actor | None = None) -> T:
        """Run `fn` in a read-only transaction (never journals, never writes)."""
        with storage_errors(), self._reader() as session, session.begin():
            return fn(self._work(session, actor or self.actor))

    def sign_in(self, username: str, password: str) -> Actor:
        self.actor = self.perform(
            "sign-in", lambda w: users.authenticate(w, username, password), actor=None
        )
        return self.actor

    def sign_out(self) -> None:
        """Forget the signed-in person without journaling (set-up and tests; the app uses
        `end_session`)."""
        self.actor = None

    def end_session(self, reason: str) -> None:
        """Sign out and journal it (`session.signed_out`, with `reason`: see
        `users.SESSION_REASONS`). The person is signed out first, so a database that cannot
        take the entry (a StorageError, re-raised) still leaves nobody signed in."""
        actor, self.actor = self.actor, None
        if actor is not None:
            self.perform(
                "sign out",
                partial(users.record_session, event="signed_out", reason=reason),
                actor=actor,
            )

    def record_lock(self, reason: str) -> None:
        """Journal that the signed-in person's screen was locked (`session.locked`)."""
        if self.actor is not None:
            self.perform("lock", partial(users.record_session, event="locked", reason=reason))

    def label_key_path(self) -> Path | None:
        """Where this lab's label key lives (see custody.keyfile)."""
        return keyfile.default_path(sqlite_path(self.url))

    def create_label_key(self) -> str:
        """Create the lab's label key file and journal its fingerprint. Returns the fingerprint."""
        path = self.label_key_path()
        if path is None:
            raise StorageError(
                t(
                    "Set {variable} to the label key file shared by this lab's workstations.",
                    variable=keyfile.ENV,
                )
            )
        self.perform("create label key", lambda w: w.require(Action.SETTINGS, subject="lab"))
        fingerprint = keyfile.fingerprint(keyfile.create(path))
        self.perform(
            "create label key",
            partial(lab.record_label_key, fingerprint=fingerprint, location=str(path)),
        )
        return fingerprint

    def _key_file(self) -> Path:
        if self.signing_key_file is None:
            raise StorageError(
                t(
                    "Set {variable} to the signing key file shared by this lab's workstations.",
                    variable=signing.ENV,
                )
            )
        return self.signing_key_file

    def signer(self) -> signing.Signer:
        """The lab's signing key; read again when the file changed (rotated on another
        workstation). StorageError when it is missing or unusable."""
        path = self._key_file()
        try:
            info = path.stat()
            version: tuple[int, int] | None = (info.st_ino, info.st_mtime_ns)
        except OSError:
            version = None
        if self._signer is None or version is None or version != self._signer_version:
            self._signer = signing.load(path)
            self._signer_version = version
        return self._signer

    def create_signing_key(self) -> str:
        """Create the lab's signing key file, register its public key and sign a first
        checkpoint. Returns the key's fingerprint."""
        path = self._key_file()
        self.perform("create signing key", lambda w: w.require(Action.SETTINGS, subject="lab"))
        signer = signing.create(path)
        try:
            self.perform("create signing key", partial(checkpoints.register, signer=signer))
        except BaseException:
            path.unlink(missing_ok=True)  # not registered: the file must not linger
            raise
        self._signer = signer
        return signer.fingerprint

    def rotate_signing_key(self, reason: str) -> str:
        """Replace the signing key: the old one signs the new one and is moved aside."""
        path = self._key_file()
        old = self.signer()
        fresh = path.with_name(f"{path.name}.new")
        fresh.unlink(missing_ok=True)
        new = signing.create(fresh)
        try:
            self.perform(
                "rotate signing key", partial(checkpoints.rotate, old=old, new=new, reason=reason)
            )
        except BaseException:
            fresh.unlink(missing_ok=True)
            raise
        signing.retire(path, old)
        fresh.replace(path)
        self._signer = new
        return new.fingerprint
