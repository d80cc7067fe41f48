"""Shipments through the real custody-cli: the demo lab with its label key, samples taken out
of the vault by the clerk, labels and manifests printed and their QR codes read back."""

from __future__ import annotations

import shutil
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest
from cli_support import DEMO_PASSWORDS, Cli, Result, clean_env

from custody import keyfile
from custody.context import AppContext
from custody.domain.labelcode import LabelKind
from custody.services import labels
from lab_support import skip_or_fail

CONSIGNEE = "DEA Special Testing and Research Laboratory"
SAMPLES = ("MX-AICM-2026-000002", "MX-AICM-2026-000003", "MX-AICM-2026-000004")
TEMPLATE = "thermal-2x1-203"


@pytest.fixture(name="ship")
def ship_fixture(demo: Cli, demo_run: tuple[Path, Result]) -> Cli:
    """The demo copy with the demo's label key beside it (0600, as `demo` made it)."""
    template, _ = demo_run
    copy = demo.db.with_name(f"{demo.db.stem}.label-key")
    shutil.copy(template.with_name(f"{template.stem}.label-key"), copy)
    copy.chmod(0o600)
    return demo


def sign(user: str, password: str | None = None) -> dict[str, str]:
    """The re-entered password of a signature (approve, dispatch)."""
    return {"CUSTODY_SIGN_PASSWORD": DEMO_PASSWORDS[user] if password is None else password}


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        skip_or_fail(f"{name} (poppler-utils) is not installed")
    assert path is not None
    return path


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        [tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def qr_payloads(pdf: Path, *, dpi: int = 203) -> list[str]:
    """Every QR code in the PDF, page by page, as a scanner would read it."""
    zxingcpp = pytest.importorskip("zxingcpp")
    image = pytest.importorskip("PIL.Image")
    prefix = pdf.with_name(f"{pdf.stem}-page")
    subprocess.run(
        [tool("pdftoppm"), "-r", str(dpi), "-png", str(pdf), str(prefix)],
        check=True,
        capture_output=True,
    )
    found: list[str] = []
    for page in sorted(pdf.parent.glob(f"{prefix.name}-*.png")):
        found += [code.text for code in zxingcpp.read_barcodes(image.open(page))]
    return found


def in_hand(cli: Cli, samples: tuple[str, ...] = SAMPLES) -> None:
    """The clerk takes the samples out of the vault (sealed, in her hands: ready to pack)."""
    for code in samples:
        taken = cli("retrieve", code, "--purpose", "shipment to DEA OFS", user="clerk")
        assert taken.code == 0, taken


def sample_labels(cli: Cli, samples: tuple[str, ...] = SAMPLES) -> dict[str, str]:
    """Print the samples' labels with `labels samples`; their QR payloads by sample ID."""
    pdf = cli.home / "sample-labels.pdf"
    printed = cli(
        "labels", "samples", *samples, "--template", TEMPLATE, "--out", str(pdf), user="clerk"
    )
    assert printed.code == 0, printed
    payloads = qr_payloads(pdf)
    assert len(payloads) == len(samples)
    return dict(zip(samples, payloads, strict=True))


def create(cli: Cli) -> tuple[str, int]:
    """A new shipment with its details: (manifest number, shipment number)."""
    added = cli("consignee", "defaults", user="supervisor")
    assert added.code == 0, added
    made = cli(
        "shipment", "create", "--consignee", CONSIGNEE.lower(), "--carrier", "DHL Express",
        "--waybill", "AWB 172-55310842", "--mode", "air", user="clerk",
    )  # fmt: skip
    assert made.code == 0, made
    manifest = made.out.split("Shipment ")[1].split()[0]
    number = int(made.out.split("(shipment #")[1].split(")")[0])
    return manifest, number


def packed(cli: Cli, samples: tuple[str, ...] = SAMPLES) -> tuple[str, int]:
    """A shipment with one package holding ``samples`` (packed by ID)."""
    in_hand(cli, samples)
    manifest, number = create(cli)
    package = cli("shipment", "package", manifest, "--seal", "OUT-0001", user="clerk")
    assert package.code == 0, package
    done = cli("shipment", "pack", manifest, "--package", "1", *samples, user="clerk")
    assert done.code == 0, done
    return manifest, number


def approve(cli: Cli, manifest: str) -> Result:
    approved = cli("shipment", "approve", manifest, user="supervisor", **sign("supervisor"))
    assert approved.code == 0, approved
    return approved


def package_payload(cli: Cli, shipment: int, number: int) -> str:
    """A package label's QR payload, issued as the GUI does (the CLI prints sample and location
    labels only)."""
    ctx = AppContext(f"sqlite+pysqlite:///{cli.db}")
    try:
        ctx.sign_in("clerk", DEMO_PASSWORDS["clerk"])
        key = keyfile.load(cli.db.with_name(f"{cli.db.stem}.label-key"))
        label = ctx.perform(
            "print label",
            partial(
                labels.issue,
                kind=LabelKind.SHIPMENT,
                key=labels.shipment_key(shipment, number),
                label_key=key,
                template="thermal-4x2-203",
            ),
        )
    finally:
        ctx.close()
    return label.payload


def scan_session(cli: Cli, manifest: str, lines: list[str]) -> Result:
    """`shipment receive MANIFEST --scan -` with ``lines`` typed by a scanner on its input."""
    env = clean_env(cli.home)
    env["CUSTODY_USER"] = "clerk"
    env["CUSTODY_PASSWORD"] = DEMO_PASSWORDS["clerk"]
    proc = subprocess.run(
        [sys.executable, "-m", "custody.cli", "--db", str(cli.db), "shipment", "receive",
         manifest, "--scan", "-"],
        input="".join(f"{line}\r\n" for line in lines),  # a wedge scanner's CR LF suffix
        env=env, cwd=cli.home, capture_output=True, text=True, encoding="utf-8", timeout=180,
        check=False,
    )  # fmt: skip
    return Result(proc.returncode, proc.stdout, proc.stderr)
