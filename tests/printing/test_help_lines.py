"""The help line of the printed report's back cover and of each briefing leaves out what the
edition does not give: an empty phone number or web address printed "on , or visit ."
(issue 32). models.Help keeps a field no cited source gives empty, and `nsc-report check`
reports it; the pages are printed all the same."""

from __future__ import annotations

import pytest
from helpers import DATA, EDITION

from nsc_report.data import load_edition
from nsc_report.printing.briefing import briefing_html
from nsc_report.printing.pdf import back_cover_html
from nsc_report.sections import methodology

FIGURES = ("force_spo_text", "force_pcc_text", "force_officers_text", "force_intro",
           "pub_recorded_text", "pub_charge_text", "pub_court_text", "pub_orders_text")


def _briefing(ed) -> str:
    return briefing_html(ed, "E23000008", dict.fromkeys(FIGURES, "x"), [], [],
                         "book/forces/durham.html", "")


@pytest.mark.parametrize(("phone", "website", "said"), [
    ("0808 802 0300", "https://www.suzylamplugh.org",
     "Call the National Stalking Helpline on 0808 802 0300, or visit www.suzylamplugh.org. In"),
    ("", "https://www.suzylamplugh.org",
     "Call the National Stalking Helpline, or visit www.suzylamplugh.org. In"),
    ("0808 802 0300", "", "Call the National Stalking Helpline on 0808 802 0300. In"),
    ("", "", "Call the National Stalking Helpline. In an emergency"),
])
def test_the_help_line_says_only_what_the_edition_gives(monkeypatch, phone: str, website: str,
                                                        said: str) -> None:
    ed = load_edition(DATA, EDITION, lazy=True)
    monkeypatch.setattr(ed.meta, "help", ed.meta.help.model_copy(
        update={"helpline_phone": phone, "website": website}))
    for page in (back_cover_html(ed), _briefing(ed)):
        assert said in page
        assert "on ," not in page and "visit ." not in page
    line = methodology.figures(ed).figures["help_line"].text
    assert line == ("National Stalking Helpline (0808 802 0300)" if phone
                    else "National Stalking Helpline")
