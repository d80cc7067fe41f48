"""Browsing the journal (the audit view): keyset pages of entries, one entry in full.

Reading the journal needs Action.VERIFY (the auditor's right). Entries are shown as they are
stored, even when a payload was tampered with and no longer parses: the browser is where an
auditor looks at a broken chain.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from custody.db import journal_queries
from custody.db.journal_queries import JournalWhere
from custody.domain.canonical import parse_utc
from custody.domain.messages import t
from custody.domain.permissions import Action
from custody.errors import NotFound, ValidationError
from custody.services.work import Work

MAX_PAGE = 1000
SUMMARY_LENGTH = 160
_VALUE_LENGTH = 40
_CHANGES_SHOWN = 3


@dataclass(frozen=True)
class JournalLine:
    """One line of the journal browser (the payload summarised, not parsed by the caller)."""

    seq: int
    at: datetime | None  # UTC; None if the stored time is unreadable (a tampered entry)
    zone: str
    workstation: str
    actor: str | None
    kind: str
    subject: str | None
    summary: str


@dataclass(frozen=True)
class JournalEntry:
    """One entry in full: the payload exactly as hashed, and the chain links."""

    seq: int
    at: datetime | None  # UTC; None if the stored time is unreadable (a tampered entry)
    zone: str
    workstation: str
    actor: str | None
    kind: str
    subject: str | None
    payload_text: str
    prev_hash: str
    hash: str

    def pretty_payload(self) -> str:
        """The payload indented for reading (or as stored, if it is not valid JSON)."""
        try:
            parsed = json.loads(self.payload_text)
        except ValueError:
            return self.payload_text
        return json.dumps(parsed, indent=2, ensure_ascii=False, sort_keys=True)


def journal_page(
    work: Work,
    *,
    after_seq: int | None = None,
    limit: int = 200,
    kind: str | None = None,
    actor: str | None = None,
    subject: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    first_seq: int | None = None,
    last_seq: int | None = None,
) -> list[JournalLine]:
    """Entries in seq order after `after_seq` (keyset paging) matching every filter given.

    kind: a prefix ("shipment." or "auth.failed"); actor: a user name; subject: a fragment,
    any case; since/until: a time range [since, until); first_seq/last_seq: a seq range.
    """
    work.require(Action.VERIFY, subject="journal")
    for moment in (since, until):
        if moment is not None and moment.tzinfo is None:
            raise ValidationError(t("A time filter needs a time zone."))
    actor_id = None
    if actor is not None and actor.strip():
        actor_id = journal_queries.user_id(work.session, actor.strip().lower())
        if actor_id is None:
            raise NotFound(t("There is no user '{actor}'.", actor=actor.strip()), subject="journal")
    where = JournalWhere(
        kind_prefix=(kind or "").strip() or None,
        actor_id=actor_id,
        subject_contains=(subject or "").strip() or None,
        since=since,
        until=until,
        first_seq=first_seq,
        last_seq=last_seq,
    )
    rows = journal_queries.journal_page(
        work.session, after_seq=after_seq, limit=max(1, min(limit, MAX_PAGE)), where=where
    )
    return [
        JournalLine(seq, _time(ts), zone, ws, who, kind_, subj, summarise(payload))
        for seq, ts, zone, ws, who, kind_, subj, payload in rows
    ]


def journal_entry(work: Work, seq: int) -> JournalEntry:
    """One entry in full (payload, prev hash, hash)."""
    work.require(Action.VERIFY, subject="journal")
    row = journal_queries.journal_entry(work.session, seq)
    if row is None:
        raise NotFound(t("There is no journal entry {seq}.", seq=seq), subject="journal")
    seq_, ts, zone, ws, who, kind, subject, payload, prev_hash, digest = row
    return JournalEntry(seq_, _time(ts), zone, ws, who, kind, subject, payload, prev_hash, digest)


def journal_kinds(work: Work) -> list[str]:
    """The kinds of entry in this journal (for a filter list)."""
    work.require(Action.VERIFY, subject="journal")
    return journal_queries.journal_kinds(work.session)


def _time(ts: str) -> datetime | None:
    try:
        return parse_utc(ts)
    except ValueError:
        return None


def summarise(payload: str) -> str:
    """A one-line summary of an entry's details and record changes."""
    try:
        parsed = json.loads(payload)
        data: dict[str, Any] = parsed.get("data") or {}
        changes: list[dict[str, Any]] = parsed.get("changes") or []
        parts = [f"{key}: {_value(value)}" for key, value in sorted(data.items())]
        parts += [_change(change) for change in changes[:_CHANGES_SHOWN]]
    except (ValueError, AttributeError, TypeError, KeyError):
        return "(the payload cannot be read: it is not the JSON Custody writes)"
    if len(changes) > _CHANGES_SHOWN:
        parts.append(f"{len(changes) - _CHANGES_SHOWN} more record change(s)")
    return _clip("; ".join(parts), SUMMARY_LENGTH)


def _change(change: dict[str, Any]) -> str:
    table, key, op = change["t"], change["k"], change["op"]
    if op == "insert":
        return f"added {table} #{key}"
    if op == "delete":
        return f"deleted {table} #{key}"
    fields = ", ".join(
        f"{name} {_value(old)} → {_value(new)}" for name, (old, new) in sorted(change["v"].items())
    )
    return f"changed {table} #{key}: {fields}"


def _value(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return _clip(value, _VALUE_LENGTH)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict | list):
        return _clip(json.dumps(value, ensure_ascii=False, separators=(",", ":")), _VALUE_LENGTH)
    return str(value)


def _clip(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"
