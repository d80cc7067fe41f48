"""A SQLite file on a network or FUSE file system is refused before SQLite opens it (the mount
table is simulated: the same reader the app uses, given another table)."""

from __future__ import annotations

from pathlib import Path

import pytest

from custody.cli import main
from custody.context import AppContext
from custody.db import filesystems
from custody.db.filesystems import Mount, mount_of, parse_mounts, refuse_network
from custody.errors import StorageError

TABLE = """\
/dev/sda1 / ext4 rw,relatime 0 0
tmpfs /tmp tmpfs rw 0 0
server:/export/lab /mnt/lab nfs4 rw,vers=4.2 0 0
//fs01/evidence /mnt/evidence cifs rw 0 0
user@host:/data /home/ana/remote fuse.sshfs rw 0 0
/dev/sdb1 /mnt/lab/local ext4 rw 0 0
/dev/sdc1 /media/ana/My\\040Disk fuseblk rw 0 0
overlay /var/lib/docker/x overlay rw 0 0
"""


def _table(text: str) -> filesystems.Callable[[], str | None]:
    return lambda: text


def test_the_mount_table_is_read_with_its_escapes() -> None:
    mounts = parse_mounts(TABLE)
    assert Mount(Path("/media/ana/My Disk"), "fuseblk", "/dev/sdc1") in mounts
    found = mount_of(Path("/mnt/lab/local/db/custody.sqlite"), mounts)
    assert found is not None and found.fstype == "ext4"  # the longest mount point wins
    found = mount_of(Path("/mnt/lab/custody.sqlite"), mounts)
    assert found is not None and found.fstype == "nfs4"
    found = mount_of(Path("/mnt/labs/custody.sqlite"), mounts)  # a prefix, not a parent
    assert found is not None and found.point == Path("/")


@pytest.mark.parametrize(
    "path",
    [
        "/mnt/lab/custody.sqlite",
        "/mnt/evidence/2026/custody.sqlite",
        "/home/ana/remote/custody.sqlite",
        "/media/ana/My Disk/custody.sqlite",
        "//fs01/evidence/custody.sqlite",
        "\\\\fs01\\evidence\\custody.sqlite",
    ],
)
def test_network_and_fuse_file_systems_are_refused(path: str) -> None:
    with pytest.raises(StorageError, match="network or FUSE file system") as caught:
        refuse_network(Path(path), _table(TABLE))
    assert "PostgreSQL" in str(caught.value)


@pytest.mark.parametrize(
    "path",
    ["/home/ana/custody.sqlite", "/tmp/custody.sqlite", "/mnt/lab/local/custody.sqlite",
     "/var/lib/docker/x/custody.sqlite"],
)  # fmt: skip
def test_local_file_systems_are_accepted(path: str) -> None:
    refuse_network(Path(path), _table(TABLE))


def test_without_a_mount_table_only_unc_paths_are_refused() -> None:
    refuse_network(Path("/anything/custody.sqlite"), lambda: None)
    with pytest.raises(StorageError):
        refuse_network(Path("//server/share/custody.sqlite"), lambda: None)


def test_the_app_and_the_cli_refuse_before_the_file_is_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(filesystems, "read_mount_table", lambda: f"srv:/x {tmp_path} nfs rw 0 0\n")
    db = tmp_path / "custody.sqlite"
    with pytest.raises(StorageError, match=r"network or FUSE file system \(nfs"):
        AppContext(f"sqlite+pysqlite:///{db}")
    monkeypatch.setenv("CUSTODY_PASSWORD", "a long enough pass phrase here")
    init = ["init", "--lab-name", "L", "--site-prefix", "MX-AICM"]
    who = ["--supervisor-username", "ana", "--supervisor-name", "Ana"]
    assert main(["--db", str(db), *init, *who]) == 2
    assert "network or FUSE file system" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []  # nothing was created or opened
