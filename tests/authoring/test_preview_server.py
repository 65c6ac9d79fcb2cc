"""What the preview's server sends: pages never cached (they carry the reload script), other
files kept by the browser and revalidated on each load, so a reload fetches only what changed."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

from starlette.testclient import TestClient

from nsc_report.authoring.preview import Preview


def _client(tmp_path: Path) -> tuple[TestClient, Path]:
    site = tmp_path / "site"
    (site / "_static").mkdir(parents=True)
    (site / "book").mkdir()
    (site / "book" / "page.html").write_text("<html><body><p>Text</p></body></html>")
    (site / "_static" / "chart.js").write_text("var chart = 1;")
    live = SimpleNamespace(project=SimpleNamespace(root=tmp_path, data_dir=tmp_path / "data"),
                           served=site)
    # No `with`: the app's lifespan (the file watcher) does not start.
    return TestClient(Preview(live).app()), site  # type: ignore[arg-type]


def test_pages_are_never_cached_and_carry_the_reload_script(tmp_path: Path) -> None:
    client, _ = _client(tmp_path)
    response = client.get("/book/page.html")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    assert '<body><script src="/_nsc/reload.js"' in response.text


def test_scripts_are_revalidated_and_fetched_again_only_when_changed(tmp_path: Path) -> None:
    client, site = _client(tmp_path)
    first = client.get("/_static/chart.js")
    assert first.status_code == 200 and first.headers["cache-control"] == "no-cache"
    etag = first.headers["etag"]
    again = client.get("/_static/chart.js", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    script = site / "_static" / "chart.js"
    script.write_text("var chart = 22;")  # as a publish leaves it: new size and time
    stat = script.stat()
    os.utime(script, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    changed = client.get("/_static/chart.js", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.text == "var chart = 22;"
    assert changed.headers["etag"] != etag


def test_nothing_outside_the_site_is_served(tmp_path: Path) -> None:
    client, _ = _client(tmp_path)
    (tmp_path / "secret.txt").write_text("no")
    assert client.get("/../secret.txt").status_code == 404
    assert client.get("/missing.js").status_code == 404
