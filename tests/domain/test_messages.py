"""Translatable messages (custody.domain.messages), and the rule that keeps them translatable.

The rule, checked on the sources below (everything but the UI, the CLI and the GUI entry
point): a Custody exception (or a ScanError) is built with a message that is a ``t("literal")``
call, ``message_of(caught_error)``, a call to a function of the same module annotated
``-> Text``, a name the enclosing function only ever binds to one of those, or a conditional
expression of them. And every ``t()`` call passes exactly the placeholders of its template.
"""

from __future__ import annotations

import ast
import copy
import importlib
import json
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from custody.domain import states, text, weights
from custody.domain.canonical import canonical_json
from custody.domain.enums import EventType, SampleStatus
from custody.domain.labelcode import ScanError
from custody.domain.messages import Text, join_or, join_texts, message_of, placeholders, t
from custody.errors import IntegrityViolation, NotFound, ValidationError

SRC = Path(__file__).resolve().parents[2] / "src" / "custody"
# English-only or UI; verifier.py is the stand-alone verifier (must not import Custody)
NOT_CHECKED = ("ui", "cli", "app.py", "__main__.py", "db/migrations", "verifier.py")
EXEMPT = {IntegrityViolation}  # an internal guard: a bug report, never shown to a clerk
ALSO_CHECKED = {ScanError}  # not an exception, but its reason is shown to the clerk


# --- Text and t ---------------------------------------------------------------------------


def test_t_gives_the_english_text_with_its_template_and_parameters() -> None:
    message = t("There is no sample {code}.", code="MX-AICM-2026-000001")
    assert message == "There is no sample MX-AICM-2026-000001."
    assert isinstance(message, str)
    assert message.template == "There is no sample {code}."
    assert message.params == {"code": "MX-AICM-2026-000001"}


def test_parameters_become_strings_and_nested_texts_stay_texts() -> None:
    field = t("net weight")
    message = t("The {field} is {n} g; at most {limit}.", field=field, n=12, limit=None)
    assert message == "The net weight is 12 g; at most None."
    assert message.params["n"] == "12"
    assert isinstance(message.params["field"], Text)
    assert message.params["field"].template == "net weight"


def test_a_template_without_parameters_keeps_its_escaped_braces_as_format_does() -> None:
    assert t("no {{braces}} here") == "no {braces} here"
    assert t("no {{braces}} here").template == "no {{braces}} here"


def test_a_missing_parameter_is_an_error_at_once() -> None:
    with pytest.raises(KeyError):
        t("There is no sample {code}.")


def test_text_survives_copy_pickle_and_json_as_its_english_value() -> None:
    message = t("Case {number} is registered already.", number="NUC-1")
    for clone in (copy.copy(message), copy.deepcopy(message), pickle.loads(pickle.dumps(message))):
        assert clone == message
        assert isinstance(clone, Text)
        assert clone.template == message.template
        assert clone.params == message.params
    assert json.loads(canonical_json({"message": message})) == {"message": str(message)}
    assert repr(message) == "Text('Case NUC-1 is registered already.')"


def test_str_and_string_operations_give_plain_english() -> None:
    message = t("The {field} is required and cannot be blank.", field="reason")
    assert type(str(message)) is str
    assert type(message + "!") is str
    assert type(message[:3]) is str
    assert f"{message}" == "The reason is required and cannot be blank."


def test_a_refusal_keeps_the_text_as_its_message_and_str_gives_english() -> None:
    message = t("There is no sample {code}.", code="X")
    refusal = NotFound(message)
    assert refusal.message is message
    assert str(refusal) == "There is no sample X."
    assert type(str(refusal)) is str
    assert message_of(refusal) is message


def test_message_of_finds_the_text_of_a_domain_error_or_falls_back_to_str() -> None:
    with pytest.raises(weights.WeightError) as caught:
        weights.parse_grams("-1", field=t("net weight"))
    found = message_of(caught.value)
    assert isinstance(found, Text)
    assert found == "The net weight cannot be negative (-1 g)."
    assert found.params["field"].template == "net weight"
    plain = ValueError("something", 2)
    assert message_of(plain) == "('something', 2)"
    assert not isinstance(message_of(ValueError("plain")), Text)


