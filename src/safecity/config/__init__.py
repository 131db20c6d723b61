"""Configuration: one `safecity.yaml` plus `SAFECITY_*` environment overrides.

Environment variables override the file; nested keys use a double underscore, e.g. `SAFECITY_HTTP__PORT=9000`
or `SAFECITY_BUS__KIND=nats`. A wrong value fails at start with its path and the reason
(`cameras[3].url: not a valid camera URL`).

A low layer: every section's model lives in this package (`config.alerts`, `config.challan` ...), imports
nothing of the domains, and the domains import their settings from here.
"""

from safecity.config.cameras import CAMERA_URL_SCHEMES
from safecity.config.cameras import CameraSettings
from safecity.config.loading import CONFIG_ENV
from safecity.config.loading import DEFAULT_CONFIG_FILE
from safecity.config.loading import ConfigError
from safecity.config.loading import config_file_from_environment
from safecity.config.loading import describe_validation_error
from safecity.config.loading import error_path
from safecity.config.loading import load_settings
from safecity.config.loading import prepare_data_dir
from safecity.config.platform import AuthSettings
from safecity.config.platform import BusSettings
from safecity.config.platform import HttpSettings
from safecity.config.platform import LoggingSettings
from safecity.config.retention import RetentionSettings
from safecity.config.settings import Settings

__all__ = [
    "CAMERA_URL_SCHEMES",
    "CONFIG_ENV",
    "DEFAULT_CONFIG_FILE",
    "AuthSettings",
    "BusSettings",
    "CameraSettings",
    "ConfigError",
    "HttpSettings",
    "LoggingSettings",
    "RetentionSettings",
    "Settings",
    "config_file_from_environment",
    "describe_validation_error",
    "error_path",
    "load_settings",
    "prepare_data_dir",
]
