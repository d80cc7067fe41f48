"""trust across labs: signing keys, partner keys, witness checkpoints, foreign labels, origins

The lab signs checkpoints of its journal with an Ed25519 key (public keys in signing_keys);
it accepts bundles from partner labs whose keys it holds (partner_keys); an imported bundle
leaves a witness copy of the origin's checkpoint, the origin's label codes and each sample's
provenance. Shipments gain their origin (null: this lab's own); lab_settings the checkpoint
interval (null: the default). New columns are nullable, so no existing record changes.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28 13:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import custody.db.types

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _time(name: str, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, custody.db.types.UTCDateTime(length=27), nullable=nullable)


def _fk(column: str, table: str, source: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{table}.id"], name=op.f(f"fk_{source}_{column}_{table}")
    )


def upgrade() -> None:
    op.create_table(
        "signing_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=32), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        _time("created_at"),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        _time("retired_at", nullable=True),
        sa.Column("retired_reason", sa.Text(), nullable=True),
        _fk("created_by_id", "people", "signing_keys"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signing_keys")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_signing_keys_fingerprint")),
    )
    op.create_table(
        "partner_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=20), nullable=False),
        sa.Column("lab_name", sa.String(length=200), nullable=False),
        sa.Column("fingerprint", sa.String(length=32), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        _time("added_at"),
        sa.Column("added_by_id", sa.Integer(), nullable=False),
        sa.Column("how_checked", sa.Text(), nullable=False),
        _fk("added_by_id", "people", "partner_keys"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_keys")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_partner_keys_fingerprint")),
    )
    op.create_index(op.f("ix_partner_keys_origin"), "partner_keys", ["origin"], unique=False)
    with op.batch_alter_table("shipments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("origin", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("origin_lab", sa.String(length=200), nullable=True))
    with op.batch_alter_table("lab_settings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("checkpoint_interval", sa.Integer(), nullable=True))
    op.create_table(
        "witness_checkpoints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=20), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("head", sa.String(length=64), nullable=False),
        sa.Column("root", sa.String(length=64), nullable=False),
        sa.Column("key_fingerprint", sa.String(length=32), nullable=False),
        sa.Column("signature", sa.String(length=128), nullable=False),
        sa.Column("bundle_sha256", sa.String(length=64), nullable=False),
        sa.Column("shipment_id", sa.Integer(), nullable=True),
        _time("received_at"),
        _fk("shipment_id", "shipments", "witness_checkpoints"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_witness_checkpoints")),
        sa.UniqueConstraint("bundle_sha256", name=op.f("uq_witness_checkpoints_bundle_sha256")),
    )
    op.create_index(
        op.f("ix_witness_checkpoints_origin"), "witness_checkpoints", ["origin"], unique=False
    )
    op.create_table(
        "foreign_labels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("payload", sa.String(length=80), nullable=False),
        sa.Column("origin", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=1), nullable=False),
        sa.Column("body", sa.String(length=40), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("sample_id", sa.Integer(), nullable=True),
        sa.Column("shipment_id", sa.Integer(), nullable=True),
        sa.Column("package_number", sa.Integer(), nullable=True),
        _fk("sample_id", "samples", "foreign_labels"),
        _fk("shipment_id", "shipments", "foreign_labels"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_foreign_labels")),
        sa.UniqueConstraint("payload", name=op.f("uq_foreign_labels_payload")),
    )
    op.create_index(op.f("ix_foreign_labels_sample_id"), "foreign_labels", ["sample_id"])
    op.create_index(op.f("ix_foreign_labels_shipment_id"), "foreign_labels", ["shipment_id"])
    op.create_table(
        "sample_origins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sample_id", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=20), nullable=False),
        sa.Column("origin_seq", sa.Integer(), nullable=False),
        sa.Column("origin_hash", sa.String(length=64), nullable=False),
        sa.Column("shipment_id", sa.Integer(), nullable=False),
        _fk("sample_id", "samples", "sample_origins"),
        _fk("shipment_id", "shipments", "sample_origins"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sample_origins")),
        sa.UniqueConstraint("sample_id", name=op.f("uq_sample_origins_sample_id")),
    )
    op.create_index(op.f("ix_sample_origins_shipment_id"), "sample_origins", ["shipment_id"])


def downgrade() -> None:
    op.drop_table("sample_origins")
    op.drop_table("foreign_labels")
    op.drop_table("witness_checkpoints")
    with op.batch_alter_table("lab_settings", schema=None) as batch_op:
        batch_op.drop_column("checkpoint_interval")
    with op.batch_alter_table("shipments", schema=None) as batch_op:
        batch_op.drop_column("origin_lab")
        batch_op.drop_column("origin")
    op.drop_table("partner_keys")
    op.drop_table("signing_keys")
