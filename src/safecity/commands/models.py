"""`safecity models ...`: fetch and import model files into the model registry."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn
from rich.progress import DownloadColumn
from rich.progress import Progress
from rich.progress import TransferSpeedColumn
from rich.table import Table

app = typer.Typer(help="Manage detector, face and plate models.", no_args_is_help=True)
err = Console(stderr=True)

ModelsDir = Annotated[
    Path | None,
    typer.Option(
        "--models-dir", help="Registry folder (default: $SAFECITY_DATA_DIR/models or ./data/models)."
    ),
]


@app.command("fetch")
def fetch(
    name: Annotated[str, typer.Argument(help="Catalog model name (`safecity models list` shows them).")],
    models_dir: ModelsDir = None,
    url: Annotated[str | None, typer.Option(help="Download from this address instead (a mirror).")] = None,
    sha256: Annotated[
        str | None, typer.Option(help="Expected sha256 when --url names a different file.")
    ] = None,
) -> None:
    """Download a model from its official release address, verify its sha256 and install it."""
    from safecity.vision.models import CATALOG
    from safecity.vision.models import ModelRegistry
    from safecity.vision.models import ModelRegistryError
    from safecity.vision.models import ModelSpec

    registry = ModelRegistry(models_dir)
    spec = CATALOG.get(name)
    if spec is None:
        err.print(f"[red]error:[/red] unknown model {name!r}; known: {', '.join(sorted(CATALOG))}")
        raise typer.Exit(2)
    if url or sha256:
        spec = ModelSpec.model_validate(
            {**spec.model_dump(), "url": url or spec.url, "sha256": sha256 or spec.sha256}
        )
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        console=err,
    ) as progress:
        task = progress.add_task(f"fetching {name}", total=spec.size)

        def advance(done: int, total: int | None) -> None:
            progress.update(task, completed=done, total=total or spec.size)

        try:
            model = registry.fetch(name, spec=spec, progress=advance)
        except ModelRegistryError as error:
            progress.stop()
            err.print(f"[red]error:[/red] {error}")
            raise typer.Exit(1) from error
    typer.echo(f"installed {model.name} ({model.size} bytes, sha256 {model.sha256}) in {registry.root}")


@app.command("import")
def import_model(
    path: Annotated[Path, typer.Argument(help="A local .onnx model file.")],
    name: Annotated[str | None, typer.Option(help="Registry name (default: from the file name).")] = None,
    kind: Annotated[str, typer.Option(help="detector, face-detector, plate-detector, ...")] = "detector",
    output_format: Annotated[
        str | None,
        typer.Option("--format", help="yolox or yolov8 (detectors); y5fu or lpd-yunet (plate detectors)."),
    ] = None,
    licence: Annotated[str, typer.Option(help="The model's licence, recorded with it.")] = "unknown",
    models_dir: ModelsDir = None,
) -> None:
    """Copy a local model file into the registry, recording its sha256."""
    from safecity.vision.models import ModelRegistry
    from safecity.vision.models import ModelRegistryError

    registry = ModelRegistry(models_dir)
    try:
        model = registry.import_file(path, name=name, kind=kind, output_format=output_format, licence=licence)
    except ModelRegistryError as error:
        err.print(f"[red]error:[/red] {error}")
        raise typer.Exit(1) from error
    typer.echo(f"imported {model.name} ({model.size} bytes, sha256 {model.sha256}) into {registry.root}")


@app.command("list")
def list_models(models_dir: ModelsDir = None) -> None:
    """Show installed models and the catalog models that can be fetched."""
    from safecity.vision.models import CATALOG
    from safecity.vision.models import ModelRegistry
    from safecity.vision.models import ModelRegistryError

    registry = ModelRegistry(models_dir)
    try:
        installed = {model.name: model for model in registry.installed()}
    except ModelRegistryError as error:
        err.print(f"[red]error:[/red] {error}")
        raise typer.Exit(1) from error
    table = Table("name", "kind", "status", "file", "sha256", "licence")
    for model in installed.values():
        present = (registry.root / model.file).is_file()
        table.add_row(
            model.name,
            model.kind,
            "installed" if present else "file missing",
            model.file,
            model.sha256[:12],
            model.licence,
        )
    for spec in CATALOG.values():
        if spec.name not in installed:
            table.add_row(spec.name, spec.kind, "available", spec.filename, spec.sha256[:12], spec.licence)
    Console().print(table)
