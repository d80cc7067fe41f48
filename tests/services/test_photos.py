from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import create_engine, text
from svc_support import journal_rows

from custody.errors import ValidationError
from custody.services import audit, intake, photos
from custody.services.intake import NewSample
from lab_support import Lab

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_photo_kept_with_its_sha256_and_verified(lab_db: Lab) -> None:
    ctx = lab_db.as_(lab_db.technician)
    sample = ctx.perform(
        "reg",
        lambda w: intake.register_sample(w, lab_db.exhibit_id, NewSample("powder", "1", "BAL")),
    )
    view = ctx.perform("photo", lambda w: photos.add_photo(w, sample.id, "C:\\fotos\\bag.png", PNG))
    digest = hashlib.sha256(PNG).hexdigest()
    assert (view.sha256, view.media_type, view.filename) == (digest, "image/png", "bag.png")
    inserted = journal_rows(ctx)[-1]["changes"][0]["v"]
    assert inserted["data"] == f"sha256:{digest}"  # the bytes themselves stay out of the journal
    with pytest.raises(ValidationError, match="Only JPEG and PNG"):
        ctx.perform("photo", lambda w: photos.add_photo(w, sample.id, "x.gif", b"GIF89a...."))
    # swapping the picture behind Custody's back is caught by verify
    engine = create_engine(lab_db.url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE photos SET data = :d"), {"d": PNG + b"edited"})
    engine.dispose()
    divergence = lab_db.as_(lab_db.auditor).query(lambda w: audit.verify(w)).divergence
    assert divergence is not None and (divergence.table, divergence.field) == ("photos", "data")
