"""samples: (exhibit_id, code), (location_id, code), (created_at, code) for the list's filters

The samples table filtered by case or port of seizure (through the exhibit), by storage
location or by registration dates is paged by code (keyset). An index on the filter column
followed by code serves the filter, a covering count, the first/last code of a date range and,
for one exhibit or location, the order too; it still serves every lookup the single-column
index served (the dashboard's counts too), so those go.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28 05:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_samples_exhibit_code", "samples", ["exhibit_id", "code"], unique=False)
    op.drop_index("ix_samples_exhibit_id", table_name="samples")
    op.create_index("ix_samples_location_code", "samples", ["location_id", "code"], unique=False)
    op.drop_index("ix_samples_location_id", table_name="samples")
    op.create_index("ix_samples_created_code", "samples", ["created_at", "code"], unique=False)
    op.drop_index("ix_samples_created_at", table_name="samples")


def downgrade() -> None:
    op.create_index("ix_samples_created_at", "samples", ["created_at"], unique=False)
    op.drop_index("ix_samples_created_code", table_name="samples")
    op.create_index("ix_samples_location_id", "samples", ["location_id"], unique=False)
    op.drop_index("ix_samples_location_code", table_name="samples")
    op.create_index("ix_samples_exhibit_id", "samples", ["exhibit_id"], unique=False)
    op.drop_index("ix_samples_exhibit_code", table_name="samples")
