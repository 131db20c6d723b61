"""Face pipeline and 1:N search speed, printed as JSON.

    python bench/faces.py [--n 1000000] [--queries 500] [--index scan,hnsw] [--rerank 4]
                          [--ef-search 1000,2000,4000] [--m 32] [--shared ../shared] [--skip-pipeline]
                          [--skip-search]

Pipeline: ms per image for detection and ms per face for landmarks + quality + embedding, on one core,
against the bare dlib calls on the same images (ratio = ours / bare).
Search: `--n` synthetic face-like 128-D vectors (clustered by default: several photos per person, spread
like dlib descriptors); probes are other "photos" of enrolled people (mated) and of strangers. `scan` is
the product's index (`ScanIndex`: FAISS fp16 full scan + exact re-rank of `--rerank` x k candidates): build
time, memory, wall and CPU p50/p95 per probe on one thread, recall@1 against exact search. `hnsw` sweeps
ef_search over graphs built with each `--m` / `--ef-construction`. The exact numpy search latency is the
baseline. On a loaded machine the wall p95 mostly measures waiting for a core; the CPU p95 does not.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")

import cv2
import numpy as np

from safecity.vision.faces import DLIB_RESNET
from safecity.vision.faces import ExactIndex
from safecity.vision.faces import HnswIndex
from safecity.vision.faces import ScanIndex
from safecity.vision.faces import YuNetDetector
from safecity.vision.faces import create_detector
from safecity.vision.faces import dlib_models
from safecity.vision.faces.face_crop import FaceCrop
from safecity.vision.faces.image_input import load_image
from safecity.vision.faces.quality import QualityThresholds
from safecity.vision.faces.quality import assess_quality

# dlib descriptors of different people sit about 0.9 apart, photos of one person about 0.4 apart.
BETWEEN_PEOPLE = 0.9
SAME_PERSON = 0.4


def _ms(samples: list[float]) -> dict[str, float]:
    values = np.array(samples) * 1000.0
    return {
        "mean": round(float(values.mean()), 2),
        "p50": round(float(np.percentile(values, 50)), 2),
        "p95": round(float(np.percentile(values, 95)), 2),
    }


def bench_pipeline(shared: Path, repeats: int) -> dict[str, Any]:
    cv2.setNumThreads(1)
    photos = sorted(p for p in (shared / "data" / "faces").glob("*/*") if p.parent.name != "_group")
    images = [load_image(p) for p in photos]
    hog, yunet = create_detector("hog"), None
    yunet_path = shared / "models" / "face_detection_yunet_2023mar.onnx"
    if yunet_path.is_file():
        yunet = YuNetDetector(yunet_path)
    embedder = create_embedder()
    thresholds = QualityThresholds()
    timings: dict[str, list[float]] = {"hog": [], "yunet": [], "bare_hog": [], "face": [], "bare_embed": []}
    for _ in range(repeats):
        for image in images:
            start = time.perf_counter()
            detections = hog.detect(image)
            timings["hog"].append(time.perf_counter() - start)
            if yunet is not None:
                start = time.perf_counter()
                yunet.detect(image)
                timings["yunet"].append(time.perf_counter() - start)
            # Bare baseline: dlib HOG on the full image converted to RGB, upsample 1, no downscaling.
            rgb = cv2.cvtColor(image, cv2.COLOR_BGR2RGB)
            start = time.perf_counter()
            rects = dlib_models.hog_detector()(rgb, 1)
            timings["bare_hog"].append(time.perf_counter() - start)
            for detection in detections[:1]:
                start = time.perf_counter()
                crop = FaceCrop(image, detection)
                assess_quality(crop, detection, (image.shape[1], image.shape[0]), thresholds)
                embedder.embed(crop)
                timings["face"].append(time.perf_counter() - start)
            for rect in list(rects)[:1]:
                start = time.perf_counter()
                shape = dlib_models.five_point_predictor()(rgb, rect)
                dlib_models.resnet_embedder().compute_face_descriptor(rgb, shape)
                timings["bare_embed"].append(time.perf_counter() - start)
    result: dict[str, Any] = {
        "images": len(images),
        "repeats": repeats,
        "detect_hog_ms_per_image": _ms(timings["hog"]),
        "bare_dlib_hog_full_size_ms_per_image": _ms(timings["bare_hog"]),
        "detect_ratio_ours_vs_bare": round(np.mean(timings["hog"]) / np.mean(timings["bare_hog"]), 3),
        "landmarks_quality_embed_ms_per_face": _ms(timings["face"]),
        "bare_dlib_landmarks_embed_ms_per_face": _ms(timings["bare_embed"]),
        "embed_ratio_ours_vs_bare": round(np.mean(timings["face"]) / np.mean(timings["bare_embed"]), 3),
    }
    if timings["yunet"]:
        result["detect_yunet_ms_per_image"] = _ms(timings["yunet"])
    return result


def create_embedder() -> Any:
    from safecity.vision.faces import DlibResnetEmbedder

    return DlibResnetEmbedder()


def synthetic_gallery(n: int, rng: np.random.Generator, *, spacing: float = BETWEEN_PEOPLE) -> np.ndarray:
    """`n` isotropic Gaussian 128-D vectors whose pairwise distances are about `spacing`."""
    scale = spacing / np.sqrt(2 * DLIB_RESNET.dim)
    return rng.normal(0.0, scale, size=(n, DLIB_RESNET.dim)).astype(np.float32)


def photos_of(centres: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """One more "photo" of each identity centre: two photos of one person end up SAME_PERSON apart."""
    spread = SAME_PERSON / np.sqrt(2 * 2 * DLIB_RESNET.dim)
    return centres + rng.normal(0.0, spread, size=centres.shape).astype(np.float32)


class SyntheticFaces:
    """A gallery, its keys and mated + stranger probes.

    isotropic: one vector per subject (the worst case for graph search). clustered: `per_identity` photos of
    each person scattered around the person's centre, as in a real gallery of enrolled and sighted faces
    (photos of one person ~SAME_PERSON apart, of different people ~BETWEEN_PEOPLE apart). Keys are
    "<identity>/<photo>", so a hit can be judged per photo and per identity.
    """

    def __init__(self, n: int, queries: int, distribution: str, per_identity: int, seed: int = 7) -> None:
        rng = np.random.default_rng(seed)
        per_identity = 1 if distribution == "isotropic" else per_identity
        # Each photo adds SAME_PERSON / sqrt(2) of spread, so centres sit closer than BETWEEN_PEOPLE.
        centre_spacing = float(np.sqrt(BETWEEN_PEOPLE**2 - SAME_PERSON**2))
        centres = synthetic_gallery(-(-n // per_identity), rng, spacing=centre_spacing)
        self.vectors = photos_of(np.repeat(centres, per_identity, axis=0)[:n], rng)
        self.distribution = distribution
        self.per_identity = per_identity
        self.keys = [f"{i // per_identity}/{i % per_identity}" for i in range(n)]
        self.mated_identities = rng.integers(0, len(centres), size=queries)
        mated = photos_of(centres[self.mated_identities], rng)
        strangers = photos_of(synthetic_gallery(queries, rng, spacing=centre_spacing), rng)
        self.probes = np.concatenate([mated, strangers]).astype(np.float32)
        self.queries = queries
        self._exact: tuple[list[str], list[float]] | None = None

    def exact_top1(self) -> tuple[list[str], list[float]]:
        """Exact search's nearest key and latency for every probe (computed once)."""
        if self._exact is None:
            exact = ExactIndex(DLIB_RESNET)
            exact.add_vectors(self.keys, self.vectors)
            self._exact = _top1(exact, self.probes)
        return self._exact


