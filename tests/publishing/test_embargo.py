"""The embargo: `--embargo WHEN` is a date, a time and an offset from UTC, printed as the UK
prints it ("EMBARGOED UNTIL 00:01 BST 22 April 2024"); a bad value is a usage message before
any work starts. What it marks is checked on built output in tests/test_release_day.py."""

from __future__ import annotations

import pytest
from helpers import DATA, EDITION, ROOT

from nsc_report.cli.main import main, parser
from nsc_report.data import load_edition
from nsc_report.printing.briefing import briefing_html
from nsc_report.printing.pdf import _cover_html, _print_css
from nsc_report.publishing.config import staged_config
from nsc_report.publishing.embargo import ROBOTS, Embargo, EmbargoError


@pytest.mark.parametrize(("given", "label"), [
    ("2024-04-22T00:01+01:00", "EMBARGOED UNTIL 00:01 BST 22 April 2024"),
    ("2024-12-02T09:30+00:00", "EMBARGOED UNTIL 09:30 GMT 2 December 2024"),
    ("2024-04-21T23:01Z", "EMBARGOED UNTIL 23:01 UTC 21 April 2024"),
    ("2024-04-22T05:31+05:30", "EMBARGOED UNTIL 05:31 UTC+05:30 22 April 2024"),
])
def test_the_embargo_is_printed_as_the_uk_reads_it(given: str, label: str):
    assert Embargo.parse(given).label == label


@pytest.mark.parametrize("given", ["2024-04-22T00:01", "22 April 2024", "", "2024-13-01T00:01Z"])
def test_an_embargo_needs_a_moment_with_its_offset(given: str):
    with pytest.raises(EmbargoError, match="offset from UTC"):
        Embargo.parse(given)


@pytest.mark.parametrize("command", ["build", "report", "pdf"])
def test_the_commands_that_publish_take_it(command: str):
    args = parser().parse_args([command, "--embargo", "2024-04-22T00:01+01:00"])
    assert args.embargo == Embargo.parse("2024-04-22T00:01+01:00")
    assert parser().parse_args([command]).embargo is None


def test_a_bad_embargo_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["build", "--embargo", "2024-04-22T00:01"])
    assert exit_.value.code == 2
    assert "offset from UTC" in capsys.readouterr().err


def test_the_site_config_carries_the_banner_and_noindex_only_under_embargo():
    ed = load_edition(DATA, EDITION, lazy=True)
    embargo = Embargo.parse("2024-04-22T00:01+01:00")
    public = staged_config(ROOT, ed)
    held = staged_config(ROOT, ed, embargo=embargo)
    theme = held["sphinx"]["config"]["html_theme_options"]["announcement"]
    assert theme.startswith('<span class="nsc-embargo"><strong>EMBARGOED UNTIL 00:01 BST 22 '
                            'April 2024.</strong>')
    assert held["sphinx"]["config"]["nsc_embargo"] == embargo.label
    assert public["sphinx"]["config"]["nsc_embargo"] == ""
    assert "EMBARGOED" not in public["sphinx"]["config"]["html_theme_options"]["announcement"]
    assert ROBOTS == '<meta name="robots" content="noindex" />'


def test_the_pdf_and_the_briefings_carry_it_on_every_page():
    ed = load_edition(DATA, EDITION, lazy=True)
    embargo = Embargo.parse("2024-04-22T00:01+01:00")
    css = _print_css(ed, embargo)
    assert '@top-left { content: "EMBARGOED UNTIL 00:01 BST 22 April 2024";' in css
    assert "EMBARGOED" not in _print_css(ed)
    assert "EMBARGOED UNTIL 00:01 BST 22 April 2024" in _cover_html(ed, embargo)
    assert "EMBARGOED" not in _cover_html(ed)
    page = briefing_html(ed, "E23000008", {k: "x" for k in (
        "force_spo_text", "force_pcc_text", "force_officers_text", "force_intro",
        "pub_recorded_text", "pub_charge_text", "pub_court_text", "pub_orders_text")},
        [], [], "book/forces/durham.html", "", embargo)
    assert '--embargo: "EMBARGOED UNTIL 00:01 BST 22 April 2024";' in page
    assert "@top-center { content: var(--embargo, none)" in page
