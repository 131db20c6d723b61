"""Person re-identification: appearance vectors of whole-body person crops, to follow people across cameras.

- `PersonReidEmbedder(model_path)`: one crop -> a unit vector (OMZ person-reidentification-retail-0248);
- `TrackCrops`: a person track's best few crops (large, whole, not cut by the frame edge);
- `track_appearance(vectors)`: the track's single appearance vector (the normalised mean);
- `find_reid_model(models_dir)`: the registry's installed re-id model, or None (re-id is then off);
- `person_crop(image, detections)`: the person of a query image, or `NoPersonError` with the reason.
Knows nothing of cameras, time or the database.
"""

from safecity.vision.reid.appearance import appearance_similarity
from safecity.vision.reid.appearance import track_appearance
from safecity.vision.reid.crops import CropCandidate
from safecity.vision.reid.crops import TrackCrops
from safecity.vision.reid.crops import crop_score
from safecity.vision.reid.embedder import REID_KIND
from safecity.vision.reid.embedder import PersonReidEmbedder
from safecity.vision.reid.embedder import ReidModelError
from safecity.vision.reid.installed import find_reid_model
from safecity.vision.reid.probe import NoPersonError
from safecity.vision.reid.probe import person_crop

__all__ = [
    "REID_KIND",
    "CropCandidate",
    "NoPersonError",
    "PersonReidEmbedder",
    "ReidModelError",
    "TrackCrops",
    "appearance_similarity",
    "crop_score",
    "find_reid_model",
    "person_crop",
    "track_appearance",
]
