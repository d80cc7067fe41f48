"""The database itself refuses to rewrite history; the app refuses unjournaled changes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from custody.context import AppContext
from custody.db.backup import backup_sqlite
from custody.db.base import Base
from custody.db.migrate import current_revision, ensure_schema, head_revision
from custody.db.models import Sample
from custody.errors import IntegrityViolation, StorageError
from custody.services.intake import NewSample, register_sample
from lab_support import Lab


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE journal SET kind = 'x' WHERE seq = 3",
        "DELETE FROM journal WHERE seq = 3",
        "UPDATE custody_events SET purpose = 'x'",
        "DELETE FROM custody_events",
        "INSERT INTO journal (seq, ts, zone, workstation, kind, payload, prev_hash, hash) "
        "VALUES (100000, 't', 'z', 'w', 'forged', '{}', 'ab', 'cd')",
    ],
)
def test_database_refuses_rewriting_history(lab_db: Lab, statement: str) -> None:
    ctx = lab_db.ctx
    ctx.perform(
        "reg",
        lambda w: register_sample(w, lab_db.exhibit_id, NewSample("powder", "1", "BAL")),
        actor=lab_db.technician,
    )
    engine = create_engine(lab_db.url)
    with pytest.raises(DBAPIError, match=r"append-only|continue the chain"), engine.begin() as conn:
        conn.execute(text(statement))
    engine.dispose()


def test_truncate_refused_on_postgresql(pg_url: str, make_ctx: object) -> None:
    make_ctx(pg_url)  # type: ignore[operator]
    engine = create_engine(pg_url)
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
        conn.execute(text("TRUNCATE journal"))
    engine.dispose()


def test_unjournaled_change_cannot_commit(lab_db: Lab) -> None:
    ctx = lab_db.ctx
    sample = ctx.perform(
        "reg",
        lambda w: register_sample(w, lab_db.exhibit_id, NewSample("powder", "1", "BAL")),
        actor=lab_db.technician,
    )

    def sneaky(work: object) -> None:
        row = work.session.get(Sample, sample.id)  # type: ignore[attr-defined]
        row.description = "silently edited"

    with pytest.raises(IntegrityViolation, match="samples"):
        ctx.perform("sneak", sneaky)
    from custody.services import lookup

    assert ctx.query(lambda w: lookup.find_sample(w, sample.code)).description == "powder"


def test_read_only_sessions_cannot_write(lab_db: Lab) -> None:
    def write(work: object) -> None:
        row = work.session.get(Sample, 1)  # type: ignore[attr-defined]
        row.description = "x"
        work.session.flush()  # type: ignore[attr-defined]

    ctx = lab_db.ctx
    ctx.perform(
        "reg",
        lambda w: register_sample(w, lab_db.exhibit_id, NewSample("powder", "1", "BAL")),
        actor=lab_db.technician,
    )
    with pytest.raises(StorageError, match="read-only"):
        ctx.query(write)


def test_migrations_match_the_models(db_url: str, make_ctx: object) -> None:
    ctx: AppContext = make_ctx(db_url)  # type: ignore[operator]
    assert current_revision(ctx.engine) == head_revision()
    with ctx.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_the_head_read_without_alembic_is_alembics_head() -> None:
    """The start-up check reads the head from the scripts' lines; Alembic must agree."""
    from alembic.script import ScriptDirectory

    from custody.db import migrate

    head = migrate.scripted_head(migrate.script_folder() / "versions")
    assert head is not None
    assert [head] == ScriptDirectory.from_config(migrate.alembic_config()).get_heads()
    assert head_revision() == head


@pytest.mark.parametrize(
    ("script", "why"),
    [
        ('revision = "9001"\ndown_revision = ("0001", "0002")\n', "a merge"),
        ('revision = "9001"\ndown_revision = "0001"\n', "a branch"),
        ('revision = "9001"\ndown_revision = "8999"\n', "an unknown parent"),
        ('REV = "9001"\nrevision = REV\ndown_revision = "0001"\n', "not a plain line"),
        ('revision = "0001"\ndown_revision = None\n', "a revision twice"),
    ],
)
def test_an_unusual_script_leaves_the_head_to_alembic(
    tmp_path: Path, script: str, why: str
) -> None:
    from custody.db import migrate

    (tmp_path / "0001_a.py").write_text('revision = "0001"\ndown_revision = None\n')
    (tmp_path / "0002_b.py").write_text("revision: str = '0002'\ndown_revision = '0001'  # b\n")
    assert migrate.scripted_head(tmp_path) == "0002"
    (tmp_path / "9001_x.py").write_text(script)
    assert migrate.scripted_head(tmp_path) is None, why


