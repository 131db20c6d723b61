"""Reading the configuration: the YAML file, environment overrides, errors that name the path."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from safecity.config.settings import Settings

CONFIG_ENV = "SAFECITY_CONFIG"
DEFAULT_CONFIG_FILE = "safecity.yaml"


class ConfigError(Exception):
    """A configuration problem; the message names the failing path and the reason."""


def error_path(location: tuple[int | str, ...]) -> str:
    """`("cameras", 3, "url")` → `cameras[3].url`."""
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path or "(root)"


def describe_validation_error(error: ValidationError) -> str:
    lines = []
    for item in error.errors():
        message = str(item["msg"]).removeprefix("Value error, ")
        lines.append(f"{error_path(tuple(item['loc']))}: {message}")
    return "\n".join(lines)


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML ({exc})") from exc
    if content is None:
        return {}
    if not isinstance(content, dict):
        raise ConfigError(f"{path}: the top level must be a mapping of settings")
    return content


def config_file_from_environment() -> Path | None:
    configured = os.environ.get(CONFIG_ENV)
    if configured:
        return Path(configured)
    default = Path(DEFAULT_CONFIG_FILE)
    return default if default.exists() else None


def load_settings(config_file: Path | None = None, **overrides: Any) -> Settings:
    """Read the YAML file (if any), apply environment overrides, validate, and prepare the data directory."""
    path = config_file if config_file is not None else config_file_from_environment()
    values: dict[str, Any] = _read_yaml(path) if path is not None else {}
    values.update(overrides)
    try:
        settings = Settings(**values)
    except ValidationError as exc:
        source = f" in {path}" if path else ""
        raise ConfigError(f"invalid configuration{source}:\n{describe_validation_error(exc)}") from exc
    prepare_data_dir(settings.data_dir)
    return settings


def prepare_data_dir(data_dir: Path) -> None:
    """Create the data directory if missing; fail clearly if it cannot be used."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"data_dir: cannot create {data_dir} ({exc.strerror or exc})") from exc
    probe = data_dir / ".write-test"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise ConfigError(f"data_dir: {data_dir} is not writable ({exc.strerror or exc})") from exc
