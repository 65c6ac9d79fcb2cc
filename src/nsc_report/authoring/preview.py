"""`nsc-report preview`: the book on localhost, rebuilt and reloaded while you write.

The site is served by Starlette on uvicorn; `watchfiles` watches the sources (templates,
chapters, data, the package, the configuration). A change starts `nsc-report build` in a
subprocess, so that edited package code is always the code that runs: it re-executes only the
notebooks the change affects (the execution cache) and rebuilds the pages. When it succeeds,
every open page reloads itself (a small script injected into the pages it serves, talking to the
server over a WebSocket). When it fails, the last good pages stay up with the error shown at the
top of each, as in the terminal: file and line, or notebook and cell. Everything is local: no
script or style comes from the network. Ctrl+C stops the server and the watcher.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect
from watchfiles import DefaultFilter, awatch

RELOAD_JS = """(function () {
  var proto = location.protocol === "https:" ? "wss://" : "ws://";
  function connect() {
    var ws = new WebSocket(proto + location.host + "/_nsc/events");
    ws.onmessage = function (event) { if (event.data === "reload") { location.reload(); } };
    ws.onclose = function () { setTimeout(connect, 1000); };
  }
  connect();
})();
"""
ERROR_STYLE = ("position:sticky;top:0;z-index:9999;margin:0;padding:1rem 1.25rem;"
               "background:#fff4f4;color:#5c0000;border-bottom:4px solid #b00020;"
               "font:0.95rem/1.45 'Liberation Mono',monospace;white-space:pre-wrap;"
               "max-height:50vh;overflow:auto")


class SourceFilter(DefaultFilter):
    """The files a build reads, not the ones it writes (executed notebooks, _build)."""

    def __init__(self, root: Path):
        super().__init__(ignore_dirs=(*DefaultFilter.ignore_dirs, "_build", ".venv",
                                      ".ipynb_checkpoints"))
        self.root = root

    def __call__(self, change: object, path: str) -> bool:
        if not super().__call__(change, path):  # type: ignore[arg-type]
            return False
        rel = Path(path).relative_to(self.root)
        name = rel.name
        if name.startswith(".") or ".nsc-executing" in path:
            return False
        # book/ holds the executed notebooks the build writes; notebooks/*.ipynb are Jupyter's
        # pairs of the templates, whose saves also rewrite the .md that is watched.
        return not (rel.suffix == ".ipynb" and rel.parts[0] in ("book", "notebooks"))


class Preview:
    def __init__(self, root: Path, site: Path, build_args: Sequence[str]):
        self.root = root
        self.build_args = list(build_args)
        self.site = site
        self.error: str | None = None
        self.clients: set[WebSocket] = set()
        self.watched = [p for p in (root / "notebooks", root / "book", root / "data",
                                    root / "src", root / "_config.yml", root / "_toc.yml")
                        if p.exists()]

    # --- building -------------------------------------------------------------------------
    def build(self, reason: str) -> bool:
        print(f"[preview] {reason}: rebuilding ...", flush=True)
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "nsc_report.cli", "build", "--root", str(self.root),
             *self.build_args], capture_output=True, text=True, env=os.environ.copy())
        seconds = time.perf_counter() - start
        if result.returncode == 0:
            self.error = None
            print(f"[preview] rebuilt in {seconds:.1f} s", flush=True)
            return True
        self.error = (result.stderr.strip() or result.stdout.strip()
                      or f"the build failed (exit {result.returncode})")
        print(f"[preview] the build failed; the last good pages stay up:\n{self.error}",
              flush=True)
        return False

    async def broadcast(self, message: str) -> None:
        for ws in list(self.clients):
            try:
                await ws.send_text(message)
            except Exception:  # noqa: BLE001 - a closed tab
                self.clients.discard(ws)

    async def watch(self, stop: asyncio.Event) -> None:
        async for changes in awatch(*self.watched, watch_filter=SourceFilter(self.root),
                                    stop_event=stop, debounce=400):
            names = sorted({os.path.relpath(path, self.root) for _, path in changes})
            shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3
                                           else "")
            await asyncio.to_thread(self.build, f"changed {shown}")
            await self.broadcast("reload")

    # --- serving ----------------------------------------------------------------------------
    def page(self, path: Path) -> Response:
        text = path.read_text(encoding="utf-8")
        inject = '<script src="/_nsc/reload.js"></script>'
        if self.error is not None:
            inject += (f'<div id="nsc-preview-error" role="alert" style="{ERROR_STYLE}">'
                       f"<strong>The last change did not build; this is the last good page."
                       f"</strong>\n\n{html.escape(self.error)}</div>")
        if "<body" in text:
            head, _, rest = text.partition("<body")
            tag, _, body = rest.partition(">")
            text = f"{head}<body{tag}>{inject}{body}"
        else:
            text = inject + text
        return HTMLResponse(text, headers={"Cache-Control": "no-store"})

    async def serve_file(self, request: Request) -> Response:
        rel = request.path_params.get("path", "")
        target = (self.site / rel).resolve()
        if not target.is_relative_to(self.site.resolve()):
            return PlainTextResponse("Not found", status_code=404)
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            return PlainTextResponse("Not found", status_code=404)
        if target.suffix == ".html":
            return self.page(target)
        return FileResponse(target, headers={"Cache-Control": "no-store"})

    async def events(self, ws: WebSocket) -> None:
        await ws.accept()
        self.clients.add(ws)
        try:
            while True:
                await ws.receive_text()
        except WebSocketDisconnect:
            self.clients.discard(ws)

    def app(self) -> Starlette:
        @contextlib.asynccontextmanager
        async def lifespan(app: Starlette) -> AsyncIterator[None]:
            stop = asyncio.Event()
            watcher = asyncio.create_task(self.watch(stop))
            try:
                yield
            finally:
                stop.set()
                watcher.cancel()
                for ws in list(self.clients):
                    await ws.close()

        async def reload_js(request: Request) -> Response:
            return Response(RELOAD_JS, media_type="text/javascript")

        return Starlette(routes=[
            Route("/_nsc/reload.js", reload_js),
            WebSocketRoute("/_nsc/events", self.events),
            Route("/{path:path}", self.serve_file),
        ], lifespan=lifespan)


def run(root: Path, site: Path, build_args: Sequence[str], host: str = "127.0.0.1",
        port: int = 8000) -> int:
    import uvicorn

    preview = Preview(root, site, build_args)
    preview.build("starting")
    if not preview.site.is_dir():
        print("[preview] no page has ever built; fix the error above and save again.",
              flush=True)
    print(f"[preview] serving http://{host}:{port}/  (edit and save; Ctrl+C to stop)",
          flush=True)
    server = uvicorn.Server(uvicorn.Config(preview.app(), host=host, port=port,
                                           log_level="warning", lifespan="on"))
    # uvicorn shuts down gracefully on Ctrl+C, then passes it on: that is the way out.
    with contextlib.suppress(KeyboardInterrupt):
        server.run()
    print("[preview] stopped", flush=True)
    return 0
