"""A batch of scans (packing a box, receiving a shipment, a shelf audit).

A record scanned twice in the same batch is reported as a duplicate and counted once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from custody.domain.labelcode import Code
from custody.domain.messages import t


@dataclass(frozen=True)
class BatchOutcome:
    code: Code
    duplicate: bool
    times: int  # how often this record has been scanned in the batch, this scan included

    @property
    def message(self) -> str:
        kind, body = self.code.kind.description, self.code.body
        if not self.duplicate:
            return t("{kind} {code} added.", kind=kind, code=body)
        return t(
            "{kind} {code} was scanned already in this batch ({times}×); counted once.",
            kind=kind,
            code=body,
            times=self.times,
        )


@dataclass
class ScanBatch:
    _times: dict[tuple[str, str], int] = field(default_factory=dict)
    _order: list[Code] = field(default_factory=list)

    def add(self, code: Code) -> BatchOutcome:
        key = (code.kind.value, code.body)
        times = self._times.get(key, 0) + 1
        self._times[key] = times
        if times == 1:
            self._order.append(code)
        return BatchOutcome(code, times > 1, times)

    @property
    def codes(self) -> tuple[Code, ...]:
        """Each scanned record once, in the order first scanned."""
        return tuple(self._order)

    @property
    def duplicates(self) -> int:
        return sum(times - 1 for times in self._times.values())
