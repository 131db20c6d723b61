"""Face vector indexes: exact (numpy), full scan over fp16 codes with exact re-rank (FAISS) and approximate
(hnswlib); all refuse vectors of another model."""

from safecity.vision.faces.index.base import FaceIndex
from safecity.vision.faces.index.base import SearchHit
from safecity.vision.faces.index.exact import ExactIndex
from safecity.vision.faces.index.hnsw import HnswIndex
from safecity.vision.faces.index.scan import ScanIndex

__all__ = ["ExactIndex", "FaceIndex", "HnswIndex", "ScanIndex", "SearchHit"]
