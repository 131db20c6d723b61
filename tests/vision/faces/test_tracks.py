import numpy as np

from safecity.vision.boxes import Box
from safecity.vision.faces import FaceResult
from safecity.vision.faces import QualityReport
from safecity.vision.faces import TrackFace
from safecity.vision.faces import best_faces_per_track
from safecity.vision.faces.landmarks import FaceLandmarks


def seen(track: str, frame: int, score: float, passed: bool = True) -> TrackFace:
    quality = QualityReport(
        face_px=80,
        sharpness=100,
        yaw_deg=0,
        roll_deg=0,
        detector_score=1,
        visible_fraction=1,
        passed=passed,
        score=score,
        reasons=[] if passed else ["face too blurred"],
    )
    landmarks = FaceLandmarks(np.zeros((5, 2), dtype=np.float32))
    return TrackFace(track, frame, FaceResult(Box(0, 0, 80, 80), quality, None, "test", landmarks))


def test_best_faces_come_first_and_rejected_faces_never_count() -> None:
    faces = [seen("t1", 1, 0.2), seen("t1", 2, 0.9), seen("t1", 3, 0.99, passed=False), seen("t1", 4, 0.5)]
    best = best_faces_per_track(faces, per_track=2)
    assert [f.frame_index for f in best["t1"]] == [2, 4]


def test_tracks_are_ranked_separately_and_tracks_without_usable_faces_are_absent() -> None:
    faces = [seen("a", 1, 0.3), seen("b", 1, 0.8), seen("a", 2, 0.4), seen("c", 5, 0.9, passed=False)]
    best = best_faces_per_track(faces, per_track=1)
    assert {track: [f.frame_index for f in picks] for track, picks in best.items()} == {"a": [2], "b": [1]}


def test_frame_gap_spreads_the_picks_over_the_track() -> None:
    faces = [seen("t", frame, score) for frame, score in [(10, 0.9), (11, 0.89), (12, 0.88), (40, 0.5)]]
    picks = best_faces_per_track(faces, per_track=2, min_frame_gap=10)["t"]
    assert [f.frame_index for f in picks] == [10, 40]


def test_ties_go_to_the_earlier_frame() -> None:
    picks = best_faces_per_track([seen("t", 9, 0.5), seen("t", 3, 0.5)], per_track=1)["t"]
    assert picks[0].frame_index == 3
