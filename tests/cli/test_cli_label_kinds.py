"""`custody-cli labels packages|badges|calibrate`: every kind of label decodes to its record."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from cli_support import DEMO_PASSWORDS, Cli, Result, journal_kinds
from cli_support import demo_fixture as demo_fixture  # pytest fixtures
from cli_support import demo_run_fixture as demo_run_fixture

from custody import keyfile
from custody.context import AppContext
from custody.domain.labelcode import Code, LabelKind, parse
from custody.services import consignees, custody, labels, lookup, shipments
from lab_support import skip_or_fail

FIRST, SECOND = "MX-AICM-2026-000001", "MX-AICM-2026-000002"


@pytest.fixture(name="labs")
def labs_fixture(demo: Cli, demo_run: tuple[Path, Result]) -> Cli:
    template, _ = demo_run
    copy = demo.db.with_name(f"{demo.db.stem}.label-key")
    shutil.copy(template.with_name(f"{template.stem}.label-key"), copy)
    copy.chmod(0o600)
    return demo


def _key(cli: Cli) -> bytes:
    return keyfile.load(cli.db.with_name(f"{cli.db.stem}.label-key"))


def _codes(pdf: Path, key: bytes) -> list[Code]:
    zxingcpp = pytest.importorskip("zxingcpp")
    image = pytest.importorskip("PIL.Image")
    if shutil.which("pdftoppm") is None:
        skip_or_fail("pdftoppm (poppler-utils) is not installed")
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "203", "-png", str(pdf), str(prefix)], check=True)
    codes = []
    for page in sorted(pdf.parent.glob(f"{prefix.name}-*.png")):
        for found in zxingcpp.read_barcodes(image.open(page)):
            parsed = parse(found.text, key)
            assert isinstance(parsed, Code), parsed
            codes.append(parsed)
    return codes


def _shipment(cli: Cli) -> int:
    """A shipment of two demo samples in two packages, set up through the services."""
    ctx = AppContext(f"sqlite+pysqlite:///{cli.db}")
    try:
        ctx.sign_in("clerk", DEMO_PASSWORDS["clerk"])
        ctx.perform("defaults", consignees.add_defaults, actor=ctx.sign_in(
            "supervisor", DEMO_PASSWORDS["supervisor"]))  # fmt: skip
        ctx.sign_in("clerk", DEMO_PASSWORDS["clerk"])
        view = ctx.perform(
            "create", lambda w: shipments.create(w, consignees.DEA_LABS[0][0], carrier="DHL")
        )
        for n, code in enumerate((FIRST, SECOND), start=1):
            sample = ctx.query(lambda w, c=code: lookup.find_sample(w, c))
            ctx.perform("retrieve", lambda w, s=sample: custody.retrieve(w, s.id, "to ship"))
            ctx.perform("pkg", lambda w, n=n: shipments.add_package(w, view.id, [f"PK-{n}"]))
            ctx.perform("pack", lambda w, s=sample, n=n: shipments.pack(w, view.id, n, s.id))
        return view.id
    finally:
        ctx.close()


def test_package_labels_decode_to_their_package(labs: Cli, tmp_path: Path) -> None:
    sid = _shipment(labs)
    out = tmp_path / "packages.pdf"
    result = labs(
        "labels", "packages", str(sid), "--template", "package-4x2", "--out", str(out),
        user="clerk",
    )  # fmt: skip
    assert result.code == 0, result
    codes = _codes(out, _key(labs))
    assert sorted(c.body for c in codes) == [
        labels.shipment_key(sid, 1),
        labels.shipment_key(sid, 2),
    ]
    assert all(c.kind is LabelKind.SHIPMENT for c in codes)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "PK-1" in text and "PK-2" in text and "· 1/2" in text
    only = tmp_path / "one.pdf"
    again = labs(
        "labels", "packages", str(sid), "--package", "2", "--template", "package-4x2",
        "--out", str(only), "--reprint", "--reason", "torn", user="clerk",
    )  # fmt: skip
    assert again.code == 0, again
    assert [c.body for c in _codes(only, _key(labs))] == [labels.shipment_key(sid, 2)]
    missing = labs(
        "labels", "packages", str(sid), "--package", "9", "--template", "package-4x2",
        "--out", str(tmp_path / "x.pdf"), user="clerk",
    )  # fmt: skip
    assert missing.code != 0 and "has no package 9" in missing.err
    assert not (tmp_path / "x.pdf").exists()


def test_badges_decode_to_the_person(labs: Cli, tmp_path: Path) -> None:
    out = tmp_path / "badges.pdf"
    result = labs(
        "labels", "badges", "clerk", "technician", "--template", "thermal-2x1-300",
        "--out", str(out), user="supervisor",
    )  # fmt: skip
    assert result.code == 0, result
    codes = _codes(out, _key(labs))
    assert [c.kind for c in codes] == [LabelKind.BADGE, LabelKind.BADGE]
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Lucía Hernández Cruz" in text and "CLERK" in text
    before = journal_kinds(labs.db)
    unknown = labs(
        "labels", "badges", "nobody", "--template", "thermal-2x1-300", "--out", str(out),
        user="supervisor",
    )  # fmt: skip
    assert unknown.code != 0 and "no active user 'nobody'" in unknown.err
    assert journal_kinds(labs.db)[len(before) :] == ["auth.ok", "denied"]


def test_calibrate_stores_offsets_and_refuses_nonsense(labs: Cli) -> None:
    ok = labs(
        "labels", "calibrate", "--printer", "Office-Laser", "--template", "letter-30up",
        "--dx", "1,5", "--dy", "-0.25", user="technician",
    )  # fmt: skip
    assert ok.code == 0, ok
    assert "1.5 mm right, -0.25 mm up" in ok.out
    assert journal_kinds(labs.db)[-1] == "printer.calibrate"
    bad = labs(
        "labels", "calibrate", "--printer", "Office-Laser", "--template", "letter-30up",
        "--dx", "20", "--dy", "0", user="technician",
    )  # fmt: skip
    assert bad.code != 0 and "more than ±12.7 mm" in bad.err
