"""Partner labs: a supervisor registers another lab's public key (fingerprint confirmed out of
band); the keys are what imported bundles are verified with."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from svc_support import Snapshot, count, journal_rows

from custody.domain.text import grouped
from custody.errors import Conflict, PermissionDenied, ValidationError
from custody.services import partners
from custody.verifier import fingerprint, public_key_of_pem
from lab_support import Lab

CHECKED = "read over the phone with J. Pérez, 2026-09-01"


def _pem() -> bytes:
    return (
        Ed25519PrivateKey.generate()
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )


def _add(
    lab: Lab, pem: bytes, origin: str = "gt-inacif", how: str = CHECKED
) -> partners.PartnerView:
    return lab.as_(lab.supervisor).perform(
        "add partner",
        lambda w: partners.add_partner(w, pem, origin, "INACIF Guatemala", how),
    )


def test_a_partner_key_is_added_listed_and_trusted_for_its_origin(lab_db: Lab) -> None:
    pem, other = _pem(), _pem()
    added = _add(lab_db, pem)
    expected = fingerprint(public_key_of_pem(pem))
    assert (added.origin, added.fingerprint, added.how_checked) == ("GT-INACIF", expected, CHECKED)
    assert added.public_key == public_key_of_pem(pem) and added.added_by == "Sofía Supervisor"
    second = _add(lab_db, other)  # a second key for the same lab (e.g. a new workstation)
    entry = journal_rows(lab_db.ctx)[-1]
    assert (entry["kind"], entry["subject"]) == ("partner.add", "partner:GT-INACIF")
    assert entry["data"] == {
        "fingerprint": second.fingerprint,
        "lab_name": "INACIF Guatemala",
        "how_checked": CHECKED,
    }
    assert [c["t"] for c in entry["changes"]] == ["partner_keys"]
    ctx = lab_db.as_(lab_db.clerk)
    listed = ctx.query(partners.partners)
    assert [p.fingerprint for p in listed] == [added.fingerprint, second.fingerprint]
    keys = ctx.query(lambda w: partners.trusted_keys(w, "gt-inacif "))
    assert keys == {
        added.fingerprint: public_key_of_pem(pem),
        second.fingerprint: public_key_of_pem(other),
    }
    assert ctx.query(lambda w: partners.trusted_keys(w, "US-OFS")) == {}
    assert grouped("ABCDEFGH12345678") == "ABCD EFGH 1234 5678"


def test_refusals_write_nothing_but_the_denial(lab_db: Lab) -> None:
    pem = _pem()
    _add(lab_db, pem)
    rsa_pem = (
        rsa.generate_private_key(public_exponent=65537, key_size=2048)
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    cases: list[tuple[bytes, str, str, type[Exception], str]] = [
        (pem, "SV-IML", CHECKED, Conflict, "registered already, for GT-INACIF"),
        (rsa_pem, "SV-IML", CHECKED, ValidationError, "not an Ed25519 public key"),
        (b"not a key", "SV-IML", CHECKED, ValidationError, "not a PEM public key"),
        (_pem(), "MX-AICM", CHECKED, ValidationError, "this lab's own site prefix"),
        (_pem(), "SV IML", CHECKED, ValidationError, "site prefix"),
        (_pem(), "SV-IML", "   ", ValidationError, "how the fingerprint was checked"),
    ]
    for key, origin, how, error, message in cases:
        before = Snapshot(lab_db.ctx)
        partners_before = count(lab_db.ctx, "partner_keys")
        with pytest.raises(error, match=message):
            _add(lab_db, key, origin, how)
        denial = before.assert_only_denial()
        assert count(lab_db.ctx, "partner_keys") == partners_before
        assert denial["data"]["action"] == "add partner"
    before = Snapshot(lab_db.ctx)
    with pytest.raises(PermissionDenied, match="may not settings"):
        lab_db.as_(lab_db.clerk).perform(
            "add partner",
            lambda w: partners.add_partner(w, _pem(), "SV-IML", "IML", CHECKED),
        )
    assert before.assert_only_denial()["subject"] == "partner:SV-IML"
