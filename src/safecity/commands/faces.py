"""`safecity faces ...`: face verification, enrolment and identification from the command line."""

from __future__ import annotations

import getpass
import json
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from safecity.config import ConfigError, load_settings
from safecity.core.audit.service import AuditRecord, append
from safecity.core.db import Database
from safecity.core.media import MediaStore
from safecity.core.schema import upgrade
from safecity.vision.faces import FaceError, FacePipeline, SearchMode, analyse_image, create_detector, verify
from safecity.vision.faces.detectors import DETECTOR_NAMES
from safecity.watchlist.persons import service as watchlist_service
from safecity.watchlist.persons.gallery import Gallery
from safecity.watchlist.persons.models import SubjectCategory
from safecity.watchlist.persons.runtime import FaceWatchlist
from safecity.watchlist.persons.schemas import SubjectIn

app = typer.Typer(help="Detect, verify, enrol and identify faces.", no_args_is_help=True)

DetectorOption = Annotated[
    str, typer.Option("--detector", help=f"Face detector: {', '.join(DETECTOR_NAMES)}.")
]
DetectorModelOption = Annotated[
    Path | None, typer.Option("--detector-model", help="Model file for the yunet detector.")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON object instead of text.")]


def _pipeline(detector: str, detector_model: Path | None) -> FacePipeline:
    try:
        return FacePipeline(create_detector(detector, model_path=detector_model))
    except (ValueError, FaceError) as error:
        raise typer.BadParameter(str(error), param_hint="--detector") from error


@app.command("verify")
def verify_command(
    image_a: Annotated[Path, typer.Argument(help="First image.")],
    image_b: Annotated[Path, typer.Argument(help="Second image.")],
    as_json: JsonOption = False,
    threshold: Annotated[
        float | None, typer.Option(help="Distance at or below which the faces match (default: the model's).")
    ] = None,
    detector: DetectorOption = "hog+cnn",
    detector_model: DetectorModelOption = None,
) -> None:
    """Say whether two images show the same person. Exit code 1 when no decision could be made."""
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


@app.command("analyse")
def analyse_command(
    images: Annotated[list[Path], typer.Argument(help="Images to analyse; each is reported on its own.")],
    as_json: JsonOption = False,
    detector: DetectorOption = "hog+cnn",
    detector_model: DetectorModelOption = None,
) -> None:
    """Find the faces of each image with their boxes and quality (JSON: one object per line)."""
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
            _print_report(report)


def _print_report(report: dict[str, object]) -> None:
    if report["error"] is not None:
        typer.echo(f"{report['image']}: error: {report['error']}")
        return
    faces = report["faces"]
    assert isinstance(faces, list)
    typer.echo(f"{report['image']}: {len(faces)} face(s)")
    for face in faces:
        quality = face["quality"]
        status = "usable" if quality["passed"] else "skipped: " + "; ".join(quality["reasons"])
        typer.echo(f"  box {face['box']} quality {quality['score']:.2f} {status}")


# ------------------------------------------------------------------------------------ watchlist commands
ConfigOption = Annotated[Path | None, typer.Option("--config", "-c", help="Path to safecity.yaml.")]
EXIT_PROBLEM, EXIT_USAGE, EXIT_NOT_FOUND = 1, 2, 3


def _fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def _watchlist(config: Path | None) -> FaceWatchlist:
    """The watchlist on the configured database and media store (migrated first), exact search index."""
    try:
        settings = load_settings(config)
    except ConfigError as exc:
        raise _fail(str(exc), EXIT_USAGE) from exc
    upgrade(settings.resolved_database_url)
    return FaceWatchlist(
        Database(settings.resolved_database_url),
        MediaStore(settings.media_dir),
        gallery=Gallery(kind="exact"),
    )


def _actor() -> watchlist_service.Actor:
    return watchlist_service.Actor(f"cli:{getpass.getuser()}", "cli", "localhost")


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
    config: ConfigOption = None,
) -> None:
    """Enrol photos of a subject (JSON line per image). Exit 1 when an image was refused (the reason is
    given), 2 when a new subject lacks --name/--category/--reason/--authority."""
    watchlist = _watchlist(config)
    try:
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
                missing = ", ".join(".".join(str(p) for p in e["loc"]) for e in exc.errors())
                raise _fail(
                    f"subject {subject!r} does not exist; to create it give valid: {missing}", EXIT_USAGE
                ) from exc
            watchlist.create_subject(data, _actor())
            typer.echo(json.dumps({"subject": subject, "created": True}))
        refused = 0
        for image in images:
            try:
                enrolled, notes = watchlist.enrol(
                    subject, image.read_bytes(), _actor(), label=str(image), suffix=image.suffix.lower()
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
    finally:
        watchlist.database.dispose()
    if refused:
        raise typer.Exit(EXIT_PROBLEM)


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
    config: ConfigOption = None,
) -> None:
    """Search each image's faces against the watchlist: one JSON line per image with --json. Each search is
    audited with its purpose."""
    watchlist = _watchlist(config)
    try:
        watchlist.start()
        for image in images:
            try:
                found = watchlist.identify(image.read_bytes(), mode=mode, k=k)
                faces = [face.to_dict() for face in found]
                report: dict[str, object] = {"image": str(image), "faces": faces, "error": None}
            except (FaceError, OSError) as error:
                report = {"image": str(image), "faces": [], "error": str(error)}
            with watchlist.database.session() as session:
                actor = _actor()
                append(
                    session,
                    AuditRecord(
                        actor=actor.username,
                        role=actor.role,
                        action="face.search",
                        object_type="personal_data",
                        object_id="cli:faces identify",
                        purpose=purpose,
                        case_ref=case_ref,
                        client_address=actor.client_address,
                        details={"image": str(image), "mode": mode.value, "k": k},
                    ),
                )
            if as_json:
                typer.echo(json.dumps(report))
            else:
                _print_identified(report)
    finally:
        watchlist.database.dispose()


def _print_identified(report: dict[str, object]) -> None:
    if report["error"] is not None:
        typer.echo(f"{report['image']}: error: {report['error']}")
        return
    faces = report["faces"]
    assert isinstance(faces, list)
    typer.echo(f"{report['image']}: {len(faces)} face(s)")
    for face in faces:
        found = (
            ", ".join(f"{c['subject']} ({c['name']}) {c['score']:.2f}" for c in face["candidates"]) or "none"
        )
        typer.echo(f"  box {face['box']}: {found}")


@app.command("subjects")
def subjects_command(as_json: JsonOption = False, config: ConfigOption = None) -> None:
    """List the face watchlist's subjects with their image and vector counts."""
    watchlist = _watchlist(config)
    try:
        with watchlist.database.session() as session:
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
    finally:
        watchlist.database.dispose()
    for row in rows:
        if as_json:
            typer.echo(json.dumps(row))
        else:
            typer.echo(f"{row['id']}  {row['name']}  [{row['category']}]  {row['images']} image(s)")
