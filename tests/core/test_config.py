"""Configuration: YAML plus SAFECITY_* overrides; errors name the failing path."""

from __future__ import annotations

from pathlib import Path

import pytest

from safecity.config import ConfigError
from safecity.config import load_settings


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_give_the_embedded_stack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = load_settings(None)
    assert settings.bus.kind == "embedded"
    assert settings.resolved_database_url == f"sqlite:///{tmp_path / 'data' / 'safecity.db'}"
    assert (tmp_path / "data").is_dir()


def test_yaml_values_are_read_and_environment_overrides_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = write(
        tmp_path / "safecity.yaml", f"data_dir: {tmp_path / 'd'}\nhttp:\n  port: 9000\n  host: 0.0.0.0\n"
    )
    monkeypatch.setenv("SAFECITY_HTTP__PORT", "9100")
    settings = load_settings(config)
    assert settings.http.port == 9100
    assert settings.http.host == "0.0.0.0"


def test_a_bad_camera_url_is_named_by_its_path(tmp_path: Path) -> None:
    cameras = "".join(f"  - {{id: c{i}, name: C{i}, url: 'rtsp://10.0.0.{i}/s'}}\n" for i in range(3))
    cameras += "  - {id: c3, name: C3, url: 'ftp://nowhere/stream'}\n"
    config = write(tmp_path / "safecity.yaml", f"data_dir: {tmp_path}\ncameras:\n{cameras}")
    with pytest.raises(ConfigError, match=r"cameras\[3\]\.url: not a valid camera URL"):
        load_settings(config)


def test_a_wrong_type_and_an_unknown_key_are_both_reported(tmp_path: Path) -> None:
    config = write(tmp_path / "safecity.yaml", f"data_dir: {tmp_path}\nhttp: {{port: high}}\ncolour: blue\n")
    with pytest.raises(ConfigError) as raised:
        load_settings(config)
    assert "http.port:" in str(raised.value)
    assert "colour:" in str(raised.value)


def test_invalid_yaml_is_reported_with_the_file(tmp_path: Path) -> None:
    config = write(tmp_path / "safecity.yaml", "http: [unclosed\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_settings(config)


def test_a_missing_data_directory_is_created(tmp_path: Path) -> None:
    target = tmp_path / "new" / "nested"
    load_settings(None, data_dir=target)
    assert target.is_dir()


def test_an_unusable_data_directory_fails_with_a_clear_message(tmp_path: Path) -> None:
    blocker = write(tmp_path / "a-file", "not a directory")
    with pytest.raises(ConfigError, match=r"data_dir: cannot create .*a-file/data"):
        load_settings(None, data_dir=blocker / "data")


@pytest.mark.parametrize("url", ["rtsp://", "http:///path-without-host", "ftp://cam/stream"])
def test_camera_urls_need_a_supported_scheme_and_a_host(tmp_path: Path, url: str) -> None:
    with pytest.raises(ConfigError, match=r"cameras\[0\]\.url"):
        load_settings(None, data_dir=tmp_path, cameras=[{"id": "c0", "name": "C0", "url": url}])
