"""The stand-alone verifier against every way a bundle can be tampered with (issue 6, "Bad
input"): each case is refused with its precise reason, nothing crashes, memory stays bounded.

Two kinds of attacker: an outsider who edits the file (cannot sign: the signatures give him
away) and an insider holding the lab's key who re-signs what he changed (the content checks
must still catch it: the journal, the inclusion proofs, the manifest recorded at approval)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bundle_support import members_of, resign, tamper
from custody.services import bundles
from custody.signing import Signer, create
from custody.verifier import (
    BUNDLE_JSON,
    FILE_SIG_LENGTH,
    JOURNAL,
    Invalid,
    checkpoint_message,
    verify,
)
from lab_support import Lab
from services.ship_support import KEY, approve, dispatch, packed

Members = dict[str, bytes]


@pytest.fixture
def bundle(sqlite_lab: Lab, tmp_path: Path) -> Path:
    shipped = packed(sqlite_lab, 3, 2)
    approve(sqlite_lab, shipped)
    dispatch(sqlite_lab, shipped)
    boss = sqlite_lab.as_(sqlite_lab.supervisor)
    target = tmp_path / "shipment.custody.zip"
    signer = boss.signer()
    boss.perform("export", lambda w: bundles.export_shipment(w, shipped.id, signer, KEY, target))
    return target


def _trusted(lab: Lab) -> dict[str, str]:
    signer = lab.ctx.signer()
    return {signer.fingerprint: signer.public_key}


_members = members_of


def _refused(path: Path, keys: dict[str, str] | None = None, **kw: Any) -> str:
    with pytest.raises(Invalid) as caught:
        verify(path, keys, **kw)
    return str(caught.value)


_outsider = tamper


def _insider(
    source: Path,
    target: Path,
    signer: Signer,
    change: Callable[[Members, dict[str, Any]], None],
) -> Path:
    """Rewrite the bundle with the lab's own key: new description, new signatures."""
    return resign(source, target, signer, change)


def _lines(members: Members) -> list[dict[str, Any]]:
    return [json.loads(line) for line in members[JOURNAL].splitlines()]


