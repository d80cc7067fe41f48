"""Signed export bundles: a shipment's bundle for the receiving lab, the journal for an auditor.

Both are written in the caller's transaction: the export is journaled (`bundle.export`), a
checkpoint is signed that covers that entry, and the bundle holds the journal up to it (a
shipment's extract with an inclusion proof per entry, or every entry for the auditor), the
manifest PDF as issued, the lab's public keys and key rotations, a README for the recipient and
the stand-alone verifier. The format is `custody.verifier`'s, and every bundle passes its
`verify`. The file is written atomically and signed whole (`services.bundle_writer`): after a
failure no file remains and the exception propagates, so the transaction rolls back.
"""

from __future__ import annotations

import importlib.resources
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from custody import signing
from custody.db import export_queries, journal, merkle
from custody.domain.canonical import format_utc
from custody.domain.enums import ShipmentStatus
from custody.domain.messages import join_or, t
from custody.domain.permissions import Action
from custody.domain.text import grouped
from custody.errors import IllegalTransition, StorageError, ValidationError
from custody.services import bundle_shipment, checkpoints
from custody.services.bundle_writer import BundleFile, Sink, refuse_existing
from custody.services.lab import lab
from custody.services.shipment_guards import load, subject
from custody.services.work import Actor, Work
from custody.signing import Signer
from custody.verifier import FORMAT, JOURNAL, canonical

S = ShipmentStatus
ISSUED = (S.APPROVED, S.DISPATCHED, S.RECEIVED, S.RECONCILED)  # a manifest has been issued
KIND_EXPORT = "bundle.export"
Progress = Callable[[int, int], None]
PROGRESS_EVERY = 5_000


@dataclass(frozen=True)
class Exported:
    path: Path
    sha256: str  # of the whole file, as written
    entries: int  # journal entries in the bundle
    checkpoint_size: int  # the signed checkpoint covers entries 1..checkpoint_size
    key_fingerprint: str  # the lab key that signed it


def verifier_source() -> bytes:
    """custody/verifier.py, shipped in every bundle as verify_bundle.py."""
    return (importlib.resources.files("custody") / "verifier.py").read_bytes()


def _description(
    work: Work, actor: Actor, kind: str, statement: dict[str, Any], head_proof: list[str]
) -> dict[str, Any]:
    here = lab(work)
    return {
        "type": "custody.bundle",
        "format": FORMAT,
        "kind": kind,
        "origin": here.site_prefix,
        "lab_name": here.lab_name,
        "created_at": format_utc(work.now),
        "created_by": actor.username,
        "keys": [
            {
                "fingerprint": key.fingerprint,
                "public_key": key.public_key,
                "created_at": format_utc(key.created_at),
                "retired_at": None if key.retired_at is None else format_utc(key.retired_at),
                "file": f"keys/{key.fingerprint}.pem",
            }
            for key in checkpoints.keys(work)
        ],
        "rotations": checkpoints.rotations(work),
        "checkpoint": statement,
        "head_proof": head_proof,
    }


def _add_common(bundle: BundleFile, desc: dict[str, Any], what: str, file_name: str) -> None:
    """The lab's keys, the README and the verifier (after the kind's own members)."""
    for key in desc["keys"]:
        bundle.add(key["file"], signing.public_pem(key["public_key"]))
    bundle.add("README.txt", readme(desc, what, file_name).encode())
    bundle.add("verify_bundle.py", verifier_source())


def _check_root(statement: dict[str, Any], root: bytes) -> None:
    if root.hex() != statement["root"]:
        raise StorageError(
            t(
                "The journal changed while the bundle was being written (its tree no longer "
                "matches checkpoint {size}); nothing was exported. Run verify.",
                size=statement["size"],
            )
        )


# --- a shipment's bundle ------------------------------------------------------------------


