from __future__ import annotations

import stat
from pathlib import Path

import pytest

from custody import keyfile
from custody.errors import StorageError


def test_create_and_load_with_owner_only_permissions(tmp_path: Path) -> None:
    path = tmp_path / "custody.label-key"
    key = keyfile.create(path)
    assert len(key) == 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert keyfile.load(path) == key
    assert len(keyfile.fingerprint(key)) == 16 and keyfile.fingerprint(key).isalnum()
    assert not list(tmp_path.glob(".*partial"))


def test_an_existing_key_is_never_replaced(tmp_path: Path) -> None:
    path = tmp_path / "k"
    first = keyfile.create(path)
    with pytest.raises(StorageError, match="never replaced"):
        keyfile.create(path)
    assert keyfile.load(path) == first


def test_refusals(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="missing"):
        keyfile.load(tmp_path / "absent")
    path = tmp_path / "k"
    keyfile.create(path)
    path.chmod(0o644)
    with pytest.raises(StorageError, match="chmod 600"):
        keyfile.load(path)
    path.chmod(0o600)
    path.write_text("not hex at all\n")
    with pytest.raises(StorageError, match="damaged"):
        keyfile.load(path)
    with pytest.raises(StorageError, match="does not exist"):
        keyfile.create(tmp_path / "no" / "k")


def test_default_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(keyfile.ENV, raising=False)
    assert keyfile.default_path(tmp_path / "lab.sqlite") == tmp_path / "lab.label-key"
    assert keyfile.default_path(None) is None
    monkeypatch.setenv(keyfile.ENV, str(tmp_path / "shared.key"))
    assert keyfile.default_path(None) == tmp_path / "shared.key"
