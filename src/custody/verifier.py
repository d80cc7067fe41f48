#!/usr/bin/env python3
"""verify_bundle.py: check a Custody export bundle offline. Python 3.10+ and `cryptography` only.

    python3 verify_bundle.py BUNDLE.zip [--key LAB.pem ...] [--fingerprint FP ...]
                             [--checkpoint HELD.json ...]

Exit status 0: valid (every check below passed); 1: invalid (the first reason is printed);
2: the command could not run. Checks: the ZIP is complete and safe (no path tricks, no
decompression bomb); custody-bundle.json is signed by a trusted lab key (--key/--fingerprint;
without them the key inside the bundle is used and its fingerprint printed for you to compare);
every file matches its signed SHA-256; every journal entry's hash matches its content and is
proved to be in the lab's journal by a signed checkpoint (Merkle inclusion proof, RFC 9162
tree); the manifest PDF is the one the journal recorded at approval; every sample on the
manifest is covered by the extract; a checkpoint you hold (--checkpoint) agrees; the whole file
is unchanged since it was signed. This file is deliberately self-contained: it never imports
the Custody application.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import re
import sys
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

FORMAT = 1
BUNDLE_JSON, BUNDLE_SIG, JOURNAL = "custody-bundle.json", "custody-bundle.sig", "journal.jsonl"
CHECKPOINT_KIND = "journal.checkpoint"
CODE_PREFIX = "CUSTODYCP1"
FILE_SIG_TAG = b"CUSTODY-FILE-SIG-1 "
FILE_SIG_LENGTH = len(FILE_SIG_TAG) + 32 + 1 + 128  # tag, key fingerprint, space, signature
MAX_TOTAL = 64 << 30  # all members together, uncompressed
MAX_JSON = 64 << 20  # custody-bundle.json and custody-bundle.sig
MAX_LINE = 16 << 20  # one journal entry
MAX_RATIO = 200  # deflate of Custody's data stays far below this; zeros reach 1,000:1
_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]{0,99}(/[A-Za-z0-9_][A-Za-z0-9._-]{0,99}){0,2}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_FILE_SIG = re.compile(r"([0-9A-F]{32}) ([0-9a-f]{128})")


# what zipfile/zlib raise on damaged input (a bad CRC, a broken deflate stream, a header that
# names an unknown compression method or lies about sizes)
_DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,
)


class Invalid(Exception):
    """The bundle is refused; the message says why."""


# --- hashing: canonical JSON, the hash chain, the Merkle tree (RFC 9162 §2.1) -------------


def canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def chain_hash(prev_hex: str, payload: bytes) -> str:
    return hashlib.sha256(bytes.fromhex(prev_hex) + payload).hexdigest()


def leaf_hash(entry_hash: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + entry_hash).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


class Frontier:
    """The right edge of the tree over entries 1..size: one complete subtree hash per set bit
    of size, largest first (O(log size) hashes), extendable entry by entry."""

    def __init__(self, size: int = 0, hashes: Iterable[bytes] = ()) -> None:
        self.size, self.stack = size, list(hashes)
        if len(self.stack) != size.bit_count():
            raise Invalid(f"a frontier of {size} entries needs {size.bit_count()} hashes")

    def append(self, entry_hash: bytes, _sha256: Any = hashlib.sha256) -> None:
        # the subtrees to merge are the trailing set bits of size (hot loop of verify)
        digest, stack, n = _sha256(b"\x00" + entry_hash).digest(), self.stack, self.size
        while n & 1:
            digest = _sha256(b"\x01" + stack.pop() + digest).digest()
            n >>= 1
        stack.append(digest)
        self.size += 1

    def root(self) -> bytes:
        if not self.stack:
            return hashlib.sha256(b"").digest()
        digest = self.stack[-1]
        for left in reversed(self.stack[:-1]):
            digest = node_hash(left, digest)
        return digest

    def hashes(self) -> list[str]:
        return [digest.hex() for digest in self.stack]


def included(index: int, size: int, entry_hash: bytes, path: list[bytes], root: bytes) -> bool:
    """RFC 9162 §2.1.3.2: is leaf `index` (0-based) of a tree of `size` leaves in `root`?"""
    if not 0 <= index < size:
        return False
    fn, sn, digest = index, size - 1, leaf_hash(entry_hash)
    for sibling in path:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            digest = node_hash(sibling, digest)
            while not fn & 1 and fn:
                fn, sn = fn >> 1, sn >> 1
        else:
            digest = node_hash(digest, sibling)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and digest == root


# --- keys and signatures ------------------------------------------------------------------


def fingerprint(public_key_hex: str) -> str:
    return hashlib.sha256(bytes.fromhex(public_key_hex)).hexdigest()[:32].upper()


def checkpoint_message(statement: dict[str, Any]) -> bytes:
    fields = {k: statement[k] for k in ("type", "v", "origin", "size", "head", "root", "key")}
    return b"custody checkpoint v1\n" + canonical(fields)


def checkpoint_code(statement: dict[str, Any]) -> str:
    """A signed checkpoint as one line of A-Z and 2-7 (QR alphanumeric; printed on manifests)."""
    raw = (
        statement["size"].to_bytes(8, "big")
        + bytes.fromhex(statement["head"] + statement["root"] + statement["key"])
        + bytes.fromhex(statement["signature"])
        + statement["origin"].encode()
    )
    return CODE_PREFIX + base64.b32encode(raw).decode("ascii").rstrip("=")


def parse_checkpoint_code(text: str) -> dict[str, Any]:
    """The inverse of checkpoint_code (spaces, case and line breaks tolerated)."""
    code = "".join(text.split()).upper()
    if not code.startswith(CODE_PREFIX):
        raise Invalid(f"not a Custody checkpoint code (it must start with {CODE_PREFIX})")
    body = code[len(CODE_PREFIX) :]
    try:
        raw = base64.b32decode(body + "=" * (-len(body) % 8))
    except ValueError:
        raise Invalid("the checkpoint code is damaged (not base32)") from None
    if len(raw) < 152 + 1:
        raise Invalid("the checkpoint code is cut short")
    return {
        "type": "custody.checkpoint",
        "v": 1,
        "size": int.from_bytes(raw[:8], "big"),
        "head": raw[8:40].hex(),
        "root": raw[40:72].hex(),
        "key": raw[72:88].hex().upper(),
        "signature": raw[88:152].hex(),
        "origin": raw[152:].decode("utf-8", "replace"),
    }


def rotation_message(statement: dict[str, Any]) -> bytes:
    fields = {k: statement[k] for k in ("type", "origin", "old", "new", "public_key")}
    return b"custody key rotation v1\n" + canonical(fields)


def signature_holds(public_key_hex: str, signature_hex: str, message: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key_hex))
        key.verify(bytes.fromhex(signature_hex), message)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def public_key_of_pem(data: bytes) -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = serialization.load_pem_public_key(data)
    except ValueError as error:
        raise Invalid(f"not a PEM public key: {error}") from None
    if not isinstance(key, Ed25519PublicKey):
        raise Invalid("the key is not an Ed25519 public key")
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return raw.hex()


class Trust:
    """The lab keys this verification accepts: given by the user, or taken from the bundle."""

    def __init__(self, keys: dict[str, str], given: bool) -> None:
        self.keys, self.given = dict(keys), given  # fingerprint -> public key hex

    def check(self, statement: dict[str, Any], signature: str, message: bytes, what: str) -> None:
        fp = str(statement.get("key") if "key" in statement else statement.get("old"))
        if not self.keys.get(fp):
            known = ", ".join(sorted(self.keys)) or "none"
            raise Invalid(f"{what} is signed by key {fp}, which is not a trusted key ({known})")
        if not signature_holds(self.keys[fp], signature, message):
            raise Invalid(f"{what}: the signature does not match (altered after signing)")

    def follow(self, rotations: list[Any], origin: str) -> None:
        """Trust a new key when a trusted key signed the rotation to it."""
        for item in rotations:
            st, sig = _obj(item.get("statement"), "rotation"), _str(item.get("signature"), "sig")
            if st.get("type") != "custody.key_rotation" or st.get("origin") != origin:
                raise Invalid("a key rotation statement is malformed or names another lab")
            if st["old"] in self.keys and fingerprint(_str(st["public_key"], "key")) == st["new"]:
                self.check(st, sig, rotation_message(st), f"the rotation to key {st['new']}")
                self.keys[st["new"]] = st["public_key"]


# --- reading the ZIP safely ---------------------------------------------------------------


def _obj(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Invalid(f"{what}: expected a JSON object")
    return value


def _str(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise Invalid(f"{what}: expected a string")
    return value


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise Invalid("a JSON object has a key twice")
    return dict(pairs)


def loads(data: bytes | str, what: str) -> Any:
    try:
        return json.loads(data, object_pairs_hook=_no_duplicates, parse_constant=_reject)
    except (ValueError, RecursionError) as error:
        raise Invalid(f"{what} is not valid JSON: {error}") from None


def _reject(name: str) -> None:
    raise ValueError(f"{name} is not allowed")


class Bundle:
    """An opened bundle: members checked for safe names and plausible sizes before reading."""

    def __init__(self, path: Path, max_total: int = MAX_TOTAL) -> None:
        self.path = path
        try:
            self.zip = zipfile.ZipFile(path)
            infos = self.zip.infolist()
        except _DAMAGED as error:
            raise Invalid(f"not a complete ZIP file (truncated or damaged): {error}") from None
        self.members: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            name = info.filename
            if not _NAME.fullmatch(name) or ".." in name.split("/"):
                raise Invalid(f"unsafe file name in the bundle: {name!r}")
            if name in self.members:
                raise Invalid(f"the bundle holds {name!r} twice")
            if info.flag_bits & 1 or info.external_attr >> 28 == 0o12:
                raise Invalid(f"{name}: encrypted members and links are not allowed")
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > 1 << 20 and ratio > MAX_RATIO:
                raise Invalid(
                    f"{name} would expand {ratio:.0f}:1 to {info.file_size:,} bytes: "
                    "a decompression bomb, not Custody data"
                )
            total += info.file_size
            if total > max_total:
                raise Invalid(f"the bundle would expand to over {max_total:,} bytes")
            self.members[name] = info

    def read(self, name: str, limit: int) -> bytes:
        return b"".join(self.chunks(name, limit))

    def chunks(self, name: str, limit: int | None = None) -> Iterator[bytes]:
        info = self.members.get(name)
        if info is None:
            raise Invalid(f"the bundle has no {name}")
        if limit is not None and info.file_size > limit:
            raise Invalid(f"{name} is {info.file_size:,} bytes, over the limit of {limit:,}")
        got = 0
        try:
            with self.zip.open(info) as member:
                while chunk := member.read(1 << 20):
                    got += len(chunk)
                    if got > info.file_size:
                        raise Invalid(f"{name} expands beyond its declared size")
                    yield chunk
        except _DAMAGED as error:
            raise Invalid(f"{name} is damaged inside the ZIP: {error}") from None

    def lines(self, name: str) -> Iterator[bytes]:
        rest = b""
        for chunk in self.chunks(name):
            rest += chunk
            *complete, rest = rest.split(b"\n")
            yield from complete
            if len(rest) > MAX_LINE:
                raise Invalid(f"{name}: a line is longer than {MAX_LINE:,} bytes")
        if rest:
            raise Invalid(f"{name}: the last line is cut short (no newline)")

    def file_signature(self) -> tuple[str, str, bytes]:
        """The whole-file signature kept in the ZIP comment: (key, signature, signed digest)."""
        size = self.path.stat().st_size
        comment = self.zip.comment
        if len(comment) != FILE_SIG_LENGTH or not comment.startswith(FILE_SIG_TAG):
            raise Invalid("the bundle has no file signature (its ZIP comment was changed)")
        found = _FILE_SIG.fullmatch(comment[len(FILE_SIG_TAG) :].decode("ascii", "replace"))
        if found is None:
            raise Invalid("the bundle's file signature is damaged (its ZIP comment was changed)")
        key, signature = found.groups()
        digest = hashlib.sha512()
        with self.path.open("rb") as raw:
            _copy_into(digest, raw, size - FILE_SIG_LENGTH)
        return key, signature, b"custody bundle file v1\n" + digest.digest()


def _copy_into(digest: Any, raw: BinaryIO, count: int) -> None:
    while count > 0 and (chunk := raw.read(min(count, 1 << 20))):
        digest.update(chunk)
        count -= len(chunk)


# --- the journal extract ------------------------------------------------------------------


@dataclass
class Extract:
    entries: dict[int, str] = field(default_factory=dict)  # seq -> hash
    payloads: list[dict[str, Any]] = field(default_factory=list)  # shipment-related only
    checkpoints: int = 0


def _entry(line: bytes) -> tuple[int, str, str, str, list[bytes]]:
    row = _obj(loads(line, "a journal line"), "a journal line")
    seq, prev, digest = row.get("seq"), _str(row.get("prev_hash"), "prev_hash"), row.get("hash")
    payload = _str(row.get("payload"), "payload")
    if not isinstance(seq, int) or not (_HEX64.fullmatch(prev) and _HEX64.fullmatch(str(digest))):
        raise Invalid("a journal line lacks seq, prev_hash or hash")
    proof = [bytes.fromhex(_str(p, "proof")) for p in row.get("proof", [])]
    return seq, prev, str(digest), payload, proof


def read_journal(
    bundle: Bundle,
    desc: dict[str, Any],
    cp: dict[str, Any],
    trust: Trust,
    held: list[dict[str, Any]],
) -> Extract:
    info = _obj(desc.get("journal"), "journal")
    complete = info.get("complete") is True
    listed = {int(s): h for s, h in info.get("entries", [])} if not complete else {}
    size, root = int(cp["size"]), bytes.fromhex(cp["root"])
    frontier, sizes = Frontier(), {int(h["size"]): h for h in held}
    out, last, last_hash = Extract(), 0, ""
    for line in bundle.lines(JOURNAL):
        seq, prev, digest, payload, proof = _entry(line)
        if seq <= last:
            raise Invalid(f"{JOURNAL}: entry {seq} is out of order or repeated")
        if complete and seq != last + 1:
            raise Invalid(f"{JOURNAL}: entry {last + 1} is missing (next is {seq})")
        if seq == last + 1 and last and prev != last_hash:
            raise Invalid(f"entry {seq}: prev_hash is not the hash of entry {last}")
        if chain_hash(prev, payload.encode()) != digest:
            raise Invalid(f"entry {seq}: its hash does not match its content (altered)")
        body = _obj(loads(payload, f"entry {seq}"), f"entry {seq}")
        if body.get("seq") != seq:
            raise Invalid(f"entry {seq}: the payload says it is entry {body.get('seq')}")
        if not complete:
            if listed.get(seq) != digest:
                raise Invalid(f"entry {seq} is not listed in the signed {BUNDLE_JSON} (added?)")
            if seq > size or not included(seq - 1, size, bytes.fromhex(digest), proof, root):
                raise Invalid(f"entry {seq}: its inclusion proof does not match the checkpoint")
        else:
            frontier.append(bytes.fromhex(digest))
            if seq in sizes and frontier.root().hex() != sizes.pop(seq)["root"]:
                raise Invalid(f"a held checkpoint at {seq} entries no longer matches: rewritten")
        if body.get("kind") == CHECKPOINT_KIND:
            _journaled_checkpoint(body, trust)
            out.checkpoints += 1
        if body.get("changes"):
            out.payloads.append(body)
        out.entries[seq], last, last_hash = digest, seq, digest
    if complete and (last != size or frontier.root() != root):
        raise Invalid(f"{JOURNAL} does not add up to the checkpoint ({last} of {size} entries)")
    missing = sorted(set(listed) - set(out.entries))
    if missing:
        raise Invalid(f"entry {missing[0]} listed in the signed {BUNDLE_JSON} is missing")
    return out


def _journaled_checkpoint(body: dict[str, Any], trust: Trust) -> None:
    st = _obj(_obj(body.get("data"), "checkpoint entry").get("checkpoint"), "checkpoint")
    trust.check(
        st,
        _str(st.get("signature"), "signature"),
        checkpoint_message(st),
        f"the checkpoint in entry {body['seq']}",
    )


# --- the shipment: manifest PDF and coverage ----------------------------------------------


def check_shipment(bundle: Bundle, ship: dict[str, Any], extract: Extract) -> None:
    number = _str(ship.get("manifest_number"), "manifest_number")
    shipment_id, items, codes, pdfs = None, {}, {}, {}
    for body in extract.payloads:
        for change in body["changes"]:
            table, op, values = change.get("t"), change.get("op"), change.get("v") or {}
            if table == "shipments" and op == "insert" and values.get("manifest_number") == number:
                shipment_id = change.get("k")
            elif table == "samples" and op == "insert":
                codes[change.get("k")] = (values.get("code"), body["seq"])
            elif table == "shipment_items" and op == "insert":
                items[change.get("k")] = values
            elif table == "shipment_items" and op == "delete":
                items.pop(change.get("k"), None)
            elif table == "manifests" and op == "insert":
                pdfs[(values.get("shipment_id"), values.get("revision"))] = values.get("sha256")
    if shipment_id is None:
        raise Invalid(f"the extract does not hold the creation of shipment {number}")
    on_journal = {
        codes.get(v.get("sample_id"), (None,))[0]
        for v in items.values()
        if v.get("shipment_id") == shipment_id
    }
    listed = {_str(s.get("code"), "code") for s in ship.get("samples", [])}
    if None in on_journal:
        raise Invalid("a packed sample's registration entry is not in the extract")
    for code in sorted(str(c) for c in listed ^ on_journal):
        where = "on the manifest but not packed in" if code in listed else "packed but missing from"
        raise Invalid(f"sample {code} is {where} the journal extract's shipment")
    revision, name = ship.get("revision"), _str(ship.get("manifest_pdf"), "manifest_pdf")
    journaled = pdfs.get((shipment_id, revision))
    actual = hashlib.sha256(bundle.read(name, 1 << 30)).hexdigest()
    if journaled is None:
        raise Invalid(f"the extract does not hold the issue of manifest revision {revision}")
    if actual != journaled or actual != ship.get("manifest_sha256"):
        raise Invalid(
            f"{name} is not the manifest the journal recorded (SHA-256 {actual[:16]}…"
            f" instead of {journaled[:16]}…): the PDF was swapped"
        )


# --- the whole verification ---------------------------------------------------------------


@dataclass
class Report:
    bundle: dict[str, Any]
    extract: Extract
    signer: str
    trusted_from_bundle: bool


def verify(
    path: Path,
    keys: dict[str, str] | None = None,
    held: list[dict[str, Any]] | None = None,
    max_total: int = MAX_TOTAL,
) -> Report:
    """Verify the bundle at `path`; raise Invalid with the reason, or return what it holds.
    Whatever the input, nothing but Invalid (or OSError for an unreadable path) comes out."""
    try:
        return _verify(path, keys, held, max_total)
    except (ValueError, TypeError, KeyError, AttributeError, IndexError, OverflowError) as error:
        raise Invalid(f"the bundle is malformed ({type(error).__name__}: {error})") from None
    except RecursionError:
        raise Invalid("the bundle is malformed (nested too deeply)") from None


def _verify(
    path: Path,
    keys: dict[str, str] | None,
    held: list[dict[str, Any]] | None,
    max_total: int,
) -> Report:
    bundle = Bundle(path, max_total)
    desc = _obj(loads(bundle.read(BUNDLE_JSON, MAX_JSON), BUNDLE_JSON), BUNDLE_JSON)
    if desc.get("type") != "custody.bundle" or desc.get("format") != FORMAT:
        raise Invalid(f"{BUNDLE_JSON} is not a Custody bundle of format {FORMAT}")
    origin = _str(desc.get("origin"), "origin")
    own = {
        fingerprint(_str(k.get("public_key"), "key")): k["public_key"] for k in desc.get("keys", [])
    }
    trust = Trust(keys or own, bool(keys))
    trust.follow(desc.get("rotations", []), origin)
    sig = _obj(loads(bundle.read(BUNDLE_SIG, MAX_JSON), BUNDLE_SIG), BUNDLE_SIG)
    raw_desc = bundle.read(BUNDLE_JSON, MAX_JSON)
    trust.check(
        sig, _str(sig.get("signature"), "signature"), b"custody bundle v1\n" + raw_desc, BUNDLE_JSON
    )
    files = _obj(desc.get("files"), "files")
    for name in sorted(set(bundle.members) - {BUNDLE_JSON, BUNDLE_SIG} - set(files)):
        raise Invalid(f"{name} is in the ZIP but not in the signed {BUNDLE_JSON} (added)")
    for name, meta in sorted(files.items()):
        digest = hashlib.sha256()
        for chunk in bundle.chunks(name):
            digest.update(chunk)
        if digest.hexdigest() != meta.get("sha256"):
            raise Invalid(f"{name} differs from the signed {BUNDLE_JSON} (altered or swapped)")
    cp = _obj(desc.get("checkpoint"), "checkpoint")
    if cp.get("type") != "custody.checkpoint" or cp.get("origin") != origin:
        raise Invalid("the bundle's checkpoint is malformed or names another lab")
    trust.check(cp, _str(cp.get("signature"), "signature"), checkpoint_message(cp), "checkpoint")
    head_proof = [bytes.fromhex(p) for p in desc.get("head_proof", [])]
    if not included(
        cp["size"] - 1, cp["size"], bytes.fromhex(cp["head"]), head_proof, bytes.fromhex(cp["root"])
    ):
        raise Invalid("the checkpoint's head is not the last entry of its tree")
    held = held or []
    for h in held:
        trust.check(h, _str(h.get("signature"), "signature"), checkpoint_message(h), "held")
        if h["size"] == cp["size"] and (h["root"], h["head"]) != (cp["root"], cp["head"]):
            raise Invalid(f"a held checkpoint at {h['size']} entries no longer matches: rewritten")
        if h["size"] > cp["size"]:
            raise Invalid(
                f"a held checkpoint covers {h['size']} entries, this bundle only "
                f"{cp['size']}: entries were removed (truncated)"
            )
    # the journal's own checkpoints may be signed by keys retired since: the signed description
    # lists them, and each checkpoint entry is proved under the trusted export checkpoint
    history = Trust({**own, **trust.keys}, trust.given)
    extract = read_journal(bundle, desc, cp, history, held)
    if desc.get("kind") == "shipment":
        check_shipment(bundle, _obj(desc.get("shipment"), "shipment"), extract)
    key, signature, message = bundle.file_signature()
    if not trust.keys.get(key) or not signature_holds(trust.keys[key], signature, message):
        raise Invalid("the ZIP file was altered after it was signed (its file signature fails)")
    return Report(desc, extract, sig.get("key", ""), not trust.given)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="verify_bundle.py", description=__doc__.split("\n")[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--key", action="append", type=Path, default=[], help="trusted PEM key")
    parser.add_argument("--fingerprint", action="append", default=[], help="trusted key FP")
    parser.add_argument(
        "--checkpoint",
        action="append",
        type=Path,
        default=[],
        help="a checkpoint (JSON) you hold from earlier",
    )
    parser.add_argument(
        "--checkpoint-code",
        action="append",
        default=[],
        help="the checkpoint code printed (as QR and text) on a manifest",
    )
    args = parser.parse_args(argv)
    try:
        keys = {}
        for pem in args.key:
            public = public_key_of_pem(pem.read_bytes())
            keys[fingerprint(public)] = public
        held = [_obj(loads(p.read_bytes(), str(p)), str(p)) for p in args.checkpoint]
        held += [parse_checkpoint_code(code) for code in args.checkpoint_code]
    except (OSError, Invalid) as error:
        print(f"verify_bundle: cannot run: {error}", file=sys.stderr)
        return 2
    try:
        if args.fingerprint:
            keys.update(_fingerprinted(args.bundle, args.fingerprint))
        report = verify(args.bundle, keys or None, held)
    except (Invalid, OSError) as error:
        print(f"INVALID: {error}")
        return 1
    desc, cp = report.bundle, report.bundle["checkpoint"]
    print(f"VALID: {desc.get('kind')} bundle from {desc.get('origin')} ({desc.get('lab_name')})")
    print(
        f"  journal entries checked: {len(report.extract.entries)}; checkpoint: "
        f"{cp['size']} entries, head {cp['head'][:16]}…, key {cp['key']}"
    )
    if report.trusted_from_bundle:
        print(
            f"  NOTE: the key was taken from the bundle itself. Compare its fingerprint "
            f"{report.signer} with the one the lab gave you (manifest, letter, phone)."
        )
    return 0


def _fingerprinted(path: Path, wanted: list[str]) -> dict[str, str]:
    """The bundle's own keys whose fingerprints the user confirmed."""
    desc = _obj(loads(Bundle(path).read(BUNDLE_JSON, MAX_JSON), BUNDLE_JSON), BUNDLE_JSON)
    norm = {w.replace(" ", "").upper() for w in wanted}
    keys = {fingerprint(k["public_key"]): k["public_key"] for k in desc.get("keys", [])}
    return {fp: key for fp, key in keys.items() if fp in norm} or {w: "" for w in norm}


if __name__ == "__main__":
    sys.exit(main())
