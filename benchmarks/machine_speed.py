"""How fast the machine runs Python code right now, measured apart from the project.

The project's machine is a virtual one whose speed changes from hour to hour: in some
hours the same interpreted code runs up to 1.6 times slower, with no stolen time shown,
while a pass of the regex engine slows far less. A throughput measured in such an hour
says as much about the machine as about the code, so the benchmarks time this fixed
piece of work beside their own and print both. The work uses what parsers use (string
slices, dictionary look-ups, small tuples, calls) and nothing of the project, so its
time changes only with the machine.
"""

from __future__ import annotations

import time

_ROUNDS = 300_000
_DIGITS = "0123456789" * 10


def reference_ms(repeat: int = 5) -> float:
    """The fastest of ``repeat`` runs of the fixed work, in milliseconds."""
    return min(_timed_once() for _ in range(max(1, repeat))) * 1000


def _timed_once() -> float:
    start = time.perf_counter()
    _work()
    return time.perf_counter() - start


def _work() -> int:
    table = {str(n): n for n in range(100)}
    kept: list[tuple[int, int]] = []
    for i in range(_ROUNDS):
        at = i % 90
        value = _lookup(table, _DIGITS[at:at + 2])
        if value is not None and value & 1:
            kept.append((i, value))
    return len(kept)


def _lookup(table: dict[str, int], key: str) -> int | None:
    return table.get(key)


if __name__ == "__main__":
    print(f"reference work: {reference_ms():.0f} ms")
