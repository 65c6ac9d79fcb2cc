"""What the preview's server sends: pages never cached (they carry the reload script), other
files kept by the browser and revalidated on each load, so a reload fetches only what changed."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from starlette.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from nsc_report.authoring.preview import MAX_MESSAGE, Preview

PORT = 8000
OWN = f"http://127.0.0.1:{PORT}"
EVENTS = f"ws://127.0.0.1:{PORT}/_nsc/events"  # the test client's own default is another host


def _client(tmp_path: Path) -> tuple[TestClient, Path]:
    site = tmp_path / "site"
    (site / "_static").mkdir(parents=True)
    (site / "book").mkdir()
    (site / "book" / "page.html").write_text("<html><body><p>Text</p></body></html>")
    (site / "_static" / "chart.js").write_text("var chart = 1;")
    live = SimpleNamespace(project=SimpleNamespace(root=tmp_path, data_dir=tmp_path / "data"),
                           served=site)
    # No `with`: the app's lifespan (the file watcher) does not start. Requests are addressed
    # to the server's own host and port, as a browser on this machine addresses them.
    return TestClient(Preview(live, port=PORT).app(),  # type: ignore[arg-type]
                      base_url=f"http://127.0.0.1:{PORT}"), site


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


@pytest.mark.parametrize("host", [f"127.0.0.1:{PORT}", f"localhost:{PORT}", f"[::1]:{PORT}",
                                  f"LOCALHOST:{PORT}"])
def test_requests_addressed_to_the_server_itself_are_answered(tmp_path: Path, host: str) -> None:
    client, _ = _client(tmp_path)
    assert client.get("/book/page.html", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize("host", [
    f"attacker.example:{PORT}",   # DNS rebinding: a name of theirs that resolves to 127.0.0.1
    "attacker.example",
    f"127.0.0.1:{PORT + 1}",      # another port: another server's pages
    "127.0.0.1", "localhost",     # no port: not how a browser addresses port 8000
    f"127.0.0.1.attacker.example:{PORT}",
    "",
])
def test_requests_addressed_to_any_other_host_get_400(tmp_path: Path, host: str) -> None:
    client, _ = _client(tmp_path)
    for path in ("/book/page.html", "/_static/chart.js", "/_nsc/reload.js"):
        response = client.get(path, headers={"Host": host})
        assert response.status_code == 400, (host, path)
        assert "Text" not in response.text


def test_a_websocket_from_the_server_s_own_page_is_accepted(tmp_path: Path) -> None:
    client, _ = _client(tmp_path)
    for origin in (OWN, f"http://localhost:{PORT}", f"http://[::1]:{PORT}"):
        with client.websocket_connect(EVENTS, headers={"Origin": origin}) as ws:
            ws.send_text("/book/page.html")
            assert ws.receive_text().startswith("version ")


@pytest.mark.parametrize("headers", [
    {"Origin": "http://attacker.example"},           # another site's page
    {"Origin": f"http://attacker.example:{PORT}"},
    {"Origin": f"http://127.0.0.1:{PORT + 1}"},      # a page served on another port
    {"Origin": "null"},                              # a sandboxed frame or a file
    {},                                              # no origin: not a page of ours
    {"Origin": OWN, "Host": f"attacker.example:{PORT}"},  # rebinding, for the socket
])
def test_a_websocket_from_any_other_origin_is_refused(tmp_path: Path,
                                                     headers: dict[str, str]) -> None:
    client, _ = _client(tmp_path)
    with pytest.raises(WebSocketDisconnect) as refused, \
            client.websocket_connect(EVENTS, headers=headers) as ws:
        ws.send_text("/book/page.html")
        ws.receive_text()
    assert refused.value.code == 1008


def test_a_websocket_message_longer_than_a_page_sends_closes_it(tmp_path: Path) -> None:
    client, _ = _client(tmp_path)
    with client.websocket_connect(EVENTS, headers={"Origin": OWN}) as ws:
        ws.send_text("/book/page.html")
        assert ws.receive_text().startswith("version ")
        ws.send_text("x" * (MAX_MESSAGE + 1))
        with pytest.raises(WebSocketDisconnect) as closed:
            ws.receive_text()
    assert closed.value.code == 1009
    with client.websocket_connect(EVENTS, headers={"Origin": OWN}) as ws:
        ws.send_text("/" + "x" * (MAX_MESSAGE + 1))  # the first message too
        with pytest.raises(WebSocketDisconnect):
            ws.receive_text()
