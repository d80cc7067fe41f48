from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from custody.domain.labelcode import Code, LabelKind
from custody.domain.scan_batch import ScanBatch


def test_a_duplicate_is_reported_and_counted_once() -> None:
    batch = ScanBatch()
    first = batch.add(Code(LabelKind.SAMPLE, "MXAICM2026000001", 1))
    again = batch.add(Code(LabelKind.SAMPLE, "MXAICM2026000001", 1))
    other = batch.add(Code(LabelKind.SAMPLE, "MXAICM2026000002", 2))
    assert not first.duplicate and again.duplicate and not other.duplicate
    assert again.times == 2 and "scanned already in this batch (2×)" in again.message
    assert [c.body for c in batch.codes] == ["MXAICM2026000001", "MXAICM2026000002"]
    assert batch.duplicates == 1


def test_same_key_of_another_kind_is_another_record() -> None:
    batch = ScanBatch()
    batch.add(Code(LabelKind.LOCATION, "12", 1))
    assert not batch.add(Code(LabelKind.SHIPMENT, "12", 2)).duplicate


@given(st.lists(st.integers(min_value=1, max_value=20), max_size=60))
def test_counts(numbers: list[int]) -> None:
    batch = ScanBatch()
    for n in numbers:
        batch.add(Code(LabelKind.SAMPLE, f"MXAICM2026{n:06d}", n))
    assert len(batch.codes) == len(set(numbers))
    assert batch.duplicates == len(numbers) - len(set(numbers))
