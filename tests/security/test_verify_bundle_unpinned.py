"""`safecity evidence verify-bundle` without `--pin` never calls a bundle "intact" on the word of the key
inside it: a bundle re-signed with another key is refused unless that key is this server's."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from safecity.cli import app
from safecity.core.db import Database
from safecity.core.media import MediaStore
from safecity.core.schema import upgrade
from safecity.core.signing import fingerprint
from safecity.core.signing import load_or_create_signing_key
from tests.evidence.conftest import INVESTIGATOR
from tests.evidence.conftest import collect

runner = CliRunner()


def _config(tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(f"data_dir: {tmp_path / name}\n", encoding="utf-8")
    return path


@pytest.fixture
def signed_elsewhere(tmp_path: Path) -> tuple[Path, str]:
    """A bundle whose signature is valid, made with a key that is not the server's (a re-signed forgery)."""
    from safecity.evidence.bundle import export_bundle

    url = f"sqlite:///{tmp_path / 'forger.db'}"
    upgrade(url)
    database = Database(url)
    media = MediaStore(tmp_path / "media")
    forger_key = load_or_create_signing_key(tmp_path / "forger")
    try:
        with database.session() as session:
            item = collect(session, media, b"a statement nobody made", suffix=".txt", kind="document")
            result = export_bundle(
                session, media, forger_key, [item.id], INVESTIGATOR, tmp_path / "bundle.zip", purpose="court"
            )
    finally:
        database.dispose()
    return result.path, fingerprint(forger_key.public_key())


def test_without_a_pin_or_a_server_key_the_signer_is_reported_unpinned(
    signed_elsewhere: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle, forger = signed_elsewhere
    monkeypatch.chdir(tmp_path)  # no safecity.yaml, and no key in the default data directory
    result = runner.invoke(app, ["evidence", "verify-bundle", str(bundle)])
    assert result.exit_code != 0
    assert "intact" not in result.output
    assert "unpinned" in result.output
    assert forger in result.output


def test_a_bundle_signed_by_another_key_than_the_servers_is_refused(
    signed_elsewhere: tuple[Path, str], tmp_path: Path
) -> None:
    bundle, _ = signed_elsewhere
    config = _config(tmp_path, "server")
    server = fingerprint(load_or_create_signing_key(tmp_path / "server").public_key())
    result = runner.invoke(app, ["evidence", "verify-bundle", str(bundle), "-c", str(config)])
    assert result.exit_code == 1
    assert f"is not this server's key {server}" in result.output


def test_a_bundle_signed_by_the_servers_key_verifies_without_a_pin(
    signed_elsewhere: tuple[Path, str], tmp_path: Path
) -> None:
    bundle, forger = signed_elsewhere
    result = runner.invoke(
        app, ["evidence", "verify-bundle", str(bundle), "-c", str(_config(tmp_path, "forger"))]
    )
    assert result.exit_code == 0, result.output
    assert f"signed by this server's key {forger}" in result.output
