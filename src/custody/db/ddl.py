"""Database-side guards: the journal and the custody events are append-only.

The triggers refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL), and refuse a journal
INSERT that does not continue the chain (seq = last + 1, prev_hash = last hash).
"""

from __future__ import annotations

from custody.domain.canonical import GENESIS_HASH

PROTECTED = ("journal", "custody_events")


def _sqlite() -> list[str]:
    statements = []
    for table in PROTECTED:
        for op in ("UPDATE", "DELETE"):
            statements.append(
                f"CREATE TRIGGER {table}_no_{op.lower()} BEFORE {op} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: {op} refused'); END"
            )
    statements.append(
        "CREATE TRIGGER journal_chain BEFORE INSERT ON journal WHEN "
        "NEW.seq <> COALESCE((SELECT MAX(seq) FROM journal), 0) + 1 OR "
        "NEW.prev_hash <> COALESCE((SELECT hash FROM journal WHERE seq = NEW.seq - 1), "
        f"'{GENESIS_HASH}') "
        "BEGIN SELECT RAISE(ABORT, 'journal append does not continue the chain'); END"
    )
    return statements


def _postgresql() -> list[str]:
    statements = [
        "CREATE FUNCTION custody_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP; END $$",
        "CREATE FUNCTION custody_journal_chain() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE last_seq integer; last_hash text; BEGIN "
        "SELECT seq, hash INTO last_seq, last_hash FROM journal ORDER BY seq DESC LIMIT 1; "
        f"IF NEW.seq <> COALESCE(last_seq, 0) + 1 OR NEW.prev_hash <> "
        f"COALESCE(last_hash, '{GENESIS_HASH}') THEN "
        "RAISE EXCEPTION 'journal append does not continue the chain'; END IF; "
        "RETURN NEW; END $$",
        "CREATE TRIGGER journal_chain BEFORE INSERT ON journal "
        "FOR EACH ROW EXECUTE FUNCTION custody_journal_chain()",
    ]
    for table in PROTECTED:
        statements.append(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION custody_append_only()"
        )
        statements.append(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION custody_append_only()"
        )
    return statements


def guard_statements(dialect: str) -> list[str]:
    if dialect == "sqlite":
        return _sqlite()
    if dialect == "postgresql":
        return _postgresql()
    raise ValueError(f"unsupported database dialect: {dialect}")


def drop_guard_statements(dialect: str) -> list[str]:
    """For a downgrade of the first migration only."""
    if dialect == "sqlite":
        names = [f"{t}_no_{op}" for t in PROTECTED for op in ("update", "delete")]
        return [f"DROP TRIGGER IF EXISTS {n}" for n in [*names, "journal_chain"]]
    drops = ["DROP TRIGGER IF EXISTS journal_chain ON journal"]
    for table in PROTECTED:
        drops.append(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        drops.append(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
    drops += [
        "DROP FUNCTION IF EXISTS custody_append_only()",
        "DROP FUNCTION IF EXISTS custody_journal_chain()",
    ]
    return drops
