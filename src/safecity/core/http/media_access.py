"""Who may read a stored file: decided by what the file belongs to, not by the store it sits in.

The media store is content-addressed and shared by every domain, so one sha256 can be an evidence item, a
face crop and a camera snapshot at once. Each domain that keeps sensitive files declares a `MediaRule`
(checked strictest first); the first rule whose owner holds the file decides. A file no rule claims is a
camera picture (event snapshots, context frames, plate crops, citizen photos): `cameras.read`.

`core` knows no domain: the rules are assembled into a `MediaRules` runtime by the app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from safecity.core.audit.actors import Actor
from safecity.core.auth.permissions import Permission


@dataclass(frozen=True, slots=True)
class MediaRead:
    """One read of a file, as the owner's `on_read` records it (e.g. a custody entry per evidence item)."""

    sha256: str
    actor: Actor
    purpose: str
    case_ref: str


@dataclass(frozen=True, slots=True)
class MediaRule:
    owner: str  # what the file is, in the words of a 403: "an evidence item"
    permissions: frozenset[Permission]  # any one of them is enough
    owns: Callable[[Session, str], bool]
    purpose_required: bool = False  # a personal-data read: stated purpose, audited with it
    audit_action: str = "media.view"
    on_read: Callable[[Session, MediaRead], None] | None = None  # in the read's transaction


CAMERA_PICTURE = MediaRule(
    owner="a camera picture",
    permissions=frozenset({Permission.CAMERAS_READ}),
    owns=lambda _session, _sha256: True,
)


@dataclass(frozen=True)
class MediaRules:
    """The app's rules, strictest first; `rule_for` falls back to `CAMERA_PICTURE`."""

    rules: tuple[MediaRule, ...]

    def rule_for(self, session: Session, sha256: str) -> MediaRule:
        return next((rule for rule in self.rules if rule.owns(session, sha256)), CAMERA_PICTURE)
