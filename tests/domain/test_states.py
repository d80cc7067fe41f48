from __future__ import annotations

import pytest

from custody.domain.enums import EventType, SampleStatus
from custody.domain.states import (
    TERMINAL,
    TRANSITIONS,
    TransitionError,
    allowed_events,
    next_status,
)


def test_main_life_cycle() -> None:
    path = [
        (EventType.SEAL, SampleStatus.SEALED),
        (EventType.STORE, SampleStatus.STORED),
        (EventType.RETRIEVE, SampleStatus.RETRIEVED),
        (EventType.OPEN, SampleStatus.OPENED),
        (EventType.RESEAL, SampleStatus.SEALED),
        (EventType.PACK, SampleStatus.PACKED),
        (EventType.SHIP, SampleStatus.IN_TRANSIT),
        (EventType.RECEIVE, SampleStatus.RECEIVED),
        (EventType.STORE, SampleStatus.STORED),
        (EventType.RETRIEVE, SampleStatus.RETRIEVED),
        (EventType.DESTROY, SampleStatus.DESTROYED),
    ]
    status = SampleStatus.REGISTERED
    for event, expected in path:
        status = next_status(status, event)
        assert status == expected


def test_transfer_and_weigh_keep_the_status() -> None:
    assert next_status(SampleStatus.SEALED, EventType.TRANSFER) == SampleStatus.SEALED
    assert next_status(SampleStatus.OPENED, EventType.WEIGH) == SampleStatus.OPENED


def test_refusal_names_what_is_allowed() -> None:
    with pytest.raises(TransitionError) as info:
        next_status(SampleStatus.STORED, EventType.OPEN)
    message = str(info.value)
    assert "Cannot open: the sample is stored" in message
    assert "Allowed now: retrieve" in message


@pytest.mark.parametrize("status", sorted(TERMINAL))
@pytest.mark.parametrize("event", list(TRANSITIONS))
def test_terminal_states_allow_nothing(status: SampleStatus, event: EventType) -> None:
    with pytest.raises(TransitionError, match="no further custody actions"):
        next_status(status, event)


def test_destroyed_twice_is_refused() -> None:
    destroyed = next_status(SampleStatus.RETRIEVED, EventType.DESTROY)
    with pytest.raises(TransitionError, match="was destroyed"):
        next_status(destroyed, EventType.DESTROY)


def test_every_non_terminal_status_has_a_way_forward() -> None:
    for status in SampleStatus:
        if status not in TERMINAL:
            assert allowed_events(status), status


def test_stored_samples_cannot_be_handed_over() -> None:
    # In storage nobody holds the sample: it must be retrieved by someone first.
    assert EventType.TRANSFER not in allowed_events(SampleStatus.STORED)
