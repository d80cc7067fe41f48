"""Schema migrations with Alembic; a SQLite database is backed up before it is migrated.

A database already at the head revision is recognised without importing Alembic (about an
eighth of a second of every start): the head is read from the ``revision`` and
``down_revision`` lines of the migration scripts and compared with the ``alembic_version`` row.
Alembic is imported only to migrate a database or to refuse one, or when a script's lines are
not the plain ones this reader understands.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from custody.db.backup import backup_sqlite
from custody.db.engine import sqlite_path
from custody.domain.messages import t
from custody.errors import StorageError

if TYPE_CHECKING:
    from alembic.config import Config

_ASSIGNMENT = re.compile(
    r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(?:\"([^\"\n]*)\"|'([^'\n]*)'|(None))\s*(?:#.*)?$",
    re.MULTILINE,
)


def script_folder() -> Path:
    """The Alembic script directory (``env.py``, ``versions/``)."""
    return Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_folder()).replace("%", "%%"))
    return config


def scripted_head(versions: Path) -> str | None:
    """The head of the chain of scripts in ``versions``, read without Alembic.

    None when only Alembic can say: a script without exactly one plain ``revision = "…"`` and
    ``down_revision = "…"`` (or ``None``) line, or revisions that are not one unbranched chain.
    """
    parent: dict[str, str | None] = {}
    for script in versions.glob("*.py"):
        if script.name == "__init__.py":
            continue
        found: dict[str, list[str | None]] = {"revision": [], "down_revision": []}
        for match in _ASSIGNMENT.finditer(script.read_text(encoding="utf-8")):
            name, double, single, _none = match.groups()
            found[name].append(double if double is not None else single)
        revisions, downs = found["revision"], found["down_revision"]
        if len(revisions) != 1 or len(downs) != 1:
            return None
        revision = revisions[0]
        if revision is None or revision in parent:
            return None
        parent[revision] = downs[0]
    heads = set(parent) - set(parent.values())
    if len(heads) != 1:
        return None
    head = heads.pop()
    walked: str | None = head
    for _ in parent:  # from the head down to the base, through every script once
        if walked is None or walked not in parent:
            return None
        walked = parent[walked]
    return head if walked is None else None


def head_revision() -> str:
    """The schema revision this version of Custody writes."""
    head = scripted_head(script_folder() / "versions")
    if head is None:
        from alembic.script import ScriptDirectory

        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _stamped_revisions(engine: Engine) -> list[str]:
    """The rows of ``alembic_version``, read without Alembic (none without the table)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return []
        return list(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())


def ensure_schema(engine: Engine) -> Path | None:
    """Bring the schema to the newest revision. Returns the backup taken, if any."""
    head = scripted_head(script_folder() / "versions")
    if head is not None and _stamped_revisions(engine) == [head]:
        return None
    return _migrate(engine)


def _migrate(engine: Engine) -> Path | None:
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    current = current_revision(engine)
    if current == head:
        return None
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise StorageError(
            t(
                "This database was written by a newer version of Custody (schema "
                "{current}). Install the newer version; Custody never downgrades a "
                "database.",
                current=current,
            )
        )
    if current is None and inspect(engine).get_table_names():
        raise StorageError(t("This database is not a Custody database (it has unknown tables)."))
    backup = None
    path = sqlite_path(str(engine.url))
    if current is not None and path is not None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = path.with_name(f"{path.stem}.before-{head}-{stamp}{path.suffix or '.sqlite'}")
        backup_sqlite(path, backup)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    return backup
