"""The services' messages in the workstation's language.

Services build their messages with ``custody.domain.messages.t`` (no Qt below the UI): a
``Text`` is the English message, which the journal and the CLI keep, plus its template and
parameters. Here the template is looked up in the ``Message`` context of the installed
translators (``messages_<locale>.qm``, made from ``resources/i18n/messages_<locale>.ts``) and
filled with the parameters, themselves translated when they are ``Text`` (a field name, a
nested reason). Show a service message with :func:`message_text`, a caught error with
:func:`error_text` — never ``str(error)``, which is always English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from custody.domain.messages import Text, message_of, placeholders

__all__ = ["CONTEXT", "error_text", "message_text"]

#: The translation context of every service message (scripts/extract_messages.py).
CONTEXT = "Message"


def message_text(value: str) -> str:
    """`value` for the person at the workstation: a ``Text`` translated, anything else as is.

    A translation that lost or invented a placeholder (or cannot be filled) is not used: the
    English message is shown instead, complete.
    """
    if not isinstance(value, Text):
        return str(value)
    translated = QCoreApplication.translate(CONTEXT, value.template)
    try:
        if placeholders(translated) != placeholders(value.template):
            return str(value)
        return translated.format(**{k: message_text(v) for k, v in value.params.items()})
    except (ValueError, KeyError, IndexError, AttributeError):
        return str(value)


def error_text(error: BaseException) -> str:
    """The message of a caught error (a Refusal, a StorageError, a domain error...) for the
    person at the workstation: translated when it was built with ``t()``."""
    return message_text(message_of(error))
