from pathlib import Path

import numpy as np
import pytest

from safecity.vision.faces import DLIB_RESNET
from safecity.vision.faces import Embedding
from safecity.vision.faces import EmbeddingModel
from safecity.vision.faces import ExactIndex
from safecity.vision.faces import FaceIndex
from safecity.vision.faces import HnswIndex
from safecity.vision.faces import ModelMismatchError
from safecity.vision.faces import ScanIndex

OTHER_MODEL = EmbeddingModel(
    id="onnx-sface-0123456789ab", dim=128, metric="cosine", threshold=0.6, score_scale=0.05
)


def random_embeddings(count: int, model: EmbeddingModel = DLIB_RESNET, seed: int = 0) -> list[Embedding]:
    rng = np.random.default_rng(seed)
    vectors = rng.normal(0, 0.1, size=(count, model.dim)).astype(np.float32)
    return [Embedding(v, model) for v in vectors]


def build(kind: str, model: EmbeddingModel = DLIB_RESNET) -> FaceIndex:
    if kind == "scan":
        return ScanIndex(model)
    return ExactIndex(model) if kind == "exact" else HnswIndex(model, capacity=8)


@pytest.fixture(params=["exact", "scan", "hnsw"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_nearest_entry_is_found_with_its_euclidean_distance(kind: str) -> None:
    index = build(kind)
    gallery = random_embeddings(50)
    index.add_many([f"s{i}" for i in range(50)], gallery)
    probe = Embedding(gallery[7].vector + 0.001, DLIB_RESNET)
    hits = index.search(probe, k=3)
    assert len(index) == 50
    assert hits[0].subject == "s7"
    assert hits[0].distance == pytest.approx(0.001 * np.sqrt(128), rel=1e-2)
    assert [h.distance for h in hits] == sorted(h.distance for h in hits)


def test_vectors_of_another_model_are_refused(kind: str) -> None:
    index = build(kind)
    index.add("dlib-face", random_embeddings(1)[0])
    foreign = random_embeddings(1, OTHER_MODEL)[0]
    with pytest.raises(ModelMismatchError, match="expected dlib-resnet-v1, got onnx-sface"):
        index.add("foreign", foreign)
    with pytest.raises(ModelMismatchError):
        index.search(foreign, k=1)
    assert len(index) == 1


def test_vector_of_the_wrong_size_is_refused() -> None:
    with pytest.raises(ModelMismatchError, match="128-D"):
        Embedding(np.zeros(64, dtype=np.float32), DLIB_RESNET)


def test_removed_subject_is_no_longer_returned(kind: str) -> None:
    index = build(kind)
    gallery = random_embeddings(20)
    index.add_many(["twice", "twice"] + [f"s{i}" for i in range(18)], gallery)
    assert index.remove("twice") == 2
    assert len(index) == 18
    assert all(hit.subject != "twice" for hit in index.search(gallery[0], k=18))
    index.add("new", gallery[0])
    assert index.search(gallery[0], k=1)[0].subject == "new"


def test_asking_for_more_than_the_gallery_returns_everything(kind: str) -> None:
    index = build(kind)
    assert index.search(random_embeddings(1)[0], k=5) == []
    index.add_many(["a", "b"], random_embeddings(2))
    assert {hit.subject for hit in index.search(random_embeddings(1, seed=3)[0], k=5)} == {"a", "b"}
    with pytest.raises(ValueError, match="k must be"):
        index.search(random_embeddings(1)[0], k=0)


def test_cosine_model_reports_one_minus_cosine_similarity(kind: str) -> None:
    index = build(kind, OTHER_MODEL)
    base = np.zeros(128, dtype=np.float32)
    base[0] = 1.0
    turned = np.zeros(128, dtype=np.float32)
    turned[0], turned[1] = 1.0, 1.0
    index.add_many(["x"], [Embedding(turned * 3.0, OTHER_MODEL)])
    hit = index.search(Embedding(base, OTHER_MODEL), k=1)[0]
    assert hit.distance == pytest.approx(1 - np.cos(np.pi / 4), abs=1e-5)


def test_hnsw_agrees_with_exact_search_on_clustered_faces() -> None:
    rng = np.random.default_rng(1)
    centres = rng.normal(0, 0.1, size=(2000, 128)).astype(np.float32)
    exact, approximate = ExactIndex(DLIB_RESNET), HnswIndex(DLIB_RESNET, capacity=16)
    subjects = [f"s{i}" for i in range(len(centres))]
    exact.add_vectors(subjects, centres)
    approximate.add_vectors(subjects, centres)
    queries = centres[:200] + rng.normal(0, 0.02, size=(200, 128)).astype(np.float32)
    expected = [hits[0].subject for hits in exact.search_vectors(queries, k=1)]
    found = [hits[0].subject for hits in approximate.search_vectors(queries, k=1)]
    assert np.mean([a == b for a, b in zip(expected, found, strict=True)]) >= 0.99


def test_scan_returns_exact_searchs_entries_and_distances_for_strangers() -> None:
    # Strangers: thousands of entries at about the same distance from each probe. The fp16 scan's own
    # distances carry fp16 rounding; after the exact re-rank the top 3 and their distances are exact search's.
    rng = np.random.default_rng(2)
    gallery = rng.normal(0, 0.08, size=(3000, 128)).astype(np.float32)
    exact, scan = ExactIndex(DLIB_RESNET), ScanIndex(DLIB_RESNET)
    subjects = [f"s{i}" for i in range(len(gallery))]
    exact.add_vectors(subjects, gallery)
    for start in range(0, len(gallery), 1000):  # added in parts, as enrolments arrive
        scan.add_vectors(subjects[start : start + 1000], gallery[start : start + 1000])
    strangers = rng.normal(0, 0.08, size=(100, 128)).astype(np.float32)
    for want, got in zip(
        exact.search_vectors(strangers, k=3), scan.search_vectors(strangers, k=3), strict=True
    ):
        assert [hit.subject for hit in got] == [hit.subject for hit in want]
        assert [hit.distance for hit in got] == pytest.approx([hit.distance for hit in want], rel=1e-5)


def test_scan_index_keeps_the_order_of_the_rest_after_a_removal() -> None:
    index = ScanIndex(DLIB_RESNET)
    gallery = random_embeddings(40)
    index.add_many([f"s{i % 4}" for i in range(40)], gallery)
    assert index.remove("s1") == 10
    assert index.remove("s1") == 0
    for position in (0, 2, 3, 39):
        hit = index.search(gallery[position], k=1)[0]
        assert (hit.subject, hit.distance) == (f"s{position % 4}", pytest.approx(0.0, abs=1e-3))


def test_scan_refuses_a_rerank_below_one() -> None:
    with pytest.raises(ValueError, match="rerank must be at least 1"):
        ScanIndex(DLIB_RESNET, rerank=0)


def test_hnsw_index_survives_save_and_load_and_keeps_its_model(tmp_path: Path) -> None:
    index = HnswIndex(DLIB_RESNET)
    gallery = random_embeddings(30)
    index.add_many([f"s{i}" for i in range(30)], gallery)
    index.remove("s3")
    index.save(tmp_path / "gallery.hnsw")
    loaded = HnswIndex.load(tmp_path / "gallery.hnsw", expected_model=DLIB_RESNET)
    assert len(loaded) == 29
    assert loaded.search(gallery[5], k=1)[0].subject == "s5"
    with pytest.raises(ModelMismatchError, match="holds dlib-resnet-v1"):
        HnswIndex.load(tmp_path / "gallery.hnsw", expected_model=OTHER_MODEL)
