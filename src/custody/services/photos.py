"""Photographs of samples, kept with their SHA-256 (domain.md: photos with SHA-256)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import PurePath

from custody.db import queries
from custody.db.models import Photo
from custody.domain.messages import t
from custody.domain.permissions import Action
from custody.errors import ValidationError
from custody.services.custody import load_sample
from custody.services.work import Work

MAX_BYTES = 20 * 1024 * 1024
_SIGNATURES = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG\r\n\x1a\n": "image/png"}


@dataclass(frozen=True)
class PhotoView:
    id: int
    sha256: str
    media_type: str
    filename: str
    size_bytes: int


def media_type(data: bytes) -> str:
    for signature, kind in _SIGNATURES.items():
        if data.startswith(signature):
            return kind
    raise ValidationError(t("Only JPEG and PNG photographs can be attached."))


def add_photo(work: Work, sample_id: int, filename: str, data: bytes) -> PhotoView:
    actor = work.require(Action.REGISTER)
    sample = load_sample(work, sample_id)
    if not data:
        raise ValidationError(t("The photograph file is empty."))
    if len(data) > MAX_BYTES:
        raise ValidationError(
            t("The photograph is larger than {size} MB.", size=MAX_BYTES // (1024 * 1024))
        )
    kind = media_type(data)
    name = PurePath(filename.replace("\\", "/")).name[:255] or "photo"
    digest = hashlib.sha256(data).hexdigest()
    photo = Photo(
        sample_id=sample.id,
        sha256=digest,
        media_type=kind,
        filename=name,
        size_bytes=len(data),
        data=data,
        added_by_id=actor.id,
        added_at=work.now,
    )
    work.session.add(photo)
    work.session.flush()
    work.record("sample.photo", f"sample:{sample.code}", {"sha256": digest, "filename": name})
    return PhotoView(photo.id, digest, kind, name, len(data))


def photos_of(work: Work, sample_id: int) -> list[PhotoView]:
    """The photographs of a sample, in the order they were added."""
    work.require(Action.READ)
    sample = load_sample(work, sample_id)
    rows = queries.rows_where(work.session, Photo, "id", sample_id=sample.id)
    return [PhotoView(p.id, p.sha256, p.media_type, p.filename, p.size_bytes) for p in rows]


def photo_data(work: Work, photo_id: int) -> bytes:
    """The stored bytes of a photograph (to show it)."""
    work.require(Action.READ)
    return work.get(Photo, photo_id, t("photograph")).data
