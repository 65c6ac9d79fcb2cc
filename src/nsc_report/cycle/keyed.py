"""Which forces' answers are keyed in: answers arrive over weeks and are imported as they come,
so `intake import` and `status` say how many forces are in, which only in part, and which not
yet (rows coded as not yet answered: data.models.NOT_YET)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class KeyedIn:
    forces: int                          # forces asked (reference/forces.csv)
    answered: tuple[str, ...]            # every row keyed in
    partly: dict[str, tuple[int, int]]   # code -> (rows keyed in, rows)
    not_yet: tuple[str, ...]             # no row keyed in (or no row at all)

    @property
    def in_(self) -> int:
        return len(self.answered) + len(self.partly)

    def summary(self) -> str:
        """'3 of 43 forces answered; 40 not yet' (and which answered only in part)."""
        text = f"{self.in_} of {self.forces} forces answered; {len(self.not_yet)} not yet"
        if self.partly:
            parts = ", ".join(f"{code}: {done} of {rows} rows"
                              for code, (done, rows) in sorted(self.partly.items()))
            text += f"; {len(self.partly)} keyed in only in part ({parts})"
        return text


def keyed_in(codes: Iterable[str], rows: Iterable[tuple[str, bool]]) -> KeyedIn:
    """Count, for each force of `codes`, its rows (force code, keyed in or not)."""
    counts: dict[str, list[int]] = {code: [0, 0] for code in codes}
    for code, keyed in rows:
        if code in counts:  # a code that is not a force's is reported by the validator
            counts[code][0] += int(keyed)
            counts[code][1] += 1
    return KeyedIn(
        forces=len(counts),
        answered=tuple(c for c, (done, n) in counts.items() if n and done == n),
        partly={c: (done, n) for c, (done, n) in counts.items() if 0 < done < n},
        not_yet=tuple(c for c, (done, _) in counts.items() if done == 0))
