"""Every sample status, shipment status and form has its bilingual printed label."""

from __future__ import annotations

from custody.domain import printed
from custody.domain.enums import SampleForm, SampleStatus, ShipmentStatus


def test_every_value_prints_in_both_languages() -> None:
    for label, values in (
        (printed.sample_status, SampleStatus),
        (printed.shipment_status, ShipmentStatus),
        (printed.form, SampleForm),
    ):
        for value in values:
            english, spanish = label(value).split(" / ")
            assert english and spanish, value
    assert printed.sample_status("stored") == "Stored / Almacenada"  # a stored plain string
    assert printed.form("mystery") == "mystery"  # unknown to this version: printed as stored
