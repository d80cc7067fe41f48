"""Label print jobs, shared by the command line and the desktop app.

A job is: find the records (a wrong ID is refused and journaled), journal one label per record
(a new serial; a reprint voids the earlier label and needs a reason), and only then render the
labels. If anything goes wrong after some labels were journaled, the caller learns which serials
exist without a printed label (:attr:`Batch.labels`), so it can tell the clerk to reprint them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from functools import partial
from zoneinfo import ZoneInfo

from custody.context import AppContext
from custody.domain.label_layout import LabelContent
from custody.domain.labelcode import LabelKind
from custody.domain.messages import t
from custody.errors import NotFound
from custody.services import labels, locations, lookup, manifests, shipments, users
from custody.services.labels import IssuedLabel
from custody.services.views import SampleView
from custody.services.work import Work

__all__ = [
    "Batch",
    "Target",
    "badge_targets",
    "initials",
    "issue",
    "location_targets",
    "package_targets",
    "sample_content",
    "sample_targets",
]


@dataclass(frozen=True)
class Target:
    """One label to print: the record's key in the QR code and its printed content."""

    kind: LabelKind
    key: str
    content: Callable[[IssuedLabel], LabelContent]


@dataclass
class Batch:
    """The labels journaled so far, with what each one shows and its QR payload."""

    labels: list[IssuedLabel] = field(default_factory=list)
    contents: list[tuple[LabelContent, str]] = field(default_factory=list)

    @property
    def serials(self) -> list[int]:
        return [label.code.serial for label in self.labels]

    def unprinted_note(self, what: str) -> str:
        """'' when nothing was journaled; else the note for the clerk about orphaned serials."""
        if not self.labels:
            return ""
        return t(
            "Serial(s) {serials} were journaled but {what}; print them again as a reprint "
            "with a reason.",
            serials=", ".join(str(s) for s in self.serials),
            what=what,
        )


def initials(full_name: str) -> str:
    """'Q.F.B. Jorge Ramírez Soto' -> 'JRS': up to three name words, titles ('Dra.') skipped."""
    words = [w for w in full_name.split() if not w.endswith(".")]
    return "".join(w[0] for w in words[:3]).upper()


def sample_content(view: SampleView, who: str, zone: str, label: IssuedLabel) -> LabelContent:
    """What a sample label shows (domain.md): ID, case/exhibit, date, initials, description,
    weight, seals, the hazard line and the reprint marker."""
    return LabelContent(
        id_text=view.code,
        case_exhibit=f"{view.case_number} · Ex. {view.exhibit_number}",
        date=f"{view.created_at.astimezone(ZoneInfo(zone)):%Y-%m-%d}",
        initials=who,
        description=view.description,
        weight=f"{view.net_weight} g",
        seal=", ".join(view.seals) or "—",
        hazard=view.hazard,
        reprint=label.reprint,
    )


def _who(ctx: AppContext) -> str:
    return initials(ctx.actor.full_name) if ctx.actor else ""


def sample_targets(ctx: AppContext, raws: Sequence[str]) -> list[Target]:
    """One target per sample ID (or scanned compact code); an unknown one is refused and
    journaled before anything is printed."""
    who = _who(ctx)
    targets = []
    for raw in raws:
        view = ctx.perform("find sample", partial(lookup.find_sample, raw=raw))
        targets.append(
            Target(
                LabelKind.SAMPLE,
                view.compact[:-1],
                partial(sample_content, view, who, ctx.zone),
            )
        )
    return targets


def _location(work: Work, raw: str) -> locations.LocationView:
    code = raw.strip().upper()
    for place in locations.list_locations(work):
        if place.code == code:
            return place
    raise NotFound(t("There is no location '{raw}'.", raw=raw.strip()))


def _location_content(
    place: locations.LocationView, who: str, today: str, label: IssuedLabel
) -> LabelContent:
    return LabelContent(
        id_text=place.code,
        case_exhibit=place.name,
        date=today,
        initials=who,
        description=place.kind.value,
        weight="",
        seal="",
        hazard=False,
        reprint=label.reprint,
    )