def test_join_texts_keeps_each_item_translatable() -> None:
    joined = join_texts([t("a carrier"), "a {brace}", t("a consignee")], "; ")
    assert joined == "a carrier; a {brace}; a consignee"
    assert joined.template == "{item0}; {item1}; {item2}"
    assert isinstance(joined.params["item0"], Text)
    assert join_texts([]) == ""


def test_join_or_nests_the_or_template() -> None:
    assert join_or([]) == ""
    assert join_or(["sealed"]) == "sealed"
    three = join_or([t("sample"), t("shipment"), "x"])
    assert three == "sample or shipment or x"
    assert isinstance(three, Text)
    assert three.template == "{first} or {second}"
    assert three.params["first"] == "sample or shipment"


def test_placeholders_lists_the_fields_of_a_template() -> None:
    assert placeholders("a {b} {c} {b} {{d}}") == {"b", "c"}
    assert placeholders("nothing") == frozenset()


def test_domain_refusals_are_translatable_and_word_for_word_as_before() -> None:
    with pytest.raises(states.TransitionError) as caught:
        states.next_status(SampleStatus.STORED, EventType.SEAL)
    message = message_of(caught.value)
    assert message == (
        "Cannot seal: the sample is stored (it must be registered). Allowed now: retrieve."
    )
    assert isinstance(message, Text)
    assert isinstance(message.params["action"], Text)  # "seal", a verb, translated too
    with pytest.raises(text.TextError) as blank:
        text.required("  ", t("reason"))
    assert message_of(blank.value) == "The reason is required and cannot be blank."


# --- the rule on the sources ----------------------------------------------------------------


def _checked_sources() -> Iterator[Path]:
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC).as_posix()
        if not any(relative == skip or relative.startswith(f"{skip}/") for skip in NOT_CHECKED):
            yield path


def _module_name(path: Path) -> str:
    parts = ["custody", *path.relative_to(SRC).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_t(call: ast.Call) -> bool:
    func = call.func
    return (isinstance(func, ast.Name) and func.id == "t") or (
        isinstance(func, ast.Attribute)
        and func.attr == "t"
        and isinstance(func.value, ast.Name)
        and func.value.id == "messages"
    )


def _resolve(module: object, func: ast.expr) -> object:
    if isinstance(func, ast.Name):
        return getattr(module, func.id, None)
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        return getattr(getattr(module, func.value.id, None), func.attr, None)
    return None


def _checked(target: object) -> bool:
    if target in ALSO_CHECKED:
        return True
    return (
        isinstance(target, type)
        and issubclass(target, BaseException)
        and target.__module__.startswith("custody.")
        and target not in EXEMPT
    )


class _Rule:
    """The translatable-message rule over one module's syntax tree."""

    def __init__(self, tree: ast.Module) -> None:
        self.text_functions = {
            node.name
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and isinstance(node.returns, ast.Name | ast.Constant)
            and (getattr(node.returns, "id", None) or getattr(node.returns, "value", None))
            == "Text"
        }
        self.scope: dict[ast.AST, ast.AST] = {}
        for owner in ast.walk(tree):
            if isinstance(owner, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef):
                for child in ast.walk(owner):
                    if child is not owner:
                        self.scope[child] = owner  # the innermost wins: visited last
        self.tree = tree

    def translatable(self, node: ast.expr, depth: int = 0) -> bool:
        if isinstance(node, ast.Call):
            if _is_t(node):
                return True
            func = node.func
            if isinstance(func, ast.Name):
                return func.id == "message_of" or func.id in self.text_functions
            return False
        if isinstance(node, ast.IfExp):
            return self.translatable(node.body, depth) and self.translatable(node.orelse, depth)
        if isinstance(node, ast.Name) and depth < 3:
            values = self._bound(node)
            return bool(values) and all(self.translatable(v, depth + 1) for v in values)
        return False

    def _bound(self, name: ast.Name) -> list[ast.expr]:
        """Every value the name's enclosing function (or the module) assigns to it."""
        owner = self.scope.get(name, self.tree)
        values: list[ast.expr] = []
        for node in ast.walk(owner):
            if (
                isinstance(node, ast.Assign)
                and any(
                    isinstance(target, ast.Name) and target.id == name.id for target in node.targets
                )
            ) or (
                isinstance(node, ast.AnnAssign | ast.NamedExpr)
                and isinstance(node.target, ast.Name)
                and node.target.id == name.id
                and node.value is not None
            ):
                values.append(node.value)
        return values


def _untranslatable(path: Path) -> tuple[int, list[str]]:
    """(how many checked constructions `path` has, those without a translatable message)."""
    tree = ast.parse(path.read_text("utf-8"))
    module = importlib.import_module(_module_name(path))
    rule = _Rule(tree)
    checked, found = 0, []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not _checked(_resolve(module, node.func)):
            continue
        checked += 1
        first = node.args[0] if node.args else None
        if first is None or not rule.translatable(first):
            shown = ast.unparse(first) if first is not None else "(no message)"
            found.append(f"{path.relative_to(SRC)}:{node.lineno}: {shown[:70]}")
    return checked, found


def test_every_custody_error_outside_the_ui_is_built_with_a_translatable_message() -> None:
    sources = list(_checked_sources())
    assert len(sources) > 60  # the walk really covers the package
    results = [_untranslatable(path) for path in sources]
    assert sum(checked for checked, _ in results) > 200  # the classes really resolve
    assert [problem for _, found in results for problem in found] == []


def test_every_t_call_has_a_literal_template_and_exactly_its_placeholders() -> None:
    problems, calls = [], 0
    for path in _checked_sources():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call) or not _is_t(node):
                continue
            calls += 1
            where = f"{path.relative_to(SRC)}:{node.lineno}"
            first = node.args[0] if node.args else None
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                problems.append(f"{where}: the template is not a string literal")
                continue
            given = {k.arg for k in node.keywords}
            if None in given or len(node.args) > 1:
                problems.append(f"{where}: pass parameters by name")
            elif given != placeholders(first.value):
                problems.append(f"{where}: parameters {sorted(given)} for {first.value!r}")
    assert calls > 300
    assert problems == []


