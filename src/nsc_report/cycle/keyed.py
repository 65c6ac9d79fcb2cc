"""Which forces' answers are keyed in: answers arrive over weeks and are imported as they come,
so `intake import` and `status` say how many forces are in, which only in part, which have
been keyed in as giving no response (once the deadline has passed), and which not yet (rows
coded as not yet answered: data.models.NOT_YET)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class KeyedIn:
    forces: int                          # forces asked (reference/forces.csv)
    answered: tuple[str, ...]            # every row keyed in, with at least one answer
    partly: dict[str, tuple[int, int]]   # code -> (rows keyed in, rows)
    not_yet: tuple[str, ...]             # no row keyed in (or no row at all)
    # Every row keyed in, none with an answer: no response (a status no_response, or a note
    # alone). Not counted as answered: the force did not answer.
    silent: tuple[str, ...] = field(default=())

    @property
    def in_(self) -> int:
        return len(self.answered) + len(self.partly)

    def summary(self) -> str:
        """'3 of 43 forces answered; 40 not yet' (and which gave no response, and which
        answered only in part)."""
        text = f"{self.in_} of {self.forces} forces answered"
        if self.silent:
            text += f"; {len(self.silent)} keyed in as no response"
        text += f"; {len(self.not_yet)} not yet"
        if self.partly:
            parts = ", ".join(f"{code}: {done} of {rows} rows"
                              for code, (done, rows) in sorted(self.partly.items()))
            text += f"; {len(self.partly)} keyed in only in part ({parts})"
        return text


def keyed_in(codes: Iterable[str], rows: Iterable[tuple[str, bool] | tuple[str, bool, bool]]
             ) -> KeyedIn:
    """Count, for each force of `codes`, its rows: (force code, keyed in or not[, keyed in as
    no answer: status no_response, or no status and no figure])."""
    counts: dict[str, list[int]] = {code: [0, 0, 0] for code in codes}
    for code, keyed, *silent in rows:
        if code in counts:  # a code that is not a force's is reported by the validator
            counts[code][0] += int(keyed)
            counts[code][1] += 1
            counts[code][2] += int(keyed and bool(silent) and silent[0])
    full = {c: done == n and n > 0 for c, (done, n, _) in counts.items()}
    return KeyedIn(
        forces=len(counts),
        answered=tuple(c for c, (done, n, quiet) in counts.items() if full[c] and quiet < n),
        partly={c: (done, n) for c, (done, n, _) in counts.items() if 0 < done < n},
        not_yet=tuple(c for c, (done, _, _) in counts.items() if done == 0),
        silent=tuple(c for c, (done, n, quiet) in counts.items() if full[c] and quiet == n))
