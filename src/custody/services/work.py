"""`Work`: what a service needs for one user action (one transaction)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from argon2 import PasswordHasher

from custody.db import journal
from custody.db.base import Base
from custody.db.queries import Session
from custody.domain.enums import Role
from custody.domain.messages import t
from custody.domain.permissions import Action, is_allowed, roles_allowed
from custody.errors import NotFound, PermissionDenied

M = TypeVar("M", bound=Base)
CLOCK_REGRESSION = "clock.regression"


@dataclass(frozen=True)
class Actor:
    """The authenticated person on whose behalf a service acts."""

    id: int
    username: str
    full_name: str
    role: Role


@dataclass
class Work:
    session: Session
    actor: Actor | None
    workstation: str
    zone: str
    now: datetime
    hasher: PasswordHasher

    def require(self, action: Action, *, subject: str | None = None) -> Actor:
        """The actor, if signed in and allowed to do `action`; PermissionDenied otherwise."""
        if self.actor is None:
            raise PermissionDenied(t("Sign in first."), subject=subject)
        if not is_allowed(self.actor.role, action):
            raise PermissionDenied(
                t(
                    "Your role ({role}) may not {action}; this needs: {roles}.",
                    role=self.actor.role.value,
                    action=action.value.replace("_", " "),
                    roles=", ".join(role.value for role in roles_allowed(action)),
                ),
                subject=subject,
            )
        return self.actor

    def stamp(self, actor: Actor | None = None) -> journal.Stamp:
        who = actor or self.actor
        return journal.Stamp(
            actor_id=who.id if who else None,
            actor=who.username if who else None,
            workstation=self.workstation,
            zone=self.zone,
            now=self.now,
        )

    def record(
        self,
        kind: str,
        subject: str | None,
        data: dict[str, Any] | None = None,
        *,
        actor: Actor | None = None,
    ) -> journal.Appended:
        """Append a journal entry carrying every record change made so far in this action.
        When the wall clock went back since the previous entry, a `clock.regression` entry
        follows it (order is the journal's seq, never the time; supervisors see the flag)."""
        stamp = self.stamp(actor)
        done = journal.append(self.session, stamp, kind, subject, data or {})
        if done.behind is not None:
            back = done.behind
            journal.append(
                self.session,
                stamp,
                CLOCK_REGRESSION,
                f"workstation:{self.workstation}",
                {
                    "seq": done.seq,
                    "behind_seconds": back.seconds,
                    "previous_seq": back.previous_seq,
                    "previous_ts": back.previous_ts,
                    "previous_workstation": back.previous_workstation,
                },
            )
        return done

    def get(self, model: type[M], key: int, what: str) -> M:
        """The record `model` #`key`, or NotFound naming `what` (a noun; pass a Text)."""
        obj = self.session.get(model, key)
        if obj is None:
            raise NotFound(t("There is no {what} #{key}.", what=what, key=key))
        return obj
