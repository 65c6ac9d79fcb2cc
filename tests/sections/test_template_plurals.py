"""An edition of one force prints "1 force" in its chapters, not "1 forces" (issue 32).

The templates glued a count and typed its noun after it ("{glue:text}`officers_responding`
forces"), which Markdown cannot put in the singular. Each template and chapter is filled with
what its sections' registers glue for an edition of one force (no notebook executed), and no
count of one may be followed by a plural.
"""

from __future__ import annotations

import re
from pathlib import Path

from helpers import EDITION, ROOT
from test_degenerate_editions import ONE_RESPONDER, build_edition, outputs

from nsc_report.data import load_edition
from nsc_report.present.figures import Register

GLUED = re.compile(r"\{glue(?::text)?\}`(?:[^`]*::)?([A-Za-z0-9_]+)(?::[^`]*)?`")
# A count of one with its noun (at most two words before it) in the plural, or "1 were".
ONE_PLURAL = re.compile(r"(?<![\d.,£])\b1\s+(?:[a-z]+\s+){0,2}(?:forces|questions|offences|"
                        r"cases|orders|applications|officers|sources)\b|\b1\s+were\b")


def test_an_edition_of_one_force_says_1_force_in_its_chapters(tmp_path: Path) -> None:
    ed = load_edition(build_edition(tmp_path / "data", ONE_RESPONDER, "E23000008"), EDITION)
    values = {key: figure.text for _, out in outputs(ed, ["E23000008"])
              if isinstance(out, Register) for key, figure in out.figures.items()}
    assert values["officers_responding_forces"] == "1 force"
    assert values["finder_forces_police_forces"] == "1 police force"
    wrong = []
    for path in [*sorted((ROOT / "notebooks").glob("*.md")),
                 *sorted((ed.directory / "chapters").glob("*.md"))]:
        text = GLUED.sub(lambda m: values.get(m[1], f"<{m[1]}>"), path.read_text("utf-8"))
        wrong += [f"{path.name}: {text[max(0, m.start() - 40):m.end() + 20]!r}"
                  for m in ONE_PLURAL.finditer(text)]
    assert not wrong, "\n".join(wrong)
