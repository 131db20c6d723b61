"""An xdist scheduler that sends every end-to-end test to one worker, and the rest test by test.

The end-to-end tests share one `safecity demo` server, which decodes and analyses its sample cameras for as
long as it runs; split over two workers there would be two such servers. xdist's own `--dist loadgroup` does
not work here: with pytest 9 the group it appends to a test id no longer reaches the scheduler.
"""

from __future__ import annotations

from xdist.scheduler import LoadScopeScheduling

END_TO_END = "tests/e2e/"


class EndToEndTogether(LoadScopeScheduling):
    """Each test is a unit of work of its own, except the end-to-end tests, which are one unit. Units are
    handed out largest first (xdist's default order), so the end-to-end unit starts at once, not last."""

    def _split_scope(self, nodeid: str) -> str:
        return END_TO_END if nodeid.startswith(END_TO_END) else nodeid
