"""Setting up: init, demo, users, storage locations, backups."""

from __future__ import annotations

import argparse
import hashlib
from functools import partial
from pathlib import Path

from custody import keyfile, signing
from custody.cli.common import (
    PASSWORD_ENV,
    Session,
    UsageError,
    act,
    command,
    group,
    out,
    require_secrets,
    secret,
)
from custody.context import AppContext
from custody.db.backup import backup_sqlite
from custody.demo import populate
from custody.domain.enums import LocationKind, Role
from custody.domain.permissions import Action
from custody.errors import NotInitialised
from custody.services import audit, lab, locations, users
from custody.services.lab import DEFAULT_ZONE
from custody.services.users import NewPerson

NEW_PASSWORD_ENV = "CUSTODY_NEW_PASSWORD"  # noqa: S105  the name of an environment variable


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = command(
        commands, "init", _init, "set up an empty database: the lab and its supervisor", acts=False
    )
    init.add_argument("--lab-name", required=True)
    init.add_argument("--site-prefix", required=True, help="e.g. MX-AICM (starts every sample ID)")
    init.add_argument(
        "--timezone", default=DEFAULT_ZONE, help=f"IANA zone (default {DEFAULT_ZONE})"
    )
    init.add_argument("--supervisor-username", required=True)
    init.add_argument("--supervisor-name", required=True, help="full name")
    _person_options(init)

    command(
        commands,
        "demo",
        _demo,
        "fill an EMPTY database with demo data; prints the accounts",
        acts=False,
    )

    user = group(commands, "user", "user accounts")
    add = command(user, "add", _user_add, "create an account (password: $CUSTODY_NEW_PASSWORD)")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="full name")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    _person_options(add)
    command(user, "list", _user_list, "list the people and their accounts")

    location = group(commands, "location", "storage locations (vault › shelf › box)")
    loc = command(location, "add", _location_add, "add a storage location")
    loc.add_argument("code", help="e.g. VAULT-A-S2-B05")
    loc.add_argument("--name", required=True)
    loc.add_argument("--kind", required=True, choices=[k.value for k in LocationKind])
    loc.add_argument("--parent", help="code of the enclosing location")
    command(location, "list", _location_list, "list the storage locations")

    backup = command(commands, "backup", _backup, "consistent online backup of a SQLite database")
    backup.add_argument("target", help="the backup file to write (must not exist)")


def _person_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--institution")
    parser.add_argument("--position")
    parser.add_argument("--badge", help="badge or employee number")


def _init(args: argparse.Namespace, session: Session) -> int:
    name = args.supervisor_username
    password = secret(PASSWORD_ENV, f"New passphrase for {name}", confirm=True)
    ctx = session.open(create=True)
    if ctx.query(lambda w: lab.settings_row(w) is None):  # else `initialise` refuses
        _refuse_existing_keys(ctx)
    person = NewPerson(args.supervisor_name, args.institution, args.position, args.badge)
    settings, supervisor = ctx.perform(
        "init",
        partial(
            lab.initialise,
            lab_name=args.lab_name,
            site_prefix=args.site_prefix,
            supervisor=person,
            username=name,
            password=password,
            timezone=args.timezone,
        ),
        actor=None,
    )
    ctx.sign_in(name, password)
    fingerprint = ctx.create_label_key()
    signing_fp = ctx.create_signing_key()
    out(f"Lab set up: {settings.lab_name}")
    out(f"  site prefix  {settings.site_prefix}   (sample IDs: {settings.site_prefix}-YYYY-NNNNNN)")
    out(f"  time zone    {settings.timezone}")
    out(f"  supervisor   {supervisor.username} ({supervisor.full_name})")
    out(f"  database     {session.db_location}")
    out(f"  label key    {ctx.label_key_path()} (fingerprint {fingerprint}; back it up with the")
    out("               database: without it printed labels cannot be checked)")
    out(f"  signing key  {ctx.signing_key_file} (public key fingerprint {signing_fp};")
    out("               receiving labs check bundles and manifests against it)")
    return 0


