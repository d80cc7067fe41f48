"""Alembic environment: run with a connection handed over by custody.db.migrate."""

from __future__ import annotations

from alembic import context

from custody.db import journal_table, models  # noqa: F401  (register the tables)
from custody.db.base import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through custody.db.migrate (custody-cli migrate)")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
