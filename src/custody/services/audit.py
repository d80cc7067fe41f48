"""The audit side: journaling refusals and verifying the journal against the records."""

from __future__ import annotations

from custody.db.queries import journal_size
from custody.db.verify import Progress, VerifyReport
from custody.db.verify import verify as verify_journal
from custody.domain.permissions import Action
from custody.errors import AuthenticationFailed, Refusal
from custody.services import users
from custody.services.work import Work


def record_denial(work: Work, action: str, error: Refusal) -> None:
    """Journal a refused action (21 CFR 11.300(d)); count failed sign-ins toward lockout."""
    data = {**error.details, "action": action, "code": error.code, "message": error.message}
    if isinstance(error, AuthenticationFailed):
        locked = error.count_failure and users.count_failure(work, error.username)
        work.record("auth.failed", error.subject, data)
        if locked:
            work.record("auth.locked", error.subject, {"minutes": 10})
        return
    work.record("denied", error.subject, data)


def verify(work: Work, progress: Progress | None = None) -> VerifyReport:
    work.require(Action.VERIFY)
    total = journal_size(work.session)
    return verify_journal(work.session.connection(), total, progress)


def record_backup(work: Work, target: str, size: int, sha256: str) -> None:
    """Journal a backup that was written (what, where, its fingerprint)."""
    work.require(Action.BACKUP, subject="backup")
    work.record("db.backup", "backup", {"target": target, "bytes": size, "sha256": sha256})
