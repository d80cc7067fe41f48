"""Writing a bundle file the way `custody.verifier` reads it: never half-written, signed whole.

Members are written into a temp file in the target's folder and hashed as they go (their
SHA-256 and size are what the signed custody-bundle.json lists); the description and its
signature come last. The ZIP is closed with a placeholder comment of FILE_SIG_LENGTH bytes,
every byte before it is hashed (SHA-512) and signed, and the placeholder is overwritten in
place with the signature. Then the file is fsynced and linked to its name, which never
replaces a file. On any failure the temp file is removed and nothing is left behind.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from custody.domain.messages import t
from custody.errors import Conflict, StorageError, ValidationError
from custody.signing import Signer
from custody.verifier import (
    BUNDLE_JSON,
    BUNDLE_SIG,
    FILE_SIG_LENGTH,
    FILE_SIG_TAG,
    canonical,
)

PLACEHOLDER = b"\0" * FILE_SIG_LENGTH


def refuse_existing(target: Path, subject: str) -> None:
    """Refuse a target that exists or whose folder does not (before anything is written)."""
    if target.exists() or target.is_symlink():
        raise Conflict(
            t("{path} exists already; a bundle never replaces a file.", path=target),
            subject=subject,
        )
    if not target.parent.is_dir():
        raise ValidationError(
            t("The folder for the bundle does not exist: {parent}", parent=target.parent),
            subject=subject,
        )


class Sink:
    """One member being written: what goes in is hashed and counted."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream, self._digest, self.size = stream, hashlib.sha256(), 0

    def write(self, data: bytes) -> None:
        self._stream.write(data)
        self._digest.update(data)
        self.size += len(data)

    def meta(self) -> dict[str, Any]:
        return {"sha256": self._digest.hexdigest(), "size": self.size}


class BundleFile:
    """`with BundleFile(target, signer, now) as bundle:` add members, then `describe(desc)`;
    on leaving the block the file is signed and put in place (or removed on an error)."""

    def __init__(self, target: Path, signer: Signer, moment: datetime) -> None:
        self.target, self.signer = target, signer
        self.stamp = moment.astimezone(UTC).timetuple()[:6]
        self.files: dict[str, dict[str, Any]] = {}
        self.sha256 = ""
        self._tmp: Path | None = None
        self._raw: IO[bytes] | None = None
        self._zip: zipfile.ZipFile | None = None
        self._described = False

    # --- members ------------------------------------------------------------------------

    def _info(self, name: str, deflate: bool) -> zipfile.ZipInfo:
        if self._described or name in self.files:
            raise ValueError(f"{name}: added twice or after the description")
        info = zipfile.ZipInfo(name, date_time=self.stamp)
        info.compress_type = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
        info.external_attr = 0o644 << 16
        return info

    def add(self, name: str, data: bytes, *, deflate: bool = False) -> None:
        assert self._zip is not None
        self._zip.writestr(self._info(name, deflate), data)
        self.files[name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}

    @contextlib.contextmanager
    def stream(self, name: str, *, deflate: bool = True) -> Iterator[Sink]:
        """Write a member of unknown size piece by piece (bounded memory)."""
        assert self._zip is not None
        info = self._info(name, deflate)
        with self._zip.open(info, "w", force_zip64=True) as member:
            sink = Sink(member)
            yield sink
        self.files[name] = sink.meta()

    def describe(self, description: dict[str, Any]) -> None:
        """Add custody-bundle.json (listing every member written so far) and its signature."""
        assert self._zip is not None
        description["files"] = dict(sorted(self.files.items()))
        raw = canonical(description)
        signature = self.signer.sign(b"custody bundle v1\n" + raw)
        sig = canonical({"key": self.signer.fingerprint, "signature": signature})
        for name, data in ((BUNDLE_JSON, raw), (BUNDLE_SIG, sig)):
            self._zip.writestr(self._info(name, False), data)
        self._described = True

    # --- the file -----------------------------------------------------------------------

    def __enter__(self) -> BundleFile:
        try:
            fd, tmp = tempfile.mkstemp(
                prefix=f".{self.target.name}.", suffix=".tmp", dir=self.target.parent
            )
        except OSError as error:
            raise self._failed(error) from error
        self._tmp = Path(tmp)
        self._raw = os.fdopen(fd, "w+b")
        self._zip = zipfile.ZipFile(self._raw, "w")
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if error is None:
            try:
                if not self._described:
                    raise ValueError("a bundle needs its description before it is closed")
                self._finish()
                self._publish()
                return
            except BaseException as failure:
                self._discard()
                if isinstance(failure, OSError):
                    raise self._failed(failure) from failure
                raise
        self._discard()
        if isinstance(error, OSError):  # a full disk, a folder gone: say so, leave nothing
            raise self._failed(error) from error

    def _finish(self) -> None:
        assert self._zip is not None and self._raw is not None
        self._zip.comment = PLACEHOLDER
        self._zip.close()
        raw = self._raw
        raw.flush()
        end = os.fstat(raw.fileno()).st_size - FILE_SIG_LENGTH
        whole, signed = hashlib.sha256(), hashlib.sha512()
        raw.seek(0)
        left = end
        while left > 0 and (chunk := raw.read(min(left, 1 << 20))):
            whole.update(chunk)
            signed.update(chunk)
            left -= len(chunk)
        if left or raw.read() != PLACEHOLDER:
            raise OSError("the bundle file changed while it was being signed")
        message = b"custody bundle file v1\n" + signed.digest()
        comment = FILE_SIG_TAG + f"{self.signer.fingerprint} {self.signer.sign(message)}".encode()
        assert len(comment) == FILE_SIG_LENGTH
        raw.seek(end)
        raw.write(comment)
        whole.update(comment)
        raw.flush()
        os.fsync(raw.fileno())
        raw.close()
        self.sha256 = whole.hexdigest()

    def _publish(self) -> None:
        """Give the finished file its name: a hard link never replaces a file (rename is the
        fallback where the file system has no links), then the temp name goes."""
        assert self._tmp is not None
        try:
            os.link(self._tmp, self.target)
        except FileExistsError:
            raise Conflict(
                t("{path} exists already; a bundle never replaces a file.", path=self.target)
            ) from None
        except OSError:
            if self.target.exists():
                raise Conflict(
                    t("{path} exists already; a bundle never replaces a file.", path=self.target)
                ) from None
            self._tmp.replace(self.target)
        self._tmp.unlink(missing_ok=True)
        self._tmp = None
        with contextlib.suppress(OSError):  # persist the new name; not possible everywhere
            folder = os.open(self.target.parent, os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)

    def _discard(self) -> None:
        for closing in (self._zip, self._raw):
            with contextlib.suppress(Exception):
                if closing is not None:
                    closing.close()
        if self._tmp is not None:
            with contextlib.suppress(OSError):
                self._tmp.unlink()
            self._tmp = None

    def _failed(self, error: OSError) -> StorageError:
        return StorageError(
            t(
                "The bundle could not be written to {path}: {error}",
                path=self.target,
                error=error.strerror or str(error),
            )
        )
