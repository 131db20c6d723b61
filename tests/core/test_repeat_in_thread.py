"""`repeat_in_thread`, the singleton jobs' loop: a failed round is logged and the next one still runs."""

from __future__ import annotations

import asyncio
import contextlib
import sys

from safecity.core.leadership import repeat_in_thread


def test_a_failed_round_is_logged_inside_its_handler_and_the_next_round_runs() -> None:
    rounds: list[int] = []
    logged: list[tuple[str, bool]] = []

    def log_failure(message: str) -> None:
        logged.append((message, isinstance(sys.exc_info()[1], RuntimeError)))

    async def main() -> None:
        loop = asyncio.get_running_loop()
        third_round = asyncio.Event()

        def work() -> None:
            rounds.append(len(rounds))
            if len(rounds) == 1:
                raise RuntimeError("database away")
            if len(rounds) == 3:
                loop.call_soon_threadsafe(third_round.set)

        job = asyncio.create_task(
            repeat_in_thread(work, 0.01, log_failure=log_failure, failure="round failed")
        )
        async with asyncio.timeout(10):
            await third_round.wait()
        job.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await job

    asyncio.run(main())
    assert rounds[:3] == [0, 1, 2]
    assert logged == [("round failed", True)]
