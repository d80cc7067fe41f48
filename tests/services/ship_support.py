"""Helpers for shipment tests: sealed samples, a packed shipment, approval, dispatch, receipt."""

from __future__ import annotations

from dataclasses import dataclass

from custody.domain.labelcode import LabelKind
from custody.services import consignees, intake, labels, receiving, seals, shipments
from custody.services.intake import NewSample
from custody.services.shipment_views import ShipmentView
from custody.services.views import SampleView
from lab_support import PASSWORD, Lab

KEY = bytes(range(32))
CONSIGNEE = "DEA Special Testing and Research Laboratory"


@dataclass
class Shipped:
    shipment: ShipmentView
    samples: list[SampleView]

    @property
    def id(self) -> int:
        return self.shipment.id


def sealed_samples(lab: Lab, n: int, *, weight: str = "10.0000") -> list[SampleView]:
    """``n`` samples registered and sealed by the technician (who holds them)."""
    ctx = lab.as_(lab.technician)
    out = []
    for i in range(n):
        sample = ctx.perform(
            "reg",
            lambda w, i=i: intake.register_sample(
                w,
                lab.exhibit_id,
                NewSample(
                    f"white powder, bag {i + 1}", weight, "BAL-01", presumptive_substance="fentanyl"
                ),
            ),
        )
        out.append(
            ctx.perform("seal", lambda w, s=sample, i=i: seals.seal(w, s.id, f"S-{s.id:05d}-{i}"))
        )
    return out


def ensure_consignees(lab: Lab) -> None:
    lab.as_(lab.supervisor).perform("defaults", consignees.add_defaults)


def packed(lab: Lab, n: int = 3, packages: int = 1, *, weight: str = "10.0000") -> Shipped:
    """A shipment of ``n`` sealed samples over ``packages`` packages (by the technician)."""
    ensure_consignees(lab)
    samples = sealed_samples(lab, n, weight=weight)
    ctx = lab.as_(lab.technician)
    view = ctx.perform(
        "create",
        lambda w: shipments.create(
            w, CONSIGNEE, carrier="DHL Express", waybill="AWB 123-45678901", transport_mode="air"
        ),
    )
    sid = view.id
    for p in range(packages):
        ctx.perform(
            "package", lambda w, p=p: shipments.add_package(w, sid, [f"OUT-{sid}-{p + 1}-A"])
        )
    for i, sample in enumerate(samples):
        view = ctx.perform(
            "pack", lambda w, s=sample, i=i: shipments.pack(w, sid, 1 + i % packages, s.id)
        )
    return Shipped(view, samples)


def approve(lab: Lab, shipped: Shipped) -> ShipmentView:
    ctx = lab.as_(lab.supervisor)
    view = ctx.perform(
        "approve", lambda w: shipments.approve(w, shipped.id, PASSWORD, KEY, ctx.signer())
    )
    shipped.shipment = view
    return view


def dispatch(lab: Lab, shipped: Shipped) -> ShipmentView:
    ctx = lab.as_(lab.clerk)
    view = ctx.perform(
        "dispatch",
        lambda w: shipments.dispatch(w, shipped.id, PASSWORD, "Juan Pérez, DHL, badge 4471"),
    )
    shipped.shipment = view
    return view


def manifest_payload(lab: Lab, shipped: Shipped) -> str:
    """The QR payload printed on the current manifest revision."""
    return lab.ctx.query(
        lambda w: shipments.manifests.current(w, shipments.load(w, shipped.id)).qr_payload
    )


def receive(lab: Lab, shipped: Shipped) -> None:
    payload = manifest_payload(lab, shipped)
    lab.as_(lab.clerk).perform(
        "receive", lambda w: receiving.start(w, shipped.id, payload, KEY) and None
    )


def sample_payload(lab: Lab, sample: SampleView) -> str:
    """Print a label for the sample (as the technician) and return its QR payload."""
    label = lab.as_(lab.technician).perform(
        "label",
        lambda w: labels.issue(
            w, LabelKind.SAMPLE, sample.compact[:-1], KEY, template="thermal-2x1-203"
        ),
    )
    return label.payload


def package_payload(lab: Lab, shipped: Shipped, number: int) -> str:
    label = lab.as_(lab.technician).perform(
        "label",
        lambda w: labels.issue(
            w,
            LabelKind.SHIPMENT,
            labels.shipment_key(shipped.id, number),
            KEY,
            template="thermal-4x2-203",
        ),
    )
    return label.payload
