"""The demo's sample cameras: well-known chowks of Lahore and Islamabad, looping a local clip.

The clip is Debian's CCTV sample (opencv-doc's vtest.avi) when installed, otherwise street scenes rendered
into the data directory on first start (so a fresh machine still gets moving pictures).
"""

from __future__ import annotations

import logging
from fractions import Fraction
from pathlib import Path

import av

from safecity.config import CameraSettings
from safecity.video.synthetic import MovingObject
from safecity.video.synthetic import SyntheticScene

log = logging.getLogger(__name__)

VTEST = Path("/usr/share/doc/opencv-doc/examples/data/vtest.avi")
# Every crossing is counted (a record); only someone loitering a minute in the concourse calls an operator,
# at most 4 times an hour per camera (bench/alarms.py measures the queue this gives).
SAMPLE_SCENE = {
    "lines": [{"name": "crossing", "start": [0.05, 0.6], "end": [0.95, 0.6]}],
    "zones": [
        {
            "name": "concourse",
            "polygon": [[0.05, 0.05], [0.95, 0.05], [0.95, 0.95], [0.05, 0.95]],
            "loiter_seconds": 60,
        }
    ],
    "alarms": {
        "timezone": "Asia/Karachi",
        "policies": [
            {"rules": ["concourse"], "events": ["zone_enter", "zone_exit"], "outcome": "nothing"},
            {"rules": ["concourse"], "events": ["loitering"], "max_alarms_per_hour": 4},
        ],
    },
}
#: id, name, latitude, longitude, district, zone
SampleSite = tuple[str, str, float, float, str, str]

SAMPLE_SITES: tuple[SampleSite, ...] = (
    ("lhr-kalma-chowk", "Kalma Chowk", 31.5042, 74.3315, "Lahore", "Gulberg"),
    ("lhr-liberty-chowk", "Liberty Chowk", 31.5102, 74.3441, "Lahore", "Gulberg"),
    ("lhr-azadi-chowk", "Azadi Chowk (Minar-e-Pakistan)", 31.5880, 74.3100, "Lahore", "Walled City"),
    ("isb-zero-point", "Zero Point", 33.6938, 73.0652, "Islamabad", "G-7"),
)


def sample_clips(data_dir: Path, count: int) -> list[Path]:
    """The clips the sample cameras loop: the real CCTV sample as H.264 (so recording can stream-copy it),
    or rendered scenes."""
    folder = data_dir / "samples"
    folder.mkdir(parents=True, exist_ok=True)
    if VTEST.is_file():
        clip = folder / "vtest-h264.mp4"
        if not clip.exists():
            log.info("converting %s to H.264 for the sample cameras", VTEST)
            to_h264(VTEST, clip)
        return [clip] * count
    clips = []
    for index in range(count):
        clip = folder / f"street-{index}.mp4"
        if not clip.exists():
            log.info("rendering sample clip %s", clip)
            _street(index).write_video(str(clip))
        clips.append(clip)
    return clips


def looping_camera(site: SampleSite, clip: Path, **settings: object) -> CameraSettings:
    """A demo camera at `site` playing `clip` over and over, five detector frames a second; `settings` adds
    the other fields (scene, analytics profile)."""
    camera_id, name, latitude, longitude, district, zone = site
    return CameraSettings.model_validate(
        {
            "id": camera_id,
            "name": name,
            "url": str(clip.resolve()),
            "latitude": latitude,
            "longitude": longitude,
            "district": district,
            "zone": zone,
            "loop": True,
            "detect_fps": 5,
            **settings,
        }
    )


def sample_cameras(data_dir: Path) -> list[CameraSettings]:
    clips = sample_clips(data_dir, len(SAMPLE_SITES))
    return [
        looping_camera(site, clip, scene=SAMPLE_SCENE) for site, clip in zip(SAMPLE_SITES, clips, strict=True)
    ]


def numbered_sample_cameras(data_dir: Path, count: int) -> list[CameraSettings]:
    """`count` looping cameras spread around the sample sites (a few hundred metres apart), one clip each
    where clips are rendered, the CCTV sample for all where it is installed."""
    clips = sample_clips(data_dir, min(count, len(SAMPLE_SITES)))
    cameras = []
    for index in range(count):
        _, name, latitude, longitude, district, zone = SAMPLE_SITES[index % len(SAMPLE_SITES)]
        ring = index // len(SAMPLE_SITES)
        shift = 0.003 * ring
        number = f"sample-{index + 1:04d}"
        site = (number, f"{name} {ring + 1}", latitude + shift, longitude + shift, district, zone)
        cameras.append(looping_camera(site, clips[index % len(clips)], scene=SAMPLE_SCENE))
    return cameras


def to_h264(source: Path, target: Path, fps: int = 10) -> None:
    """Re-encode a video as H.264 MP4 (no B-frames, a keyframe every second), written atomically."""
    partial = target.with_suffix(".partial.mp4")
    with av.open(str(source)) as reader, av.open(str(partial), mode="w") as writer:
        stream = writer.add_stream("libx264", rate=fps)
        stream.time_base = Fraction(1, fps)
        stream.pix_fmt = "yuv420p"
        stream.options = {"preset": "veryfast", "g": str(fps), "bf": "0"}
        for index, frame in enumerate(reader.decode(video=0)):
            if index == 0:
                stream.width, stream.height = frame.width, frame.height
            picture = av.VideoFrame.from_ndarray(frame.to_ndarray(format="yuv420p"), format="yuv420p")
            picture.pts = index
            writer.mux(stream.encode(picture))
        writer.mux(stream.encode())
    partial.replace(target)


def _street(seed: int) -> SyntheticScene:
    duration = 20.0
    objects = [
        MovingObject("car", (70, 34), (-40, 250), (680, 240), 0.0, 6.0),
        MovingObject("person", (16, 40), (100 + 40 * seed, 80), (140 + 40 * seed, 330), 2.0, 14.0),
        MovingObject("motorcycle", (40, 24), (700, 280), (-40, 290), 8.0, 13.0),
        MovingObject("bus", (140, 60), (-80, 200), (720, 210), 12.0, 20.0),
    ]
    return SyntheticScene(fps=10.0, duration=duration, objects=objects, seed=seed)
