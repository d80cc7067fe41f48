"""Schema migrations with Alembic; a SQLite database is backed up before it is migrated."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from custody.db.backup import backup_sqlite
from custody.db.engine import sqlite_path
from custody.domain.messages import t
from custody.errors import StorageError


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", "custody.db:migrations")
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def ensure_schema(engine: Engine) -> Path | None:
    """Bring the schema to the newest revision. Returns the backup taken, if any."""
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
