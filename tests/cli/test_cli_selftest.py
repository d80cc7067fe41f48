"""`custody-cli labels selftest`: the test label as a PDF that reads back, and `--check` on a
scan piped in or typed at a real terminal (a pty), with the right fix for each fault."""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import zxingcpp
from cli_support import clean_env
from PIL import Image

from custody.cli import selftest_cmd
from custody.cli.common import Session, UsageError
from custody.domain.scanner_check import TEST_PAYLOAD
from lab_support import skip_or_fail

CAPS = TEST_PAYLOAD.lower()
# US key presses typed on a French AZERTY computer: digits shifted, A/Q and Z/W swapped, M -> ?
AZERTY = TEST_PAYLOAD.translate(
    str.maketrans({**dict(zip("1234567890", "&é\"'(-è_çà", strict=True)),
                   "A": "Q", "Q": "A", "Z": "W", "W": "Z", "M": "?"})
)  # fmt: skip
DROPPED = TEST_PAYLOAD[:20] + TEST_PAYLOAD[23:]  # three keys lost


def _cli(*args: str, stdin: bytes, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "custody.cli", *args],
        input=stdin.decode("utf-8"),
        env=clean_env(home),
        cwd=home,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def _check(scan: str, home: Path) -> subprocess.CompletedProcess[str]:
    return _cli("labels", "selftest", "--check", stdin=scan.encode("utf-8"), home=home)


def _decoded(pdf: Path) -> list[tuple[str, str]]:
    tool = shutil.which("pdftoppm")
    if tool is None:
        skip_or_fail("pdftoppm (poppler-utils) is not installed")
    assert tool is not None
    prefix = pdf.with_suffix("")
    subprocess.run([tool, "-r", "203", "-png", str(pdf), str(prefix)], check=True, timeout=60)
    found: list[tuple[str, str]] = []
    for png in sorted(pdf.parent.glob(f"{prefix.name}-*.png")):
        with Image.open(png) as image:
            found += [(r.format.name, r.text) for r in zxingcpp.read_barcodes(image)]
    return sorted(found)


# --- through custody-cli (needs `selftest_cmd.register(label)` in labels_cmd.register) ------