@pytest.mark.parametrize(
    ("snippet", "ok"),  # ok: None when the rule does not look at the snippet
    [
        ('raise NotFound(t("There is no {x}.", x=1))', True),
        ('raise errors.NotFound(messages.t("Nothing."))', True),
        ("raise ValidationError(message_of(error))", True),
        ('raise NotFound(t("a") if flag else t("b"))', True),
        ('raise NotFound(f"There is no {x}.")', False),
        ('raise NotFound("Nothing.")', False),
        ("raise ValidationError(str(error))", False),
        ('raise NotFound(t("a") if flag else "b")', False),
        ("raise NotFound()", False),
        ('raise ValueError(f"a bug: {x}")', None),  # built-in exceptions are for bugs
        ('def f():\n    m = t("a")\n    raise NotFound(m)', True),
        ('def f():\n    m = t("a")\n    m = "b"\n    raise NotFound(m)', False),
        ('def f():\n    raise NotFound(m)\ndef g():\n    m = t("a")', False),
        ('def f() -> Text:\n    return t("a")\nraise NotFound(f())', True),
        ('def f() -> str:\n    return "a"\nraise NotFound(f())', False),
        ('def h():\n    return ScanError(f"bad {x}", "code")', False),
        ('def h():\n    return ScanError(t("bad {x}", x=1), "code")', True),
    ],
)
def test_the_rule_tells_translatable_from_plain_messages(snippet: str, ok: bool | None) -> None:
    from custody import errors

    namespace = {
        "NotFound": NotFound,
        "ValidationError": ValidationError,
        "ScanError": ScanError,
        "ValueError": ValueError,
        "errors": errors,
    }
    module = type("Module", (), namespace)
    tree = ast.parse(snippet)
    rule = _Rule(tree)
    verdicts = [
        rule.translatable(node.args[0]) if node.args else False
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and _checked(_resolve(module, node.func))
    ]
    assert (all(verdicts) if verdicts else None) is ok
