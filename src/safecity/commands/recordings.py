"""`safecity recordings export CAMERA --start --end --case CASE`: footage into an evidence case.

The same use case as `POST /api/v1/cameras/{id}/recordings/export` (`cameras.recording_export`), acting as the
command-line user. Exit codes: 0 exported, 2 bad input (naming the option), 3 unknown camera or no footage.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING
from typing import Annotated

import typer

from safecity.commands import common

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from safecity.evidence.models import EvidenceCase

app = typer.Typer(help="Recorded footage: export to evidence.", no_args_is_help=True)

_OPTION_OF_FIELD = {"start": "--start", "end": "--end", "case_id": "--case", "purpose": "--purpose"}


def _moment(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not an ISO 8601 time (e.g. 2026-12-02T14:00:00Z)") from None


@app.command("export")
def export(
    camera: Annotated[str, typer.Argument(help="The camera id.")],
    start: Annotated[str, typer.Option("--start", help="Start of the window, ISO 8601 with a time zone.")],
    end: Annotated[str, typer.Option("--end", help="End of the window (at most 1 hour after start).")],
    case: Annotated[
        str, typer.Option("--case", help="The open evidence case: its id or its reference ('FIR 123/2026').")
    ],
    purpose: Annotated[
        str | None, typer.Option(help="Why the footage is exported (default: 'evidence for case REF').")
    ] = None,
    description: Annotated[str, typer.Option(help="What the clip shows.")] = "",
    config: common.ConfigOption = None,
    as_json: common.JsonOption = False,
) -> None:
    """Cut the window into one MP4 in the evidence vault and hold its original segments for the case;
    print the item id and its sha256."""
    from safecity.cameras.recording_export import ExportRequest
    from safecity.cameras.recording_export import export_to_case
    from safecity.cameras.worker_recordings import cluster_recordings
    from safecity.core.errors import InvalidInputError
    from safecity.core.errors import NotFoundError
    from safecity.core.media import MediaStore

    settings = common.load_settings_or_fail(config)
    try:
        with common.opened_database(settings) as database:
            with database.session() as session:
                found = _case_of(session, case)
                if found is None:
                    common.fail(
                        f"--case: no evidence case with the id or reference {case!r}", common.ExitCode.USAGE
                    )
                case_id, reference = found.id, found.reference
            purpose = purpose or f"evidence for case {reference}"
            request = ExportRequest(camera, _moment(start), _moment(end), case_id, purpose, description)
            exported = export_to_case(
                request,
                common.cli_actor(),
                database=database,
                media=MediaStore(settings.media_dir),
                recordings=cluster_recordings(settings, database, fetch=True),
                work_dir=settings.data_dir / "cache" / "exports",
            )
    except InvalidInputError as exc:
        option = _OPTION_OF_FIELD.get(exc.field or "", exc.field or "input")
        common.fail(f"{option}: {exc.message}", common.ExitCode.USAGE)
    except NotFoundError as exc:
        common.fail(str(exc), common.ExitCode.NOT_FOUND)
    if as_json:
        payload = {
            "item_id": exported.item_id,
            "sha256": exported.sha256,
            "legal_hold": exported.hold_id,
            "segments": exported.segments,
        }
        typer.echo(json.dumps(payload))
    else:
        typer.echo(f"evidence item {exported.item_id} sha256 {exported.sha256}")
        typer.echo(f"{exported.segments} original segments on legal hold {exported.hold_id}")


def _case_of(session: Session, case: str) -> EvidenceCase | None:
    """The case named by its reference, or else by its id."""
    from safecity.evidence.vault import find_case

    return find_case(session, case)
