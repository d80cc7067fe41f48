"""What a verify report means, in the words `custody-cli verify` and the Audit view share."""

from __future__ import annotations

from decimal import Decimal

from custody.domain.enums import SampleStatus
from custody.services import audit
from custody.services.audit import ChainBreak, Divergence, VerifyReport


def divergence(field: str | None, journal_value: object, table_value: object) -> VerifyReport:
    found = Divergence("samples", 7, field, journal_value, table_value, 41, "problem")
    return VerifyReport(entries=90, records_compared=12, divergence=found)


def test_intact() -> None:
    report = VerifyReport(entries=90, head_hash="ab" * 32, records_compared=95)
    assert report.intact
    assert audit.verdict(report).startswith("INTACT: ")
    assert audit.verify_meaning(report) == "nothing was changed outside Custody."


def test_a_broken_chain_names_the_entry_from_which_nothing_can_be_trusted() -> None:
    report = VerifyReport(entries=12, chain_break=ChainBreak(12, "hash does not match"))
    assert audit.verdict(report) == "TAMPERED: the journal's hash chain breaks at entry seq 12."
    meaning = audit.verify_meaning(report)
    assert "entries from seq 12 on cannot be trusted" in meaning
    assert "Restore the last verified backup" in meaning


def test_a_changed_field_names_table_record_and_field() -> None:
    report = divergence("status", "stored", "destroyed")
    assert audit.verdict(report).startswith("DIVERGED: ")
    assert audit.verify_meaning(report) == (
        "the samples table was changed outside Custody (a direct database edit): the field "
        "'status' of record #7 no longer holds the value the journal recorded. Treat that "
        "record as compromised until the change is explained."
    )


def test_a_deleted_or_added_row() -> None:
    deleted = audit.verify_meaning(divergence(None, "present", None))
    assert deleted.startswith("the record samples #7 was deleted outside Custody")
    added = audit.verify_meaning(divergence(None, None, "present"))
    assert added == (
        "the record samples #7 was added outside Custody: no journal entry created it."
    )


def test_values_are_shown_as_a_reader_expects() -> None:
    assert audit.shown_value(None) == "(none)"
    assert audit.shown_value("stored") == "'stored'"
    assert audit.shown_value(12) == "12"
    assert audit.shown_value(Decimal("10.5000")) == "'10.5000'"
    assert audit.shown_value(SampleStatus.STORED) == "'stored'"
