"""The pluggable retention sweeper: each data class registers how long it is kept and how to purge it.

A data class is `DataClassPolicy(name, days, purge, inventory)` where `purge(before, dry_run) -> count`
deletes (or, with `dry_run`, only counts) that class's data older than `before`, never anything held: open
cases, legal holds (`safecity.evidence.holds`, `safecity.evidence.retention_guards`) and media another record
still uses (`RetentionContext.media_in_use`); `inventory()` says what the class holds now (count, oldest
item, bytes). A domain offers its classes with a provider, and `safecity.retention.RETENTION_PLAN` lists every
provider and every table that references media files (see docs/evidence.md):

    def plate_reads(context: RetentionContext) -> list[DataClassPolicy]:
        days = context.settings.retention.days_for("plate_reads", 90)
        return [DataClassPolicy("plate_reads", days, lambda before, dry_run: ..., lambda: ...)]
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from datetime import datetime
from datetime import timedelta

from sqlalchemy.orm import Session

from safecity.config import Settings
from safecity.core.db import Database
from safecity.core.media import MediaStore

log = logging.getLogger(__name__)

#: purge(before, dry_run) -> how many records (files, rows) are (or would be) deleted
PurgeFunction = Callable[[datetime, bool], int]


@dataclass(frozen=True, slots=True)
class Inventory:
    """What a data class holds now: how many items, when the oldest was made, and the bytes of its files
    (None for a class of rows only)."""

    count: int
    oldest: datetime | None
    bytes: int | None = None


#: inventory() -> what the class holds now
InventoryFunction = Callable[[], Inventory]

#: media_references(session, shas) -> which of `shas` a table of some domain still references
MediaReferences = Callable[[Session, set[str]], set[str]]


@dataclass(frozen=True, slots=True)
class DataClassPolicy:
    name: str
    days: float
    purge: PurgeFunction
    inventory: InventoryFunction | None = None

    def __post_init__(self) -> None:
        if self.days <= 0:
            raise ValueError(f"retention of {self.name}: days must be positive, got {self.days}")


@dataclass(frozen=True, slots=True)
class SweepLine:
    name: str
    days: float
    before: datetime
    count: int  # deleted, or in a dry run: would be deleted
    error: str | None = None
    held: Inventory | None = None  # what the class held before this sweep (None: it cannot say)


@dataclass(frozen=True, slots=True)
class SweepReport:
    dry_run: bool
    now: datetime
    lines: list[SweepLine] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(line.error is None for line in self.lines)

    def to_dict(self) -> dict[str, object]:
        return {
            "dry_run": self.dry_run,
            "now": self.now.isoformat(),
            "ok": self.ok,
            "classes": [
                {
                    "name": line.name,
                    "days": line.days,
                    "before": line.before.isoformat(),
                    "count": line.count,
                    "error": line.error,
                    "items": line.held.count if line.held else None,
                    "oldest": line.held.oldest.isoformat() if line.held and line.held.oldest else None,
                    "bytes": line.held.bytes if line.held else None,
                }
                for line in self.lines
            ],
        }


class Sweeper:
    def __init__(self) -> None:
        self._classes: dict[str, DataClassPolicy] = {}

    def register(self, policy: DataClassPolicy) -> None:
        if policy.name in self._classes:
            raise ValueError(f"data class {policy.name!r} is registered twice")
        self._classes[policy.name] = policy

    @property
    def classes(self) -> list[DataClassPolicy]:
        return list(self._classes.values())

    def sweep(self, now: datetime, *, dry_run: bool) -> SweepReport:
        """Run every class; one class failing is reported and does not stop the others."""
        report = SweepReport(dry_run=dry_run, now=now)
        for policy in self._classes.values():
            before = now - timedelta(days=policy.days)
            try:
                held = policy.inventory() if policy.inventory is not None else None
                count = policy.purge(before, dry_run)
                report.lines.append(SweepLine(policy.name, policy.days, before, count, held=held))
            except Exception as exc:
                log.exception("retention of %s failed", policy.name)
                report.lines.append(
                    SweepLine(policy.name, policy.days, before, 0, f"{type(exc).__name__}: {exc}")
                )
        return report


@dataclass(frozen=True, slots=True)
class RetentionContext:
    settings: Settings
    database: Database
    media: MediaStore
    media_references: tuple[MediaReferences, ...] = ()  # set by `RetentionPlan.sweeper`

    def media_in_use(self, session: Session, shas: set[str]) -> set[str]:
        """Which of `shas` some record still references: a purge deletes only the other files."""
        used: set[str] = set()
        for references in self.media_references:
            if shas - used:
                used |= references(session, shas - used)
        return used


RetentionProvider = Callable[[RetentionContext], Iterable[DataClassPolicy]]


@dataclass(frozen=True, slots=True)
class RetentionPlan:
    """The providers of every data class to sweep, in order, and every table that references media files
    (a file is deleted only when none of them does)."""

    providers: tuple[RetentionProvider, ...]
    media_references: tuple[MediaReferences, ...] = ()

    def sweeper(self, context: RetentionContext) -> Sweeper:
        context = replace(context, media_references=self.media_references)
        sweeper = Sweeper()
        for provider in self.providers:
            for policy in provider(context):
                sweeper.register(policy)
        return sweeper
