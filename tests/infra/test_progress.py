"""What a build tells its user is true: a stage holding others says its own time."""

from __future__ import annotations

import io
import re
import time

from nsc_report.infra.progress import Progress


def test_a_stage_around_others_says_its_own_time():
    """The tester's case: building 2025 executed 2024 again for about 60 s, and the log then
    said "done in 1.2 s" for that step (the time of its last inner stage)."""
    out = io.StringIO()
    progress = Progress(out, live=False)
    with progress.stage("Building the 2024 edition"):
        time.sleep(0.3)
        with progress.stage("Building the HTML book"):
            time.sleep(0.01)
    times = dict(re.findall(r"^\s*(.+?): done in ([\d.]+) s$", out.getvalue(), re.MULTILINE))
    assert float(times["Building the 2024 edition"]) >= 0.3
    assert float(times["Building the HTML book"]) < 0.3


def test_a_stage_inside_a_live_one_is_told_as_lines():
    out = io.StringIO()
    progress = Progress(out, live=True)
    with progress.stage("outer"), progress.stage("inner", total=2):
        progress.advance("  one")
        progress.advance("  two")
    text = out.getvalue()
    assert "inner: done in" in text and "outer: done in" in text
