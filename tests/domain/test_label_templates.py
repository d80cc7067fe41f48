"""Tests for label templates (geometry, positions, calibration) and label layout (fitting, plan)."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custody.domain.label_layout import (
    DESCENT,
    ELLIPSIS,
    HAZARD_FULL,
    HAZARD_SHORT,
    LEADING,
    LabelContent,
    LabelDoesNotFit,
    LabelPlan,
    Measure,
    QrItem,
    RectItem,
    TextItem,
    fit_lines,
    fit_text,
    plan,
    qr_module_size,
)
from custody.domain.label_templates import (
    TEMPLATES,
    Calibration,
    FieldBox,
    PositionError,
    QrBox,
    Template,
    TemplateError,
    inch,
    label_origin,
    label_outlines,
    mm,
    positions,
    validate,
)


def mono(text: str, size: float) -> float:
    return 0.6 * size * len(text)


def bold_mono(text: str, size: float) -> float:
    return 0.68 * size * len(text)


TYPICAL = "Polvo blanco en bolsa de plástico, 1 kg"  # 40 characters
CONTENT = LabelContent(
    id_text="MX-AICM-2026-000123",
    case_exhibit="FGR/AICM/123/2026 E-4",
    date="2026-03-14",
    initials="JLM",
    description="Polvo blanco en bolsa de plástico transparente, cerrada con cinta canela " * 8,
    weight="12.3456 g",
    seal="S-004512",
    hazard=True,
    reprint=2,
)


def test_units() -> None:
    assert inch(1) == 72.0
    assert mm(25.4) == pytest.approx(72.0)


def test_required_templates_exist() -> None:
    expected = {
        "thermal-2x1-203",
        "thermal-2x1-300",
        "package-4x2",
        "shipment-4x6",
        "letter-30up",
        "a4-21up",
    }
    assert expected <= set(TEMPLATES)


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_every_template_validates_and_labels_lie_on_the_page(name: str) -> None:
    t = TEMPLATES[name]
    assert validate(t) is t
    for x, y, w, h in label_outlines(t):
        assert x >= -1e-6 and x + w <= t.page_width + 1e-6
        assert y >= -1e-6 and y + h <= t.page_height + 1e-6


def test_letter_30up_is_avery_5160_geometry() -> None:
    t = TEMPLATES["letter-30up"]
    assert (t.columns, t.rows, t.per_page, t.effective_dpi) == (3, 10, 30, 600)
    assert label_origin(t, 0) == pytest.approx((inch(0.1875), inch(11 - 0.5 - 1)))
    x1, _ = label_origin(t, 1)
    assert x1 - label_origin(t, 0)[0] == pytest.approx(inch(2.75))
    assert label_origin(t, 29) == pytest.approx((inch(0.1875 + 5.5), inch(0.5)))


def test_a4_21up_geometry() -> None:
    t = TEMPLATES["a4-21up"]
    assert (t.columns, t.rows) == (3, 7)
    assert label_origin(t, 0)[1] + t.label_height == pytest.approx(mm(297 - 15.15))
    assert label_origin(t, 20)[1] == pytest.approx(mm(297 - 15.15 - 7 * 38.1))


def test_validate_refuses_bad_geometry() -> None:
    t = TEMPLATES["letter-30up"]
    with pytest.raises(TemplateError, match="more than the page"):
        validate(dataclasses.replace(t, rows=11))
    with pytest.raises(TemplateError, match="QR box"):
        validate(dataclasses.replace(t, qr=QrBox(2, 2, 10)))
    with pytest.raises(TemplateError, match="overlap"):
        validate(dataclasses.replace(t, qr=QrBox(2, 2, 60)))
    moved = dataclasses.replace(t.fields[0], x=t.label_width - 1)
    with pytest.raises(TemplateError, match="past the label"):
        validate(dataclasses.replace(t, fields=(moved, *t.fields[1:])))
    no_hazard = tuple(f for f in t.fields if f.content != "hazard")
    with pytest.raises(TemplateError, match="hazard"):
        validate(dataclasses.replace(t, fields=no_hazard))
    wrapped_id = tuple(
        dataclasses.replace(f, lines=2) if f.content == "id" else f for f in t.fields
    )
    with pytest.raises(TemplateError, match="several lines"):
        validate(dataclasses.replace(t, fields=wrapped_id))


def test_thermal_203_qr_box_needs_three_dots_per_module() -> None:
    t = TEMPLATES["thermal-2x1-203"]
    with pytest.raises(TemplateError, match="version-3"):
        validate(dataclasses.replace(t, qr=QrBox(2, 2, 39)))  # 110 dots < 37 x 3


def test_positions_start_at_29_on_letter_continues_on_page_2() -> None:
    t = TEMPLATES["letter-30up"]
    out = positions(t, 4, start_at=29)
    assert [p for p, _, _ in out] == [1, 1, 2, 2]
    assert out[0][1:] == pytest.approx(label_origin(t, 28))
    assert out[1][1:] == pytest.approx(label_origin(t, 29))
    assert out[2][1:] == pytest.approx(label_origin(t, 0))
    assert out[3][1:] == pytest.approx(label_origin(t, 1))


def test_positions_full_sheets_and_rolls() -> None:
    assert len({p for p, _, _ in positions(TEMPLATES["letter-30up"], 61)}) == 3
    roll = positions(TEMPLATES["thermal-2x1-203"], 3)
    assert roll == [(1, 0.0, 0.0), (2, 0.0, 0.0), (3, 0.0, 0.0)]
    assert positions(TEMPLATES["a4-21up"], 0, start_at=21) == []


@pytest.mark.parametrize(("name", "start"), [("letter-30up", 0), ("letter-30up", 31),
                                             ("thermal-2x1-203", 2)])  # fmt: skip
def test_start_position_out_of_range_is_refused_with_reason(name: str, start: int) -> None:
    with pytest.raises(PositionError, match="choose 1 to"):
        positions(TEMPLATES[name], 1, start_at=start)


def test_negative_count_and_bad_index_are_refused() -> None:
    with pytest.raises(PositionError):
        positions(TEMPLATES["letter-30up"], -1)
    with pytest.raises(PositionError):
        label_origin(TEMPLATES["letter-30up"], 30)


def test_calibration_shifts_every_position() -> None:
    t = TEMPLATES["a4-21up"]
    cal = Calibration(dx=1.5, dy=-2.0)
    for (p0, x0, y0), (p1, x1, y1) in zip(
        positions(t, 25, 3), positions(t, 25, 3, cal), strict=True
    ):
        assert p0 == p1
        assert (x1 - x0, y1 - y0) == pytest.approx((1.5, -2.0))
    shifted = label_outlines(t, cal)[0]
    assert shifted[:2] == pytest.approx((label_origin(t, 0)[0] + 1.5, label_origin(t, 0)[1] - 2))


def test_calibration_is_bounded() -> None:
    with pytest.raises(ValueError, match="½ inch"):
        Calibration(dx=40)
    with pytest.raises(ValueError):
        Calibration(dy=float("nan"))


@given(
    text=st.text(max_size=200),
    box_width=st.floats(min_value=0, max_value=400),
    min_size=st.floats(min_value=2, max_value=12),
    extra=st.floats(min_value=0, max_value=20),
)
def test_fit_text_never_overflows(
    text: str, box_width: float, min_size: float, extra: float
) -> None:
    max_size = min_size + extra
    out, size = fit_text(text, box_width, max_size, min_size, mono)
    assert mono(out, size) <= box_width
    assert min_size <= size <= max_size
    if out != text:
        assert size == min_size
        assert out == "" or (out.endswith(ELLIPSIS) and text.startswith(out[:-1]))


def test_fit_text_shrinks_in_half_points_before_ellipsis() -> None:
    assert fit_text("ABCDEFGHIJ", 100, 12, 6, mono) == ("ABCDEFGHIJ", 12)
    assert fit_text("ABCDEFGHIJ", 40, 12, 6, mono) == ("ABCDEFGHIJ", 6.5)
    assert fit_text("ABCDEFGHIJ", 20, 12, 6, mono) == ("ABCD…", 6)
    assert fit_text("ABC", 1, 12, 6, mono) == ("", 6)


@given(
    text=st.text(alphabet=st.sampled_from("ab cdéf—…WM"), max_size=300),
    width=st.floats(min_value=0, max_value=300),
    height=st.floats(min_value=4.5, max_value=80),
    max_lines=st.integers(min_value=1, max_value=5),
    extra=st.floats(min_value=0, max_value=10),
)
def test_fit_lines_never_overflows_its_box(
    text: str, width: float, height: float, max_lines: int, extra: float
) -> None:
    min_size = 4.5
    max_size = min(height, min_size + extra)
    lines, size = fit_lines(text, (width, height, max_lines), max_size, min_size, mono)
    assert min_size <= size <= max_size
    assert len(lines) <= max_lines
    assert (len(lines) - 1) * LEADING * size + size <= height + 1e-6 or len(lines) <= 1
    assert all(mono(line, size) <= width for line in lines)
    shown = "".join(lines).replace(" ", "")
    if shown.endswith(ELLIPSIS) and size == min_size:
        shown = shown[: -len(ELLIPSIS)]
    assert text.replace(" ", "").startswith(shown)  # in order, nothing invented or dropped


def test_fit_lines_wraps_at_spaces_then_shrinks_then_cuts() -> None:
    box = (60.0, 20.0, 3)  # mono: 0.6 pt per character and point
    assert fit_lines("abc def", box, 10, 4, mono) == (("abc def",), 10)  # 42 pt wide
    # two lines at 8 pt ("abcdefghi jk" is 57.6 pt at 8 pt), not one at 6.5
    assert fit_lines("abcdefghi jklmnop", box, 8, 4, mono) == (("abcdefghi", "jklmnop"), 8)
    # one line at 7.5 is within 90 % of two lines at 8: fewer lines win
    assert fit_lines("abcdefghijklm", (60.0, 20.0, 3), 8, 4, mono) == (("abcdefghijklm",), 7.5)
    lines, size = fit_lines("word " * 40, box, 8, 4, mono)
    assert size == 4 and len(lines) == 3 and lines[-1].endswith(ELLIPSIS)
    assert lines[:2] == ("word word word word word",) * 2  # 24 characters: 57.6 pt at 4 pt
    lines, size = fit_lines("x" * 100, box, 8, 4, mono)  # no space at all: split, then cut
    assert [len(line) for line in lines] == [25, 25, 25] and lines[-1].endswith(ELLIPSIS)


def test_qr_module_size_snaps_to_dots() -> None:
    module = qr_module_size(25, 46.0, 203)  # 129 dots / 33 = 3 dots
    assert module == pytest.approx(3 * 72 / 203)
    assert qr_module_size(25, 46.0, 300) == pytest.approx(5 * 72 / 300)  # 191 dots / 33


def test_too_small_qr_box_is_refused_with_reason() -> None:
    with pytest.raises(LabelDoesNotFit) as err:
        qr_module_size(29, 30.0, 203)
    assert "QR" in err.value.reason and "dots/module" in err.value.reason


@pytest.mark.parametrize("name", sorted(TEMPLATES))
@pytest.mark.parametrize("measure_bold", [mono, bold_mono])
def test_plan_every_template_long_description(name: str, measure_bold: Measure) -> None:
    t = TEMPLATES[name]
    p = plan(t, CONTENT, 29, mono, measure_bold)
    assert p.text_of("id") == CONTENT.id_text
    assert p.text_of("hazard") in (HAZARD_FULL, HAZARD_SHORT)
    assert p.text_of("reprint") == "REIMPRESIÓN / REPRINT 2"
    assert p.text_of("seal") == "Sello/Seal S-004512"
    for field in ("case_exhibit", "date", "weight"):
        assert p.text_of(field) == getattr(CONTENT, field)
    qr = [i for i in p.items if isinstance(i, QrItem)]
    assert len(qr) == 1 and qr[0].module * t.effective_dpi / 72 >= 3 - 1e-9
    _assert_text_inside_boxes(t, p, mono, measure_bold)
    if t.label_width >= inch(4) and t.label_height >= inch(2):
        assert len([i for i in p.items if isinstance(i, RectItem)]) == 3
    description = p.text_of("description") or ""
    assert description.endswith(ELLIPSIS)  # 600 characters fit no template whole
    assert " ".join(CONTENT.description.split()).startswith(description[:-1].rstrip())


def _assert_text_inside_boxes(t: Template, p: LabelPlan, measure: Measure, bold: Measure) -> None:
    """Every text item inside its box: across (width) and down (its em box), at an allowed size,
    and no more lines than the box takes."""
    boxes: dict[str, FieldBox] = {f.content: f for f in t.fields}
    lines: dict[str, int] = {}
    for item in p.items:
        if not isinstance(item, TextItem):
            continue
        box = boxes[item.field]
        width = (bold if item.bold else measure)(item.text, item.size)
        assert box.x - 1e-6 <= item.x and item.x + width <= box.x + box.width + 1e-6, item
        assert box.min_size <= item.size <= box.max_size, item
        bottom, top = t.label_height - box.y - box.height, t.label_height - box.y
        em_low, em_high = item.y - DESCENT * item.size, item.y + (1 - DESCENT) * item.size
        assert bottom - 1e-6 <= em_low and em_high <= top + 1e-6, (item, box)
        lines[item.field] = lines.get(item.field, 0) + 1
    for field, count in lines.items():
        if field not in ("lab_no", "lab_opened", "lab_gross_weight"):  # two caption lines
            assert count <= boxes[field].lines, field


@pytest.mark.parametrize("name", ["letter-30up", "a4-21up"])
def test_sheets_print_a_typical_description_at_6_pt_or_more(name: str) -> None:
    content = dataclasses.replace(CONTENT, description=TYPICAL)
    p = plan(TEMPLATES[name], content, 29, mono, bold_mono)
    sizes = {i.size for i in p.items if isinstance(i, TextItem) and i.field == "description"}
    assert p.text_of("description") == TYPICAL and len(sizes) == 1 and min(sizes) >= 6


def test_shipment_4x6_wraps_the_hazard_line_after_its_dash_and_uses_the_page() -> None:
    t = TEMPLATES["shipment-4x6"]
    p = plan(t, CONTENT, 29, mono, bold_mono)
    hazard = [i.text for i in p.items if isinstance(i, TextItem) and i.field == "hazard"]
    assert hazard == ["POSIBLE FENTANILO / POSSIBLE FENTANYL —", "NO ABRIR / DO NOT OPEN"]
    lowest = min(i.y for i in p.items)
    assert lowest < t.label_height / 4


def test_hazard_and_reprint_only_when_asked() -> None:
    plain = dataclasses.replace(CONTENT, hazard=False, reprint=0)
    for t in TEMPLATES.values():
        p = plan(t, plain, 25, mono)
        assert p.text_of("hazard") is None and p.text_of("reprint") is None


def test_hazard_line_full_on_big_label_short_on_small() -> None:
    assert plan(TEMPLATES["shipment-4x6"], CONTENT, 29, mono).text_of("hazard") == HAZARD_FULL
    small = plan(TEMPLATES["thermal-2x1-203"], CONTENT, 29, mono, bold_mono)
    assert small.text_of("hazard") == HAZARD_SHORT


def test_id_is_refused_never_ellipsized() -> None:
    long_id = dataclasses.replace(CONTENT, id_text="MX-AICMPRUEBA-LARGO-EXTRA-" + "9" * 40)
    with pytest.raises(LabelDoesNotFit, match=r"^id:"):
        plan(TEMPLATES["thermal-2x1-203"], long_id, 29, mono)
    with pytest.raises(LabelDoesNotFit, match=r"^id:"):
        plan(TEMPLATES["thermal-2x1-203"], dataclasses.replace(CONTENT, id_text=" "), 29, mono)


def test_seal_too_long_is_refused_naming_the_field() -> None:
    content = dataclasses.replace(CONTENT, seal="S-" + "9" * 60)
    with pytest.raises(LabelDoesNotFit, match=r"^seal:"):
        plan(TEMPLATES["letter-30up"], content, 29, mono)


def test_plan_refuses_when_qr_does_not_fit() -> None:
    t = TEMPLATES["thermal-2x1-203"]
    with pytest.raises(LabelDoesNotFit, match="QR"):
        plan(t, CONTENT, 57, mono)  # version 10 needs (57+8)x3 dots > 129


def test_plan_geometry_is_label_bottom_left() -> None:
    t: Template = TEMPLATES["package-4x2"]
    p = plan(t, CONTENT, 29, mono)
    qr = next(i for i in p.items if isinstance(i, QrItem))
    assert qr.x >= t.qr.x + 4 * qr.module - 1e-6
    assert qr.y + qr.side <= t.label_height - t.qr.y - 4 * qr.module + 1e-6
    with pytest.raises(ValueError, match="negative"):
        dataclasses.replace(CONTENT, reprint=-1)