def location_targets(ctx: AppContext, raws: Sequence[str]) -> list[Target]:
    who = _who(ctx)
    today = f"{datetime.now(ZoneInfo(ctx.zone)):%Y-%m-%d}"
    targets = []
    for raw in raws:
        place = ctx.perform("find location", partial(_location, raw=raw))
        targets.append(
            Target(LabelKind.LOCATION, place.code, partial(_location_content, place, who, today))
        )
    return targets


def package_targets(ctx: AppContext, shipment: str, numbers: Sequence[int] = ()) -> list[Target]:
    """One label per package of a shipment (all, or the ``numbers`` given): manifest number,
    package n of N, consignee, outer seals, weight of its samples, hazard line if any sample
    is a potent opioid."""
    who = _who(ctx)
    view = ctx.perform("find shipment", partial(shipments.find, raw=shipment))
    total = len(view.packages)
    wanted = set(numbers) or {p.number for p in view.packages}
    unknown = wanted - {p.number for p in view.packages}
    if unknown:
        raise NotFound(
            t(
                "Shipment {shipment} has no package {package} (it has {total}).",
                shipment=view.manifest_number,
                package=min(unknown),
                total=total,
            )
        )
    rows = ctx.query(lambda w: manifests.build_content(w, shipments.load(w, view.id)).rows)
    today = f"{datetime.now(ZoneInfo(ctx.zone)):%Y-%m-%d}"
    targets = []
    for package in view.packages:
        if package.number not in wanted:
            continue
        mine = [r for r in rows if r.package == package.number]
        weight = sum((Decimal(r.net_weight) for r in mine), Decimal(0))
        content = LabelContent(
            id_text=f"{view.manifest_number} · {package.number}/{total}",
            case_exhibit=view.consignee,
            date=today,
            initials=who,
            description=f"Outer package / Bulto: {len(mine)} sample(s)",
            weight=f"{weight:.4f} g",
            seal=", ".join(package.outer_seals) or "—",
            hazard=any(r.hazard for r in mine),
            reprint=0,
        )
        targets.append(
            Target(
                LabelKind.SHIPMENT,
                labels.shipment_key(view.id, package.number),
                partial(_with_reprint, content),
            )
        )
    return targets


def badge_targets(ctx: AppContext, usernames: Sequence[str]) -> list[Target]:
    """Person badges: name, position and institution; the QR identifies the person."""
    today = f"{datetime.now(ZoneInfo(ctx.zone)):%Y-%m-%d}"
    targets = []
    for raw in usernames:
        person = ctx.perform("find user", partial(users.find_user, username=raw))
        detail = " — ".join(x for x in (person.position, person.institution) if x)
        content = LabelContent(
            id_text=(person.username or "").upper(),
            case_exhibit=person.full_name,
            date=today,
            initials="",
            description=detail,
            weight="",
            seal="",
            hazard=False,
            reprint=0,
        )
        targets.append(
            Target(LabelKind.BADGE, person.username or raw, partial(_with_reprint, content))
        )
    return targets


def _with_reprint(content: LabelContent, label: IssuedLabel) -> LabelContent:
    return dataclasses.replace(content, reprint=label.reprint)


def issue(
    ctx: AppContext,
    targets: Sequence[Target],
    *,
    template: str,
    label_key: bytes,
    reprint_reason: str | None,
    batch: Batch,
    progress: Callable[[int, int], None] | None = None,
) -> Batch:
    """Journal one label per target, one action each, filling ``batch`` as it goes (so the
    caller still has the serials journaled before a refusal stops the job). ``progress(done,
    total)`` is called before each label; whatever it raises (a cancel) stops the job there."""
    for done, target in enumerate(targets):
        if progress is not None:
            progress(done, len(targets))
        label = ctx.perform(
            "print label",
            partial(
                labels.issue,
                kind=target.kind,
                key=target.key,
                label_key=label_key,
                template=template,
                reprint_reason=reprint_reason,
            ),
        )
        batch.labels.append(label)
        batch.contents.append((target.content(label), label.payload))
    return batch
