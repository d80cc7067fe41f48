"""Helpers for the scan station tests: a fresh demo lab, real labels, the journal read back."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage
from ui_support import make_ctx

from custody import demo, keyfile
from custody.context import AppContext
from custody.demo import DemoUser
from custody.domain.enums import SampleStatus
from custody.domain.labelcode import LabelKind
from custody.services import custody, labels, lookup
from custody.services.views import SampleView
from custody.services.work import Actor

SUPERVISOR, TECHNICIAN, CLERK = demo.DEMO_USERS


@dataclass
class Counter:
    """A fresh demo lab of its own (the tests write), with its label key."""

    ctx: AppContext
    path: Path
    key: bytes

    def sign_in(self, user: DemoUser) -> Actor:
        return self.ctx.sign_in(user.username, user.password)

    def label(self, kind: LabelKind, body: str) -> str:
        """Print (journal) a label as the signed-in user; its QR payload."""
        issued = self.ctx.perform(
            "label", lambda w: labels.issue(w, kind, body, self.key, template="thermal-2x1-203")
        )
        return issued.payload

    def sample_label(self, sample: SampleView) -> str:
        return self.label(LabelKind.SAMPLE, sample.compact[:-1])

    def sample(self, code: str) -> SampleView:
        return self.ctx.query(lambda w: lookup.find_sample(w, code))

    def stored(self, n: int) -> list[SampleView]:
        rows = self.ctx.query(lambda w: lookup.sample_page(w, status=SampleStatus.STORED, limit=n))
        return [self.sample(row.code) for row in rows]

    def retrieve(self, sample: SampleView) -> SampleView:
        """Take a stored sample out as the signed-in user (who then holds it)."""
        return self.ctx.perform(
            "retrieve", lambda w: custody.retrieve(w, sample.id, "scan station test")
        )

    def journal(self) -> list[tuple[str, str | None, dict[str, Any]]]:
        """(kind, subject, data) of every journal entry, oldest first."""
        with closing(sqlite3.connect(self.path)) as db:
            rows = db.execute("SELECT kind, subject, payload FROM journal ORDER BY seq").fetchall()
        return [(kind, subject, json.loads(payload)["data"]) for kind, subject, payload in rows]


def fresh_counter(tmp_path: Path) -> Counter:
    path = tmp_path / "counter.sqlite"
    ctx = make_ctx(f"sqlite+pysqlite:///{path}")
    demo.populate(ctx)
    key_path = ctx.label_key_path()
    assert key_path is not None
    counter = Counter(ctx, path, keyfile.load(key_path))
    counter.sign_in(CLERK)
    return counter


def png_bytes(width: int = 64, height: int = 48) -> bytes:
    """A real PNG image (a red rectangle)."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#c62828"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(buffer.data().data())
