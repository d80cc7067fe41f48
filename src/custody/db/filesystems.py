"""Where a SQLite file may live: never on a network or FUSE file system.

SQLite's locking relies on POSIX advisory locks and a coherent page cache. NFS, SMB/CIFS and
FUSE file systems (sshfs, cloud-drive mounts, …) break one or the other, and two workstations
writing the same file corrupt it. The database's file system is looked up in the mount table
(`/proc/self/mounts` on Linux: the longest mount point containing the path) and a network or
FUSE type is refused before SQLite opens anything; UNC paths (`\\\\server\\share`) are refused
on every platform. Several workstations share one inventory through PostgreSQL instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from custody.domain.messages import t
from custody.errors import StorageError

MOUNTS = Path("/proc/self/mounts")
NETWORK = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "9p",
        "ceph",
        "glusterfs",
        "lustre",
        "davfs",
        "fuse",
        "fuseblk",
    }
)


@dataclass(frozen=True)
class Mount:
    point: Path
    fstype: str
    device: str


def _unescape(field: str) -> str:
    """Mount table fields escape space, tab, newline and backslash as octal (\\040 …)."""
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and field[i + 1 : i + 4].isdigit():
            out.append(chr(int(field[i + 1 : i + 4], 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def parse_mounts(text: str) -> list[Mount]:
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            mounts.append(Mount(Path(_unescape(fields[1])), fields[2], _unescape(fields[0])))
    return mounts


def read_mount_table() -> str | None:
    """The mount table, or None where there is none to read (macOS, Windows)."""
    try:
        return MOUNTS.read_text("utf-8", "replace")
    except OSError:
        return None


def mount_of(path: Path, mounts: list[Mount]) -> Mount | None:
    """The mount holding `path` (the longest mount point that contains it; the last one
    mounted wins when several share a point)."""
    best: Mount | None = None
    for mount in mounts:
        inside = path == mount.point or mount.point in path.parents
        if inside and (best is None or len(mount.point.parts) >= len(best.point.parts)):
            best = mount
    return best


def is_network(fstype: str) -> bool:
    return fstype in NETWORK or fstype.startswith(("fuse.", "nfs", "smb"))


def refuse_network(path: Path, reader: Callable[[], str | None] | None = None) -> None:
    """StorageError when the SQLite file `path` would live on a network or FUSE file system
    (`reader`: the mount table's source; by default the system's)."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        _refuse(path, "UNC")
    table = (reader or read_mount_table)()
    if table is None:
        return
    where = path.absolute()
    real = where.parent.resolve() / where.name  # symlinked folders: where the data really is
    mount = mount_of(real, parse_mounts(table))
    if mount is not None and is_network(mount.fstype):
        _refuse(path, f"{mount.fstype} ({mount.device} on {mount.point})")


def _refuse(path: Path, what: str) -> None:
    raise StorageError(
        t(
            "The database {path} is on a network or FUSE file system ({what}). SQLite files "
            "there get corrupted when their locks fail, so Custody does not open them. Keep "
            "the file on a local disk, or let several workstations share one PostgreSQL "
            "server (set CUSTODY_DB to its postgresql+psycopg:// URL).",
            path=path,
            what=what,
        )
    )
