"""Service messages shown in Spanish (custody.ui.error_text) with the real catalogue.

The .qm is compiled here from the committed resources/i18n/messages_es_MX.ts with
pyside6-lrelease and installed in a QTranslator; refusals come from real service calls on a
copy of the demo database. What the journal records stays English.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from ui_support import SUPERVISOR, make_ctx

from custody.context import AppContext
from custody.domain.enums import SampleStatus
from custody.domain.messages import t
from custody.errors import CustodyError, IllegalTransition, NotFound, Refusal, ValidationError
from custody.services import custody, journal_view, lab, lookup
from custody.services.custody import Credentials
from custody.ui.error_text import error_text, message_text
from custody.ui.views.sample_detail import SampleDetailView

TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "messages_es_MX.ts"
MISSING = "MX-AICM-2026-999999"


def _lrelease() -> str:
    found = Path(sys.executable).parent / "pyside6-lrelease"
    return str(found) if found.is_file() else (shutil.which("pyside6-lrelease") or "")


@pytest.fixture
def spanish(qapp, tmp_path: Path) -> Iterator[QTranslator]:
    """The services' catalogue compiled from the committed .ts and installed."""
    qm = tmp_path / "messages_es_MX.qm"
    tool = _lrelease()
    assert tool, "pyside6-lrelease is part of PySide6: it must be installed"
    subprocess.run([tool, "-silent", str(TS), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    assert QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def ctx(tmp_path: Path, demo_url: str) -> Iterator[AppContext]:
    """A copy of the demo database (refusals are journaled), the supervisor signed in."""
    target = tmp_path / "lab.sqlite"
    source = demo_url.split(":///", 1)[1]
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    context = make_ctx(f"sqlite+pysqlite:///{target}")
    context.sign_in(SUPERVISOR.username, SUPERVISOR.password)
    yield context
    context.close()


def _refusal(ctx: AppContext, label: str, fn) -> Refusal:  # type: ignore[no-untyped-def]
    with pytest.raises(Refusal) as caught:
        ctx.perform(label, fn)
    return caught.value


def _journaled_message(ctx: AppContext) -> str:
    """The `message` of the newest denial in the journal, as hashed."""
    lines = ctx.query(partial(journal_view.journal_page, kind="denied", limit=5000))
    entry = ctx.query(partial(journal_view.journal_entry, seq=lines[-1].seq))
    return str(json.loads(entry.payload_text)["data"]["message"])


def test_a_refusal_shows_in_spanish_with_its_parameter_and_is_journaled_in_english(
    spanish, ctx: AppContext
) -> None:
    refusal = _refusal(ctx, "find sample", partial(lookup.find_sample, raw=MISSING))
    assert isinstance(refusal, NotFound)
    assert error_text(refusal) == (
        f"La muestra {MISSING} no está en los registros de este laboratorio."
    )
    assert str(refusal) == f"There is no sample {MISSING} in this lab's records."
    assert _journaled_message(ctx) == f"There is no sample {MISSING} in this lab's records."


def test_nested_texts_a_field_name_and_an_action_verb_are_translated_too(
    spanish, ctx: AppContext
) -> None:
    stored = ctx.query(partial(lookup.sample_page, status=SampleStatus.STORED, limit=1))[0]
    blank = _refusal(
        ctx,
        "hand over",
        partial(custody.transfer, sample_id=stored.id, receiver=Credentials("x", "y"), purpose=""),
    )
    assert isinstance(blank, ValidationError)
    assert error_text(blank) == "«propósito» es obligatorio y no puede quedar en blanco."
    assert _journaled_message(ctx) == "The purpose is required and cannot be blank."

    twice = _refusal(ctx, "store", partial(custody.store, sample_id=stored.id, location_code="X"))
    assert isinstance(twice, IllegalTransition)
    assert error_text(twice) == (
        "No se puede almacenar: la muestra está en estado stored (debe estar en estado "
        "received o retrieved o sealed). Permitido ahora: retirar del almacén."
    )
    assert _journaled_message(ctx) == (
        "Cannot store: the sample is stored (it must be received or retrieved or sealed). "
        "Allowed now: retrieve."
    )


def test_a_view_shows_the_refusal_in_spanish(qtbot, spanish, ctx: AppContext) -> None:
    view = SampleDetailView(ctx, ctx.query(lab.lab))
    qtbot.addWidget(view)
    assert view.show_sample(MISSING) is False
    assert view.code_label.text() == (
        f"La muestra {MISSING} no está en los registros de este laboratorio."
    )


def test_without_a_translator_the_english_message_is_shown(ctx: AppContext) -> None:
    refusal = _refusal(ctx, "find sample", partial(lookup.find_sample, raw=MISSING))
    assert error_text(refusal) == f"There is no sample {MISSING} in this lab's records."


def test_a_message_missing_from_the_catalogue_falls_back_to_english(spanish) -> None:
    unknown = t("No catalogue has this {thing} yet.", thing=t("sample"))
    assert message_text(unknown) == "No catalogue has this muestra yet."  # the known part
    assert message_text(t("Not in any catalogue.")) == "Not in any catalogue."
    assert error_text(NotFound(t("Not in any catalogue either."))) == (
        "Not in any catalogue either."
    )


def test_a_translation_that_lost_a_placeholder_is_not_used(qapp, tmp_path: Path) -> None:
    broken = tmp_path / "broken.ts"
    broken.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="es_MX" sourcelanguage="en">\n'
        "<context><name>Message</name>\n"
        "<message><source>There is no case {number}.</source>"
        "<translation>No existe el caso.</translation></message>\n"
        "<message><source>There is no shipment #{id}.</source>"
        "<translation>No existe el envío {numero}.</translation></message>\n"
        "</context></TS>\n",
        "utf-8",
    )
    qm = tmp_path / "broken.qm"
    subprocess.run([_lrelease(), "-silent", str(broken), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("Message", "There is no case {number}.") == (
            "No existe el caso."
        )
        assert message_text(t("There is no case {number}.", number="NUC-7")) == (
            "There is no case NUC-7."
        )
        assert message_text(t("There is no shipment #{id}.", id=4)) == "There is no shipment #4."
    finally:
        QCoreApplication.removeTranslator(translator)


def test_plain_strings_and_other_errors_are_shown_as_they_are(spanish) -> None:
    assert message_text("already translated by tr()") == "already translated by tr()"
    assert error_text(OSError(2, "No such file")) == "[Errno 2] No such file"
    assert error_text(CustodyError("plain")) == "plain"
