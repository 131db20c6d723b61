"""`safecity faces ...`: face verification, enrolment and identification from the command line."""

from __future__ import annotations

import json
from collections.abc import Callable
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Annotated
from typing import Any

import typer

from safecity.commands import common
from safecity.faces.vocabulary import SubjectCategory
from safecity.vision.faces.vocabulary import DETECTOR_NAMES
from safecity.vision.faces.vocabulary import SearchMode

if TYPE_CHECKING:  # dlib, OpenCV, SQLAlchemy and the watchlist are imported only when a command runs
    from safecity.faces.watchlist.runtime import FaceWatchlist
    from safecity.vision.faces import FacePipeline

app = typer.Typer(help="Detect, verify, enrol and identify faces.", no_args_is_help=True)

DetectorOption = Annotated[
    str, typer.Option("--detector", help=f"Face detector: {', '.join(DETECTOR_NAMES)}.")
]
DetectorModelOption = Annotated[
    Path | None, typer.Option("--detector-model", help="Model file for the yunet detector.")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON object instead of text.")]


def _pipeline(detector: str, detector_model: Path | None) -> FacePipeline:
    from safecity.vision.faces import FaceError
    from safecity.vision.faces import FacePipeline
    from safecity.vision.faces import create_detector

    try:
        return FacePipeline(create_detector(detector, model_path=detector_model))
    except (ValueError, FaceError) as error:
        raise typer.BadParameter(str(error), param_hint="--detector") from error


@app.command("verify")
def verify_command(
    image_a: Annotated[Path | None, typer.Argument(help="First image.")] = None,
    image_b: Annotated[Path | None, typer.Argument(help="Second image.")] = None,
    pairs: Annotated[
        Path | None,
        typer.Option(
            "--pairs",
            help="CSV with columns file_x,file_y (relative paths from the CSV's folder): verify every row, "
            "one JSON line per pair, models loaded once.",
        ),
    ] = None,
    as_json: JsonOption = False,
    threshold: Annotated[
        float | None, typer.Option(help="Distance at or below which the faces match (default: the model's).")
    ] = None,
    detector: DetectorOption = "hog+cnn",
    detector_model: DetectorModelOption = None,
) -> None:
    """Say whether two images (or every pair of a --pairs CSV) show the same person. Exit code 1 when no
    decision could be made (for any pair)."""
    if pairs is not None:
        if image_a is not None or image_b is not None:
            raise typer.BadParameter("give either two images or --pairs, not both", param_hint="--pairs")
        _verify_pairs(pairs, threshold, _pipeline(detector, detector_model))
        return
    if image_a is None or image_b is None:
        raise typer.BadParameter("give two images, or --pairs FILE.csv", param_hint="IMAGE_A IMAGE_B")
    from safecity.vision.faces import verify

    result = verify(
        image_a,
        image_b,
        threshold=threshold,
        pipeline=_pipeline(detector, detector_model),
        labels=(str(image_a), str(image_b)),
    )
    if as_json:
        typer.echo(json.dumps(result.to_dict()))
    elif result.error is not None:
        typer.echo(f"error: {result.error}", err=True)
    else:
        verdict = "same person" if result.same else "different people"
        typer.echo(f"{verdict}: distance {result.distance:.3f} (threshold {result.threshold})")
        for note in result.notes:
            typer.echo(f"note: {note}")
    if result.error is not None:
        raise typer.Exit(code=1)


def _verify_pairs(csv_path: Path, threshold: float | None, pipeline: FacePipeline) -> None:
    """One JSON line per row of `csv_path`: the row's files and the same fields as a single verification."""
    from safecity.vision.faces import verify_pairs

    rows = _read_pairs(csv_path)
    undecided = 0
    results = verify_pairs(rows, threshold=threshold, pipeline=pipeline)
    for (file_x, file_y), result in zip(rows, results, strict=True):
        undecided += result.error is not None
        typer.echo(json.dumps({"file_x": str(file_x), "file_y": str(file_y), **result.to_dict()}))
    if undecided:
        raise typer.Exit(code=common.ExitCode.PROBLEM)


def _read_pairs(csv_path: Path) -> list[tuple[Path, Path]]:
    """The (file_x, file_y) rows of a pairs CSV, relative paths resolved from the CSV's folder; exit 2 naming
    the problem when the file or a row is unusable."""
    import csv

    try:
        with csv_path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            missing = {"file_x", "file_y"} - set(reader.fieldnames or [])
            if missing:
                common.fail(
                    f"{csv_path}: needs the columns file_x,file_y (missing: {', '.join(sorted(missing))})",
                    common.ExitCode.USAGE,
                )
            rows = []
            for line, row in enumerate(reader, start=2):
                names = (row["file_x"] or "").strip(), (row["file_y"] or "").strip()
                if not all(names):
                    common.fail(
                        f"{csv_path}, line {line}: file_x and file_y must both be given",
                        common.ExitCode.USAGE,
                    )
                rows.append((csv_path.parent / names[0], csv_path.parent / names[1]))
    except OSError as error:
        common.fail(f"cannot read {csv_path}: {error.strerror or error}", common.ExitCode.USAGE)
    except (UnicodeDecodeError, csv.Error) as error:
        common.fail(f"{csv_path} is not a UTF-8 CSV file: {error}", common.ExitCode.USAGE)
    return rows


@app.command("analyse")
def analyse_command(
    images: Annotated[list[Path], typer.Argument(help="Images to analyse; each is reported on its own.")],
    as_json: JsonOption = False,
    detector: DetectorOption = "hog+cnn",
    detector_model: DetectorModelOption = None,
) -> None:
    """Find the faces of each image with their boxes and quality (JSON: one object per line)."""
    from safecity.vision.faces import FaceError
    from safecity.vision.faces import analyse_image

    pipeline = _pipeline(detector, detector_model)
    for image in images:
        try:
            faces = [face.to_dict() for face in analyse_image(image, pipeline=pipeline)]
            report: dict[str, object] = {"image": str(image), "faces": faces, "error": None}
        except FaceError as error:
            report = {"image": str(image), "faces": [], "error": str(error)}
        if as_json:
            typer.echo(json.dumps(report))
        else:
            _print_faces(report, _quality)


def _print_faces(report: dict[str, object], describe_face: Callable[[dict[str, Any]], str]) -> None:
    """One image's report as text: its error, or a line per face (its box, then `describe_face`)."""
    if report["error"] is not None:
        typer.echo(f"{report['image']}: error: {report['error']}")
        return
    faces = report["faces"]
    assert isinstance(faces, list)
    typer.echo(f"{report['image']}: {len(faces)} face(s)")
    for face in faces:
        typer.echo(f"  box {face['box']}{describe_face(face)}")


def _quality(face: dict[str, Any]) -> str:
    quality = face["quality"]
    status = "usable" if quality["passed"] else "skipped: " + "; ".join(quality["reasons"])
    return f" quality {quality['score']:.2f} {status}"


def _candidates(face: dict[str, Any]) -> str:
    found = ", ".join(f"{c['subject']} ({c['name']}) {c['score']:.2f}" for c in face["candidates"])
    return f": {found or 'none'}"


# ------------------------------------------------------------------------------------ watchlist commands
@contextmanager
def _watchlist(config: Path | None) -> Iterator[FaceWatchlist]:
    """The watchlist on the configured database (migrated first, disposed of after the block) and media
    store, exact search index."""
    from safecity.core.media import MediaStore
    from safecity.faces.watchlist.gallery import Gallery
    from safecity.faces.watchlist.runtime import FaceWatchlist

    settings = common.load_settings_or_fail(config)
    with common.opened_database(settings) as database:
        yield FaceWatchlist(database, MediaStore(settings.media_dir), gallery=Gallery(kind="exact"))


@app.command("enroll")
def enroll_command(
    images: Annotated[list[Path], typer.Argument(help="Photos of the subject (one face each).")],
    subject: Annotated[str, typer.Option("--subject", help="Subject id; created when it does not exist.")],
    name: Annotated[str | None, typer.Option(help="Name (to create the subject).")] = None,
    category: Annotated[
        SubjectCategory | None, typer.Option(help="Category (to create the subject).")
    ] = None,
    reason: Annotated[str | None, typer.Option(help="Why the subject is watched (to create it).")] = None,
    authority: Annotated[
        str | None, typer.Option("--authority", help="Legal authority, e.g. a warrant number (to create it).")
    ] = None,
    case_ref: Annotated[str, typer.Option("--case-ref", help="Case reference (to create it).")] = "",
    expires: Annotated[str | None, typer.Option(help="Expiry date or date-time (to create it).")] = None,
    config: common.ConfigOption = None,
) -> None:
    """Enrol photos of a subject (JSON line per image). Exit 1 when an image was refused (the reason is
    given), 2 when a new subject lacks --name/--category/--reason/--authority."""
    from pydantic import ValidationError

    from safecity.core.validation_messages import field_path
    from safecity.faces.watchlist import service as watchlist_service
    from safecity.faces.watchlist.schemas import SubjectIn
    from safecity.vision.faces import FaceError

    actor = common.cli_actor()
    with _watchlist(config) as watchlist:
        try:
            with watchlist.database.session() as session:
                watchlist_service.get_subject(session, subject)
        except watchlist_service.SubjectNotFoundError:
            try:
                data = SubjectIn.model_validate(
                    {
                        "id": subject,
                        "name": name,
                        "category": category,
                        "reason": reason,
                        "legal_authority": authority,
                        "case_ref": case_ref,
                        "expires_at": expires,
                    }
                )
            except ValidationError as exc:
                missing = ", ".join(field_path(e["loc"]) for e in exc.errors())
                common.fail(
                    f"subject {subject!r} does not exist; to create it give valid: {missing}",
                    common.ExitCode.USAGE,
                )
            watchlist.create_subject(data, actor)
            typer.echo(json.dumps({"subject": subject, "created": True}))
        refused = 0
        for image in images:
            try:
                enrolled, notes = watchlist.enrol(
                    subject, image.read_bytes(), actor, label=str(image), suffix=image.suffix.lower()
                )
                report: dict[str, object] = {
                    "image": str(image),
                    "image_id": enrolled.id,
                    "sha256": enrolled.sha256,
                    "notes": notes,
                    "error": None,
                }
            except (FaceError, OSError) as error:
                refused += 1
                report = {
                    "image": str(image),
                    "image_id": None,
                    "sha256": None,
                    "notes": [],
                    "error": str(error),
                }
            typer.echo(json.dumps(report))
    if refused:
        raise typer.Exit(common.ExitCode.PROBLEM)


@app.command("identify")
def identify_command(
    images: Annotated[list[Path], typer.Argument(help="Images to search against the face watchlist.")],
    as_json: JsonOption = False,
    mode: Annotated[
        SearchMode, typer.Option(help="identification (threshold) or investigation (ranked).")
    ] = (SearchMode.IDENTIFICATION),
    k: Annotated[int, typer.Option(min=1, max=100, help="At most this many candidates per face.")] = 5,
    purpose: Annotated[
        str, typer.Option(help="Why the search is made (written to the audit log).")
    ] = "command-line identification",
    case_ref: Annotated[str, typer.Option("--case-ref", help="Case reference (audited).")] = "",
    config: common.ConfigOption = None,
) -> None:
    """Search each image's faces against the watchlist: one JSON line per image with --json. Each search is
    audited with its purpose."""
    from safecity.vision.faces import FaceError

    with _watchlist(config) as watchlist:
        watchlist.start()
        for image in images:
            try:
                found = watchlist.identify(image.read_bytes(), mode=mode, k=k)
                faces = [face.to_dict() for face in found]
                report: dict[str, object] = {"image": str(image), "faces": faces, "error": None}
            except (FaceError, OSError) as error:
                report = {"image": str(image), "faces": [], "error": str(error)}
            with watchlist.database.session() as session:
                common.audit_as_cli(
                    session,
                    "face.search",
                    "personal_data",
                    "cli:faces identify",
                    {"image": str(image), "mode": mode.value, "k": k},
                    purpose=purpose,
                    case_ref=case_ref,
                )
            if as_json:
                typer.echo(json.dumps(report))
            else:
                _print_faces(report, _candidates)


@app.command("subjects")
def subjects_command(as_json: JsonOption = False, config: common.ConfigOption = None) -> None:
    """List the face watchlist's subjects with their image and vector counts."""
    from safecity.faces.watchlist import service as watchlist_service

    with _watchlist(config) as watchlist, watchlist.database.session() as session:
        counts = watchlist_service.vector_counts(session)
        rows = [
            {
                "id": s.id,
                "name": s.name,
                "category": s.category,
                "case_ref": s.case_ref,
                "images": len(s.images),
                "vectors": counts.get(s.id, 0),
                "expires_at": s.expires_at.isoformat() if s.expires_at else None,
                "expired": watchlist_service.is_expired(s),
            }
            for s in watchlist_service.list_subjects(session)
        ]
    for row in rows:
        if as_json:
            typer.echo(json.dumps(row))
        else:
            typer.echo(f"{row['id']}  {row['name']}  [{row['category']}]  {row['images']} image(s)")