def test_out_writes_a_test_label_that_reads_back(tmp_path: Path) -> None:
    out = tmp_path / "selftest.pdf"
    done = _cli(
        "labels", "selftest", "--template", "letter-30up", "--out", str(out),
        stdin=b"", home=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done
    assert f"Scanner self-test label (QR code and Code 128) written to {out}" in done.stdout
    assert _decoded(out) == [("Code128", TEST_PAYLOAD), ("QRCode", TEST_PAYLOAD)]
    assert not (tmp_path / "xdg-data").exists()  # no database was opened or created


def test_a_narrow_label_says_where_the_code128_is(tmp_path: Path) -> None:
    out = tmp_path / "roll.pdf"
    done = _cli(
        "labels", "selftest", "--template", "thermal-2x1-203", "--out", str(out),
        stdin=b"", home=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done
    assert "Scanner self-test label (QR code) written to" in done.stdout
    assert "does not fit on thermal-2x1-203; it is on shipment-4x6, letter-30up, a4-21up" in (
        done.stdout
    )
    assert _decoded(out) == [("QRCode", TEST_PAYLOAD)]


def test_out_without_a_template_is_a_usage_error(tmp_path: Path) -> None:
    done = _cli("labels", "selftest", "--out", str(tmp_path / "x.pdf"), stdin=b"", home=tmp_path)
    assert done.returncode == 2, done
    assert "--out needs --template: one of thermal-2x1-203," in done.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_an_intact_scan_exits_0(tmp_path: Path) -> None:
    done = _check(TEST_PAYLOAD + "\r\n", tmp_path)
    assert done.returncode == 0, done
    assert f'Received: "{TEST_PAYLOAD}" (47 characters, ended with Enter)' in done.stdout
    assert "OK: the scanner works with this computer. Nothing to change." in done.stdout
    assert "PROBLEM" not in done.stdout


@pytest.mark.parametrize(
    ("scan", "problem", "fix"),
    [
        (CAPS + "\r", "Letters arrived in lower case", "Fix: Turn CapsLock off"),
        (AZERTY + "\r\n", "Digits arrived as AZERTY symbols", "keyboard language to match"),
        (DROPPED + "\n", "3 of 47 characters were lost", "increase the inter-character delay"),
        (TEST_PAYLOAD, "The scan did not end with Enter", "Fix: Configure the scanner"),
    ],
    ids=["capslock", "azerty", "dropped", "no-enter"],
)
def test_a_faulty_scan_exits_1_with_its_fix(
    tmp_path: Path, scan: str, problem: str, fix: str
) -> None:
    done = _check(scan, tmp_path)
    assert done.returncode == 1, done
    assert f"PROBLEM: {problem}" in done.stdout
    assert fix in done.stdout
    assert "OK:" not in done.stdout


def test_nothing_piped_in_says_nothing_arrived(tmp_path: Path) -> None:
    done = _check("", tmp_path)
    assert done.returncode == 1, done
    assert "PROBLEM: No characters arrived from the scanner." in done.stdout


# --- at a real terminal: key by key, Enter or a pause ends the scan ----------------------------


def _at_terminal(typed: bytes, home: Path) -> tuple[int, str]:
    pty = pytest.importorskip("pty")
    master, slave = pty.openpty()
    command = [sys.executable, "-m", "custody.cli", "labels", "selftest", "--check"]
    env, seen = clean_env(home), b""
    try:
        with subprocess.Popen(
            command, stdin=slave, stdout=subprocess.PIPE, stderr=slave, env=env, cwd=home
        ) as proc:
            os.close(slave)
            slave = -1
            try:
                while selftest_cmd.PROMPT.encode("utf-8") not in seen:  # the terminal is ready
                    seen += os.read(master, 1024)
                os.write(master, typed)
                stdout, _ = proc.communicate(timeout=60)
            except OSError:  # EIO: the command ended without asking for a scan
                proc.kill()
                stdout, _ = proc.communicate(timeout=60)
                pytest.fail(f"no prompt; the terminal showed {seen!r}, stdout {stdout!r}")
    finally:
        os.close(master)
        if slave >= 0:
            os.close(slave)
    return proc.returncode, stdout.decode("utf-8")


def test_a_scan_at_the_terminal_ends_at_enter(tmp_path: Path) -> None:
    code, stdout = _at_terminal(TEST_PAYLOAD.encode() + b"\r", tmp_path)
    assert code == 0, stdout
    assert "(47 characters, ended with Enter)" in stdout


def test_a_scan_at_the_terminal_without_enter_ends_after_a_pause(tmp_path: Path) -> None:
    code, stdout = _at_terminal(AZERTY.encode("utf-8"), tmp_path)
    assert code == 1, stdout
    assert "(47 characters, no Enter after it)" in stdout
    assert "PROBLEM: The scan did not end with Enter" in stdout
    assert "PROBLEM: Digits arrived as AZERTY symbols" in stdout


# --- register() on a parser of its own (runs before labels_cmd wires it) ------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="labels-test")
    commands = parser.add_subparsers(dest="command", required=True)
    labels = commands.add_parser("labels").add_subparsers(dest="labels_command", required=True)
    selftest_cmd.register(labels)
    return parser


def _run(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    session = Session(args)
    try:
        return int(args.run(args, session))
    finally:
        session.close()


def test_register_adds_a_working_selftest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "t.pdf"
    assert _run(["labels", "selftest", "--template", "package-4x2", "--out", str(out)]) == 0
    assert _decoded(out) == [("QRCode", TEST_PAYLOAD)]

    piped = io.TextIOWrapper(io.BytesIO(CAPS.encode() + b"\r\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", piped)
    assert _run(["labels", "selftest", "--check"]) == 1
    assert "PROBLEM: Letters arrived in lower case" in capsys.readouterr().out

    with pytest.raises(UsageError, match="--template goes with --out"):
        _run(["labels", "selftest", "--check", "--template", "a4-21up"])
    with pytest.raises(SystemExit):  # argparse: --out or --check, not both
        _parser().parse_args(["labels", "selftest", "--check", "--out", str(out)])
