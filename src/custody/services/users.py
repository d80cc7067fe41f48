"""People and accounts: creation, sign-in (argon2id), lockout, password changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from argon2.exceptions import InvalidHashError, VerificationError

from custody.db import queries
from custody.db.models import Person
from custody.domain import text
from custody.domain.enums import Role
from custody.domain.messages import message_of, t
from custody.domain.passwords import PassphraseError, check_passphrase
from custody.domain.permissions import Action
from custody.errors import AuthenticationFailed, Conflict, NotFound, ValidationError
from custody.services.work import Actor, Work

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=10)


@dataclass(frozen=True)
class NewPerson:
    full_name: str
    institution: str | None = None
    position: str | None = None
    badge: str | None = None


@dataclass(frozen=True)
class UserView:
    id: int
    username: str | None
    full_name: str
    institution: str | None
    position: str | None
    role: Role | None
    active: bool
    locked: bool


def _view(work: Work, person: Person) -> UserView:
    locked = person.locked_until is not None and person.locked_until > work.now
    return UserView(
        person.id,
        person.username,
        person.full_name,
        person.institution,
        person.position,
        person.role,
        person.active,
        locked,
    )


def actor_of(person: Person) -> Actor:
    assert person.username is not None and person.role is not None
    return Actor(person.id, person.username, person.full_name, person.role)


def _clean_username(username: str) -> str:
    name = username.strip().lower()
    if not name or len(name) > 64 or not all(c.isalnum() or c in "._-" for c in name):
        raise ValidationError(
            t("The user name must be 1–64 letters, digits, '.', '_' or '-' (no spaces).")
        )
    return name


def _person(work: Work, details: NewPerson) -> Person:
    try:
        return Person(
            full_name=text.required(details.full_name, t("full name"), max_len=200),
            institution=text.optional(details.institution, t("institution"), max_len=200),
            position=text.optional(details.position, t("position"), max_len=200),
            badge=text.optional(details.badge, t("badge number"), max_len=64),
            active=True,
            failed_logins=0,
            locked_until=None,
            created_at=work.now,
        )
    except ValueError as error:
        raise ValidationError(message_of(error)) from None


def _set_password(work: Work, person: Person, password: str) -> None:
    try:
        check_passphrase(password, username=person.username or "")
    except PassphraseError as error:
        raise ValidationError(message_of(error)) from None
    person.password_hash = work.hasher.hash(password)


def add_user(
    work: Work,
    details: NewPerson,
    username: str,
    role: Role,
    password: str,
    *,
    bootstrap: bool = False,
) -> UserView:
    """Create an account. `bootstrap` is only for the first supervisor at `init`."""
    if not bootstrap:
        work.require(Action.MANAGE_USERS, subject=f"user:{username}")
    name = _clean_username(username)
    if queries.exists(work.session, Person, username=name):
        raise Conflict(t("The user name '{name}' is taken.", name=name), subject=f"user:{name}")
    person = _person(work, details)
    person.username = name
    person.role = role
    _set_password(work, person, password)
    work.session.add(person)
    work.session.flush()
    creator = work.actor or actor_of(person)
    work.record("user.create", f"user:{name}", {"role": role.value}, actor=creator)
    return _view(work, person)


def add_person(work: Work, details: NewPerson) -> UserView:
    """A person without an account (a submitting officer, a courier, a witness)."""
    work.require(Action.REGISTER)
    person = _person(work, details)
    work.session.add(person)
    work.session.flush()
    work.record("person.create", f"person:{person.id}")
    return _view(work, person)


def _account(work: Work, username: str) -> Person | None:
    name = username.strip().lower()
    return queries.first(work.session, Person, username=name)


def authenticate(work: Work, username: str, password: str, *, purpose: str = "sign-in") -> Actor:
    """Check a user's password. Refusals are journaled by the caller (see AppContext)."""
    person = _account(work, username)
    refused = t("Wrong user name or password.")
    if person is None or person.password_hash is None:
        _burn(work, password)
        raise AuthenticationFailed(refused, username=username.strip().lower(), count_failure=False)
    if person.locked_until is not None and person.locked_until > work.now:
        minutes = int((person.locked_until - work.now).total_seconds() // 60) + 1
        raise AuthenticationFailed(
            t(
                "The account '{username}' is locked after {failures} failed sign-ins; "
                "try again in {minutes} min or ask a supervisor.",
                username=person.username,
                failures=MAX_FAILURES,
                minutes=minutes,
            ),
            username=person.username or username,
            count_failure=False,
        )
    if not person.active:
        raise AuthenticationFailed(
            t("The account '{username}' is deactivated.", username=person.username),
            username=person.username or username,
            count_failure=False,
        )
    try:
        work.hasher.verify(person.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise AuthenticationFailed(refused, username=person.username or username) from None
    actor = actor_of(person)
    if work.hasher.check_needs_rehash(person.password_hash):
        person.password_hash = work.hasher.hash(password)
    if person.failed_logins or person.locked_until is not None:
        person.failed_logins = 0
        person.locked_until = None
    work.record("auth.ok", f"user:{actor.username}", {"purpose": purpose}, actor=actor)
    return actor


def _burn(work: Work, password: str) -> None:
    """Spend the same time on an unknown user as on a known one (no user enumeration)."""
    work.hasher.hash(password)


SESSION_REASONS = ("idle", "manual", "quit")


def record_session(work: Work, event: str, reason: str) -> None:
    """Journal that the signed-in person's session was locked or ended, and why: `event` is
    "locked" or "signed_out"; `reason` one of SESSION_REASONS (the idle timer, the person's own
    action, or the app closing). Unlocking is journaled by `authenticate` (purpose "unlock")."""
    if event not in ("locked", "signed_out") or reason not in SESSION_REASONS:
        raise ValueError(f"unknown session event {event!r} ({reason!r})")
    actor = work.actor
    if actor is None:
        return  # nobody signed in: nothing to close
    work.record(f"session.{event}", f"user:{actor.username}", {"reason": reason})


def count_failure(work: Work, username: str) -> bool:
    """Count a failed sign-in; lock the account at the limit. True if it was locked now."""
    person = _account(work, username)
    if person is None:
        return False
    person.failed_logins += 1
    locked = person.failed_logins >= MAX_FAILURES
    if locked:
        person.locked_until = work.now + LOCKOUT
        person.failed_logins = 0
    return locked


def set_password(work: Work, username: str, new_password: str) -> None:
    """A supervisor resets a password, or a user changes their own."""
    person = _account(work, username)
    if person is None:
        raise NotFound(t("There is no user '{username}'.", username=username))
    if work.actor is None or work.actor.id != person.id:
        work.require(Action.MANAGE_USERS, subject=f"user:{person.username}")
    _set_password(work, person, new_password)
    work.record("user.password", f"user:{person.username}")


def set_active(work: Work, username: str, active: bool) -> UserView:
    work.require(Action.MANAGE_USERS, subject=f"user:{username}")
    person = _account(work, username)
    if person is None:
        raise NotFound(t("There is no user '{username}'.", username=username))
    if work.actor is not None and person.id == work.actor.id and not active:
        raise ValidationError(t("You cannot deactivate your own account."))
    person.active = active
    if active:
        person.locked_until = None
        person.failed_logins = 0
    work.record("user.activate" if active else "user.deactivate", f"user:{person.username}")
    return _view(work, person)


def list_users(work: Work) -> list[UserView]:
    work.require(Action.READ)
    people = queries.all_of(work.session, Person, order_by="full_name")
    return [_view(work, p) for p in people]


def find_user(work: Work, username: str) -> UserView:
    """An active user by user name (for a badge, a witness, a receiver)."""
    work.require(Action.READ)
    person = _account(work, username)
    if person is None or not person.active:
        raise NotFound(t("There is no active user '{username}'.", username=username.strip()))
    return _view(work, person)
