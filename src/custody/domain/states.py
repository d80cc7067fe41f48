"""The sample life cycle as a state machine.

Every custody action that changes a sample's status is a transition here. An action that is
not allowed from the current status is refused with a message that names what *is* allowed.
"""

from __future__ import annotations

from dataclasses import dataclass

from custody.domain.enums import EventType
from custody.domain.enums import SampleStatus as S
from custody.domain.messages import join_or, join_texts, t


@dataclass(frozen=True)
class Transition:
    event: EventType
    sources: frozenset[S]
    target: S | None  # None: the status does not change (transfer, weigh)


def _t(event: EventType, sources: set[S], target: S | None) -> Transition:
    return Transition(event, frozenset(sources), target)


_IN_HAND = {S.REGISTERED, S.SEALED, S.RETRIEVED, S.OPENED, S.RECEIVED}

TRANSITIONS: dict[EventType, Transition] = {
    t.event: t
    for t in (
        _t(EventType.SEAL, {S.REGISTERED}, S.SEALED),
        _t(EventType.STORE, {S.SEALED, S.RETRIEVED, S.RECEIVED}, S.STORED),
        _t(EventType.RETRIEVE, {S.STORED}, S.RETRIEVED),
        _t(EventType.OPEN, {S.SEALED, S.RETRIEVED, S.RECEIVED}, S.OPENED),
        _t(EventType.SUBSAMPLE, {S.OPENED}, None),
        _t(EventType.RESEAL, {S.OPENED}, S.SEALED),
        _t(EventType.WEIGH, _IN_HAND, None),
        _t(EventType.TRANSFER, _IN_HAND, None),
        _t(EventType.PACK, {S.SEALED, S.RETRIEVED}, S.PACKED),
        _t(EventType.UNPACK, {S.PACKED}, S.RETRIEVED),
        _t(EventType.SHIP, {S.PACKED}, S.IN_TRANSIT),
        _t(EventType.RECEIVE, {S.IN_TRANSIT}, S.RECEIVED),
        _t(EventType.RETURN, {S.SEALED, S.RETRIEVED, S.RECEIVED}, S.RETURNED),
        _t(EventType.DESTROY, {S.SEALED, S.RETRIEVED, S.OPENED, S.RECEIVED}, S.DESTROYED),
    )
}

TERMINAL = frozenset({S.RETURNED, S.DESTROYED})

_LABELS = {  # what the clerk would do: "Cannot {action}: ..."
    EventType.SEAL: t("seal"),
    EventType.STORE: t("store"),
    EventType.RETRIEVE: t("retrieve"),
    EventType.OPEN: t("open"),
    EventType.SUBSAMPLE: t("draw a sub-sample"),
    EventType.RESEAL: t("reseal"),
    EventType.WEIGH: t("re-weigh"),
    EventType.TRANSFER: t("hand over"),
    EventType.PACK: t("pack"),
    EventType.UNPACK: t("unpack"),
    EventType.SHIP: t("ship"),
    EventType.RECEIVE: t("receive"),
    EventType.RETURN: t("return"),
    EventType.DESTROY: t("destroy"),
}


class TransitionError(ValueError):
    """An action is not allowed from the current status."""


def allowed_events(status: S) -> list[EventType]:
    """The actions allowed on a sample in `status`, in a stable order."""
    return [event for event, t in TRANSITIONS.items() if status in t.sources]


def describe(event: EventType) -> str:
    """The action as a verb phrase ("draw a sub-sample"), translatable (a Text)."""
    return _LABELS.get(event, event.value)


def next_status(status: S, event: EventType) -> S:
    """The status after `event`, or TransitionError saying what is allowed instead."""
    transition = TRANSITIONS.get(event)
    if transition is None:
        raise TransitionError(t("'{event}' does not change a sample's status", event=event.value))
    if status in transition.sources:
        return transition.target if transition.target is not None else status
    if status in TERMINAL:
        raise TransitionError(
            t(
                "Cannot {action}: the sample was {status}; "
                "no further custody actions are possible.",
                action=describe(event),
                status=status.value,
            )
        )
    allowed = [describe(e) for e in allowed_events(status)]
    raise TransitionError(
        t(
            "Cannot {action}: the sample is {status} (it must be {needed}). "
            "Allowed now: {allowed}.",
            action=describe(event),
            status=status.value,
            needed=join_or(sorted(s.value for s in transition.sources)),
            allowed=join_texts(allowed) if allowed else t("nothing"),
        )
    )