def test_a_database_at_head_is_checked_without_alembic(sqlite_lab: Lab) -> None:
    """A start on a database at the head does not import Alembic (a fresh interpreter)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from custody.context import AppContext\n"
        f"AppContext({sqlite_lab.url!r}).close()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"


def test_sqlite_pragmas(sqlite_lab: Lab) -> None:
    with sqlite_lab.ctx.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_backup_is_consistent_and_verifies(
    sqlite_lab: Lab, tmp_path: Path, make_ctx: object
) -> None:
    source = Path(sqlite_lab.url.removeprefix("sqlite+pysqlite:///"))
    target = backup_sqlite(source, tmp_path / "backup.sqlite")
    with pytest.raises(StorageError, match="exists already"):
        backup_sqlite(source, target)
    restored: AppContext = make_ctx(f"sqlite+pysqlite:///{target}")  # type: ignore[operator]
    from custody.services import audit

    restored.actor = sqlite_lab.auditor
    assert restored.query(lambda w: audit.verify(w)).intact


def test_newer_schema_is_refused(sqlite_lab: Lab) -> None:
    engine = sqlite_lab.ctx.engine
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StorageError, match="newer version of Custody"):
        ensure_schema(engine)


def test_not_a_custody_database(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE songs (id INTEGER)"))
    engine.dispose()
    with pytest.raises(StorageError, match="not a Custody database"):
        AppContext(f"sqlite+pysqlite:///{path}")


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="folder for the database does not exist"):
        AppContext(f"sqlite+pysqlite:///{tmp_path / 'nope' / 'x.sqlite'}")


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"this is a text file, not a database\n" * 200)
    with pytest.raises(StorageError, match="not a SQLite database"):
        AppContext(f"sqlite+pysqlite:///{path}")


def test_init_zone_is_used_for_the_next_entries(sqlite_url: str, make_ctx: object) -> None:
    from custody.services import lab
    from custody.services.users import NewPerson

    ctx: AppContext = make_ctx(sqlite_url)  # type: ignore[operator]
    ctx.perform(
        "init",
        lambda w: lab.initialise(
            w,
            lab_name="Lab",
            site_prefix="MX-MZO",
            supervisor=NewPerson("Ana"),
            username="ana",
            password="correct horse battery staple",
            timezone="America/Tijuana",
        ),
        actor=None,
    )
    ctx.sign_in("ana", "correct horse battery staple")
    with ctx.engine.connect() as conn:
        zones = conn.execute(text("SELECT zone FROM journal ORDER BY seq")).scalars().all()
    assert zones[-1] == "America/Tijuana"


def test_a_migration_backs_the_database_up_first(
    sqlite_lab: Lab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a newer revision available (a test one), the file is backed up before upgrading."""
    import shutil
    from importlib.resources import files

    from custody.db import migrate

    before = head_revision()
    scripts = tmp_path / "migrations"
    shutil.copytree(Path(str(files("custody.db") / "migrations")), scripts)
    (scripts / "versions" / "9001_test.py").write_text(
        f'revision = "9001"\ndown_revision = "{before}"\n'
        "branch_labels = None\ndepends_on = None\n\n"
        "from alembic import op\n\n\ndef upgrade() -> None:\n"
        '    op.execute("CREATE TABLE migration_probe (id INTEGER PRIMARY KEY)")\n\n\n'
        "def downgrade() -> None:\n    pass\n"
    )

    monkeypatch.setattr(migrate, "script_folder", lambda: scripts)
    engine = sqlite_lab.ctx.engine
    backup = migrate.ensure_schema(engine)
    assert backup is not None and backup.is_file()
    assert backup.name.startswith("custody.before-9001-")
    assert migrate.current_revision(engine) == "9001"
    with sqlite3.connect(backup) as old:
        version = old.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        journal_rows = old.execute("SELECT COUNT(*) FROM journal").fetchone()[0]
    assert version == before and journal_rows > 10
