"""Read services behind the sample detail view: the labels printed for a sample, its photos."""

from __future__ import annotations

import hashlib

import pytest

from custody.domain.labelcode import LabelKind
from custody.errors import NotFound
from custody.services import intake, labels, photos
from custody.services.intake import NewSample
from custody.services.views import SampleView
from lab_support import Lab

KEY = bytes(range(32))
PNG = b"\x89PNG\r\n\x1a\n" + b"\x01" * 40
JPEG = b"\xff\xd8\xff\xe0" + b"\x02" * 40


def _sample(lab: Lab, description: str = "white powder") -> SampleView:
    ctx = lab.as_(lab.technician)
    return ctx.perform(
        "reg",
        lambda w: intake.register_sample(w, lab.exhibit_id, NewSample(description, "10", "BAL")),
    )


def _print(lab: Lab, key: str, reason: str | None = None, template: str = "letter-30up") -> int:
    issued = lab.ctx.perform(
        "print",
        lambda w: labels.issue(
            w, LabelKind.SAMPLE, key, KEY, template=template, reprint_reason=reason
        ),
    )
    return issued.code.serial


def test_prints_of_lists_every_label_of_the_sample_with_voids(lab_db: Lab) -> None:
    sample, other = _sample(lab_db), _sample(lab_db, "second bag")
    assert lab_db.ctx.query(lambda w: labels.prints_of(w, sample.id)) == []
    first = _print(lab_db, sample.compact[:-1])
    unrelated = _print(lab_db, other.compact[:-1])
    second = _print(lab_db, sample.compact[:-1], "smudged by solvent", "thermal-2x1-203")
    lab_db.as_(lab_db.auditor)  # reading is everyone's right
    found = lab_db.ctx.query(lambda w: labels.prints_of(w, sample.id))
    assert [p.serial for p in found] == [first, second] and unrelated not in (first, second)
    old, new = found
    assert (old.voided, old.reprint_of, old.template) == (True, None, "letter-30up")
    assert old.voided_at is not None and old.printed_by == "Tomás Técnico"
    assert (new.voided, new.reprint_of, new.reprint_reason) == (False, first, "smudged by solvent")
    assert new.template == "thermal-2x1-203" and new.voided_at is None
    theirs = lab_db.ctx.query(lambda w: labels.prints_of(w, other.id))
    assert [p.serial for p in theirs] == [unrelated]
    with pytest.raises(NotFound):
        lab_db.ctx.query(lambda w: labels.prints_of(w, 999_999))


def test_photos_of_returns_each_photo_with_its_digest_and_bytes(lab_db: Lab) -> None:
    sample = _sample(lab_db)
    ctx = lab_db.ctx
    assert ctx.query(lambda w: photos.photos_of(w, sample.id)) == []
    ctx.perform("photo", lambda w: photos.add_photo(w, sample.id, "bag.png", PNG))
    ctx.perform("photo", lambda w: photos.add_photo(w, sample.id, "seal.jpg", JPEG))
    lab_db.as_(lab_db.auditor)
    found = ctx.query(lambda w: photos.photos_of(w, sample.id))
    assert [(p.filename, p.media_type, p.size_bytes) for p in found] == [
        ("bag.png", "image/png", len(PNG)),
        ("seal.jpg", "image/jpeg", len(JPEG)),
    ]
    assert [p.sha256 for p in found] == [hashlib.sha256(d).hexdigest() for d in (PNG, JPEG)]
    assert ctx.query(lambda w: photos.photo_data(w, found[1].id)) == JPEG
    with pytest.raises(NotFound):
        ctx.query(lambda w: photos.photo_data(w, 999_999))
