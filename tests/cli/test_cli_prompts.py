"""Where passwords and databases come from (in-process: a terminal cannot be faked in a pipe)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from custody.cli import common
from custody.cli.common import UsageError, database_url, require_secrets, secret


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def typed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """What the person types at each getpass prompt, in order."""
    answers: list[str] = []

    def fake_getpass(prompt: str = "") -> str:
        assert prompt.endswith(": ")
        return answers.pop(0)

    monkeypatch.setattr(common.sys, "stdin", _Terminal())
    monkeypatch.setattr(common.getpass, "getpass", fake_getpass)
    monkeypatch.delenv("CUSTODY_PASSWORD", raising=False)
    yield answers
    assert not answers, "not every typed answer was asked for"


def test_the_environment_wins_over_the_prompt(
    typed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CUSTODY_PASSWORD", "from the environment")
    assert secret("CUSTODY_PASSWORD", "Password") == "from the environment"


def test_a_prompt_when_there_is_a_terminal(typed: list[str]) -> None:
    typed.append("typed at the terminal")
    assert secret("CUSTODY_PASSWORD", "Password for ana") == "typed at the terminal"


def test_a_new_password_is_asked_twice_and_must_match(typed: list[str]) -> None:
    typed.extend(["first long passphrase", "first long passphrase"])
    assert secret("CUSTODY_PASSWORD", "New passphrase", confirm=True) == "first long passphrase"
    typed.extend(["first long passphrase", "a different one"])
    with pytest.raises(UsageError, match="The two passwords differ"):
        secret("CUSTODY_PASSWORD", "New passphrase", confirm=True)


def test_no_terminal_and_no_variable_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(common.sys, "stdin", io.StringIO())
    monkeypatch.delenv("CUSTODY_TO_PASSWORD", raising=False)
    with pytest.raises(UsageError, match="set CUSTODY_TO_PASSWORD or run interactively"):
        secret("CUSTODY_TO_PASSWORD", "Password of the receiver")
    with pytest.raises(UsageError, match="set CUSTODY_TO_PASSWORD or run interactively"):
        require_secrets("CUSTODY_TO_PASSWORD")


def test_database_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert database_url("lab.sqlite") == f"sqlite+pysqlite:///{tmp_path / 'lab.sqlite'}"
    url = "postgresql+psycopg://custody@db/custody"
    assert database_url(url) == url
    monkeypatch.setenv("CUSTODY_DB", url)
    assert database_url(None) == url
