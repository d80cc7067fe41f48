"""The lab's signing key: an Ed25519 key pair that signs journal checkpoints and export bundles.

The private key lives outside the database in a PEM file readable by its owner only (0600):
by default beside the SQLite file (`custody.sqlite` → `custody.signing-key`), or where
`CUSTODY_SIGNING_KEY` points (required for a PostgreSQL database: every workstation that
approves shipments or exports needs the same file). The public key is kept in the database
(`signing_keys`, journaled) and travels in every bundle; its fingerprint is printed on
manifests so a receiving lab can check it. Rotating the key retires the file (renamed, kept for
the lab's records) and the old key signs the new one, so trust carries over.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from custody import keyfile
from custody.domain.messages import t
from custody.errors import StorageError
from custody.verifier import fingerprint

ENV = "CUSTODY_SIGNING_KEY"


@dataclass(frozen=True)
class Signer:
    """A loaded private key: signs messages; knows its public key and fingerprint."""

    private: Ed25519PrivateKey
    public_key: str  # raw public key, hex
    fingerprint: str

    def sign(self, message: bytes) -> str:
        return self.private.sign(message).hex()

    def public_pem(self) -> bytes:
        return public_pem(self.public_key)


def public_pem(public_key_hex: str) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key_hex))
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _signer(private: Ed25519PrivateKey) -> Signer:
    raw = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return Signer(private, raw.hex(), fingerprint(raw.hex()))


def default_path(db_file: Path | None) -> Path | None:
    """$CUSTODY_SIGNING_KEY, else beside a SQLite file, else unknown (PostgreSQL)."""
    configured = os.environ.get(ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    if db_file is not None:
        return db_file.with_name(f"{db_file.stem}.signing-key")
    return None


def create(path: Path) -> Signer:
    """Create a new key pair; the private key goes to `path` (0600). Never replaces a file."""
    if not path.parent.is_dir():
        raise StorageError(
            t("The folder for the signing key does not exist: {parent}", parent=path.parent)
        )
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    try:
        keyfile.write_private(path, pem)
    except FileExistsError:
        raise StorageError(
            t("A signing key exists already at {path}; it is never replaced.", path=path)
        ) from None
    except OSError as error:
        raise StorageError(
            t("The signing key could not be written: {error}", error=error)
        ) from error
    return _signer(private)


def load(path: Path) -> Signer:
    """Read the private key; refuses a missing, damaged or group/world-readable file."""
    try:
        info = path.stat()
        data = path.read_bytes()
    except FileNotFoundError:
        raise StorageError(
            t(
                "The lab's signing key is missing ({path}). Restore it from the backup; "
                "without it shipments cannot be approved or exported.",
                path=path,
            )
        ) from None
    except OSError as error:
        raise StorageError(t("The signing key cannot be read: {error}", error=error)) from error
    if not keyfile.owner_only(info):
        raise StorageError(
            t(
                "The signing key {path} is readable by other users; run `chmod 600 {path}`.",
                path=path,
            )
        )
    try:
        private = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError):
        private = None
    if not isinstance(private, Ed25519PrivateKey):
        raise StorageError(t("The signing key file {path} is damaged.", path=path))
    return _signer(private)


def retire(path: Path, signer: Signer) -> Path:
    """Move a replaced key file aside (kept, still 0600): `<name>.retired-<fingerprint>`."""
    target = path.with_name(f"{path.name}.retired-{signer.fingerprint}")
    try:
        os.link(path, target)
        path.unlink()
    except OSError as error:
        raise StorageError(
            t("The old signing key could not be moved aside: {error}", error=error)
        ) from error
    return target
