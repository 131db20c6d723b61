"""Configuration: one `safecity.yaml` plus `SAFECITY_*` environment overrides.

Environment variables override the file; nested keys use a double underscore, e.g. `SAFECITY_HTTP__PORT=9000`
or `SAFECITY_BUS__KIND=nats`. A wrong value fails at start with its path and the reason
(`cameras[3].url: not a valid camera URL`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlparse

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from safecity.alerts.settings import AlertSettings
from safecity.challan.settings import ChallanSettings
from safecity.dispatch.settings import DispatchSettings
from safecity.reports.settings import ReportSettings

CONFIG_ENV = "SAFECITY_CONFIG"
DEFAULT_CONFIG_FILE = "safecity.yaml"
CAMERA_URL_SCHEMES = ("rtsp", "rtsps", "http", "https", "file")


class ConfigError(Exception):
    """A configuration problem; the message names the failing path and the reason."""


class HttpSettings(BaseModel):
    host: str = "127.0.0.1"
    port: int = Field(8080, ge=1, le=65535)
    max_upload_mb: float = Field(50, gt=0, description="Larger request bodies are refused with 413.")
    cors_origins: list[str] = Field(default_factory=list)
    console_dir: Path | None = Field(
        None, description="The built web console to serve; by default web/dist beside the package."
    )


class BusSettings(BaseModel):
    kind: Literal["embedded", "nats"] = "embedded"
    nats_url: str = "nats://127.0.0.1:4222"
    stream: str = "SAFECITY_EVENTS"


class AuthSettings(BaseModel):
    jwt_secret: str | None = Field(
        None, description="HS256 signing key; when empty a random key is created in the data directory."
    )
    access_token_minutes: int = Field(60, ge=1, le=24 * 60)
    login_attempts_per_minute: int = Field(5, ge=1, description="Per username and per client address.")


class RetentionSettings(BaseModel):
    """How long each data class is kept (days). Open cases and legal holds are never deleted."""

    recordings_days: float = Field(30, gt=0, description="Continuous recordings.")
    events_days: float = Field(90, gt=0)
    face_crops_days: float = Field(30, gt=0)
    plate_reads_days: float = Field(90, gt=0)
    evidence_days: float = Field(365, gt=0, description="Evidence items not in an open case nor held.")
    other_days: dict[str, float] = Field(
        default_factory=dict, description="Days for further data classes, by their registered name."
    )
    recordings_dir: Path | None = Field(None, description="Recorded segments (default: data_dir/recordings).")

    def days_for(self, name: str, default: float) -> float:
        """The configured days of data class `name` (`<name>_days` or `other_days[name]`), else `default`."""
        value = getattr(self, f"{name}_days", None)
        if isinstance(value, int | float):
            return float(value)
        return float(self.other_days.get(name, default))


class LoggingSettings(BaseModel):
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    json_output: bool = Field(False, description="One JSON object per log line (for log shippers).")


class CameraSettings(BaseModel):
    """A camera declared in the configuration file (cameras can also be managed over the API)."""

    id: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")
    name: str = Field(min_length=1)
    url: str = Field(description="Main stream: rtsp://, http(s):// (MJPEG/HLS), file:// or a local path.")
    sub_url: str | None = Field(None, description="Sub stream used for detection; the main stream if empty.")
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    district: str | None = None
    enabled: bool = True
    detect_fps: float = Field(5, gt=0, le=60)
    loop: bool = Field(False, description="Restart a file source at its end (sample cameras).")
    zone: str | None = None
    owner: str = Field("public", min_length=1, description="`public` or the private integrator feeding it.")
    username: str | None = None
    password: str | None = Field(None, repr=False, description="Stored in the registry, never returned.")
    analytics_profile: str = Field("default", min_length=1)
    scene: dict[str, Any] | None = Field(None, description="Zones, lines, calibration, motion mask.")
    worker: str | None = Field(None, description="The worker that runs this camera; empty: any worker.")

    @field_validator("url", "sub_url")
    @classmethod
    def _camera_url(cls, value: str | None) -> str | None:
        if value is None:
            return value
        parsed = urlparse(value)
        if parsed.scheme in CAMERA_URL_SCHEMES and (parsed.netloc or parsed.scheme == "file"):
            return value
        if parsed.scheme == "" and value.strip():
            return value  # a local file path
        raise ValueError(f"not a valid camera URL (use {', '.join(CAMERA_URL_SCHEMES)} or a file path)")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="SAFECITY_", env_nested_delimiter="__", extra="forbid", validate_default=True
    )

    data_dir: Path = Field(Path("data"), description="Database, media, models and keys live here.")
    database_url: str | None = Field(None, description="SQLAlchemy URL; SQLite under data_dir when empty.")
    http: HttpSettings = Field(default_factory=HttpSettings)
    bus: BusSettings = Field(default_factory=BusSettings)
    auth: AuthSettings = Field(default_factory=AuthSettings)
    logging: LoggingSettings = Field(default_factory=LoggingSettings)
    cameras: list[CameraSettings] = Field(default_factory=list)
    alerts: AlertSettings = Field(default_factory=AlertSettings)
    dispatch: DispatchSettings = Field(default_factory=DispatchSettings)
    reports: ReportSettings = Field(default_factory=ReportSettings)
    retention: RetentionSettings = Field(default_factory=RetentionSettings)
    challan: ChallanSettings = Field(default_factory=ChallanSettings)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Explicit arguments (the parsed YAML file) rank below the environment.
        return env_settings, init_settings

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir.resolve() / 'safecity.db'}"

    @property
    def media_dir(self) -> Path:
        return self.data_dir / "media"

    @property
    def models_dir(self) -> Path:
        return self.data_dir / "models"


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
