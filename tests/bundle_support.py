"""Bundles with deliberately wrong content, signed with the origin's real key: a real export,
unpacked, changed and written again through the real writer (new description, new signatures).
What an insider holding the lab's key could produce; the verifier's and the importer's content
checks must still refuse it."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from custody import verifier
from custody.context import AppContext
from custody.domain.canonical import parse_utc
from custody.services import bundles
from custody.services.bundle_writer import BundleFile
from custody.signing import Signer

Members = dict[str, bytes]
Edit = Callable[[dict[str, Any]], None]
Change = Callable[[Members, dict[str, Any]], None]


def members_of(path: Path) -> Members:
    with zipfile.ZipFile(path) as z:
        return {info.filename: z.read(info) for info in z.infolist()}


def tamper(source: Path, target: Path, change: Callable[[Members], None]) -> Path:
    """`source` with `change(members)` applied, keeping the signed description, its signature
    and the file signature: what someone without the lab's key can do to a bundle."""
    members = members_of(source)
    change(members)
    with zipfile.ZipFile(source) as z:
        comment = z.comment
    with zipfile.ZipFile(target, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
        z.comment = comment
    return target


def resign(source: Path, target: Path, signer: Signer, change: Change) -> Path:
    """`source` with `change(members, description)` applied, signed again by `signer`."""
    members = members_of(source)
    desc = json.loads(members.pop(verifier.BUNDLE_JSON))
    members.pop(verifier.BUNDLE_SIG)
    change(members, desc)
    desc.pop("files", None)
    with BundleFile(target, signer, parse_utc(desc["created_at"])) as bundle:
        for name, data in members.items():
            bundle.add(name, data, deflate=name == verifier.JOURNAL)
        bundle.describe(desc)
    return target


def write_bundle(
    ctx: AppContext, shipment_id: int, label_key: bytes, target: Path, *, edit: Edit | None = None
) -> Path:
    """The origin's real export of the shipment (as the signed-in supervisor), its description
    changed by `edit` and signed again with the origin's key."""
    signer = ctx.signer()
    real = target.with_name(f"real-{target.name}")
    ctx.perform(
        "export", lambda w: bundles.export_shipment(w, shipment_id, signer, label_key, real)
    )
    return resign(real, target, signer, lambda _members, desc: edit(desc) if edit else None)
