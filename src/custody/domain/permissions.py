"""Who may do what: the role × action matrix (checked by the services, not the UI)."""

from __future__ import annotations

from enum import StrEnum

from custody.domain.enums import Role


class Action(StrEnum):
    READ = "read"
    VERIFY = "verify"
    REGISTER = "register"  # cases, seizures, exhibits, samples, sub-samples
    AMEND = "amend"  # correct a record or an event, with a reason
    WEIGH = "weigh"
    SEAL = "seal"  # apply, break and replace seals; open / reseal
    TRANSFER = "transfer"
    STORE = "store"  # store and retrieve
    MANAGE_LOCATIONS = "manage_locations"
    DISPOSE = "dispose"  # destroy, return
    MANAGE_USERS = "manage_users"
    SHIP = "ship"  # pack, dispatch, receive
    APPROVE = "approve"  # approve shipments
    PRINT_LABELS = "print_labels"
    BACKUP = "backup"
    SETTINGS = "settings"
    EXPORT = "export"  # signed export bundles and the auditor's journal export


_EVERYONE = frozenset({Action.READ, Action.VERIFY})
_HANDLERS = _EVERYONE | {
    Action.TRANSFER,
    Action.STORE,
    Action.SHIP,
    Action.AMEND,
    Action.PRINT_LABELS,
}

PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.AUDITOR: _EVERYONE | {Action.EXPORT},
    Role.CLERK: _HANDLERS | {Action.MANAGE_LOCATIONS},
    Role.TECHNICIAN: _HANDLERS | {Action.REGISTER, Action.WEIGH, Action.SEAL},
    Role.SUPERVISOR: frozenset(Action),
}


def is_allowed(role: Role, action: Action) -> bool:
    return action in PERMISSIONS[role]


def roles_allowed(action: Action) -> list[Role]:
    return [role for role in Role if action in PERMISSIONS[role]]
