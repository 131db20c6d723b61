"""Model registry: fetch from a local HTTP server with sha256 checks, import, list; and the CLI."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from safecity.commands.models import app
from safecity.vision.models import CATALOG
from safecity.vision.models import DEFAULT_DETECTOR
from safecity.vision.models import DEFAULT_PLATE_DETECTOR
from safecity.vision.models import ModelIntegrityError
from safecity.vision.models import ModelRegistry
from safecity.vision.models import ModelRegistryError
from safecity.vision.models import ModelSpec
from safecity.vision.models import default_models_dir
from safecity.vision.models import find_installed

PAYLOAD = b"onnx-model-bytes" * 5000


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    public = tmp_path / "public"
    public.mkdir()
    (public / "model.onnx").write_bytes(PAYLOAD)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(public)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def spec(url: str, sha256: str) -> ModelSpec:
    return ModelSpec(
        name="tiny", kind="detector", output_format="yolox", url=url, sha256=sha256, filename="tiny.onnx",
        licence="Apache-2.0",
    )  # fmt: skip


def test_fetch_installs_a_file_whose_sha256_matches(tmp_path: Path, server: str) -> None:
    registry = ModelRegistry(tmp_path / "models")
    progress: list[tuple[int, int | None]] = []
    digest = hashlib.sha256(PAYLOAD).hexdigest()
    model = registry.fetch(
        "tiny", spec=spec(f"{server}/model.onnx", digest), progress=lambda *a: progress.append(a)
    )
    assert model.sha256 == digest
    assert model.size == len(PAYLOAD)
    assert registry.path("tiny") == tmp_path / "models" / "tiny.onnx"
    assert (tmp_path / "models" / "tiny.onnx").read_bytes() == PAYLOAD
    assert progress[-1] == (len(PAYLOAD), len(PAYLOAD))
    assert [m.name for m in ModelRegistry(tmp_path / "models").installed()] == ["tiny"]


def test_fetch_refuses_a_sha256_mismatch_and_installs_nothing(tmp_path: Path, server: str) -> None:
    registry = ModelRegistry(tmp_path / "models")
    with pytest.raises(ModelIntegrityError, match="sha256 mismatch"):
        registry.fetch("tiny", spec=spec(f"{server}/model.onnx", "0" * 64))
    assert list((tmp_path / "models").iterdir()) == []  # no model, no partial download, no manifest
    assert registry.installed() == []
    assert registry.path("tiny") is None


def test_fetch_reports_http_errors(tmp_path: Path, server: str) -> None:
    with pytest.raises(ModelRegistryError, match="HTTP 404"):
        ModelRegistry(tmp_path).fetch("tiny", spec=spec(f"{server}/absent.onnx", "0" * 64))


def test_unknown_catalog_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelRegistryError, match="unknown model 'nope'"):
        ModelRegistry(tmp_path).fetch("nope")


def test_the_packaged_catalog_lists_the_defaults_with_official_https_addresses() -> None:
    assert CATALOG[DEFAULT_DETECTOR].kind == "detector"
    assert CATALOG[DEFAULT_DETECTOR].output_format == "yolox"
    assert CATALOG[DEFAULT_PLATE_DETECTOR].kind == "plate-detector"
    assert CATALOG["person-reid-0248"].size == 806_257
    assert all(spec.url.startswith("https://") and spec.size for spec in CATALOG.values())


def test_import_copies_and_hashes_a_local_model(tmp_path: Path) -> None:
    source = tmp_path / "My_Detector.onnx"
    source.write_bytes(PAYLOAD)
    registry = ModelRegistry(tmp_path / "models")
    model = registry.import_file(source, output_format="yolov8")
    assert model.name == "my-detector"
    assert model.sha256 == hashlib.sha256(PAYLOAD).hexdigest()
    found = registry.first_of_kind("detector")
    assert found is not None
    assert found[1].read_bytes() == PAYLOAD


def test_find_installed_gives_the_preferred_model_of_the_kind_or_why_none(tmp_path: Path) -> None:
    root = tmp_path / "models"
    assert find_installed(root, "detector", "yolox-s", "detector model") == (
        None,
        "no detector model installed (run `safecity models fetch yolox-s`)",
    )
    source = tmp_path / "model.onnx"
    source.write_bytes(PAYLOAD)
    registry = ModelRegistry(root)
    registry.import_file(source, name="a-detector")
    registry.import_file(source, name="yolox-s")
    registry.import_file(source, name="reid", kind="person-reid")
    found, reason = find_installed(root, "detector", "yolox-s", "detector model")
    assert found is not None
    assert reason == ""
    assert (found[0].name, found[1]) == ("yolox-s", root / found[0].file)

    registry.manifest_path.write_text("not json", encoding="utf-8")
    found, reason = find_installed(root, "detector", "yolox-s", "detector model")
    assert found is None
    assert reason.startswith(f"model registry unusable (model registry {registry.manifest_path} is corrupt")


def test_import_rejects_missing_and_non_onnx_files(tmp_path: Path) -> None:
    registry = ModelRegistry(tmp_path)
    with pytest.raises(ModelRegistryError, match="no such file"):
        registry.import_file(tmp_path / "absent.onnx")
    text = tmp_path / "notes.txt"
    text.write_text("x")
    with pytest.raises(ModelRegistryError, match=r"only \.onnx"):
        registry.import_file(text)


def test_corrupt_manifest_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "registry.json").write_text("{not json")
    with pytest.raises(ModelRegistryError, match="corrupt"):
        ModelRegistry(tmp_path).installed()


def test_default_folder_follows_the_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SAFECITY_DATA_DIR", str(tmp_path))
    assert default_models_dir() == tmp_path / "models"
    monkeypatch.delenv("SAFECITY_DATA_DIR")
    assert default_models_dir() == Path("data/models")


def test_cli_fetch_import_and_list(tmp_path: Path, server: str) -> None:
    runner = CliRunner()
    models = str(tmp_path / "models")
    digest = hashlib.sha256(PAYLOAD).hexdigest()
    bad = runner.invoke(app, ["fetch", "yolox-nano", "--models-dir", models, "--url", f"{server}/model.onnx"])
    assert bad.exit_code == 1
    assert "sha256 mismatch" in bad.output
    good = runner.invoke(
        app,
        ["fetch", "yolox-nano", "--models-dir", models, "--url", f"{server}/model.onnx", "--sha256", digest],
    )
    assert good.exit_code == 0, good.output
    source = tmp_path / "other.onnx"
    source.write_bytes(b"x")
    assert runner.invoke(app, ["import", str(source), "--models-dir", models]).exit_code == 0
    listing = runner.invoke(app, ["list", "--models-dir", models])
    assert listing.exit_code == 0
    assert "yolox-nano" in listing.output
    assert "other" in listing.output
    assert "installed" in listing.output
    unknown = runner.invoke(app, ["fetch", "nope", "--models-dir", models])
    assert unknown.exit_code == 2
