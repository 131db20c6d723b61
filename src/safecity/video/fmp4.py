"""The fragments of a fragmented MP4 file, read from its box headers without touching the media data.

A recorded segment (`SegmentStore`, muxed with `frag_keyframe`) is `ftyp` + `moov` (the init section)
followed by one `moof` + `mdat` pair per GOP, each starting on a keyframe. Knowing where each fragment lies
and when it starts is enough to serve any run of whole GOPs as an HLS media segment by plain byte copy.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

_HEADER = struct.Struct(">I4s")
_CONTAINERS_TO_TIMESCALE = (b"moov", b"trak", b"mdia")


class Fmp4Error(ValueError):
    """The file is not a fragmented MP4 of the expected shape."""


@dataclass(frozen=True, slots=True)
class Fragment:
    offset: int  # where its `moof` begins
    size: int  # `moof` + `mdat` (and anything between them)
    decode_time: int  # `tfdt` baseMediaDecodeTime, in the track's timescale


@dataclass(frozen=True, slots=True)
class FragmentIndex:
    init_size: int  # bytes of `ftyp` + `moov` at the start of the file
    timescale: int  # ticks per second of the (first) track
    fragments: tuple[Fragment, ...]

    def seconds(self, fragment: Fragment) -> float:
        """When the fragment starts, in seconds after the file's first fragment."""
        return (fragment.decode_time - self.fragments[0].decode_time) / self.timescale


def read_fragments(path: Path) -> FragmentIndex:
    """Index a fragmented MP4 by reading its top-level box headers and its `moov` / `moof` boxes only."""
    init_size: int | None = None
    timescale: int | None = None
    fragments: list[Fragment] = []
    with path.open("rb") as file:
        size = file.seek(0, 2)
        for kind, offset, length in _boxes(file, 0, size):
            if kind == b"moov":
                timescale = _timescale(_read(file, offset, length))
                init_size = offset + length
            elif kind == b"moof":
                decode_time = _decode_time(_read(file, offset, length))
                fragments.append(Fragment(offset, length, decode_time))
            elif kind == b"mdat" and fragments:
                last = fragments[-1]
                fragments[-1] = Fragment(last.offset, offset + length - last.offset, last.decode_time)
    if init_size is None or timescale is None:
        raise Fmp4Error(f"{path.name} has no moov box")
    if not fragments:
        raise Fmp4Error(f"{path.name} has no fragments")
    return FragmentIndex(init_size, timescale, tuple(fragments))


def read_range(path: Path, offset: int, size: int) -> bytes:
    with path.open("rb") as file:
        return _read(file, offset, size)


def _boxes(file: BinaryIO, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """(type, offset, size) of the boxes between start and end; a truncated last box is left out."""
    offset = start
    while offset + _HEADER.size <= end:
        file.seek(offset)
        header = file.read(16)
        size, kind = _HEADER.unpack_from(header)
        if size == 1:
            size = struct.unpack_from(">Q", header, 8)[0]
        elif size == 0:
            size = end - offset
        if size < _HEADER.size or offset + size > end:
            return  # the tail of a file cut off while it was written
        yield kind, offset, size
        offset += size


def _read(file: BinaryIO, offset: int, size: int) -> bytes:
    file.seek(offset)
    return file.read(size)


def _children(data: bytes, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """(type, payload offset, box end) of the boxes nested in data[start:end]."""
    offset = start
    while offset + _HEADER.size <= end:
        size, kind = _HEADER.unpack_from(data, offset)
        header = _HEADER.size
        if size == 1:
            size = struct.unpack_from(">Q", data, offset + 8)[0]
            header += 8
        if size < header or offset + size > end:
            return
        yield kind, offset + header, offset + size
        offset += size


def _find(data: bytes, path: tuple[bytes, ...]) -> tuple[int, int] | None:
    """Payload bounds of the first box at `path` (the first element is the outer box itself)."""
    start, end = 0, len(data)
    for kind in path:
        found = next(((s, e) for k, s, e in _children(data, start, end) if k == kind), None)
        if found is None:
            return None
        start, end = found
    return start, end


def _timescale(moov: bytes) -> int:
    mdia = _find(moov, _CONTAINERS_TO_TIMESCALE)
    mdhd = None if mdia is None else next((s for k, s, _ in _children(moov, *mdia) if k == b"mdhd"), None)
    if mdhd is None:
        raise Fmp4Error("moov has no track with a media header")
    version = moov[mdhd]
    # mdhd: version+flags (4), creation and modification times (4 or 8 each), then the timescale.
    return int(struct.unpack_from(">I", moov, mdhd + 4 + (16 if version == 1 else 8))[0])


def _decode_time(moof: bytes) -> int:
    traf = _find(moof, (b"moof", b"traf"))
    tfdt = None if traf is None else next((s for k, s, _ in _children(moof, *traf) if k == b"tfdt"), None)
    if tfdt is None:
        raise Fmp4Error("a moof box has no track fragment decode time")
    if moof[tfdt] == 1:
        return int(struct.unpack_from(">Q", moof, tfdt + 4)[0])
    return int(struct.unpack_from(">I", moof, tfdt + 4)[0])
