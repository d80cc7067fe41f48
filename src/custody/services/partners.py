"""Partner labs: the other labs whose signed bundles this lab accepts, by public key.

A supervisor adds a partner's Ed25519 public key (a PEM file) only after confirming its
fingerprint with the partner through another channel (phone, letter, the printed manifest),
and says how (`how_checked`, journaled). An imported bundle is verified against these keys
only: the key inside a bundle is never trusted on its own word.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from custody import verifier
from custody.db import queries
from custody.db.models import PartnerKey
from custody.domain.ids import InvalidIdError, validate_site_prefix
from custody.domain.messages import message_of, t
from custody.domain.permissions import Action
from custody.domain.text import TextError, grouped, required
from custody.errors import Conflict, ValidationError
from custody.services.lab import lab
from custody.services.work import Work


@dataclass(frozen=True)
class PartnerView:
    id: int
    origin: str  # the partner lab's site prefix
    lab_name: str
    fingerprint: str
    public_key: str  # raw Ed25519 key, hex
    added_at: datetime
    added_by: str
    how_checked: str


def _view(row: PartnerKey, names: dict[int, str]) -> PartnerView:
    return PartnerView(
        row.id,
        row.origin,
        row.lab_name,
        row.fingerprint,
        row.public_key,
        row.added_at,
        names.get(row.added_by_id, "?"),
        row.how_checked,
    )


def add_partner(
    work: Work, public_key_pem: bytes, origin: str, lab_name: str, how_checked: str
) -> PartnerView:
    """Accept bundles signed by this key as coming from the lab `origin`."""
    actor = work.require(Action.SETTINGS, subject=f"partner:{origin.strip().upper()}")
    try:
        prefix = validate_site_prefix(origin)
        name = required(lab_name, t("partner lab name"), max_len=200)
        checked = required(
            how_checked, t("how the fingerprint was checked (with whom, how)"), max_len=1000
        )
    except (InvalidIdError, TextError) as error:
        raise ValidationError(message_of(error), subject=f"partner:{origin}") from None
    where = f"partner:{prefix}"
    if prefix == lab(work).site_prefix:
        raise ValidationError(
            t("{origin} is this lab's own site prefix, not a partner lab.", origin=prefix),
            subject=where,
        )
    try:
        public_key = verifier.public_key_of_pem(public_key_pem)
    except verifier.Invalid as error:
        raise ValidationError(
            t("The partner's key file cannot be used: {reason}", reason=str(error)),
            subject=where,
        ) from None
    fingerprint = verifier.fingerprint(public_key)
    known = queries.first(work.session, PartnerKey, fingerprint=fingerprint)
    if known is not None:
        raise Conflict(
            t(
                "The key {fingerprint} is registered already, for {origin} ({lab}).",
                fingerprint=grouped(fingerprint),
                origin=known.origin,
                lab=known.lab_name,
            ),
            subject=where,
        )
    row = PartnerKey(
        origin=prefix,
        lab_name=name,
        fingerprint=fingerprint,
        public_key=public_key,
        added_at=work.now,
        added_by_id=actor.id,
        how_checked=checked,
    )
    work.session.add(row)
    work.session.flush()
    work.record(
        "partner.add",
        where,
        {"fingerprint": fingerprint, "lab_name": name, "how_checked": checked},
    )
    return _view(row, queries.people_names(work.session))


def partners(work: Work) -> list[PartnerView]:
    """Every partner key, by origin then in the order they were added."""
    work.require(Action.READ)
    names = queries.people_names(work.session)
    rows = queries.all_of(work.session, PartnerKey, "id")
    return [_view(row, names) for row in sorted(rows, key=lambda r: (r.origin, r.id))]


def trusted_keys(work: Work, origin: str) -> dict[str, str]:
    """The keys accepted for bundles from `origin`: fingerprint → public key (hex)."""
    work.require(Action.READ)
    rows = queries.rows_where(work.session, PartnerKey, "id", origin=origin.strip().upper())
    return {row.fingerprint: row.public_key for row in rows}


def lab_name_of(work: Work, origin: str, fingerprint: str) -> str | None:
    """The partner lab's name as it was registered (for the key that signed, if listed)."""
    rows = queries.rows_where(work.session, PartnerKey, "id", origin=origin)
    signed = [row for row in rows if row.fingerprint == fingerprint]
    chosen = signed or rows
    return chosen[-1].lab_name if chosen else None
