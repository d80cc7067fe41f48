"""This workstation's settings: typed entries in one JSON file (not the lab's shared settings).

`Settings` is a frozen value; building one (or `replace`) refuses a value out of its range with
a `SettingsError` a clerk understands. `load` never refuses: a damaged or hand-edited file falls
back entry by entry (the idle lock is clamped into 1–30 minutes, so it can never exceed the CJIS
limit) and says what it corrected. `save` writes atomically and keeps keys it does not know (a
newer Custody may have written them).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from custody import paths
from custody.atomic import write_atomically
from custody.domain.label_templates import TEMPLATES
from custody.domain.messages import message_of, t
from custody.errors import CustodyError, StorageError

__all__ = [
    "IDLE_LOCK_DEFAULT",
    "IDLE_LOCK_MAX",
    "IDLE_LOCK_MIN",
    "LANGUAGES",
    "Settings",
    "SettingsError",
    "default_path",
    "load",
    "save",
]

IDLE_LOCK_MIN = 1
IDLE_LOCK_MAX = 30  # CJIS Security Policy: lock the session after at most 30 minutes idle
IDLE_LOCK_DEFAULT = 15
LANGUAGES = ("en", "es")
FILE_NAME = "settings.json"
_MAX_PRINTER_NAME = 200


class SettingsError(CustodyError, ValueError):
    """A setting was given a value outside its range; the message says which values are allowed."""


def _idle_lock_minutes(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise SettingsError(
            t(
                "The idle lock must be a whole number of minutes from {first} to "
                "{last}; {value} is not.",
                first=IDLE_LOCK_MIN,
                last=IDLE_LOCK_MAX,
                value=repr(value),
            )
        )
    if not IDLE_LOCK_MIN <= value <= IDLE_LOCK_MAX:
        raise SettingsError(
            t(
                "The idle lock must be between {first} and {last} "
                "minutes (CJIS allows at most {last}); {value} is out of range.",
                first=IDLE_LOCK_MIN,
                last=IDLE_LOCK_MAX,
                value=value,
            )
        )
    return value


def _language(value: object) -> str:
    if value not in LANGUAGES:
        raise SettingsError(
            t(
                "The language must be one of {languages}; {value} is not offered.",
                languages=", ".join(LANGUAGES),
                value=repr(value),
            )
        )
    return str(value)


def _printer(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value.strip()) > _MAX_PRINTER_NAME:
        raise SettingsError(t("{value} is not a printer name.", value=repr(value)))
    return value.strip() or None


def _template(value: object) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or value not in TEMPLATES:
        raise SettingsError(
            t(
                "There is no label template {value}; choose one of: {templates}.",
                value=repr(value),
                templates=", ".join(TEMPLATES),
            )
        )
    return value


_CHECKS: dict[str, Callable[[object], Any]] = {
    "idle_lock_minutes": _idle_lock_minutes,
    "language": _language,
    "default_printer": _printer,
    "default_label_template": _template,
}


@dataclass(frozen=True)
class Settings:
    idle_lock_minutes: int = IDLE_LOCK_DEFAULT
    language: str = "en"
    default_printer: str | None = None
    default_label_template: str | None = None

    def __post_init__(self) -> None:
        for name, check in _CHECKS.items():
            object.__setattr__(self, name, check(getattr(self, name)))

    def replace(self, **changes: Any) -> Settings:
        """A copy with `changes`; SettingsError if one is out of range (nothing is changed)."""
        unknown = sorted(set(changes) - set(_CHECKS))
        if unknown:
            raise SettingsError(t("There is no setting called {names}.", names=", ".join(unknown)))
        return dataclasses.replace(self, **changes)

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in _CHECKS}


def default_path() -> Path:
    """The settings file in the per-user config directory."""
    return paths.config_dir() / FILE_NAME


def _read(path: Path) -> dict[str, Any]:
    """The file's JSON object; {} if there is no file. OSError/ValueError if it is damaged."""
    try:
        raw = path.read_text("utf-8")
    except FileNotFoundError:
        return {}
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise ValueError("it does not hold a JSON object")
    return data


def _clamped_minutes(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return min(max(value, IDLE_LOCK_MIN), IDLE_LOCK_MAX)
    return None


def load(path: Path | None = None, *, problems: list[str] | None = None) -> Settings:
    """The settings in `path` (default: `default_path()`); defaults for what is missing or bad.

    What had to be corrected is appended to `problems`, one sentence per entry.
    """
    path = path or default_path()
    notes: list[str] = [] if problems is None else problems
    try:
        data = _read(path)
    except (OSError, ValueError) as error:
        notes.append(
            t(
                "The settings file {path} cannot be read ({error}); using the defaults.",
                path=path,
                error=error,
            )
        )
        return Settings()
    values: dict[str, Any] = {}
    for name, check in _CHECKS.items():
        if name not in data:
            continue
        try:
            values[name] = check(data[name])
        except SettingsError as error:
            fallback = getattr(Settings(), name)
            if name == "idle_lock_minutes":
                clamped = _clamped_minutes(data[name])
                fallback = fallback if clamped is None else clamped
            values[name] = fallback
            notes.append(
                t(
                    "{problem} Using {fallback} (from {path}).",
                    problem=message_of(error),
                    fallback=repr(fallback),
                    path=path,
                )
            )
    return Settings(**values)


def save(settings: Settings, path: Path | None = None) -> None:
    """Write `settings` atomically, keeping entries this version does not know."""
    path = path or default_path()
    try:
        existing = _read(path)
    except (OSError, ValueError):
        existing = {}  # a damaged file is replaced by a good one
    merged = {**existing, **settings.as_dict()}
    data = (json.dumps(merged, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, data)
    except OSError as error:
        raise StorageError(
            t("The settings could not be saved to {path}: {error}", path=path, error=error)
        ) from error