def _top1(index: Any, probes: np.ndarray, cpu: list[float] | None = None) -> tuple[list[str], list[float]]:
    """Nearest key and wall latency per probe; with `cpu`, this thread's CPU time per probe is appended."""
    keys, latency = [], []
    for probe in probes:
        tick, tick_cpu = time.perf_counter(), time.thread_time()
        keys.append(index.search_vectors(probe[None, :], k=1)[0][0].subject)
        latency.append(time.perf_counter() - tick)
        if cpu is not None:
            cpu.append(time.thread_time() - tick_cpu)
    return keys, latency


def _agreement(faces: SyntheticFaces, found: list[str]) -> dict[str, float]:
    exact_top1, _ = faces.exact_top1()
    queries = faces.queries
    same_photo = np.array([a == b for a, b in zip(exact_top1, found, strict=True)])
    same_person = np.array([_identity(a) == _identity(b) for a, b in zip(exact_top1, found, strict=True)])
    return {
        "recall_at_1_vs_exact": round(float(same_photo.mean()), 4),
        "recall_at_1_mated": round(float(same_photo[:queries].mean()), 4),
        "recall_at_1_strangers": round(float(same_photo[queries:].mean()), 4),
        "same_identity_as_exact": round(float(same_person.mean()), 4),
    }


def bench_scan(faces: SyntheticFaces, rerank: int) -> dict[str, Any]:
    """The product's index (`ScanIndex`: FAISS fp16 full scan + exact re-rank), one thread per search."""
    _, exact_latency = faces.exact_top1()
    start = time.perf_counter()
    scan = ScanIndex(DLIB_RESNET, rerank=rerank, threads=1)
    scan.add_vectors(faces.keys, faces.vectors)
    build_seconds = time.perf_counter() - start
    cpu: list[float] = []
    found, latency = _top1(scan, faces.probes, cpu)
    return {
        "index": "scan (faiss fp16 + exact re-rank)",
        "n": len(faces.keys),
        "distribution": faces.distribution,
        "photos_per_identity": faces.per_identity,
        "rerank": rerank,
        "build_seconds": round(build_seconds, 1),
        "index_megabytes": round(len(faces.keys) * DLIB_RESNET.dim * (4 + 2) / 2**20),
        "latency_ms": _ms(latency),
        "cpu_ms": _ms(cpu),
        "exact_numpy_latency_ms": _ms(exact_latency),
        **_agreement(faces, found),
        "load_average": [round(value, 2) for value in os.getloadavg()],
    }


