"""Passphrase rules (NIST SP 800-63B): long, not on a blocklist, no composition rules."""

from __future__ import annotations

from custody.domain.messages import t

MIN_LENGTH = 15
MAX_LENGTH = 256

# Common choices and context words. Compared case-insensitively, also with spaces removed.
_BLOCKLIST = frozenset(
    {
        "passwordpassword",
        "password1234567",
        "123456789012345",
        "qwertyuiopasdfgh",
        "custodycustody",
        "chainofcustody",
        "cadenadecustodia",
        "contraseñacontraseña",
        "fentanylfentanyl",
        "fentanilofentanilo",
        "letmeinletmein",
        "iloveyouiloveyou",
        "administrator123",
        "supervisor12345",
    }
)


class PassphraseError(ValueError):
    pass


def check_passphrase(passphrase: str, *, username: str = "") -> None:
    """Raise PassphraseError with the reason if `passphrase` is not acceptable."""
    if len(passphrase) < MIN_LENGTH:
        raise PassphraseError(
            t(
                "The passphrase must be at least {length} characters long "
                "(a few unrelated words work well).",
                length=MIN_LENGTH,
            )
        )
    if len(passphrase) > MAX_LENGTH:
        raise PassphraseError(
            t("The passphrase must be at most {length} characters long.", length=MAX_LENGTH)
        )
    folded = "".join(passphrase.lower().split())
    if folded in _BLOCKLIST or len(set(folded)) <= 2:
        raise PassphraseError(t("This passphrase is too common or too simple; choose another."))
    if username and username.lower() in passphrase.lower() and len(folded) < 2 * MIN_LENGTH:
        raise PassphraseError(t("The passphrase must not contain the user name."))
