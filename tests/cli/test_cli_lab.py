"""`custody-cli lab show|set`: the settings read back, a change journaled with its reason,
a refusal exits 1 with the clerk's message and changes nothing, technicians may not."""

from __future__ import annotations

from cli_support import Cli, journal_kinds
from cli_support import demo_fixture as demo_fixture  # pytest fixtures
from cli_support import demo_run_fixture as demo_run_fixture


def test_show_then_set_with_a_reason(demo: Cli) -> None:
    shown = demo("lab", "show", user="supervisor")
    assert shown.code == 0, shown
    assert "Site prefix:  MX-AICM" in shown.out and "0.5 % and 0.0050 g" in shown.out
    changed = demo(
        "lab", "set", "--address", "Av. Insurgentes Sur 1000", "--address", "Ciudad de México",
        "--tolerance-percent", "1.25", "--reason", "new scale", user="supervisor",
    )  # fmt: skip
    assert changed.code == 0, changed
    assert "Address:      Av. Insurgentes Sur 1000\n              Ciudad de México" in changed.out
    assert "1.25 % and 0.0050 g" in changed.out
    assert journal_kinds(demo.db)[-1] == "lab.settings"
    again = demo("lab", "show", user="supervisor")
    assert "1.25 %" in again.out and "Ciudad de México" in again.out


def test_refusals_exit_1_and_change_nothing(demo: Cli) -> None:
    before = demo("lab", "show", user="supervisor").out
    denials = journal_kinds(demo.db).count("denied")
    bad = demo("lab", "set", "--timezone", "Mars/Base", "--reason", "x", user="supervisor")
    assert bad.code == 1 and "'Mars/Base' is not a time zone name" in bad.err, bad
    same = demo("lab", "set", "--reason", "nothing", user="supervisor")
    assert same.code == 1 and "Nothing was changed" in same.err, same
    tech = demo("lab", "set", "--name", "X", "--reason", "y", user="technician")
    assert tech.code == 1 and "may not" in tech.err, tech
    assert demo("lab", "show", user="supervisor").out == before
    kinds = journal_kinds(demo.db)
    assert kinds.count("denied") == denials + 3 and "lab.settings" not in kinds