def export_shipment(
    work: Work, shipment_id: int, signer: Signer, label_key: bytes, target: Path
) -> Exported:
    """Write the signed bundle of a shipment whose manifest is issued to `target` (a new file)."""
    actor = work.require(Action.EXPORT, subject=f"shipment:{shipment_id}")
    shipment = load(work, shipment_id)
    where = subject(shipment)
    if shipment.origin is not None:
        raise ValidationError(
            t(
                "Shipment {number} came from {origin}: only the lab that shipped it exports "
                "its bundle.",
                number=shipment.manifest_number,
                origin=shipment.origin,
            ),
            subject=where,
        )
    if shipment.status not in ISSUED:
        raise IllegalTransition(
            t(
                "Shipment {number} is {status}: its bundle can be exported once its manifest is "
                "issued (the shipment must be {wanted}).",
                number=shipment.manifest_number,
                status=shipment.status.value,
                wanted=join_or(s.value for s in ISSUED),
            ),
            subject=where,
        )
    refuse_existing(target, where)
    plan = bundle_shipment.plan(work, shipment)
    before, _ = journal.head(work.session)
    planned = len(bundle_shipment.extract(work, plan.subjects, before)) + 1  # + the export
    data = {"kind": "shipment", "file": target.name, "entries": planned}
    work.record(KIND_EXPORT, where, data)
    made = checkpoints.make(work, signer, f"export of {shipment.manifest_number}", subject=where)
    size = made.statement["size"]
    entries = bundle_shipment.extract(work, plan.subjects, size)
    root, proofs = merkle.proofs(work.session.connection(), size, set(entries) | {size})
    _check_root(made.statement, root)
    desc = _description(work, actor, "shipment", made.statement, proofs[size])
    desc["journal"] = {"complete": False, "entries": [[s, h] for s, (h, _) in entries.items()]}
    desc["shipment"] = bundle_shipment.section(work, plan, label_key, entries)
    what = f"shipment {shipment.manifest_number}, manifest revision {plan.manifest.revision}"
    with BundleFile(target, signer, work.now) as bundle:
        with bundle.stream(JOURNAL) as sink:
            for seq, payload, prev_hash, digest in export_queries.entries_by_seq(
                work.session, entries
            ):
                line = {"hash": digest, "payload": payload, "prev_hash": prev_hash, "seq": seq}
                sink.write(canonical({**line, "proof": proofs[seq]}) + b"\n")
        bundle.add(plan.pdf_name, plan.manifest.pdf)
        _add_common(bundle, desc, what, target.name)
        bundle.describe(desc)
    return Exported(target, bundle.sha256, len(entries), size, signer.fingerprint)


# --- the auditor's export: the whole journal ----------------------------------------------


def _lines(work: Work, size: int, sink: Sink, progress: Progress | None) -> Iterator[bytes]:
    """Write entries 1..size as journal lines; yield each entry's hash (for the head proof)."""
    last, last_hash = 0, ""
    for seq, payload, prev_hash, digest in export_queries.stream_entries(work.session, 1, size):
        if seq != last + 1 or (last and prev_hash != last_hash):
            raise StorageError(
                t(
                    "The journal is broken at entry {seq} (missing or out of its chain); "
                    "nothing was exported. Run verify.",
                    seq=last + 1,
                )
            )
        line = {"hash": digest, "payload": payload, "prev_hash": prev_hash, "seq": seq}
        sink.write(canonical(line) + b"\n")
        last, last_hash = seq, digest
        if progress is not None and (seq % PROGRESS_EVERY == 0 or seq == size):
            progress(seq, size)
        yield bytes.fromhex(digest)


def export_journal(
    work: Work, signer: Signer, target: Path, progress: Progress | None = None
) -> Exported:
    """Write every journal entry, signed, to `target` (a new file) for an auditor."""
    actor = work.require(Action.EXPORT, subject="lab")
    refuse_existing(target, "lab")
    before, _ = journal.head(work.session)
    data = {"kind": "audit", "file": target.name, "entries": before + 1}
    work.record(KIND_EXPORT, "lab", data)
    made = checkpoints.make(work, signer, "export of the journal", subject="lab")
    size = made.statement["size"]
    desc = _description(work, actor, "audit", made.statement, [])
    desc["journal"] = {"complete": True}
    desc["shipment"] = None
    with BundleFile(target, signer, work.now) as bundle:
        with bundle.stream(JOURNAL) as sink:
            root, proofs = merkle.proofs_of(_lines(work, size, sink, progress), size, {size})
        _check_root(made.statement, root)
        desc["head_proof"] = proofs[size]
        _add_common(bundle, desc, "the complete journal (auditor's export)", target.name)
        bundle.describe(desc)
    return Exported(target, bundle.sha256, size, size, signer.fingerprint)


# --- the README for the recipient ---------------------------------------------------------


def _wrap(*paragraphs: str) -> str:
    """Paragraphs filled to 88 columns (each "- " item on its own); a paragraph starting
    with spaces (a command) is kept as it is; a heading (capitals) sits on its paragraph."""
    out = ""
    for p in paragraphs:
        if not p.startswith(" "):
            p = "\n".join(
                textwrap.fill(line, 88, subsequent_indent="  " if line.startswith("- ") else "")
                for line in p.split("\n")
            )
        heading = out.rsplit("\n", 1)[-1]
        out += ("\n" if heading.isupper() else "\n\n") + p if out else p
    return out


