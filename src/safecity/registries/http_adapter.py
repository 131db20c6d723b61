"""The HTTP/JSON adapter: `GET {base_url}{path}` with the configured credentials and timeout, transient
failures (connection refused, 5xx, 429) tried again with exponential waits (tenacity), the answer read through
the field mapping. The contract: docs/integrations.md."""

from __future__ import annotations

from pathlib import Path
from typing import Generic
from urllib.parse import quote

import httpx
from pydantic import SecretStr
from sqlalchemy.orm import Session
from tenacity import Retrying
from tenacity import retry_if_exception_type
from tenacity import stop_after_attempt
from tenacity import wait_exponential

from safecity.config.registries import AuthScheme
from safecity.config.registries import RegistryAuthSettings
from safecity.config.registries import RegistrySettings
from safecity.registries.errors import RegistryBadResponseError
from safecity.registries.errors import RegistryUnavailableError
from safecity.registries.field_mapping import FieldMapping
from safecity.registries.interfaces import RecordT
from safecity.registries.keys import LookupKey
from safecity.registries.systems import RegistrySystem

DEFAULT_PATHS = {
    RegistrySystem.IDENTITY: "/identity/{cnic}",
    RegistrySystem.VEHICLES: "/vehicles/{plate}",
    RegistrySystem.FIRS: "/firs/{station}/{fir}",
}
TRANSIENT_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_WAIT_SECONDS = 2.0


class TransientRemoteError(Exception):
    """A failure worth one more try (the message names the status or the connection problem)."""


def _secret(value: SecretStr | None, file: Path | None) -> str:
    """The configured secret, or the file's content (read once, at start)."""
    if value is not None:
        return value.get_secret_value()
    assert file is not None  # the settings require one of them
    return file.read_text(encoding="utf-8").strip()


def auth_headers(settings: RegistryAuthSettings) -> dict[str, str]:
    if settings.scheme is AuthScheme.BEARER:
        token = _secret(settings.token, settings.token_file)
        return {"Authorization": f"Bearer {token}"}
    return {}


def basic_auth(settings: RegistryAuthSettings) -> httpx.BasicAuth | None:
    if settings.scheme is not AuthScheme.BASIC:
        return None
    password = _secret(settings.password, settings.password_file)
    return httpx.BasicAuth(settings.username or "", password)


class HttpRegistry(Generic[RecordT]):
    def __init__(
        self,
        system: RegistrySystem,
        settings: RegistrySettings,
        mapping: FieldMapping[RecordT],
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        assert settings.base_url
        self.system = system
        self.mapping = mapping
        self.path = settings.path or DEFAULT_PATHS[system]
        self.settings = settings
        self._client = httpx.Client(
            base_url=settings.base_url.rstrip("/"),
            headers={"Accept": "application/json", **auth_headers(settings.auth)},
            auth=basic_auth(settings.auth),
            timeout=httpx.Timeout(settings.timeout_seconds),
            transport=transport,
            follow_redirects=False,
        )

    def close(self) -> None:
        self._client.close()

    def lookup(self, session: Session, key: LookupKey) -> RecordT | None:
        return self.fetch(key)

    def fetch(self, key: LookupKey) -> RecordT | None:
        path = self.path.format_map({name: quote(value, safe="") for name, value in key.placeholders.items()})
        response = self._get_with_retries(path)
        if response.status_code == httpx.codes.NOT_FOUND:
            return None
        if response.status_code in (httpx.codes.UNAUTHORIZED, httpx.codes.FORBIDDEN):
            raise RegistryUnavailableError(
                self.system, f"the service refused safecity's credentials (HTTP {response.status_code})"
            )
        if response.status_code != httpx.codes.OK:
            raise RegistryUnavailableError(self.system, f"the service answered HTTP {response.status_code}")
        try:
            payload = response.json()
        except ValueError as error:
            raise RegistryBadResponseError(self.system, "the answer is not JSON") from error
        record = self.mapping.record_from(payload)
        if record.lookup_key().subject != key.subject:
            raise RegistryBadResponseError(self.system, "the answer is the record of another subject")
        return record

    def _get_with_retries(self, path: str) -> httpx.Response:
        retrying = Retrying(
            stop=stop_after_attempt(self.settings.retries + 1),
            wait=wait_exponential(multiplier=self.settings.retry_wait_seconds, max=MAX_RETRY_WAIT_SECONDS),
            retry=retry_if_exception_type(TransientRemoteError),
            reraise=True,
        )
        try:
            return retrying(self._get_once, path)
        except TransientRemoteError as error:
            raise RegistryUnavailableError(self.system, str(error)) from error
        except httpx.TimeoutException as error:
            # Not tried again: the time is spent, and the caller is waiting.
            raise RegistryUnavailableError(
                self.system, f"no answer within {self.settings.timeout_seconds:g} s"
            ) from error

    def _get_once(self, path: str) -> httpx.Response:
        try:
            response = self._client.get(path)
        except httpx.TimeoutException:
            raise
        except httpx.TransportError as error:
            raise TransientRemoteError(f"cannot reach the service ({type(error).__name__})") from error
        if response.status_code in TRANSIENT_STATUSES:
            raise TransientRemoteError(f"the service answered HTTP {response.status_code}")
        return response
