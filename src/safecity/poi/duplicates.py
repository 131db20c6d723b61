"""Duplicate records: the same CNIC (compared by its keyed hash, so nothing is decrypted), or the same
name, father's name and date of birth once the names are normalised.

Names are compared by a key: case and spacing folded, hyphens splitting words, punctuation dropped, and
each word replaced by its canonical spelling from `NAME_VARIANTS` (common transliterations: Mohammad,
Muhammed → muhammad). Add a spelling there to teach the check another variant; nothing else changes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.poi.identity import IdentityCipher
from safecity.poi.models import Person

NAME_VARIANTS: dict[str, tuple[str, ...]] = {
    "muhammad": ("mohammad", "mohammed", "muhammed", "mohamed", "mohamad", "muhamad", "mohd", "muhammmad"),
    "ahmad": ("ahmed",),
    "hussain": ("hussein", "husain", "hussan"),
    "hassan": ("hasan",),
    "ali": ("aly",),
    "abdul": ("abdal", "abdel"),
    "rehman": ("rahman", "rehmaan"),
    "ullah": ("ulla",),
    "iqbal": ("ikbal",),
    "khan": ("khaan",),
    "qureshi": ("quraishi", "qureishi"),
    "siddiqui": ("siddiqi", "sidiqui"),
    "usman": ("osman", "othman"),
    "yousaf": ("yousuf", "yusuf", "yousef"),
}
_CANONICAL = {variant: name for name, variants in NAME_VARIANTS.items() for variant in variants}
_JOINERS = re.compile(r"[-_/]")
_NOT_LETTERS = re.compile(r"[^\w\s]")


class DuplicateReason(StrEnum):
    SAME_CNIC = "same_cnic"
    SAME_NAME_FATHER_BIRTH = "same_name_father_date_of_birth"

    @property
    def label(self) -> str:
        if self is DuplicateReason.SAME_CNIC:
            return "same CNIC"
        return "same name, father's name and date of birth"


def name_key(name: str) -> str:
    """`  Mohammed  Abdul-Rahman ` → `muhammad abdul rehman`: what two spellings of one name share."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    words = _NOT_LETTERS.sub("", _JOINERS.sub(" ", folded)).split()
    return " ".join(_CANONICAL.get(word, word) for word in words)


@dataclass(frozen=True, slots=True)
class Identity:
    """What duplicates are recognised by."""

    name: str
    father_name: str
    date_of_birth: date | None
    cnic_hash: str | None

    @classmethod
    def of(cls, person: Person) -> Identity:
        return cls(person.name, person.father_name, person.date_of_birth, person.cnic_hash)


@dataclass(frozen=True, slots=True)
class Duplicate:
    person: Person
    reasons: tuple[DuplicateReason, ...]


def identity_of(
    name: str, father_name: str, date_of_birth: date | None, cnic: str | None, cipher: IdentityCipher
) -> Identity:
    return Identity(name, father_name, date_of_birth, cipher.lookup_hash(cnic) if cnic else None)


def _same_name(a: Identity, b: Identity) -> bool:
    return (
        bool(a.father_name.strip())
        and name_key(a.name) == name_key(b.name)
        and name_key(a.father_name) == name_key(b.father_name)
    )


def find_duplicates(session: Session, wanted: Identity, *, excluding: int | None = None) -> list[Duplicate]:
    """Live (not merged) records that are the same person as `wanted`, oldest first, with why.

    Two indexed queries: by CNIC hash, and by date of birth (names are then compared by their keys). A
    record without a father's name or date of birth is matched by CNIC only."""
    found: dict[int, list[DuplicateReason]] = {}
    live = Person.merged_into_id.is_(None)
    if wanted.cnic_hash:
        query = select(Person).where(Person.cnic_hash == wanted.cnic_hash, live)
        for person in session.scalars(query):
            found.setdefault(person.id, []).append(DuplicateReason.SAME_CNIC)
    if wanted.date_of_birth is not None and wanted.father_name.strip():
        query = select(Person).where(Person.date_of_birth == wanted.date_of_birth, live)
        for person in session.scalars(query):
            if _same_name(wanted, Identity.of(person)):
                found.setdefault(person.id, []).append(DuplicateReason.SAME_NAME_FATHER_BIRTH)
    if excluding is not None:
        found.pop(excluding, None)
    return [
        Duplicate(session.get_one(Person, person_id), tuple(reasons))
        for person_id, reasons in sorted(found.items())
    ]
