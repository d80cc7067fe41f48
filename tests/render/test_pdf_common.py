"""Line breaking of table cells: every line fits, nothing is lost, words are cut only when wider
than the column."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from custody.render.pdf_common import Measure, fonts, markup, page_size

WORDS = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzÁÉÍÓÚÑáéíóúñ0123456789/-,;.«»—"),
    min_size=1,
    max_size=30,
)
TEXTS = st.lists(WORDS, max_size=40).map(" ".join) | st.text(max_size=200)


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, limit=st.floats(min_value=1.0, max_value=300.0), bold=st.booleans())
def test_wrapped_lines_fit_and_keep_every_character(text: str, limit: float, bold: bool) -> None:
    regular, strong = fonts()
    m = Measure(strong if bold else regular, 7.0)
    lines = m.wrap(text, limit)
    assert lines
    for line in lines:
        assert m.width(line) <= limit + 0.02 or len(line) == 1, (line, limit)
    assert "".join("".join(lines).split()) == "".join(text.split())
    if all(m.width(word) <= limit for word in text.split()):  # no word is cut
        assert [w for line in lines for w in line.split()] == text.split()
    assert m.wrap(text, limit) == lines  # cached, same answer


def test_long_word_breaks_after_a_slash_when_it_can() -> None:
    regular, _ = fonts()
    m = Measure(regular, 7.0)
    lines = m.wrap("FED/CDMX/AICM/0004417/2026", m.width("FED/CDMX/AICM/") + 1)
    assert lines == ("FED/CDMX/AICM/", "0004417/2026")
    assert m.wrap("uno\ndos tres", 500) == ("uno", "dos tres")  # the text's own line breaks
    assert m.wrap("", 10) == ("",)


def test_markup_and_page_sizes() -> None:
    assert markup("A & B <b>\nC") == "A &amp; B &lt;b&gt;<br/>C"
    assert page_size("Letter") == (612.0, 792.0)
    assert page_size("a4")[0] == pytest.approx(595.27, abs=0.01)
    assert page_size((300.0, 400.0)) == (300.0, 400.0)
    with pytest.raises(ValueError, match="Unknown page size 'legal'"):
        page_size("legal")
