"""Translatable messages without Qt: the English text, plus what a translator needs.

A message for the person at the workstation is built with :func:`t` from a literal template::

    raise NotFound(t("There is no sample {code}.", code=raw))

The result is a :class:`Text`: a ``str`` whose value is the English message (what the
journal, the CLI and the logs keep, unchanged), carrying the ``template`` and the ``params``
so the desktop app can show it in the workstation's language (``custody.ui.error_text``).
``scripts/extract_messages.py`` collects every ``t("literal")`` for Qt Linguist.

A parameter that is itself a :class:`Text` (a field name, a nested reason) is translated too.
Format specifications cannot be used in templates: format the value before passing it.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping

__all__ = ["Text", "join_or", "join_texts", "message_of", "placeholders", "t"]


class Text(str):
    """An English message that remembers its template and parameters.

    ``Text(template, params)`` formats ``template`` with ``params``; without ``params`` the
    value is ``template`` as given (so ``copy`` and ``pickle``, which rebuild a ``str`` from
    its value, keep working). Slicing, concatenation or ``str()`` give plain ``str``: pass the
    object itself to keep it translatable.
    """

    template: str
    params: Mapping[str, str]

    def __new__(cls, template: str, params: Mapping[str, str] | None = None) -> Text:
        value = template if params is None else template.format(**params)
        self = super().__new__(cls, value)
        self.template = template
        self.params = dict(params or {})
        return self

    def __repr__(self) -> str:
        return f"Text({str(self)!r})"


def t(template: str, /, **params: object) -> Text:
    """The message ``template`` (a literal, ``{name}`` placeholders) filled with ``params``.

    Parameters are converted with ``str()``; one that is a :class:`Text` stays one. For what
    an f-string wrote with ``!r`` pass ``repr(value)``.
    """
    return Text(template, {k: v if isinstance(v, Text) else str(v) for k, v in params.items()})


def join_texts(items: Iterable[str], separator: str = ", ") -> Text:
    """``separator.join(items)`` that keeps each :class:`Text` item translatable (the
    separator itself is not translated: use it for punctuation only)."""
    values = list(items)
    literal = separator.replace("{", "{{").replace("}", "}}")
    template = literal.join(f"{{item{i}}}" for i in range(len(values)))
    return Text(template, {f"item{i}": value for i, value in enumerate(values)})


def join_or(items: Iterable[str]) -> str:
    """``"a or b or c"``, translatable: the items joined with ``t("{first} or {second}")``."""
    joined: str | None = None
    for item in items:
        joined = item if joined is None else t("{first} or {second}", first=joined, second=item)
    return "" if joined is None else joined


def message_of(error: BaseException) -> str:
    """The message ``error`` was raised with: its :class:`Text` when it has one (a Refusal's
    ``message``, or the single argument of a domain error), else ``str(error)``."""
    message = getattr(error, "message", None)
    if isinstance(message, Text):
        return message
    if len(error.args) == 1 and isinstance(error.args[0], Text):
        return error.args[0]
    return str(error)


def placeholders(template: str) -> frozenset[str]:
    """The ``{name}`` fields of a template (a malformed one raises ``ValueError``)."""
    return frozenset(
        name for _, name, _, _ in string.Formatter().parse(template) if name is not None
    )
