"""The model registry: a folder of model files plus `registry.json` recording each file's sha256 and origin.

Files arrive by `fetch` (download from the catalog's official address, verified against its sha256 before it
is installed) or `import_file` (a local file, hashed on import). Nothing is ever downloaded implicitly.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from datetime import UTC
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

import httpx
from pydantic import BaseModel
from pydantic import ValidationError

from safecity.vision.models.catalog import CATALOG
from safecity.vision.models.catalog import ModelSpec

ProgressCallback = Callable[[int, int | None], None]  # bytes so far, total bytes (None when unknown)
CHUNK = 1 << 16
MANIFEST_NAME = "registry.json"


class ModelRegistryError(RuntimeError):
    """A model cannot be fetched, imported or found."""


class ModelIntegrityError(ModelRegistryError):
    """A downloaded file does not match the expected sha256; it was not installed."""


class InstalledModel(BaseModel):
    name: str
    kind: str
    output_format: str | None = None
    file: str
    sha256: str
    size: int
    source: str
    licence: str
    installed_at: datetime


def default_models_dir() -> Path:
    """`$SAFECITY_DATA_DIR/models`, else `./data/models`."""
    return Path(os.environ.get("SAFECITY_DATA_DIR", "data")) / "models"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


class ModelRegistry:
    def __init__(self, root: str | Path | None = None) -> None:
        self.root = Path(root) if root is not None else default_models_dir()

    @property
    def manifest_path(self) -> Path:
        return self.root / MANIFEST_NAME

    def installed(self) -> list[InstalledModel]:
        return sorted(self._read().values(), key=lambda model: model.name)

    def get(self, name: str) -> InstalledModel | None:
        return self._read().get(name)

    def path(self, name: str) -> Path | None:
        """The installed file of `name`, or None when it is not installed (or its file went missing)."""
        model = self.get(name)
        if model is None:
            return None
        path = self.root / model.file
        return path if path.is_file() else None

    def first_of_kind(self, kind: str, preferred: str | None = None) -> tuple[InstalledModel, Path] | None:
        models = self.installed()
        models.sort(key=lambda model: model.name != preferred)
        for model in models:
            path = self.root / model.file
            if model.kind == kind and path.is_file():
                return model, path
        return None

    def fetch(
        self,
        name: str,
        *,
        spec: ModelSpec | None = None,
        progress: ProgressCallback | None = None,
        client: httpx.Client | None = None,
        timeout: float = 60.0,
    ) -> InstalledModel:
        """Download a catalog model (or `spec`), check its sha256, then install it.

        A sha256 mismatch raises `ModelIntegrityError` and leaves nothing behind."""
        spec = spec or CATALOG.get(name)
        if spec is None:
            raise ModelRegistryError(f"unknown model {name!r}; known: {', '.join(sorted(CATALOG))}")
        self.root.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=f".{spec.filename}.", suffix=".part", dir=self.root)
        temp = Path(temp_name)
        try:
            with os.fdopen(handle, "wb") as out:
                digest = self._download(spec.url, out, progress, client, timeout)
            if digest != spec.sha256:
                raise ModelIntegrityError(
                    f"{spec.name}: sha256 mismatch for {spec.url}: expected {spec.sha256}, got {digest}; "
                    "the file was not installed"
                )
            target = self.root / spec.filename
            temp.replace(target)
        finally:
            temp.unlink(missing_ok=True)
        return self._record(
            InstalledModel(
                name=spec.name,
                kind=spec.kind,
                output_format=spec.output_format,
                file=spec.filename,
                sha256=digest,
                size=target.stat().st_size,
                source=spec.url,
                licence=spec.licence,
                installed_at=datetime.now(UTC),
            )
        )

    def import_file(
        self,
        source: str | Path,
        *,
        name: str | None = None,
        kind: str = "detector",
        output_format: str | None = None,
        licence: str = "unknown",
    ) -> InstalledModel:
        """Copy a local model file into the registry and record its sha256."""
        path = Path(source)
        if not path.is_file():
            raise ModelRegistryError(f"cannot import {path}: no such file")
        if path.suffix.lower() != ".onnx":
            raise ModelRegistryError(f"cannot import {path}: only .onnx model files are supported")
        model_name = name or path.stem.lower().replace("_", "-")
        self.root.mkdir(parents=True, exist_ok=True)
        target = self.root / path.name
        if target.resolve() != path.resolve():
            shutil.copyfile(path, target)
        return self._record(
            InstalledModel(
                name=model_name,
                kind=kind,
                output_format=output_format,
                file=path.name,
                sha256=sha256_of(target),
                size=target.stat().st_size,
                source=f"import:{path.resolve()}",
                licence=licence,
                installed_at=datetime.now(UTC),
            )
        )

    def _download(
        self,
        url: str,
        out: BinaryIO,
        progress: ProgressCallback | None,
        client: httpx.Client | None,
        timeout: float,
    ) -> str:
        own_client = client is None
        http = client or httpx.Client(follow_redirects=True, timeout=timeout)
        digest = hashlib.sha256()
        try:
            with http.stream("GET", url) as response:
                if response.status_code != 200:
                    raise ModelRegistryError(f"download of {url} failed: HTTP {response.status_code}")
                total = (
                    int(response.headers["content-length"]) if "content-length" in response.headers else None
                )
                done = 0
                for chunk in response.iter_bytes(CHUNK):
                    out.write(chunk)
                    digest.update(chunk)
                    done += len(chunk)
                    if progress:
                        progress(done, total)
        except httpx.HTTPError as error:
            raise ModelRegistryError(f"download of {url} failed: {error}") from error
        finally:
            if own_client:
                http.close()
        return digest.hexdigest()

    def _read(self) -> dict[str, InstalledModel]:
        if not self.manifest_path.is_file():
            return {}
        try:
            entries = json.loads(self.manifest_path.read_text(encoding="utf-8"))
            return {entry["name"]: InstalledModel.model_validate(entry) for entry in entries}
        except (json.JSONDecodeError, ValidationError, KeyError, TypeError) as error:
            raise ModelRegistryError(f"model registry {self.manifest_path} is corrupt: {error}") from error

    def _record(self, model: InstalledModel) -> InstalledModel:
        models = self._read()
        models[model.name] = model
        text = json.dumps([entry.model_dump(mode="json") for entry in models.values()], indent=2)
        temp = self.manifest_path.with_suffix(".json.tmp")
        temp.write_text(text + "\n", encoding="utf-8")
        temp.replace(self.manifest_path)
        return model


def find_installed(
    models_dir: str | Path | None, kind: str, preferred: str, described: str
) -> tuple[tuple[InstalledModel, Path] | None, str]:
    """The installed model of `kind` (`preferred` first) with its file and an empty reason, or None and why:
    the registry is unusable, or no such model is installed (`described` names the kind in the reason)."""
    try:
        found = ModelRegistry(models_dir).first_of_kind(kind, preferred=preferred)
    except ModelRegistryError as error:
        return None, f"model registry unusable ({error})"
    if found is None:
        return None, f"no {described} installed (run `safecity models fetch {preferred}`)"
    return found, ""
