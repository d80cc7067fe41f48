"""The error hierarchy.

A `Refusal` is a known, expected outcome of a user action (bad input, missing permission,
illegal transition...). Its message is written for the person at the workstation and it is
journaled as a denial. Anything else is a bug.
"""

from __future__ import annotations


class CustodyError(Exception):
    """Base class of every error Custody raises on purpose."""


class Refusal(CustodyError):
    """An action was refused. `message` is a message a clerk understands, built with
    `custody.domain.messages.t` so the app can show it translated (`custody.ui.error_text`);
    `str(error)` is its English text, which the journal keeps."""

    code = "refused"

    def __init__(self, message: str, *, subject: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.subject = subject
        self.details: dict[str, str] = {}  # extra facts for the journaled denial


class ValidationError(Refusal):
    code = "invalid"


class NotFound(Refusal):
    code = "not_found"


class PermissionDenied(Refusal):
    code = "permission"


class IllegalTransition(Refusal):
    code = "illegal_transition"


class AuthenticationFailed(Refusal):
    code = "authentication"

    def __init__(self, message: str, *, username: str, count_failure: bool = True) -> None:
        super().__init__(message, subject=f"user:{username}")
        self.username = username
        self.count_failure = count_failure


class Conflict(Refusal):
    """The same thing exists already (duplicate seal number, duplicate user name...)."""

    code = "conflict"


class StorageError(CustodyError):
    """The database cannot be used (locked, full, read-only, wrong place, newer schema)."""


class NotInitialised(StorageError):
    """The database has no lab settings yet: run `custody-cli init` or the first-run setup."""


class IntegrityViolation(CustodyError):
    """Internal guard: a record change reached commit without a journal entry."""
