"""The outcome of "Verify now", readable: intact (entries, head hash) or the first break or
divergence with what it means in plain words (the wording is shared with `custody-cli verify`
through `custody.services.audit`)."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from custody.services import audit
from custody.services.audit import VerifyReport
from custody.ui.error_text import message_text

__all__ = ["VerifyResultCard"]

_STYLE = """
QFrame#verify_result { border: 1px solid palette(mid); border-radius: 4px; }
QFrame#verify_result[state="intact"] { background: #e8f5e9; border-color: #66bb6a; }
QFrame#verify_result[state="broken"] { background: #ffebee; border-color: #e53935; }
QFrame#verify_result QLabel { background: transparent; color: #202020; }
"""


class VerifyResultCard(QFrame):
    entry_requested = Signal(int)  # "Show entry N": the journal entry to look at

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("verify_result")
        self.setStyleSheet(_STYLE)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.plain_text = ""
        self._seq: int | None = None
        self.heading = QLabel()
        self.heading.setObjectName("verify_heading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.details = QLabel()
        self.details.setObjectName("verify_details")
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.show_entry_button = QPushButton()
        self.show_entry_button.setObjectName("show_entry")
        self.show_entry_button.clicked.connect(self._on_show_entry_button_clicked)
        self.copy_button = QPushButton(self.tr("Cop&y result"))
        self.copy_button.setObjectName("copy_result")
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_entry_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        self._set_state("idle")

    # --- our API ----------------------------------------------------------------------------

    def show_running(self) -> None:
        self._show("idle", self.tr("Verifying the journal…"), [], None)

    def show_cancelled(self) -> None:
        self._show("idle", self.tr("Verification cancelled: nothing was concluded."), [], None)

    def show_failed(self, message: str) -> None:
        self._show("broken", self.tr("Verification could not run"), [("", message)], None)

    def show_report(self, report: VerifyReport, when: str) -> None:
        """Show `report`; `when` says when and where it was checked (shown as given)."""
        facts: list[tuple[str, str]] = [(self.tr("Checked"), when)]
        facts.append((self.tr("Journal entries checked"), f"{report.entries:,}"))
        seq: int | None = None
        if report.chain_break is not None:
            seq = report.chain_break.seq
            heading = self.tr("The journal was altered: its hash chain breaks at entry {seq}")
            heading = heading.format(seq=seq)
            facts.append((self.tr("Problem"), message_text(report.chain_break.problem)))
        else:
            facts.append((self.tr("Records compared"), f"{report.records_compared:,}"))
            facts.append((self.tr("Head hash"), report.head_hash))
            heading = self.tr("The journal is intact")
        if report.divergence is not None:
            d = report.divergence
            seq = d.last_seq
            heading = self.tr("A record does not match the journal: {table} #{key}").format(
                table=d.table, key=d.key
            )
            facts += [
                (self.tr("Table"), d.table),
                (self.tr("Record"), f"#{d.key}"),
                (self.tr("Field"), d.field or self.tr("(the whole row)")),
                (self.tr("Journal says"), message_text(audit.shown_value(d.journal_value))),
                (self.tr("Table holds"), message_text(audit.shown_value(d.table_value))),
                (
                    self.tr("Last journal entry touching it"),
                    str(d.last_seq) if d.last_seq is not None else self.tr("none"),
                ),
                (self.tr("Problem"), message_text(d.problem)),
            ]
        meaning = message_text(audit.verify_meaning(report))
        facts.insert(0, (self.tr("What it means"), meaning[:1].upper() + meaning[1:]))
        facts += [(self.tr("Note"), note) for note in report.notes]
        self._show("intact" if report.intact else "broken", heading, facts, seq)

    # --- showing ----------------------------------------------------------------------------

    def _show(
        self, state: str, heading: str, facts: list[tuple[str, str]], seq: int | None
    ) -> None:
        self._set_state(state)
        self.heading.setText(heading)
        rows = "".join(
            f"<tr><td style='padding-right:12px'><b>{escape(name)}</b></td>"
            f"<td>{escape(value)}</td></tr>"
            for name, value in facts
        )
        self.details.setText(f"<table>{rows}</table>" if facts else "")
        self.details.setVisible(bool(facts))
        self.plain_text = "\n".join([heading, *(f"{n}: {v}" if n else v for n, v in facts)])
        self._seq = seq
        self.show_entry_button.setVisible(seq is not None)
        if seq is not None:
            self.show_entry_button.setText(self.tr("&Show entry {seq}").format(seq=seq))
        self.copy_button.setVisible(bool(facts))
        self.show()

    def _set_state(self, state: str) -> None:
        self.setProperty("state", state)
        self.style().unpolish(self)
        self.style().polish(self)

    def _on_show_entry_button_clicked(self) -> None:
        if self._seq is not None:
            self.entry_requested.emit(self._seq)

    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.plain_text)
