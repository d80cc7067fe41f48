"""The audit side: journaling refusals and verifying the journal against the records."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from custody.db import queries
from custody.db.models import SigningKey
from custody.db.queries import journal_size
from custody.db.verify import ChainBreak, Divergence, Progress, VerifyReport
from custody.db.verify import verify as verify_journal
from custody.domain.messages import t
from custody.domain.permissions import Action
from custody.errors import AuthenticationFailed, Refusal, ValidationError
from custody.services import users
from custody.services.work import Work
from custody.verifier import checkpoint_message, signature_holds

__all__ = [
    "ChainBreak",
    "Divergence",
    "Progress",
    "VerifyReport",
    "record_backup",
    "record_denial",
    "shown_value",
    "verdict",
    "verify",
    "verify_meaning",
]


def record_denial(work: Work, action: str, error: Refusal) -> None:
    """Journal a refused action (21 CFR 11.300(d)); count failed sign-ins toward lockout."""
    # The English message, whatever the workstation's language: the journal never translates.
    message = str(error.message)
    data = {**error.details, "action": action, "code": error.code, "message": message}
    if isinstance(error, AuthenticationFailed):
        locked = error.count_failure and users.count_failure(work, error.username)
        work.record("auth.failed", error.subject, data)
        if locked:
            work.record("auth.locked", error.subject, {"minutes": 10})
        return
    work.record("denied", error.subject, data)


def verify(
    work: Work, progress: Progress | None = None, held: Sequence[dict[str, Any]] = ()
) -> VerifyReport:
    """Verify the journal; `held`: signed checkpoints kept outside the database (from a
    manifest's QR, an export bundle, a partner lab) that the journal must still match."""
    work.require(Action.VERIFY)
    keys = {
        row.fingerprint: row.public_key for row in queries.all_of(work.session, SigningKey, "id")
    }
    for statement in held:
        key = keys.get(statement.get("key", ""))
        if key is None or not signature_holds(
            key, statement["signature"], checkpoint_message(statement)
        ):
            raise ValidationError(
                t(
                    "The checkpoint over {size} entries is not signed by one of this lab's keys; "
                    "it cannot vouch for this journal.",
                    size=statement.get("size"),
                )
            )
    total = journal_size(work.session)
    return verify_journal(work.session.connection(), total, progress, list(held))


def record_backup(work: Work, target: str, size: int, sha256: str) -> None:
    """Journal a backup that was written (what, where, its fingerprint)."""
    work.require(Action.BACKUP, subject="backup")
    work.record("db.backup", "backup", {"target": target, "bytes": size, "sha256": sha256})


# --- what a verify report means, in plain words (shared by the CLI and the app) -------------


def verdict(report: VerifyReport) -> str:
    """The one-line outcome: INTACT, TAMPERED (the chain breaks) or DIVERGED (a record).
    Like every wording here, a Text: the app shows it translated."""
    if report.chain_break is not None:
        return t(
            "TAMPERED: the journal's hash chain breaks at entry seq {seq}.",
            seq=report.chain_break.seq,
        )
    if report.divergence is not None:
        return t("DIVERGED: a record does not match what the journal says it should be.")
    return t("INTACT: the hash chain is unbroken and every record matches the journal.")


def verify_meaning(report: VerifyReport) -> str:
    """What the outcome means for the records, and what to do (starts in lower case)."""
    if report.chain_break is not None:
        return t(
            "the journal was altered, removed or reordered after it was written; entries from "
            "seq {seq} on cannot be trusted. Restore the last verified "
            "backup and investigate who had write access to the database.",
            seq=report.chain_break.seq,
        )
    if report.divergence is not None:
        return _divergence_meaning(report.divergence)
    return t("nothing was changed outside Custody.")


def _divergence_meaning(d: Divergence) -> str:
    if d.field is None and d.table_value is None:
        return t(
            "the record {table} #{key} was deleted outside Custody: the journal says it "
            "exists but the table no longer has it.",
            table=d.table,
            key=d.key,
        )
    if d.field is None:
        return t(
            "the record {table} #{key} was added outside Custody: no journal entry created it.",
            table=d.table,
            key=d.key,
        )
    return t(
        "the {table} table was changed outside Custody (a direct database edit): "
        "the field '{field}' of record #{key} no longer holds the value the journal "
        "recorded. Treat that record as compromised until the change is explained.",
        table=d.table,
        field=d.field,
        key=d.key,
    )


def shown_value(value: Any) -> str:
    """A journal or table value of a divergence, as a reader sees it ('stored', 12, (none))."""
    if value is None:
        return t("(none)")
    if isinstance(value, Enum):
        value = value.value
    elif isinstance(value, Decimal):
        value = str(value)
    elif isinstance(value, datetime | date):
        value = value.isoformat()
    return repr(value)
