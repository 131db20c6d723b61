"""Cameras declared in safecity.yaml are upserted into the registry at start; errors name the path."""

from __future__ import annotations

import pytest

from safecity.cameras.service import get_camera
from safecity.cameras.service import scene_of
from safecity.cameras.service import stream_addresses
from safecity.cameras.service import sync_from_settings
from safecity.config import CameraSettings
from safecity.config import ConfigError
from safecity.core.db import Database

DECLARED = {
    "id": "lhr-01",
    "name": "Liberty Chowk",
    "url": "rtsp://admin:pw-9@10.0.0.9/main",
    "sub_url": "rtsp://10.0.0.9/sub",
    "latitude": 31.5102,
    "longitude": 74.3441,
    "owner": "Liberty Market Traders (private)",
    "scene": {"zones": [{"name": "junction", "polygon": [[0, 0], [1, 0], [1, 1]]}]},
}


def test_declared_cameras_are_created_then_updated(database: Database) -> None:
    with database.session() as session:
        sync_from_settings(session, [CameraSettings(**DECLARED)])
    with database.session() as session:
        sync_from_settings(session, [CameraSettings(**{**DECLARED, "name": "Liberty Chowk North"})])
    with database.session() as session:
        camera = get_camera(session, "lhr-01")
        assert (camera.name, camera.managed_by, camera.owner) == (
            "Liberty Chowk North",
            "config",
            DECLARED["owner"],
        )
        assert camera.url == "rtsp://10.0.0.9/main"
        assert stream_addresses(camera).detect_url == "rtsp://admin:pw-9@10.0.0.9/sub"
        assert scene_of(camera).zones[0].name == "junction"


def test_a_bad_declared_scene_names_the_camera_and_field(database: Database) -> None:
    bad = {**DECLARED, "scene": {"lines": [{"name": "l", "start": [0, 0], "end": [0, 0]}]}}
    with database.session() as session, pytest.raises(ConfigError, match=r"cameras\[0\]\.scene"):
        sync_from_settings(session, [CameraSettings(**bad)])
