"""The "shipment" section of a verified bundle's custody-bundle.json, read into typed parts.

Nothing here trusts the bundle: every field is checked for its type, its range and the size
its column allows, before any record is written. A problem raises :class:`ContentError` with
the reason (translatable); `services.bundle_import` refuses the bundle with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from custody.domain.canonical import parse_utc
from custody.domain.enums import SampleForm
from custody.domain.ids import InvalidIdError, SampleId, parse_human
from custody.domain.labelcode import Code, LabelKind, read_unsigned
from custody.domain.messages import Text, message_of, t
from custody.domain.weights import WeightError, parse_grams

_HEX64 = re.compile(r"[0-9a-f]{64}")
_MEMBER = re.compile(r"manifests/[A-Za-z0-9_][A-Za-z0-9._-]{0,99}")


class ContentError(ValueError):
    """The shipment section is malformed or inconsistent (the message says what)."""


@dataclass(frozen=True)
class Label:
    """A label exactly as the origin printed it, and what its text says (MAC not checked)."""

    payload: str
    code: Code


@dataclass(frozen=True)
class PackagePart:
    number: int
    seals: tuple[str, ...]
    label: Label | None


@dataclass(frozen=True)
class SamplePart:
    sample_id: SampleId
    package: int
    description: str
    presumptive_substance: str | None
    form: SampleForm
    unit_count: int | None
    net_weight: Decimal
    hazard: bool
    seals: tuple[str, ...]
    label: Label | None
    case_number: str
    institution: str
    exhibit: int
    port: str
    seized_at: datetime
    last_seq: int  # the sample's last entry in the origin's journal
    last_hash: str


@dataclass(frozen=True)
class ShipmentPart:
    manifest_number: str
    revision: int
    carrier: str | None
    waybill: str | None
    transport_mode: str | None
    conditions: str | None
    approved_at: datetime | None
    dispatched_at: datetime
    carrier_agent: str | None
    manifest_pdf: str  # the ZIP member holding the issued PDF
    manifest_sha256: str
    manifest_fingerprint: str
    manifest_content: str  # the origin's canonical manifest content (JSON)
    manifest_label: Label
    packages: tuple[PackagePart, ...]
    samples: tuple[SamplePart, ...]

    def seal_serials(self) -> list[str]:
        return [s for p in self.packages for s in p.seals] + [
            s for sample in self.samples for s in sample.seals
        ]

    def labels(self) -> list[Label]:
        found = [self.manifest_label] + [p.label for p in self.packages if p.label]
        return found + [s.label for s in self.samples if s.label]


def _fail(reason: Text) -> ContentError:
    return ContentError(t("the shipment it describes is not usable: {reason}", reason=reason))


def _text(data: dict[str, Any], key: str, limit: int, *, required: bool = True) -> str | None:
    value = data.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value.strip()):
        raise _fail(t("{field} is missing or not text", field=key))
    if len(value) > limit:
        raise _fail(t("{field} is longer than {limit} characters", field=key, limit=limit))
    return value


def _req(data: dict[str, Any], key: str, limit: int) -> str:
    value = _text(data, key, limit)
    assert value is not None
    return value


def _int(data: dict[str, Any], key: str, low: int) -> int:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value < 2**31:
        raise _fail(t("{field} is not a whole number from {low}", field=key, low=low))
    return value


def _opt_int(data: dict[str, Any], key: str, low: int) -> int | None:
    return None if data.get(key) is None else _int(data, key, low)


def _moment(data: dict[str, Any], key: str) -> datetime:
    value = data.get(key)
    try:
        moment = parse_utc(value) if isinstance(value, str) and len(value) == 27 else None
        moment = moment or datetime.fromisoformat(str(value))
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise _fail(t("{field} is not a time with its time zone", field=key))
    return moment


def _opt_moment(data: dict[str, Any], key: str) -> datetime | None:
    return None if data.get(key) is None else _moment(data, key)


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    if not isinstance(value, list):
        raise _fail(t("{field} is not a list", field=key))
    return value


def _seals(data: dict[str, Any]) -> tuple[str, ...]:
    serials = _list(data, "seals")
    if not all(isinstance(s, str) and s.strip() and len(s) <= 64 for s in serials):
        raise _fail(t("a seal number is missing, not text or longer than 64 characters"))
    return tuple(serials)


def _label(value: Any, kind: LabelKind, body: str | None, what: str) -> Label | None:
    if value is None:
        return None
    code = read_unsigned(value) if isinstance(value, str) and len(value) <= 80 else None
    if code is None or code.kind is not kind or (body is not None and code.body != body):
        raise _fail(t("the label text of {what} is not its label code", what=what))
    return Label(value, code)


def _package(data: Any) -> PackagePart:
    if not isinstance(data, dict):
        raise _fail(t("a package is not a JSON object"))
    number = _int(data, "number", 1)
    label = _label(data.get("label"), LabelKind.SHIPMENT, None, t("package {n}", n=number))
    return PackagePart(number, _seals(data), label)


def _sample(data: Any) -> SamplePart:
    if not isinstance(data, dict):
        raise _fail(t("a sample is not a JSON object"))
    code = _req(data, "code", 40)
    try:
        sample_id = parse_human(code)
        form = SampleForm(str(data.get("form")))
        weight = parse_grams(_req(data, "net_weight", 40), field=t("net weight"))
    except (InvalidIdError, WeightError) as error:
        raise _fail(t("sample {code}: {problem}", code=code, problem=message_of(error))) from None
    except ValueError:
        raise _fail(
            t("sample {code}: unknown form {form}", code=code, form=data.get("form"))
        ) from None
    if sample_id.human != code or weight <= 0 or not isinstance(data.get("hazard"), bool):
        raise _fail(t("sample {code}: its ID, weight or hazard flag is malformed", code=code))
    last_hash = data.get("last_hash")
    if not isinstance(last_hash, str) or not _HEX64.fullmatch(last_hash):
        raise _fail(t("sample {code}: last_hash is not a SHA-256", code=code))
    return SamplePart(
        sample_id=sample_id,
        package=_int(data, "package", 1),
        description=_req(data, "description", 2000),
        presumptive_substance=_text(data, "presumptive_substance", 200, required=False),
        form=form,
        unit_count=_opt_int(data, "unit_count", 0),
        net_weight=weight,
        hazard=bool(data["hazard"]),
        seals=_seals(data),
        label=_label(data.get("label"), LabelKind.SAMPLE, sample_id.key, code),
        case_number=_req(data, "case_number", 100),
        institution=_req(data, "institution", 200),
        exhibit=_int(data, "exhibit", 1),
        port=_req(data, "port", 32),
        seized_at=_moment(data, "seized_at"),
        last_seq=_int(data, "last_seq", 1),
        last_hash=last_hash,
    )


def read_shipment(data: Any) -> ShipmentPart:
    """The shipment section, checked; ContentError says what is wrong with it."""
    if not isinstance(data, dict):
        raise _fail(t("the shipment section is missing"))
    number, status = _req(data, "manifest_number", 40), _req(data, "status", 20)
    if status != "dispatched":
        raise _fail(
            t(
                "shipment {number} is {status}, not dispatched: only a shipment on its way "
                "can be received",
                number=number,
                status=status,
            )
        )
    packages = tuple(_package(p) for p in _list(data, "packages"))
    samples = tuple(_sample(s) for s in _list(data, "samples"))
    manifest_label = _label(data.get("manifest_label"), LabelKind.SHIPMENT, None, t("manifest"))
    if manifest_label is None:
        raise _fail(t("the manifest's label text is missing"))
    part = ShipmentPart(
        manifest_number=number,
        revision=_int(data, "revision", 1),
        carrier=_text(data, "carrier", 200, required=False),
        waybill=_text(data, "waybill", 100, required=False),
        transport_mode=_text(data, "transport_mode", 50, required=False),
        conditions=_text(data, "conditions", 1000, required=False),
        approved_at=_opt_moment(data, "approved_at"),
        dispatched_at=_moment(data, "dispatched_at"),
        carrier_agent=_text(data, "carrier_agent", 300, required=False),
        manifest_pdf=_req(data, "manifest_pdf", 120),
        manifest_sha256=_req(data, "manifest_sha256", 64),
        manifest_fingerprint=_req(data, "manifest_fingerprint", 64),
        manifest_content=_req(data, "manifest_content", 64 << 20),
        manifest_label=manifest_label,
        packages=packages,
        samples=samples,
    )
    _consistent(part)
    return part


def _consistent(part: ShipmentPart) -> None:
    """What must hold between the parts (the journal is checked in `bundle_import`)."""
    if not _MEMBER.fullmatch(part.manifest_pdf) or not _HEX64.fullmatch(part.manifest_sha256):
        raise _fail(t("the manifest PDF's name or SHA-256 is malformed"))
    if not part.samples:
        raise _fail(t("shipment {number} has no samples", number=part.manifest_number))
    numbers = [p.number for p in part.packages]
    codes = [s.sample_id.human for s in part.samples]
    serials = part.seal_serials()
    payloads = [label.payload for label in part.labels()]
    for twice, values in (
        (t("a package number is listed twice"), numbers),
        (t("a sample is listed twice"), codes),
        (t("a seal number is listed twice"), serials),
    ):
        if len(set(values)) != len(values):
            raise _fail(twice)
    if len(set(payloads)) != len(payloads):
        raise _fail(t("two records carry the same label text"))
    lost = sorted({s.package for s in part.samples} - set(numbers))
    if lost:
        raise _fail(t("samples travel in package {number}, which is not listed", number=lost[0]))
    shipment = part.manifest_label.code.body
    if not shipment.isdigit():
        raise _fail(t("the manifest's label is not a shipment's label"))
    for package in part.packages:
        if package.label and package.label.code.body != f"{shipment}P{package.number}":
            raise _fail(t("the label of package {n} names another package", n=package.number))