def _identity(key: str) -> str:
    return key.split("/", 1)[0]


def _hnsw(
    faces: SyntheticFaces, m: int, ef_construction: int, threads: int, cache: Path | None
) -> tuple[HnswIndex, dict[str, Any]]:
    """The HNSW index over the gallery: loaded from `cache` when built before with the same parameters."""
    n = len(faces.keys)
    name = f"{faces.distribution}-{faces.per_identity}-{n}-m{m}-efc{ef_construction}.hnsw"
    path = cache / name if cache is not None else None
    if path is not None and path.is_file():
        return HnswIndex.load(path, expected_model=DLIB_RESNET), {"loaded_from": str(path)}
    start = time.perf_counter()
    hnsw = HnswIndex(DLIB_RESNET, capacity=n, m=m, ef_construction=ef_construction, threads=threads)
    hnsw.add_vectors(faces.keys, faces.vectors)
    build = {"threads": threads, "seconds": round(time.perf_counter() - start, 1)}
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        hnsw.save(path)
    return hnsw, build


def bench_search(
    faces: SyntheticFaces,
    ef_values: list[int],
    threads: int,
    m: int,
    ef_construction: int,
    cache: Path | None,
) -> dict[str, Any]:
    queries = faces.queries
    exact_top1, exact_latency = faces.exact_top1()
    exact_p95 = float(np.percentile(exact_latency, 95))

    hnsw, build = _hnsw(faces, m, ef_construction, threads, cache)
    hnsw.threads = 1
    sweep = []
    for ef in ef_values:
        hnsw.ef_search = ef
        approx_top1, approx_latency = _top1(hnsw, faces.probes)
        same_photo = np.array([a == b for a, b in zip(exact_top1, approx_top1, strict=True)])
        same_person = np.array(
            [_identity(a) == _identity(b) for a, b in zip(exact_top1, approx_top1, strict=True)]
        )
        sweep.append(
            {
                "ef_search": ef,
                "latency_ms": _ms(approx_latency),
                "latency_ratio_p95_vs_exact": round(float(np.percentile(approx_latency, 95)) / exact_p95, 4),
                "recall_at_1_vs_exact": round(float(same_photo.mean()), 4),
                "recall_at_1_mated": round(float(same_photo[:queries].mean()), 4),
                "recall_at_1_strangers": round(float(same_photo[queries:].mean()), 4),
                "same_identity_as_exact": round(float(same_person.mean()), 4),
            }
        )
    found_own = [
        _identity(key) == str(identity)
        for key, identity in zip(exact_top1[:queries], faces.mated_identities, strict=True)
    ]
    return {
        "n": len(faces.keys),
        "distribution": faces.distribution,
        "photos_per_identity": faces.per_identity,
        "probes": {"mated": queries, "strangers": queries},
        "hnsw_build": {"m": m, "ef_construction": ef_construction, **build},
        "exact_latency_ms": _ms(exact_latency),
        "mated_probe_found_its_identity_exact": round(float(np.mean(found_own)), 4),
        "hnsw_by_ef_search": sweep,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=1_000_000, help="gallery size for the search benchmark")
    parser.add_argument("--queries", type=int, default=500, help="mated probes (as many stranger probes too)")
    parser.add_argument("--ef-search", default="1000,2000,4000", help="comma-separated ef values to sweep")
    parser.add_argument("--index", default="scan", help="comma-separated: scan (the product's), hnsw")
    parser.add_argument("--rerank", type=int, default=4, help="scan: candidates re-ranked exactly, x k")
    parser.add_argument("--m", default="32", help="comma-separated HNSW M values to build")
    parser.add_argument("--ef-construction", default="200", help="comma-separated ef_construction values")
    parser.add_argument("--distribution", choices=["clustered", "isotropic"], default="clustered")
    parser.add_argument("--per-identity", type=int, default=5, help="photos per person (clustered)")
    parser.add_argument("--index-cache", type=Path, default=None, help="keep built graphs here for reuse")
    parser.add_argument("--build-threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=2, help="passes over the shared photos")
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    parser.add_argument("--skip-pipeline", action="store_true")
    parser.add_argument("--skip-search", action="store_true")
    args = parser.parse_args()
    report: dict[str, Any] = {"benchmark": "faces"}
    if not args.skip_pipeline:
        if (args.shared / "data" / "faces").is_dir():
            report["pipeline"] = bench_pipeline(args.shared, args.repeats)
        else:
            report["pipeline"] = {"skipped": f"no shared photos under {args.shared}"}
    if not args.skip_search:
        faces = SyntheticFaces(args.n, args.queries, args.distribution, args.per_identity)
        ef_values = [int(v) for v in args.ef_search.split(",")]
        kinds = args.index.split(",")
        report["search"] = [bench_scan(faces, args.rerank)] if "scan" in kinds else []
        if "hnsw" in kinds:
            report["search"] += [
                bench_search(faces, ef_values, args.build_threads, int(m), int(efc), args.index_cache)
                for m in args.m.split(",")
                for efc in args.ef_construction.split(",")
            ]
    json.dump(report, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
