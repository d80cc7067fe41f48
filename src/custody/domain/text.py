"""Validation of free-text fields."""

from __future__ import annotations

from custody.domain.messages import t


def grouped(fingerprint: str) -> str:
    """A key fingerprint in blocks of four, as read out over the phone: "ABCD EF01 …"."""
    return " ".join(fingerprint[i : i + 4] for i in range(0, len(fingerprint), 4))


class TextError(ValueError):
    pass


def required(value: str | None, field: str, *, max_len: int = 500) -> str:
    cleaned = " ".join((value or "").split())
    if not cleaned:
        raise TextError(t("The {field} is required and cannot be blank.", field=field))
    if len(cleaned) > max_len:
        raise TextError(
            t(
                "The {field} is too long ({length} characters; at most {max_len}).",
                field=field,
                length=len(cleaned),
                max_len=max_len,
            )
        )
    return cleaned


def optional(value: str | None, field: str, *, max_len: int = 500) -> str | None:
    cleaned = " ".join((value or "").split())
    if not cleaned:
        return None
    if len(cleaned) > max_len:
        raise TextError(
            t(
                "The {field} is too long ({length} characters; at most {max_len}).",
                field=field,
                length=len(cleaned),
                max_len=max_len,
            )
        )
    return cleaned


def lines(value: str | None, field: str, *, max_len: int = 1000) -> str:
    """Required multi-line text (an address): each line cleaned like :func:`required`, blank
    lines dropped, joined with '\\n'."""
    kept = [" ".join(line.split()) for line in (value or "").splitlines()]
    cleaned = "\n".join(line for line in kept if line)
    if not cleaned:
        raise TextError(t("The {field} is required and cannot be blank.", field=field))
    if len(cleaned) > max_len:
        raise TextError(
            t(
                "The {field} is too long ({length} characters; at most {max_len}).",
                field=field,
                length=len(cleaned),
                max_len=max_len,
            )
        )
    return cleaned