def _refuse_existing_keys(ctx: AppContext) -> None:
    """A new lab never takes over key files left by another lab database."""
    key_path = ctx.label_key_path()
    if key_path is not None and key_path.exists():
        raise UsageError(
            f"a label key exists already at {key_path}; it belongs to another lab database. "
            f"Move it away or set {keyfile.ENV} to a new file"
        )
    signing_path = ctx.signing_key_file
    if signing_path is not None and signing_path.exists():
        raise UsageError(
            f"a signing key exists already at {signing_path}; it belongs to another lab "
            f"database. Move it away or set {signing.ENV} to a new file"
        )


def _demo(args: argparse.Namespace, session: Session) -> int:
    path = session.sqlite_file()
    if path is None or path.exists():
        ctx = session.open(create=True)
        try:
            ctx.query(lab.lab)
        except NotInitialised:
            pass
        else:
            raise UsageError(
                f"the database at {session.db_location} has data already; the demo needs an "
                "empty database: give another --db"
            )
    ctx = session.open(create=True)
    out("Creating the demo lab (a few seconds)...")
    accounts = populate(ctx)
    out(f"Demo database: {session.db_location}")
    out("Accounts (user name, role, password):")
    for account in accounts:
        out(f"  {account.username:<12} {account.role.value:<11} {account.password}")
    first = accounts[1]
    out("Try:")
    out(f"  export CUSTODY_USER={first.username} CUSTODY_PASSWORD='{first.password}'")
    out(f"  custody-cli --db {session.db_location} sample list")
    return 0


def _user_add(args: argparse.Namespace, session: Session) -> int:
    require_secrets(NEW_PASSWORD_ENV)
    ctx, _ = session.signed_in()
    password = secret(NEW_PASSWORD_ENV, f"New passphrase for {args.username}", confirm=True)
    person = NewPerson(args.name, args.institution, args.position, args.badge)
    view = act(
        ctx,
        "add user",
        partial(
            users.add_user,
            details=person,
            username=args.username,
            role=Role(args.role),
            password=password,
        ),
    )
    out(f"User {view.username} created: {view.full_name}, {args.role}")
    return 0


def _user_list(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    rows = ctx.query(users.list_users)
    out(f"{'USER':<16} {'ROLE':<11} {'STATE':<11} NAME")
    for row in rows:
        state = "locked" if row.locked else ("active" if row.active else "deactivated")
        role = row.role.value if row.role else "—"
        extra = f" — {row.institution}" if row.institution else ""
        out(f"{row.username or '(no account)':<16} {role:<11} {state:<11} {row.full_name}{extra}")
    return 0


def _location_add(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    view = act(
        ctx,
        "add location",
        partial(
            locations.add_location,
            code=args.code,
            name=args.name,
            kind=LocationKind(args.kind),
            parent_code=args.parent,
        ),
    )
    inside = f" inside {view.parent_code}" if view.parent_code else ""
    out(f"Location {view.code} added: {view.name} ({view.kind.value}){inside}")
    return 0


def _location_list(args: argparse.Namespace, session: Session) -> int:
    ctx, _ = session.signed_in()
    out(f"{'CODE':<20} {'KIND':<6} {'INSIDE':<20} NAME")
    for row in ctx.query(locations.list_locations):
        name = row.name if row.active else f"{row.name} (archived)"
        out(f"{row.code:<20} {row.kind.value:<6} {row.parent_code or '':<20} {name}")
    return 0


def _backup(args: argparse.Namespace, session: Session) -> int:
    source = session.sqlite_file()
    if source is None:
        raise UsageError(
            "backup copies SQLite files only; for PostgreSQL use pg_dump, e.g. "
            "`pg_dump --format=custom --file custody.dump DBNAME`, and keep the dump offline"
        )
    ctx, _ = session.signed_in()
    act(ctx, "backup", lambda w: w.require(Action.BACKUP, subject="backup"))
    target = backup_sqlite(source, Path(args.target).expanduser().resolve())
    size = target.stat().st_size
    with target.open("rb") as handle:
        digest = hashlib.file_digest(handle, "sha256").hexdigest()
    act(ctx, "backup", partial(audit.record_backup, target=str(target), size=size, sha256=digest))
    out(f"Backup written: {target} ({size} bytes, integrity checked)")
    out(f"  SHA-256 {digest} (recorded in the journal)")
    return 0
