"""The chart builder: accessible, deterministic, offline."""

from __future__ import annotations

import re

import altair as alt
import pandas as pd
import pytest

from nsc_report.present.chart_builders import bar_counts
from nsc_report.present.charts import PALETTE, AccessibleChart


def make(**overrides) -> AccessibleChart:
    data = pd.DataFrame({"answer": ["Yes", "No"], "forces": [7, 12]})
    fields = dict(name="demo", chart=bar_counts(data, "answer", "forces", "Answer", "Forces"),
                  title="Only 7 forces said yes", caption="Forces by answer. Source: test.",
                  alt_text="Bar chart: 7 said yes and 12 said no.", table=data)
    fields.update(overrides)
    return AccessibleChart(**fields)


@pytest.mark.parametrize("field", ["title", "caption", "alt_text"])
def test_every_chart_needs_its_words(field):
    with pytest.raises(ValueError, match=field):
        make(**{field: " "})


def test_every_chart_needs_a_data_table():
    with pytest.raises(ValueError, match="data table"):
        make(table=pd.DataFrame())


def test_mime_bundle_is_html_svg_and_text_and_stable():
    chart = make()
    first, meta = chart._repr_mimebundle_()
    second, _ = make()._repr_mimebundle_()
    assert set(first) == {"text/html", "image/svg+xml", "text/plain"}
    assert first == second  # no random ids, no timestamps: nbval can compare them
    assert "altair-viz" not in first["text/html"]
    assert meta["nsc_chart"]["csv"].startswith("answer,forces")


def test_html_carries_alt_text_caption_table_and_downloads():
    html = make().html()
    assert 'role="img" aria-label="Bar chart: 7 said yes and 12 said no."' in html
    assert '<p class="nsc-chart-title" id="nsc-chart-demo-title">Only 7 forces said yes</p>' in html
    assert "<caption>Data for: Only 7 forces said yes</caption>" in html
    assert '<th scope="col">answer</th>' in html and '<th scope="row">Yes</th>' in html
    assert 'download="demo.csv" href="downloads/charts/demo.csv"' in html
    assert 'download="demo.svg" href="downloads/charts/demo.svg"' in html
    # Nothing is loaded from elsewhere: the only URLs are the site's own chart downloads.
    urls = set(re.findall(r'(?:src|href)="([^"]+)"', html))
    assert urls == {"downloads/charts/demo.csv", "downloads/charts/demo.svg"}


def test_spec_cannot_close_its_script_element():
    chart = make(table=pd.DataFrame({"answer": ["</script><b>x"], "forces": [1]}),
                 chart=alt.Chart(pd.DataFrame({"a": ["</script>"]})).mark_bar().encode(y="a"))
    html = chart.html(svg="<svg/>")
    body = html.split('type="application/json"', 1)[1].split("</script>", 1)[0]
    assert "</script" not in body


def test_spec_cannot_make_the_rest_of_the_page_script():
    """'<!--' then '<script' in a script element's text would keep the browser from ending the
    element where it ends: the rest of the page would be read as script, its layout lost."""
    import json

    text = "<!--<script>"
    chart = make(chart=alt.Chart(pd.DataFrame({"a": [text]})).mark_bar().encode(y="a"))
    html = chart.html(svg="<svg/>")
    body = html.split('type="application/json" id="nsc-chart-demo-spec">', 1)[1]
    body = body.split("</script>", 1)[0]
    assert "<!--" not in body
    assert text in json.dumps(json.loads(body), ensure_ascii=False)  # read back as it was


def test_static_svg_has_title_and_caption_for_standalone_use():
    svg = make().svg()
    assert "Only 7 forces said yes" in svg and "Source: test." in svg


def test_palette_is_okabe_ito():
    assert PALETTE[:3] == ["#0072B2", "#E69F00", "#009E73"]
