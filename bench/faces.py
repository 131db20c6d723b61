"""Face pipeline and 1:N search speed, printed as JSON.

    python bench/faces.py [--n 1000000] [--queries 300] [--ef-search 1000,2000,4000] [--m 32]
                           [--shared ../shared] [--skip-pipeline] [--skip-search]

Pipeline: ms per image for detection and ms per face for landmarks + quality + embedding, on one core,
against the bare dlib calls on the same images (ratio = ours / bare).
Search: `--n` synthetic face-like 128-D vectors (one per enrolled subject, spread like dlib descriptors of
different people); probes are other "photos" of enrolled subjects (noise at a typical same-person
distance) and of strangers. For each ef_search: HNSW p50/p95 latency per probe and recall@1 against
exact search; the exact numpy search latency is the baseline.
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

from safecity.vision.faces import (
    DLIB_RESNET,
    ExactIndex,
    HnswIndex,
    YuNetDetector,
    create_detector,
    dlib_models,
)
from safecity.vision.faces.face_crop import FaceCrop
from safecity.vision.faces.image_input import load_image
from safecity.vision.faces.quality import QualityThresholds, assess_quality

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


def synthetic_gallery(n: int, rng: np.random.Generator) -> np.ndarray:
    scale = BETWEEN_PEOPLE / np.sqrt(2 * DLIB_RESNET.dim)
    return rng.normal(0.0, scale, size=(n, DLIB_RESNET.dim)).astype(np.float32)


def bench_search(n: int, queries: int, ef_values: list[int], threads: int, m: int) -> dict[str, Any]:
    rng = np.random.default_rng(7)
    gallery = synthetic_gallery(n, rng)
    subjects = [str(i) for i in range(n)]
    noise = SAME_PERSON / np.sqrt(2 * DLIB_RESNET.dim)
    mated_ids = rng.integers(0, n, size=queries)
    mated = gallery[mated_ids] + rng.normal(0.0, noise, size=(queries, DLIB_RESNET.dim)).astype(np.float32)
    strangers = synthetic_gallery(queries, rng)
    probes = np.concatenate([mated, strangers])

    exact = ExactIndex(DLIB_RESNET)
    exact.add_vectors(subjects, gallery)
    exact_top1, exact_latency = [], []
    for probe in probes:
        tick = time.perf_counter()
        exact_top1.append(exact.search_vectors(probe[None, :], k=1)[0][0].subject)
        exact_latency.append(time.perf_counter() - tick)
    exact_p95 = float(np.percentile(exact_latency, 95))

    start = time.perf_counter()
    hnsw = HnswIndex(DLIB_RESNET, capacity=n, m=m, ef_construction=200, threads=threads)
    hnsw.add_vectors(subjects, gallery)
    build_seconds = time.perf_counter() - start
    hnsw.threads = 1
    sweep = []
    for ef in ef_values:
        hnsw.ef_search = ef
        approx_top1, approx_latency = [], []
        for probe in probes:
            tick = time.perf_counter()
            approx_top1.append(hnsw.search_vectors(probe[None, :], k=1)[0][0].subject)
            approx_latency.append(time.perf_counter() - tick)
        agree = np.array([a == b for a, b in zip(exact_top1, approx_top1, strict=True)])
        sweep.append(
            {
                "ef_search": ef,
                "latency_ms": _ms(approx_latency),
                "latency_ratio_p95_vs_exact": round(float(np.percentile(approx_latency, 95)) / exact_p95, 4),
                "recall_at_1_vs_exact": round(float(agree.mean()), 4),
                "recall_at_1_mated": round(float(agree[:queries].mean()), 4),
                "recall_at_1_strangers": round(float(agree[queries:].mean()), 4),
            }
        )
    return {
        "n": n,
        "distribution": "isotropic Gaussian 128-D (worst case for graph search), dlib-like distances",
        "probes": {"mated": queries, "strangers": queries},
        "hnsw_build": {
            "m": m,
            "ef_construction": 200,
            "threads": threads,
            "seconds": round(build_seconds, 1),
        },
        "exact_latency_ms": _ms(exact_latency),
        "mated_probe_found_its_subject_exact": round(
            float(np.mean([int(s) == i for s, i in zip(exact_top1[:queries], mated_ids, strict=True)])), 4
        ),
        "hnsw_by_ef_search": sweep,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=1_000_000, help="gallery size for the search benchmark")
    parser.add_argument("--queries", type=int, default=500, help="mated probes (as many stranger probes too)")
    parser.add_argument("--ef-search", default="1000,2000,4000", help="comma-separated ef values to sweep")
    parser.add_argument("--m", type=int, default=32)
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
        report["search"] = bench_search(
            args.n, args.queries, [int(v) for v in args.ef_search.split(",")], args.build_threads, args.m
        )
    json.dump(report, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
