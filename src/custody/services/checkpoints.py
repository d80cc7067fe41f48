"""Signed checkpoints of the journal, and the lab's signing keys.

A checkpoint signs (origin, size, head hash, Merkle root) of the journal with the lab's
Ed25519 key and is itself a journal entry (`journal.checkpoint`, entry size + 1). One is made
at every shipment approval (and printed on the manifest), at every export, and every N entries
(the lab's `checkpoint_interval`). Whoever holds a checkpoint can later tell whether the
journal up to it was rewritten — even by someone able to recompute the hash chain, who cannot
sign without the key. Keys rotate: the old key signs the new one and stays listed (retired).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from custody.db import journal, merkle, queries
from custody.db.models import SigningKey
from custody.domain.messages import t
from custody.domain.permissions import Action
from custody.errors import Conflict, StorageError
from custody.services.lab import lab, settings_row
from custody.services.work import Work
from custody.signing import Signer
from custody.verifier import CHECKPOINT_KIND, Frontier, checkpoint_message, rotation_message

DEFAULT_INTERVAL = 1000
MIN_INTERVAL, MAX_INTERVAL = 10, 1_000_000


@dataclass(frozen=True)
class KeyView:
    fingerprint: str
    public_key: str
    created_at: datetime
    retired_at: datetime | None
    retired_reason: str | None


@dataclass(frozen=True)
class Made:
    """A checkpoint as signed, and its entry in the journal."""

    statement: dict[str, Any]  # the signed fields and the signature
    seq: int  # the entry that holds it (size + 1)
    frontier: list[str]


def keys(work: Work) -> list[KeyView]:
    """Every signing key the lab has had, newest first."""
    work.require(Action.READ)
    rows = queries.all_of(work.session, SigningKey, "id")
    return [
        KeyView(r.fingerprint, r.public_key, r.created_at, r.retired_at, r.retired_reason)
        for r in sorted(rows, key=lambda r: r.id, reverse=True)
    ]


def current_key(work: Work) -> SigningKey | None:
    rows = queries.all_of(work.session, SigningKey, "id")
    return next((r for r in rows if r.retired_at is None), None)


def register(work: Work, signer: Signer) -> None:
    """Record the lab's first signing key (at set-up) and sign a first checkpoint."""
    actor = work.require(Action.SETTINGS, subject="lab")
    if current_key(work) is not None:
        raise Conflict(t("The lab has a signing key already; rotate it instead."))
    work.session.add(
        SigningKey(
            fingerprint=signer.fingerprint,
            public_key=signer.public_key,
            created_at=work.now,
            created_by_id=actor.id,
        )
    )
    work.record("lab.signing_key", "lab", {"fingerprint": signer.fingerprint})
    make(work, signer, "key registered")


def rotate(work: Work, old: Signer, new: Signer, reason: str) -> dict[str, Any]:
    """Retire `old` and make `new` the lab's key; `old` signs the change (trust carries over)."""
    actor = work.require(Action.SETTINGS, subject="lab")
    row = current_key(work)
    if row is None or row.fingerprint != old.fingerprint:
        raise Conflict(t("The key file given is not the lab's current signing key."))
    row.retired_at, row.retired_reason = work.now, reason
    work.session.add(
        SigningKey(
            fingerprint=new.fingerprint,
            public_key=new.public_key,
            created_at=work.now,
            created_by_id=actor.id,
        )
    )
    statement = {
        "type": "custody.key_rotation",
        "origin": lab(work).site_prefix,
        "old": old.fingerprint,
        "new": new.fingerprint,
        "public_key": new.public_key,
    }
    rotation = {"statement": statement, "signature": old.sign(rotation_message(statement))}
    work.record("lab.signing_key.rotate", "lab", {"rotation": rotation, "reason": reason})
    make(work, new, "key rotated")
    return rotation


def rotations(work: Work) -> list[dict[str, Any]]:
    """Every key rotation statement, oldest first (they travel in bundles)."""
    return [
        json.loads(payload)["data"]["rotation"]
        for payload in queries.journal_payloads_of_kind(work.session, "lab.signing_key.rotate")
    ]


def latest(work: Work) -> tuple[dict[str, Any], Frontier] | None:
    """The newest checkpoint in the journal and the tree frontier at its size."""
    payload = queries.last_journal_payload_of_kind(work.session, CHECKPOINT_KIND)
    if payload is None:
        return None
    data = json.loads(payload)["data"]
    statement = data["checkpoint"]
    frontier = Frontier(statement["size"], [bytes.fromhex(h) for h in data["frontier"]])
    if frontier.root().hex() != statement["root"]:
        raise StorageError(
            t(
                "The checkpoint at {size} entries does not match its own tree: the journal "
                "was altered. Run verify.",
                size=statement["size"],
            )
        )
    return statement, frontier


def interval(work: Work) -> int:
    row = settings_row(work)
    return (row.checkpoint_interval if row else None) or DEFAULT_INTERVAL


def due(work: Work) -> bool:
    """Whether `interval` entries or more were written since the newest checkpoint."""
    size, _ = journal.head(work.session)
    last = queries.last_journal_seq_of_kind(work.session, CHECKPOINT_KIND) or 0
    return size - last >= interval(work)


def make_if_due(work: Work, signer: Signer) -> Made | None:
    """A periodic checkpoint, when one is due and `signer` is the lab's current key."""
    row = current_key(work)
    if row is None or row.fingerprint != signer.fingerprint or not due(work):
        return None
    return make(work, signer, "periodic")


def make(work: Work, signer: Signer, reason: str, *, subject: str = "lab") -> Made:
    """Sign the journal as it is now and append the checkpoint (entry size + 1); `subject`
    ties it to what it was made for (a shipment's approval, an export)."""
    row = current_key(work)
    if row is None or row.fingerprint != signer.fingerprint:
        raise StorageError(
            t(
                "The signing key file (fingerprint {fingerprint}) is not the lab's current "
                "signing key; restore the right file or ask a supervisor.",
                fingerprint=signer.fingerprint,
            )
        )
    work.session.flush()
    size, head = journal.head(work.session)
    previous = latest(work)
    frontier = previous[1] if previous else Frontier()
    frontier = merkle.extend(work.session.connection(), frontier, size)
    statement: dict[str, Any] = {
        "type": "custody.checkpoint",
        "v": 1,
        "origin": lab(work).site_prefix,
        "size": size,
        "head": head,
        "root": frontier.root().hex(),
        "key": signer.fingerprint,
    }
    statement["signature"] = signer.sign(checkpoint_message(statement))
    hashes = frontier.hashes()
    entry = work.record(
        CHECKPOINT_KIND,
        subject,
        {"checkpoint": statement, "frontier": hashes, "reason": reason},
        actor=work.actor,
    )
    return Made(statement, entry.seq, hashes)


def make_by_hand(work: Work, signer: Signer) -> Made:
    """A checkpoint a supervisor asks for (to hand to someone to hold)."""
    work.require(Action.SETTINGS, subject="lab")
    return make(work, signer, "made by hand")


def set_interval(work: Work, entries: int) -> None:
    work.require(Action.SETTINGS, subject="lab")
    if not MIN_INTERVAL <= entries <= MAX_INTERVAL:
        raise Conflict(
            t(
                "The checkpoint interval must be between {low} and {high} entries.",
                low=MIN_INTERVAL,
                high=MAX_INTERVAL,
            )
        )
    row = settings_row(work)
    assert row is not None
    old, row.checkpoint_interval = row.checkpoint_interval, entries
    work.record("lab.checkpoint_interval", "lab", {"old": old, "new": entries})