def readme(desc: dict[str, Any], what: str, file_name: str) -> str:
    """Plain text for whoever receives the bundle (English, then a Spanish summary)."""
    cp, shipment = desc["checkpoint"], desc["kind"] == "shipment"
    fp = cp["key"]
    key = grouped(fp)
    holds = (
        "the journal entries about this shipment, its samples and their cases, each with a "
        "proof that it is part of the lab's journal, and the transfer manifest (PDF) as issued"
        if shipment
        else "every entry of the lab's journal, from the first one to this export"
    )
    contiene = (
        "los registros del diario sobre este envío, sus muestras y sus casos, cada uno con la "
        "prueba de que forma parte del diario del laboratorio, y el manifiesto (PDF) emitido"
        if shipment
        else "todos los registros del diario del laboratorio, del primero a esta exportación"
    )
    valid = (
        "proved to be in the lab's journal by the signed checkpoint; the manifest PDF is the "
        "one the journal recorded when the shipment was approved; every sample on the "
        "manifest is covered by the journal extract"
        if shipment
        else "the entries form the lab's whole journal up to the signed checkpoint"
    )
    header = "\n".join(
        (
            "CUSTODY EXPORT BUNDLE / PAQUETE DE EXPORTACIÓN DE CUSTODY",
            "",
            f"File:        {file_name}",
            f"Contents:    {what}",
            f"Lab:         {desc['lab_name']} ({desc['origin']})",
            f"Created:     {desc['created_at']} by {desc['created_by']}",
            f"Checkpoint:  {cp['size']} journal entries, head {cp['head']}",
            f"Signing key: {key}",
        )
    )
    body = _wrap(
        "WHAT THIS IS",
        f"This ZIP file is a signed export of the Custody chain-of-custody system of the lab "
        f"named above. It holds {holds}; the lab's public keys (keys/); and verify_bundle.py, "
        "a small stand-alone checker that needs Python 3.10 or later and the cryptography "
        "package (pip install cryptography). Keep the ZIP file as it is: it is signed whole.",
        "HOW TO CHECK IT",
        "Obtain the lab's public key file (PEM) or its fingerprint from the lab through "
        "another channel (a letter, a phone call, the printed manifest), not from this file, "
        "and run one of:",
        f"    python3 verify_bundle.py {file_name} --key LAB-KEY.pem\n"
        f"    python3 verify_bundle.py {file_name} --fingerprint {fp}",
        "A quick check with the key inside the bundle (compare the fingerprint it prints with "
        "the one the lab gave you; on its own this proves nothing about who made the file):",
        f"    python3 verify_bundle.py {file_name} --key keys/{fp}.pem",
        "If you hold a checkpoint from earlier (the code printed on a manifest), add "
        "--checkpoint-code CODE: a journal rewritten since then is detected.",
        'WHAT "VALID" MEANS',
        "Every file is exactly as the holder of the lab's key signed it; every journal entry "
        f"is unaltered and {valid}; the ZIP file was not changed after it was signed.",
        'WHAT "VALID" DOES NOT PROVE',
        "- That the key is the lab's, unless you obtained the key or its fingerprint from the "
        "lab.\n"
        "- That what the lab recorded is true (descriptions, weights), or that the containers "
        "you hold are the ones described: check the seals and scan every container on "
        "arrival.\n"
        "- That the lab's journal was not rewritten before the checkpoint, unless you compare "
        "it with a checkpoint you held earlier (--checkpoint, --checkpoint-code).\n"
        "- Anything recorded after the checkpoint. A shipment bundle shows only the entries "
        "about its shipment, samples and cases, not the rest of the lab's journal.",
        "EN ESPAÑOL",
        "Este archivo ZIP es una exportación firmada del sistema de cadena de custodia Custody "
        f"del laboratorio indicado arriba. Contiene {contiene}; las claves públicas del "
        "laboratorio (keys/) y verify_bundle.py, un verificador independiente (Python 3.10 o "
        "posterior y el paquete cryptography). Obtenga del laboratorio, por otro medio, su "
        "clave pública o su huella digital y ejecute:",
        f"    python3 verify_bundle.py {file_name} --fingerprint {fp}",
        "VALID significa que los archivos y los registros del diario son los que firmó el "
        "titular de la clave del laboratorio y que el archivo no cambió después. No prueba que "
        "la clave sea del laboratorio si no la confirmó con él, ni que lo registrado sea "
        "cierto, ni que los contenedores recibidos sean los descritos, ni nada registrado "
        "después del punto de control: revise los sellos y escanee cada contenedor al "
        "recibirlo.",
    )
    return f"{header}\n\n{body}\n"
