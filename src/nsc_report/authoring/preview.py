"""`nsc-report preview`: the book on localhost, rebuilt and reloaded while you write.

The site is served by Starlette on uvicorn; `watchfiles` watches the sources (templates,
chapters, data, the package, the configuration). One process keeps the build between saves
(`live.LiveBuild`: the edition, the warm kernels, Sphinx), and a save rebuilds what it touches:
the pages open in a browser first (each reloads as soon as it is written), then the rest of the
site. Builds run one at a time on one thread; saves made during a build are taken together by
the next. An edit to a module this process runs starts the preview again with the new code.

Each open page holds a small script that talks to the server over a WebSocket: it says which
page it shows, reloads when told, and on reconnecting reloads if the site changed meanwhile.
When a build fails, the last good pages stay up with the error shown at the top of each, as in
the terminal: file and line, or the template's cell, the package module and line and the last
frames of the traceback (execution/failure.py); the next build that succeeds reloads every open
page, which clears it. Everything is local: no script or style
comes from the network. Ctrl+C stops the server, the watcher and the kernels.

The proof sheet (`nsc-report proof`: every sentence of the words files with each variant) is
served at /proof/: made when first asked for, and made again when a words file (or anything
its values come from) is saved while it is open, after the pages that changed.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import os
import sys
import threading
import time
import traceback
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.staticfiles import NotModifiedResponse
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.websockets import WebSocket, WebSocketClose, WebSocketDisconnect
from watchfiles import DefaultFilter, awatch

from nsc_report.authoring.live import LiveBuild, Outcome, plan_for
from nsc_report.authoring.proof_sheet import ProofSheet
from nsc_report.book import Project
from nsc_report.errors import NscReportError

RELOAD_JS = """(function () {
  var proto = location.protocol === "https:" ? "wss://" : "ws://";
  var script = document.currentScript;
  var version = script ? script.getAttribute("data-version") : "";
  function connect() {
    var ws = new WebSocket(proto + location.host + "/_nsc/events");
    ws.onopen = function () {
      ws.send(location.pathname);
      // Once the page is on screen the server goes on with the rest of the site (the build
      // would otherwise compete with serving this page's files).
      if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", function () { ws.send("shown"); });
      } else {
        ws.send("shown");
      }
    };
    ws.onmessage = function (event) {
      var data = String(event.data);
      // "version V": the site as it is now; a page older than that (a build finished while
      // this page was not connected) reloads.
      if (data === "reload" || (data.indexOf("version ") === 0 && data.slice(8) !== version)) {
        location.reload();
      }
    };
    ws.onclose = function () { setTimeout(connect, 250); };
  }
  connect();
})();
"""
# How long the build waits, after reloading the open pages, for one to say it is on screen.
SHOWN_WAIT = 2.0
# The longest message a page sends (its path); anything longer is not one of our pages.
MAX_MESSAGE = 4096
# How long a failed file watcher waits before it watches again.
WATCH_RETRY = 1.0
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
        if Path(path).name.startswith(".") or ".nsc-executing" in path:
            return False
        # The data folder may be outside the root (--data-dir): nothing there is written by
        # the build, so every file in it counts.
        if not Path(path).is_relative_to(self.root):
            return True
        rel = Path(path).relative_to(self.root)
        # book/ holds the executed notebooks the build writes; notebooks/*.ipynb are Jupyter's
        # pairs of the templates, whose saves also rewrite the .md that is watched.
        return not (rel.suffix == ".ipynb" and rel.parts[0] in ("book", "notebooks"))


def own_hosts(host: str, port: int) -> set[str]:
    """The Host headers of requests addressed to this server: its loopback names with its port
    (and the address it was bound to, if another). Anything else is a page elsewhere reaching
    it through a name that resolves here (DNS rebinding)."""
    names = {"127.0.0.1", "localhost", "[::1]"}
    if host not in ("0.0.0.0", "::", ""):
        names.add(f"[{host}]" if ":" in host else host.lower())
    return {f"{name}:{port}" for name in names} | (names if port == 80 else set())


class OwnHostOnly:
    """Answer only requests and WebSockets whose Host header is one of `hosts`, port
    included (Starlette's TrustedHostMiddleware compares the name without the port, and
    cannot parse '[::1]:8000'); 400 for a request, a refused handshake for a WebSocket."""

    def __init__(self, app: ASGIApp, hosts: set[str]) -> None:
        self.app, self.hosts = app, hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket") \
                and Headers(scope=scope).get("host", "").lower() not in self.hosts:
            refuse: ASGIApp = (PlainTextResponse("Invalid host header", status_code=400)
                               if scope["type"] == "http" else WebSocketClose(code=1008))
            await refuse(scope, receive, send)
            return
        await self.app(scope, receive, send)


class Preview(ProofSheet):
    def __init__(self, live: LiveBuild, host: str = "127.0.0.1", port: int = 8000):
        self.live = live
        self.hosts = own_hosts(host, port)
        self.origins = {f"http://{h}" for h in self.hosts}  # of its own pages, for WebSockets
        self.root = live.project.root
        self.site = live.served
        self.error: str | None = None
        self.clients: dict[WebSocket, str] = {}  # each open page and the path it shows
        self.version = str(time.time_ns())        # changes whenever served pages change
        self.restart = False
        self.outcome: Outcome | None = None   # of the last build (None: it failed)
        self.reloaded: set[str] = set()       # pages reloaded during the current build
        self.shown = threading.Event()        # a reloaded page is on screen again
        self.server: object | None = None
        self.loop: asyncio.AbstractEventLoop | None = None
        # One thread builds: never two builds at once, and Sphinx stays on one thread.
        self.builder = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nsc-preview")
        self.watched = [p for p in (self.root / "notebooks", self.root / "book",
                                    live.project.data_dir, self.root / "src",
                                    self.root / "_config.yml", self.root / "_toc.yml")
                        if p.exists()]
        self.proof_stale = True               # the proof sheet is to be made (again)
        self.proof_error: str | None = None   # why the last proof sheet was not made

    # --- building -------------------------------------------------------------------------
    def start(self) -> None:
        print("[preview] starting: building the site ...", flush=True)
        started = time.perf_counter()
        try:
            self.builder.submit(self.live.start).result()
        except NscReportError as exc:
            self._failed(exc.report())
            return
        print(f"[preview] built in {time.perf_counter() - started:.1f} s", flush=True)

    def build(self, changed: list[Path], viewed: list[str]) -> None:
        """One rebuild, on the build thread; `viewed` are the paths open in a browser."""
        names = sorted({os.path.relpath(path, self.root) for path in changed})
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3
                                       else "")
        plan = plan_for(self.live.project, changed)
        print(f"[preview] changed {shown}: "
              f"{plan.reason or 'rebuilding what it touches'} ...", flush=True)
        if plan.restart:
            self.restart = True
            return
        started = time.perf_counter()
        try:
            outcome = self.live.rebuild(changed, viewed, on_pages=self._written)
        except NscReportError as exc:
            self._failed(exc.report())
            return
        except Exception:  # noqa: BLE001 - a bug in a build must not stop the preview
            self._failed(traceback.format_exc())
            return
        self.error = None
        self.outcome = outcome
        print(f"[preview] rebuilt in {time.perf_counter() - started:.1f} s "
              f"({len(outcome.pages)} page(s) changed)", flush=True)
        self.after_build(changed, viewed)

    def _failed(self, message: str) -> None:
        self.outcome = None
        self.error = message.strip()
        print(f"[preview] the build failed; the last good pages stay up:\n{self.error}",
              flush=True)

    def _written(self, pages: list[str]) -> None:
        """Pages open in a browser are written: reload them now (from the build thread), and
        let them load before building the rest (at most SHOWN_WAIT seconds)."""
        self.reloaded |= set(pages)
        print(f"[preview] showing the open pages first: {', '.join(sorted(pages))}", flush=True)
        if self.loop is not None:
            self.shown.clear()
            future = asyncio.run_coroutine_threadsafe(self.reload(set(pages)), self.loop)
            if future.result():
                self.shown.wait(SHOWN_WAIT)

    async def reload(self, pages: set[str] | None = None) -> int:
        """Tell the open pages among `pages` (every open page: None) to reload; how many."""
        self.version = str(time.time_ns())
        told = 0
        for ws, path in list(self.clients.items()):
            if pages is None or _served(path) in pages:
                try:
                    await ws.send_text("reload")
                    told += 1
                except Exception:  # noqa: BLE001 - a closed tab
                    self.clients.pop(ws, None)
        return told

    async def watch(self, stop: asyncio.Event) -> None:
        """Watch the sources until stopped; a watcher that fails says so and starts again
        (a preview that silently stops rebuilding would show stale pages as current)."""
        self.loop = asyncio.get_running_loop()
        while not stop.is_set():
            try:
                await self._watch(stop)
                return
            except Exception:  # noqa: BLE001 - whatever stopped it, watching must go on
                print(f"[preview] the file watcher failed; watching again:\n"
                      f"{traceback.format_exc().strip()}", flush=True)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), WATCH_RETRY)

    async def _watch(self, stop: asyncio.Event) -> None:
        assert self.loop is not None
        # Saves made while a build runs wait here and are taken together by the next build.
        async for changes in awatch(*self.watched, watch_filter=SourceFilter(self.root),
                                    stop_event=stop, debounce=400, step=30):
            changed = sorted({Path(path) for _, path in changes})
            viewed = sorted({_served(path) for path in self.clients.values()})
            self.reloaded = set()
            failing = self.error is not None  # the open pages show an error
            await self.loop.run_in_executor(self.builder, self.build, changed, viewed)
            if self.restart:
                self._stop_server()
                return
            outcome = self.outcome
            if outcome is None or outcome.assets or failing:
                # An error to show, files every page loads, or an error shown that this build
                # cleared: every open page, changed or not (an open page reloaded during the
                # build still showed the error, which is cleared only once the build is done).
                await self.reload()
            else:
                await self.reload(set(outcome.pages) - self.reloaded)

    def _stop_server(self) -> None:
        if self.server is not None:
            self.server.should_exit = True  # type: ignore[attr-defined]

    # --- serving ----------------------------------------------------------------------------
    def page(self, path: Path) -> Response:
        text = path.read_text(encoding="utf-8")
        inject = f'<script src="/_nsc/reload.js" data-version="{self.version}"></script>'
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
        # Kept by the browser but asked about on every load ("no-cache"): a page that reloads
        # gets "not modified" for the scripts and styles that did not change (the chart
        # library is megabytes), and the new file the moment one did.
        response = FileResponse(target, headers={"Cache-Control": "no-cache"},
                                stat_result=target.stat())  # its ETag now, not when sent
        if _not_modified(request, response):
            return NotModifiedResponse(response.headers)
        return response

    async def events(self, ws: WebSocket) -> None:
        # Only this server's own pages may connect: a browser always sends the Origin of the
        # page that opens a WebSocket, and no other site's page is one of ours.
        if ws.headers.get("origin", "").lower() not in self.origins:
            await ws.close(code=1008)  # before accepting: the handshake is refused
            return
        await ws.accept()
        try:
            path = await self._receive(ws)
            self.clients[ws] = path
            await ws.send_text(f"version {self.version}")
            while True:
                if await self._receive(ws) == "shown":
                    self.shown.set()
        except (WebSocketDisconnect, _TooBig):
            pass
        finally:
            self.clients.pop(ws, None)

    @staticmethod
    async def _receive(ws: WebSocket) -> str:
        """A page's message: its path, or 'shown'; anything longer closes the connection (uvicorn
        refuses larger frames before they are read, see `run`)."""
        text = await ws.receive_text()
        if len(text) > MAX_MESSAGE:
            await ws.close(code=1009)  # message too big
            raise _TooBig
        return text

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
                    with contextlib.suppress(Exception):
                        await ws.close()

        async def reload_js(request: Request) -> Response:
            return Response(RELOAD_JS, media_type="text/javascript",
                            headers={"Cache-Control": "no-store"})

        return Starlette(routes=[
            Route("/_nsc/reload.js", reload_js),
            Route("/proof/", self.serve_proof),
            Route("/proof/index.html", self.serve_proof),
            WebSocketRoute("/_nsc/events", self.events),
            Route("/{path:path}", self.serve_file),
        ], middleware=[Middleware(OwnHostOnly, hosts=self.hosts)], lifespan=lifespan)


class _TooBig(Exception):
    """A page sent a message longer than any it sends."""


def _not_modified(request: Request, response: Response) -> bool:
    """Whether the browser's copy is the file as served now (its ETag, from the file's size
    and modification time, which every publish changes)."""
    tags = request.headers.get("if-none-match", "")
    return response.headers["etag"] in [t.strip().removeprefix("W/") for t in tags.split(",")]


def _served(path: str) -> str:
    """A browser's path as the served file it shows: '/book/' -> 'book/index.html'."""
    rel = path.lstrip("/")
    return rel + "index.html" if not rel or rel.endswith("/") else rel


def run(project: Project, host: str = "127.0.0.1", port: int = 8000) -> int:
    import uvicorn

    # The build's last line says where to open the pages: here, the address served.
    live = LiveBuild(replace(project, served_at=f"http://{host}:{port}/"))
    preview = Preview(live, host, port)
    try:
        preview.start()
        if not preview.site.is_dir():
            print("[preview] no page has ever built; fix the error above and save again.",
                  flush=True)
        print(f"[preview] serving http://{host}:{port}/  (edit and save; Ctrl+C to stop)",
              flush=True)
        server = uvicorn.Server(uvicorn.Config(preview.app(), host=host, port=port,
                                               log_level="warning", lifespan="on",
                                               ws_max_size=MAX_MESSAGE))
        preview.server = server
        # uvicorn shuts down gracefully on Ctrl+C, then passes it on: that is the way out.
        with contextlib.suppress(KeyboardInterrupt):
            server.run()
    finally:
        preview.builder.shutdown(wait=True, cancel_futures=True)
        live.close()
    if preview.restart:
        print("[preview] starting again with the new code", flush=True)
        sys.stdout.flush()
        os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])
    print("[preview] stopped", flush=True)
    return 0
