"""Author fields of edition.yml that become links or attributes on every page: a helpline number
that is not a number, or an address of a scheme other than https, http (or mailto for an
e-mail contact), is refused when the data are read, naming edition.yml and the key, before
anything is built; what is accepted is escaped where it is written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import EDITION, ROOT

from nsc_report.cli.main import main
from nsc_report.data import Help, load_edition
from nsc_report.publishing.config import help_footer, staged_config

META = f"data/{EDITION}/edition.yml"


def set_help(data: Path, key: str, value: str) -> None:
    path = data / EDITION / "edition.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(f"  {key}:"))
    lines[at] = f"  {key}: {json.dumps(value)}"  # a JSON string is a YAML string
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize(("key", "value", "expected"), [
    ("website", "javascript:alert(document.cookie)", "the scheme 'javascript:' is not allowed"),
    ("website", "data:text/html,<script>alert(1)</script>", "the scheme 'data:' is not allowed"),
    ("website", 'https://e.x/" onmouseover="alert(1)', "no spaces or quotes"),
    ("site_url", "javascript:alert(1)", "the scheme 'javascript:' is not allowed"),
    ("helpline_phone", '0808"><script>alert(1)</script>', "a telephone number of digits"),
    ("helpline_phone", "javascript:alert(1)", "a telephone number of digits"),
    ("press_contact", "<script>alert(1)</script>", "an e-mail address or a telephone number"),
])
def test_a_hostile_link_field_is_refused_naming_the_file_and_key(data_copy, tmp_path, capsys,
                                                                  key, value, expected):
    set_help(data_copy, key, value)
    out = tmp_path / "out"
    code = main(["build", "--root", str(ROOT), "--data-dir", str(data_copy), "--out", str(out),
                 "--edition", EDITION])
    captured = capsys.readouterr()
    message = captured.err + captured.out
    assert code == 1, message
    assert "Traceback" not in message
    for fragment in (META, f"help.{key}", expected):
        assert fragment in message, f"{fragment!r} not in:\n{message}"
    assert not out.exists()


@pytest.mark.parametrize(("key", "value"), [
    ("website", "http://www.example.org/help?x=1&y=2"), ("site_url", "https://r.example.org/"),
    ("helpline_phone", "+44 808 802 0300"), ("press_contact", "press@example.org"),
    ("press_contact", "mailto:press@example.org"), ("press_contact", "020 7123 4567"),
    ("site_url", ""), ("press_contact", ""),
])
def test_ordinary_values_are_accepted(data_copy, key, value):
    set_help(data_copy, key, value)
    assert getattr(load_edition(data_copy, EDITION).meta.help, key) == value


def test_the_footer_links_a_number_and_an_address_and_escapes_them(data_copy):
    set_help(data_copy, "helpline_phone", "+44 808 802 0300")
    set_help(data_copy, "website", "https://www.example.org/help?x=1&y=2")
    footer = help_footer(load_edition(data_copy, EDITION))
    assert '<a href="tel:+448088020300">+44 808 802 0300</a>' in footer
    assert '<a href="https://www.example.org/help?x=1&amp;y=2">' in footer


def test_the_footer_never_writes_an_unchecked_number(data_copy):
    """A Help made without validation (model_construct) cannot put markup into the href."""
    ed = load_edition(data_copy, EDITION)
    hostile = Help.model_construct(**{**ed.meta.help.model_dump(),
                                      "helpline_phone": '0808"><script>alert(1)</script>'})
    object.__setattr__(ed.meta, "help", hostile)
    with pytest.raises(ValueError, match="not a telephone number"):
        help_footer(ed)


def test_the_logo_alt_text_is_escaped(data_copy):
    """The theme writes it into alt="..." as it is."""
    path = data_copy / EDITION / "edition.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('title: "Joining forces against stalking"',
                                 "title: 'Joining \"forces\" <against> stalking'"),
                    encoding="utf-8")
    config = staged_config(ROOT, load_edition(data_copy, EDITION))
    alt = config["sphinx"]["config"]["html_theme_options"]["logo"]["alt_text"]
    assert '"' not in alt and "<" not in alt
    assert "Joining &#34;forces&#34; &lt;against&gt; stalking - home" in alt