def _put_lines(members: Members, lines: list[dict[str, Any]]) -> None:
    members[JOURNAL] = b"".join(
        json.dumps(x, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode() + b"\n"
        for x in lines
    )


def test_the_genuine_bundle_is_valid_against_the_lab_key(bundle: Path, sqlite_lab: Lab) -> None:
    report = verify(bundle, _trusted(sqlite_lab))
    assert not report.trusted_from_bundle and report.bundle["kind"] == "shipment"
    assert len(report.bundle["shipment"]["samples"]) == 3
    assert len(report.extract.entries) >= 10


def test_a_flipped_byte_anywhere_is_refused(bundle: Path, sqlite_lab: Lab, tmp_path: Path) -> None:
    """Every byte of the ZIP's own structure (local headers, central directory, end record,
    signature comment) and an even spread over the contents: 100 % refused."""
    raw = bundle.read_bytes()
    with zipfile.ZipFile(bundle) as z:
        infos = z.infolist()
        directory_start = min(i.header_offset for i in infos) + sum(
            30 + len(i.filename.encode()) + len(i.extra) + i.compress_size for i in infos
        )
    structure: set[int] = set(range(directory_start, len(raw)))
    for info in infos:
        structure |= set(range(info.header_offset, info.header_offset + 30 + len(info.filename)))
    spread = set(range(0, len(raw), max(1, len(raw) // 300)))
    positions = sorted(structure | spread)
    keys, flipped, missed = _trusted(sqlite_lab), tmp_path / "flipped.zip", []
    for position in positions:
        changed = bytearray(raw)
        changed[position] ^= 0x01
        flipped.write_bytes(changed)
        try:
            verify(flipped, keys)
        except Invalid:
            continue
        missed.append(position)
    print(f"flipped {len(positions)} single bytes of {len(raw):,}: {len(missed)} undetected")
    assert missed == [], missed
    assert len(positions) > 600


def test_a_removed_event_is_refused(bundle: Path, sqlite_lab: Lab, tmp_path: Path) -> None:
    def drop(members: Members, desc: dict[str, Any] | None = None) -> None:
        lines = _lines(members)
        del lines[len(lines) // 2]
        _put_lines(members, lines)

    outsider = _outsider(bundle, tmp_path / "o.zip", drop)
    assert "journal.jsonl differs from the signed custody-bundle.json" in _refused(outsider)
    insider = _insider(bundle, tmp_path / "i.zip", sqlite_lab.ctx.signer(), drop)
    assert "listed in the signed custody-bundle.json is missing" in _refused(insider)


def test_an_added_event_is_refused(bundle: Path, sqlite_lab: Lab, tmp_path: Path) -> None:
    def add(members: Members, desc: dict[str, Any] | None = None) -> None:
        lines = _lines(members)
        last = lines[-1]
        body = json.loads(last["payload"])
        body.update(seq=last["seq"] + 1, kind="seal.break", data={"serial": "forged"})
        payload = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        digest = hashlib.sha256(bytes.fromhex(last["hash"]) + payload.encode()).hexdigest()
        forged = {"hash": digest, "payload": payload, "prev_hash": last["hash"]}
        lines.append({**forged, "proof": last["proof"], "seq": last["seq"] + 1})
        _put_lines(members, lines)
        if desc is not None:  # the insider lists it too
            desc["journal"]["entries"].append([last["seq"] + 1, digest])

    outsider = _outsider(bundle, tmp_path / "o.zip", add)
    assert "journal.jsonl differs from the signed" in _refused(outsider)
    insider = _insider(bundle, tmp_path / "i.zip", sqlite_lab.ctx.signer(), add)
    reason = _refused(insider)
    assert "inclusion proof does not match the checkpoint" in reason, reason


def test_a_swapped_manifest_pdf_is_refused(bundle: Path, sqlite_lab: Lab, tmp_path: Path) -> None:
    def swap(members: Members, desc: dict[str, Any] | None = None) -> None:
        name = next(n for n in members if n.startswith("manifests/"))
        members[name] += b"% another revision of the manifest\n"  # still opens as a PDF
        if desc is not None:
            desc["shipment"]["manifest_sha256"] = hashlib.sha256(members[name]).hexdigest()

    name = next(n for n in _members(bundle) if n.startswith("manifests/"))
    outsider = _outsider(bundle, tmp_path / "o.zip", swap)
    assert f"{name} differs from the signed custody-bundle.json" in _refused(outsider)
    insider = _insider(bundle, tmp_path / "i.zip", sqlite_lab.ctx.signer(), swap)
    reason = _refused(insider)
    assert "is not the manifest the journal recorded" in reason, reason


def test_a_bundle_signed_by_another_key_is_refused(
    bundle: Path, sqlite_lab: Lab, tmp_path: Path
) -> None:
    stranger = create(tmp_path / "stranger.key")

    def resign(members: Members, desc: dict[str, Any]) -> None:
        desc["keys"] = [{"fingerprint": stranger.fingerprint, "public_key": stranger.public_key}]
        checkpoint = {**desc["checkpoint"], "key": stranger.fingerprint}
        checkpoint["signature"] = stranger.sign(checkpoint_message(checkpoint))
        desc["checkpoint"] = checkpoint

    forged = _insider(bundle, tmp_path / "forged.zip", stranger, resign)
    reason = _refused(forged, _trusted(sqlite_lab))
    assert f"signed by key {stranger.fingerprint}, which is not a trusted key" in reason
    # even trusting only the key inside it, the journal's own checkpoints give it away
    assert "is not a trusted key" in _refused(forged)


def test_a_truncated_bundle_is_refused(bundle: Path, tmp_path: Path) -> None:
    raw = bundle.read_bytes()
    cut = tmp_path / "cut.zip"
    for length in (0, 10, len(raw) // 2, len(raw) - FILE_SIG_LENGTH - 1, len(raw) - 1):
        cut.write_bytes(raw[:length])
        reason = _refused(cut)
        assert "not a complete ZIP file" in reason or "file signature" in reason, (length, reason)


@pytest.mark.parametrize(
    "name", ["../evil.py", "/etc/passwd", "keys/../../x.pem", "C:/Windows/x", "a\\..\\b", ".."]
)
def test_path_traversal_names_are_refused(bundle: Path, tmp_path: Path, name: str) -> None:
    evil = _outsider(bundle, tmp_path / "evil.zip", lambda m: m.update({name: b"print(1)"}))
    assert "unsafe file name in the bundle" in _refused(evil)
    assert not (tmp_path.parent / "evil.py").exists()


def test_a_2_gb_zip_bomb_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    zero = bytes(1 << 20)
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr(BUNDLE_JSON, b"{}")
        with z.open(JOURNAL, "w", force_zip64=True) as member:
            for _ in range(2048):
                member.write(zero)
    assert bomb.stat().st_size < 20 << 20
    tracemalloc.start()
    try:
        reason = _refused(bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "decompression bomb" in reason and "2,147,483,648 bytes" in reason, reason
    assert peak < 8 << 20, peak


def test_a_held_checkpoint_of_the_same_size_catches_a_rewritten_history(
    bundle: Path, sqlite_lab: Lab
) -> None:
    """A history rewritten and re-signed by whoever has the key still cannot match a
    checkpoint the receiving lab holds from before."""
    desc = json.loads(_members(bundle)[BUNDLE_JSON])
    held = dict(desc["checkpoint"])
    assert verify(bundle, _trusted(sqlite_lab), held=[held])  # the same history: fine
    signer = sqlite_lab.ctx.signer()
    other = {**held, "root": "00" * 32}
    other["signature"] = signer.sign(checkpoint_message(other))
    reason = _refused(bundle, _trusted(sqlite_lab), held=[other])
    assert "no longer matches: rewritten" in reason
    longer = {**held, "size": held["size"] + 5}
    longer["signature"] = signer.sign(checkpoint_message(longer))
    assert "entries were removed (truncated)" in _refused(
        bundle, _trusted(sqlite_lab), held=[longer]
    )


def test_the_shipped_verifier_runs_alone_in_a_clean_environment(
    bundle: Path, sqlite_lab: Lab, tmp_path: Path
) -> None:
    """verify_bundle.py from inside the bundle, run by a bare interpreter that cannot import
    Custody: VALID (exit 0) for the bundle, INVALID (exit 1) once a byte changes."""
    folder = tmp_path / "recipient"
    folder.mkdir()
    with zipfile.ZipFile(bundle) as z:
        (folder / "verify_bundle.py").write_bytes(z.read("verify_bundle.py"))
        pem_name = next(n for n in z.namelist() if n.endswith(".pem"))
        (folder / "lab.pem").write_bytes(z.read(pem_name))
    runner = (
        "import runpy, sys; sys.modules['custody'] = None; "
        "sys.argv = ['verify_bundle.py'] + sys.argv[1:]; "
        "runpy.run_path('verify_bundle.py', run_name='__main__')"
    )
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}

    def run(path: Path) -> subprocess.CompletedProcess[str]:
        args = [sys.executable, "-I", "-c", runner, str(path), "--key", "lab.pem"]
        return subprocess.run(args, cwd=folder, env=env, capture_output=True, text=True, timeout=60)

    good = run(bundle)
    assert good.returncode == 0, good.stdout + good.stderr
    assert good.stdout.startswith("VALID: shipment bundle from MX-AICM")
    raw = bytearray(bundle.read_bytes())
    raw[len(raw) // 3] ^= 0x20
    bad_path = tmp_path / "bad.zip"
    bad_path.write_bytes(raw)
    bad = run(bad_path)
    assert bad.returncode == 1 and bad.stdout.startswith("INVALID: "), bad.stdout + bad.stderr


def test_a_bundle_whose_commit_fails_leaves_no_file(
    sqlite_lab: Lab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is finished inside the transaction; if COMMIT then fails, the file goes too."""
    shipped = packed(sqlite_lab, 1)
    approve(sqlite_lab, shipped)
    boss = sqlite_lab.as_(sqlite_lab.supervisor)
    signer, target = boss.signer(), tmp_path / "b.zip"

    def export_then_fail(work: Any) -> None:
        bundles.export_shipment(work, shipped.id, signer, KEY, target)
        assert target.exists()
        raise OSError("disk I/O error at COMMIT")

    with pytest.raises(OSError):
        boss.perform_writing("export", export_then_fail, target)
    assert not target.exists() and list(tmp_path.glob("*.zip")) == []
    # a refused export never removes a file that was there before
    target.write_bytes(b"somebody else's file")
    with pytest.raises(Exception, match="exists already"):
        boss.perform_writing(
            "export", lambda w: bundles.export_shipment(w, shipped.id, signer, KEY, target), target
        )
    assert target.read_bytes() == b"somebody else's file"
