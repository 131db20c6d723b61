"""The `registries:` section of safecity.yaml: how each national system (identity, vehicle registration, FIRs)
is reached. docs/integrations.md describes the contract and every key."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from limits import parse
from pydantic import BaseModel
from pydantic import Field
from pydantic import SecretStr
from pydantic import field_validator
from pydantic import model_validator


class AdapterKind(StrEnum):
    NONE = "none"  # not configured: lookups answer 503 registry_unavailable
    HTTP = "http"  # the province's JSON web service (docs/integrations.md)
    CSV = "csv"  # a file of records, read again whenever it changes (identity and FIRs)
    LOCAL = "local"  # vehicles only: the table `safecity challan import-registry` fills


class AuthScheme(StrEnum):
    NONE = "none"
    BEARER = "bearer"
    BASIC = "basic"


class RegistryAuthSettings(BaseModel):
    """Credentials, from the environment (`SAFECITY_REGISTRIES__IDENTITY__AUTH__TOKEN`) or a file; never
    logged."""

    scheme: AuthScheme = AuthScheme.NONE
    token: SecretStr | None = Field(None, description="Bearer token (prefer the environment or token_file).")
    token_file: Path | None = Field(
        None, description="File holding the bearer token (surrounding space cut)."
    )
    username: str | None = Field(None, description="Basic auth user name.")
    password: SecretStr | None = Field(None, description="Basic auth password (prefer password_file).")
    password_file: Path | None = Field(None, description="File holding the basic auth password.")

    @model_validator(mode="after")
    def _complete(self) -> RegistryAuthSettings:
        if self.scheme is AuthScheme.BEARER and not (self.token or self.token_file):
            raise ValueError("bearer auth needs token or token_file")
        if self.scheme is AuthScheme.BASIC and not (self.username and (self.password or self.password_file)):
            raise ValueError("basic auth needs username and password or password_file")
        return self


class BreakerSettings(BaseModel):
    failures: int = Field(5, ge=1, description="Consecutive failed lookups that open the circuit.")
    reset_seconds: float = Field(
        30, gt=0, description="How long an open circuit refuses at once before one lookup may try again."
    )


class RegistrySettings(BaseModel):
    """One national system."""

    kind: AdapterKind = AdapterKind.NONE
    base_url: str | None = Field(
        None, description="http: the service's root, e.g. https://nadra.example/api."
    )
    path: str | None = Field(
        None,
        description="http: the lookup path under base_url with placeholders ({cnic}, {plate}, {station}, "
        "{fir}); default: the documented contract's path.",
    )
    auth: RegistryAuthSettings = Field(default_factory=RegistryAuthSettings)
    timeout_seconds: float = Field(3.0, gt=0, le=60, description="http: one request's connect+read budget.")
    retries: int = Field(2, ge=0, le=5, description="http: further tries after a transient error (5xx, 429).")
    retry_wait_seconds: float = Field(
        0.2, ge=0, le=10, description="http: first wait between tries, doubled."
    )
    fields: dict[str, str] = Field(
        default_factory=dict,
        description="http: our field → JMESPath into the service's JSON (unnamed fields: the same name).",
    )
    file: Path | None = Field(
        None, description="csv: the file of records (docs/integrations.md, CSV formats)."
    )
    cache_seconds: float = Field(
        3600, ge=0, description="A looked-up record is answered from cache this long."
    )
    stale_seconds: float = Field(
        86400,
        ge=0,
        description="e-challan's owner lookup may use an older cached record this long while the registry is "
        "unavailable (interactive lookups never do).",
    )
    rate_limit: str = Field(
        "120/minute", description="Remote lookups allowed, e.g. 120/minute (cache hits free)."
    )
    breaker: BreakerSettings = Field(default_factory=BreakerSettings)

    @field_validator("rate_limit")
    @classmethod
    def _rate(cls, value: str) -> str:
        try:
            parse(value)
        except ValueError as error:
            raise ValueError(f"not a rate such as 120/minute: {value!r}") from error
        return value

    @model_validator(mode="after")
    def _complete(self) -> RegistrySettings:
        if self.kind is AdapterKind.HTTP and not self.base_url:
            raise ValueError("kind http needs base_url")
        if self.kind is AdapterKind.CSV and self.file is None:
            raise ValueError("kind csv needs file")
        return self


def _local_vehicles() -> RegistrySettings:
    return RegistrySettings(kind=AdapterKind.LOCAL)


class RegistriesSettings(BaseModel):
    identity: RegistrySettings = Field(default_factory=RegistrySettings, description="NADRA: CNIC → person.")
    vehicles: RegistrySettings = Field(
        default_factory=_local_vehicles, description="Excise & Taxation: plate → vehicle and owner."
    )
    firs: RegistrySettings = Field(default_factory=RegistrySettings, description="Police FIR system.")

    @model_validator(mode="after")
    def _local_is_vehicles_only(self) -> RegistriesSettings:
        for name in ("identity", "firs"):
            if getattr(self, name).kind is AdapterKind.LOCAL:
                raise ValueError(f"{name}: kind local exists for vehicles only (use csv)")
        return self
