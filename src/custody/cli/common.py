"""What every command shares: the database, the signed-in user, passwords and output."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from custody import keyfile, paths
from custody.context import AppContext
from custody.db.engine import sqlite_path
from custody.errors import StorageError
from custody.services import lab, lookup
from custody.services.work import Actor, Work

T = TypeVar("T")

USER_ENV = "CUSTODY_USER"
PASSWORD_ENV = "CUSTODY_PASSWORD"  # noqa: S105  the name of an environment variable


class UsageError(Exception):
    """The command line cannot be carried out as given (exit status 2)."""


def add_db_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    parser.add_argument(
        "--db",
        metavar="URL_OR_PATH",
        default=None if top else argparse.SUPPRESS,
        help="database URL or SQLite file (default: $CUSTODY_DB or the user data directory)",
    )


def add_user_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    parser.add_argument(
        "--user",
        metavar="NAME",
        default=None if top else argparse.SUPPRESS,
        help=f"who acts (default: ${USER_ENV}); the password comes from ${PASSWORD_ENV} "
        "or a prompt",
    )


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output (JSON)")


Handler = Callable[[argparse.Namespace, "Session"], int]


def command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    handler: Handler,
    summary: str,
    *,
    acts: bool = True,
    json_output: bool = False,
) -> argparse.ArgumentParser:
    """A leaf command: accepts --db (and --user when someone acts) after its name too."""
    parser = commands.add_parser(name, help=summary, description=summary)
    add_db_option(parser)
    if acts:
        add_user_option(parser)
    if json_output:
        add_json_option(parser)
    parser.set_defaults(run=handler)
    return parser


def group(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str, summary: str
) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    """A command with sub-commands (`user add`, `seal open`...)."""
    parser = commands.add_parser(name, help=summary, description=summary)
    return parser.add_subparsers(dest=f"{name}_command", metavar="ACTION", required=True)


def database_url(raw: str | None) -> str:
    """`--db` as a URL: a plain path is a SQLite file; nothing given is the default."""
    if raw is None or not raw.strip():
        return paths.default_db_url()
    text = raw.strip()
    if "://" in text:
        return text
    return f"sqlite+pysqlite:///{Path(text).expanduser().resolve()}"


def secret(env: str, prompt: str, *, confirm: bool = False) -> str:
    """A password from the environment variable `env`, else typed at the terminal."""
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise UsageError(f"set {env} or run interactively (there is no terminal to ask)")
    first = getpass.getpass(f"{prompt}: ")
    if confirm and getpass.getpass(f"{prompt} (again): ") != first:
        raise UsageError("The two passwords differ; nothing was changed.")
    return first


def require_secrets(*envs: str) -> None:
    """Fail early (before signing in) when a needed password can be neither read nor asked."""
    missing = [env for env in envs if not os.environ.get(env)]
    if missing and not sys.stdin.isatty():
        raise UsageError(f"set {' and '.join(missing)} or run interactively")


_SQLITE_HEADER = b"SQLite format 3\x00"


def _looks_like_sqlite(path: Path) -> bool:
    """True for an empty file (SQLite starts it) or one with the SQLite header."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_HEADER))
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror}") from None
    return head in (b"", _SQLITE_HEADER)


class Session:
    """One command run: opens the database when asked and closes it at the end."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.url = database_url(getattr(args, "db", None))
        self._ctx: AppContext | None = None

    def sqlite_file(self) -> Path | None:
        """The SQLite file of the URL; None for PostgreSQL (or in-memory SQLite)."""
        try:
            return sqlite_path(self.url)
        except Exception:  # SQLAlchemy's ArgumentError: the CLI does not import SQLAlchemy
            raise UsageError(f"'{self.url}' is not a database URL or file path") from None

    @property
    def db_location(self) -> str:
        path = self.sqlite_file()
        return str(path) if path is not None else self.url

    def open(self, *, create: bool = False) -> AppContext:
        """The AppContext. Refuses a missing SQLite file unless `create` (init, demo)."""
        if self._ctx is None:
            path = self.sqlite_file()
            if create:
                paths.ensure_parent(self.url)
            elif path is not None and not path.exists():
                raise UsageError(
                    f"no database at {path}: run `custody-cli init` or `custody-cli demo`"
                )
            if path is not None and path.is_file() and not _looks_like_sqlite(path):
                raise UsageError(f"{path} is not a SQLite database file: check --db")
            self._ctx = AppContext(self.url)
        return self._ctx

    def initialised(self) -> AppContext:
        """The AppContext of a set-up lab (NotInitialised, a StorageError, otherwise)."""
        ctx = self.open()
        ctx.query(lab.lab)
        return ctx

    def username(self) -> str:
        name = getattr(self.args, "user", None) or os.environ.get(USER_ENV, "")
        if not name.strip():
            raise UsageError(f"say who you are: --user NAME (or set {USER_ENV})")
        return str(name).strip()

    def signed_in(self) -> tuple[AppContext, Actor]:
        """Sign the user in (journaled). A wrong password is a Refusal."""
        ctx = self.initialised()
        username = self.username()
        password = secret(PASSWORD_ENV, f"Password for {username}")
        return ctx, ctx.sign_in(username, password)

    def close(self) -> None:
        if self._ctx is not None:
            self._ctx.close()
            self._ctx = None


def sample_id(ctx: AppContext, raw: str) -> int:
    """The internal id of the sample named by its human ID or its compact (scanned) code.

    Runs as an action so that an unknown ID or a wrong check character is journaled as a
    denial (integrity.md §3); a successful lookup writes nothing.
    """
    return ctx.perform("find sample", lambda w: lookup.find_sample(w, raw)).id


def label_key(ctx: AppContext) -> bytes:
    """This lab's label key (a StorageError, exit 2, when it is missing or unusable)."""
    path = ctx.label_key_path()
    if path is None:
        raise StorageError(
            f"Set {keyfile.ENV} to the label key file shared by this lab's workstations."
        )
    return keyfile.load(path)


def act(ctx: AppContext, label: str, fn: Callable[[Work], T]) -> T:
    """One user action as the signed-in user (refusals are journaled by AppContext)."""
    return ctx.perform(label, fn)


# --- output ---------------------------------------------------------------------------------


def out(line: str = "") -> None:
    print(line)


def err(line: str) -> None:
    print(line, file=sys.stderr)


def plain(value: Any) -> Any:
    """`value` as JSON-ready data: dataclasses as dicts, enums as values, times as ISO text."""
    if is_dataclass(value) and not isinstance(value, type):
        return {k: plain(v) for k, v in asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def print_json(value: Any) -> None:
    print(json.dumps(plain(value), ensure_ascii=False, indent=2))


def local_and_utc(moment: datetime, zone: str) -> tuple[str, str]:
    """`moment` in the lab's zone (with its offset) and in UTC, both to the second."""
    local = moment.astimezone(ZoneInfo(zone))
    utc = moment.astimezone(ZoneInfo("UTC"))
    return (
        f"{local:%Y-%m-%d %H:%M:%S %z} ({zone})",
        f"{utc:%Y-%m-%d %H:%M:%S} UTC",
    )


def grams(value: Decimal | None) -> str:
    return "—" if value is None else f"{value} g"
