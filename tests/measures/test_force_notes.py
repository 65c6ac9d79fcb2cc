"""A force's note is not printed after a status that says the same (issue 31: force pages read
"information not held. Information not held in a retrievable form"): `beyond_label` leaves out
a note that only repeats the label, prints one that begins with the label's words and goes on
as the status, and keeps any other note."""

from __future__ import annotations

import pytest

from nsc_report.measures.force import beyond_label

NOT_HELD, NO_RESPONSE = "information not held", "no response"
S12 = "refused: cost limit (section 12)"


@pytest.mark.parametrize(("label", "note", "said"), [
    # The tester's case: the note begins with the label's words and says a little more.
    (NOT_HELD, "Information not held in a retrievable form",
     ("information not held in a retrievable form", "")),
    (NO_RESPONSE, "No response received by the report's deadline",
     ("no response received by the report's deadline", "")),
    # Only the label again, whatever the case and punctuation: left out.
    (NOT_HELD, "Information not held.", (NOT_HELD, "")),
    (NOT_HELD, "  INFORMATION – not   held ", (NOT_HELD, "")),
    (S12, "Refused: cost limit, section 12", (S12, "")),
    # A note that says something else is kept beside the label.
    (S12, "Refused under section 12: the cost of compliance exceeds the appropriate limit",
     (S12, "Refused under section 12: the cost of compliance exceeds the appropriate limit")),
    (NOT_HELD, "Not held centrally", (NOT_HELD, "Not held centrally")),
    # A word that only begins like the label's last is another word.
    (NO_RESPONSE, "No responses were logged", (NO_RESPONSE, "No responses were logged")),
    (NOT_HELD, "", (NOT_HELD, "")),
])
def test_a_note_is_said_once(label: str, note: str, said: tuple[str, str]):
    assert beyond_label(label, note) == said


def test_a_hostile_note_is_not_changed_beyond_its_first_word():
    """The force's words are kept as they are (the words layer escapes them where printed)."""
    note = "Information not held <script>alert(1)</script> [x](javascript:y)"
    status, left = beyond_label(NOT_HELD, note)
    assert left == "" and status == "information" + note[len("Information"):]
