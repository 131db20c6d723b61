"""The demo's looping cameras: a site (id, name, position, district, zone) and a clip played over and over."""

from __future__ import annotations

from pathlib import Path

from safecity.cameras.samples import SAMPLE_SCENE
from safecity.cameras.samples import SAMPLE_SITES
from safecity.cameras.samples import looping_camera
from safecity.cameras.traffic_sample import TRAFFIC_SITE
from safecity.cameras.traffic_sample import traffic_scene


def test_a_looping_camera_stands_at_its_site_and_plays_its_clip_over_and_over(tmp_path: Path) -> None:
    camera_id, name, latitude, longitude, district, zone = SAMPLE_SITES[0]

    camera = looping_camera(SAMPLE_SITES[0], tmp_path / "clip.mp4", scene=SAMPLE_SCENE)

    assert (camera.id, camera.name, camera.district, camera.zone) == (camera_id, name, district, zone)
    assert (camera.latitude, camera.longitude) == (latitude, longitude)
    assert camera.url == str((tmp_path / "clip.mp4").resolve())
    assert camera.loop is True
    assert camera.detect_fps == 5
    assert camera.analytics_profile == "default"


def test_a_looping_camera_takes_the_other_settings_it_is_given(tmp_path: Path) -> None:
    camera = looping_camera(
        TRAFFIC_SITE, tmp_path / "traffic.mp4", analytics_profile="traffic+motion", scene=traffic_scene()
    )

    assert camera.id == TRAFFIC_SITE[0]
    assert camera.analytics_profile == "traffic+motion"
    assert camera.scene == traffic_scene()
