"""Face vector indexes: exact (numpy) and approximate (hnswlib); both refuse vectors of another model."""

from safecity.vision.faces.index.base import FaceIndex, SearchHit
from safecity.vision.faces.index.exact import ExactIndex
from safecity.vision.faces.index.hnsw import HnswIndex

__all__ = ["ExactIndex", "FaceIndex", "HnswIndex", "SearchHit"]
