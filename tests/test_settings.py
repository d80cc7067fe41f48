"""custody.settings: typed workstation settings in a JSON file, refused or clamped when bad."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from custody import paths, settings
from custody.errors import StorageError
from custody.settings import Settings, SettingsError


def test_defaults() -> None:
    s = Settings()
    assert s.idle_lock_minutes == 15
    assert s.language == "en"
    assert s.default_printer is None
    assert s.default_label_template is None


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "settings.json"  # the folder is created
    chosen = Settings(
        idle_lock_minutes=5,
        language="es",
        default_printer="ZEBRA",
        default_label_template="thermal-2x1-300",
    )
    settings.save(chosen, path)
    assert json.loads(path.read_text("utf-8")) == {
        "default_label_template": "thermal-2x1-300",
        "default_printer": "ZEBRA",
        "idle_lock_minutes": 5,
        "language": "es",
    }
    problems: list[str] = []
    assert settings.load(path, problems=problems) == chosen
    assert problems == []
    assert not list(path.parent.glob(".*.tmp"))  # the atomic write left no temporary file


@pytest.mark.parametrize("minutes", [0, 31, 45, -1])
def test_an_idle_lock_outside_1_to_30_minutes_is_refused(minutes: int) -> None:
    with pytest.raises(SettingsError, match=r"between 1 and 30 minutes .*out of range"):
        Settings(idle_lock_minutes=minutes)
    with pytest.raises(SettingsError, match="between 1 and 30"):
        Settings().replace(idle_lock_minutes=minutes)


@pytest.mark.parametrize("minutes", [1, 30])
def test_the_limits_are_allowed(minutes: int) -> None:
    assert Settings(idle_lock_minutes=minutes).idle_lock_minutes == minutes


@pytest.mark.parametrize("value", ["15", 15.0, True, None])
def test_an_idle_lock_that_is_not_whole_minutes_is_refused(value: object) -> None:
    with pytest.raises(SettingsError, match="whole number of minutes"):
        Settings(idle_lock_minutes=value)  # type: ignore[arg-type]


def test_other_refusals() -> None:
    with pytest.raises(SettingsError, match="language must be one of en, es"):
        Settings(language="fr")
    with pytest.raises(SettingsError, match="no label template 'letter-99up'"):
        Settings(default_label_template="letter-99up")
    with pytest.raises(SettingsError, match="not a printer name"):
        Settings(default_printer=42)  # type: ignore[arg-type]
    with pytest.raises(SettingsError, match="no setting called colour"):
        Settings().replace(colour="red")


def test_a_blank_printer_or_template_means_none() -> None:
    s = Settings(default_printer="   ", default_label_template="")
    assert s.default_printer is None
    assert s.default_label_template is None


def test_a_hand_edited_file_is_clamped_never_above_30_minutes(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"idle_lock_minutes": 240, "language": "de", "default_printer": "PDF"}),
        "utf-8",
    )
    problems: list[str] = []
    loaded = settings.load(path, problems=problems)
    assert loaded == Settings(idle_lock_minutes=30, default_printer="PDF")
    assert len(problems) == 2
    assert "240 is out of range" in problems[0] and "Using 30" in problems[0]
    assert "'de' is not offered" in problems[1] and "Using 'en'" in problems[1]

    path.write_text(json.dumps({"idle_lock_minutes": 0}), "utf-8")
    assert settings.load(path).idle_lock_minutes == 1
    path.write_text(json.dumps({"idle_lock_minutes": "soon"}), "utf-8")
    assert settings.load(path).idle_lock_minutes == 15


def test_a_missing_file_gives_the_defaults_silently(tmp_path: Path) -> None:
    problems: list[str] = []
    assert settings.load(tmp_path / "none.json", problems=problems) == Settings()
    assert problems == []


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", "\xff"])
def test_a_damaged_file_gives_the_defaults_and_says_so(tmp_path: Path, content: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(content, "latin-1")
    problems: list[str] = []
    assert settings.load(path, problems=problems) == Settings()
    assert len(problems) == 1 and "cannot be read" in problems[0] and str(path) in problems[0]
    settings.save(Settings(idle_lock_minutes=10), path)  # a good file replaces it
    assert settings.load(path).idle_lock_minutes == 10


def test_save_keeps_keys_a_newer_version_wrote(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"idle_lock_minutes": 20, "theme": "dark"}), "utf-8")
    settings.save(settings.load(path).replace(language="es"), path)
    data = json.loads(path.read_text("utf-8"))
    assert data["theme"] == "dark"
    assert data["idle_lock_minutes"] == 20 and data["language"] == "es"


def test_a_save_that_cannot_write_is_a_storage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "config"
    blocker.write_text("a file where the settings folder should be", "utf-8")
    with pytest.raises(StorageError, match=r"could not be saved to .*config"):
        settings.save(Settings(), blocker / "settings.json")
    assert blocker.read_text("utf-8") == "a file where the settings folder should be"


def test_the_default_file_is_in_the_config_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert settings.default_path() == paths.config_dir() / "settings.json"
    assert settings.default_path().is_relative_to(tmp_path)
