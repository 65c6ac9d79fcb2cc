"""The user's cache: a kept result is what making it again gives, and a cache that is off or
cannot be written costs only time."""

from __future__ import annotations

from pathlib import Path

import pytest
import vl_convert as vlc

from nsc_report.infra.user_cache import CACHE_ENV, cache_key, kept_bytes, kept_text, user_cache
from nsc_report.present.charts import static_svg

SPEC = {"mark": "bar", "data": {"values": [{"a": "x", "b": 3}, {"a": "y", "b": 5}]},
        "encoding": {"x": {"field": "a", "type": "nominal"},
                     "y": {"field": "b", "type": "quantitative"}}}


def test_a_result_is_made_once_then_read(tmp_path: Path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    made = []

    def make() -> str:
        made.append(1)
        return "drawn"

    assert kept_text("svg", "ab" * 32, make) == "drawn"
    assert kept_text("svg", "ab" * 32, make) == "drawn"
    assert made == [1]
    assert [p.name for p in (tmp_path / "svg").rglob("*") if p.is_file()] == ["ab" * 32 + ".txt"]


def test_bytes_are_kept_as_they_are_and_text_that_is_not_utf8_is_made_again(
        tmp_path: Path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    png = bytes(range(256))
    assert kept_bytes("card", "12" * 32, lambda: png, ".png") == png
    assert kept_bytes("card", "12" * 32, lambda: b"other", ".png") == png
    kept = next((tmp_path / "card").rglob("*.png"))
    assert kept.read_bytes() == png
    (tmp_path / "svg" / "34").mkdir(parents=True)
    (tmp_path / "svg" / "34" / ("34" * 32 + ".txt")).write_bytes(b"\xff\xfe")
    assert kept_text("svg", "34" * 32, lambda: "drawn") == "drawn"


def test_off_keeps_nothing(tmp_path: Path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, "off")
    assert user_cache() is None
    made = []
    for _ in range(2):
        kept_text("svg", "cd" * 32, lambda: made.append(1) or "drawn")
    assert made == [1, 1]


def test_an_unwritable_cache_only_costs_time(tmp_path: Path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(CACHE_ENV, str(blocker))
    assert kept_text("svg", "ef" * 32, lambda: "drawn") == "drawn"


def test_the_default_folder_follows_xdg(tmp_path: Path, monkeypatch):
    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert user_cache() == tmp_path / "nsc-report"


def test_keys_tell_apart_what_plain_joining_would_not():
    assert cache_key("ab", "c") != cache_key("a", "bc")
    assert cache_key("a") == cache_key("a")


@pytest.mark.parametrize("warm", [False, True])
def test_a_kept_svg_is_what_vl_convert_draws(tmp_path: Path, monkeypatch, warm: bool):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    if warm:
        static_svg(SPEC)
    assert static_svg(SPEC) == vlc.vegalite_to_svg(SPEC)
    other = {**SPEC, "mark": "point"}
    assert static_svg(other) == vlc.vegalite_to_svg(other) != static_svg(SPEC)
    assert len([p for p in tmp_path.rglob("*.svg")]) == 2
