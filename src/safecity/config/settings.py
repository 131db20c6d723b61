"""`Settings`: the whole of safecity.yaml, each section a model of its own module in this package.

Environment variables override the file; nested keys use a double underscore, e.g. `SAFECITY_HTTP__PORT=9000`.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings
from pydantic_settings import PydanticBaseSettingsSource
from pydantic_settings import SettingsConfigDict

from safecity.config.alerts import AlertSettings
from safecity.config.cameras import CameraSettings
from safecity.config.challan import ChallanSettings
from safecity.config.cluster import ClusterSettings
from safecity.config.console import ConsoleSettings
from safecity.config.dispatch import DispatchSettings
from safecity.config.map import MapSettings
from safecity.config.persons import PersonSettings
from safecity.config.platform import ApiNodeSettings
from safecity.config.platform import AuthSettings
from safecity.config.platform import BusSettings
from safecity.config.platform import HttpSettings
from safecity.config.platform import LoggingSettings
from safecity.config.registries import RegistriesSettings
from safecity.config.reports import ReportSettings
from safecity.config.retention import RetentionSettings


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="SAFECITY_", env_nested_delimiter="__", extra="forbid", validate_default=True
    )

    data_dir: Path = Field(Path("data"), description="Database, media, models and keys live here.")
    database_url: str | None = Field(None, description="SQLAlchemy URL; SQLite under data_dir when empty.")
    http: HttpSettings = Field(default_factory=HttpSettings)
    bus: BusSettings = Field(default_factory=BusSettings)
    auth: AuthSettings = Field(default_factory=AuthSettings)
    api_nodes: ApiNodeSettings = Field(default_factory=ApiNodeSettings)
    logging: LoggingSettings = Field(default_factory=LoggingSettings)
    cameras: list[CameraSettings] = Field(default_factory=list)
    alerts: AlertSettings = Field(default_factory=AlertSettings)
    dispatch: DispatchSettings = Field(default_factory=DispatchSettings)
    reports: ReportSettings = Field(default_factory=ReportSettings)
    retention: RetentionSettings = Field(default_factory=RetentionSettings)
    challan: ChallanSettings = Field(default_factory=ChallanSettings)
    registries: RegistriesSettings = Field(default_factory=RegistriesSettings)
    cluster: ClusterSettings = Field(default_factory=ClusterSettings)
    map: MapSettings = Field(default_factory=MapSettings)
    console: ConsoleSettings = Field(default_factory=ConsoleSettings)
    persons: PersonSettings = Field(default_factory=PersonSettings)

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
