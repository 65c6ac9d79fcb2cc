"""The proof sheet in the preview (`nsc-report preview`, /proof/): `nsc-report proof`'s page,
every sentence of the words files with each of its variants, made when first asked for and
made again, and reloaded, when a words file (or the data or code its values come from) is
saved while it is open."""

from __future__ import annotations

import asyncio
import time
import traceback
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from nsc_report import book
from nsc_report.errors import NscReportError

# Where the proof sheet is served (a served path, as the preview's `_served` gives it).
PROOF = "proof/index.html"


class ProofSheet:
    """The proof sheet's part of the preview (mixed into `preview.Preview`, which gives the
    build thread, the live build, `page` and `_written`)."""

    live: Any
    builder: Any
    proof_stale: bool
    proof_error: str | None

    def page(self, path: Path) -> Response:
        raise NotImplementedError

    def _written(self, pages: list[str]) -> None:
        raise NotImplementedError

    # --- the proof sheet ------------------------------------------------------------------
    @property
    def proof_file(self) -> Path:
        """Where `nsc-report proof` writes its page (<out>/proof/index.html)."""
        return self.live.project.layout.out / "proof" / "index.html"

    def make_proof(self) -> None:
        """The proof sheet, made as `nsc-report proof` makes it (on the build thread)."""
        book.proof(self.live.project)

    def _proof(self) -> None:
        started = time.perf_counter()
        try:
            self.make_proof()
        except NscReportError as exc:
            self.proof_error = exc.report()
        except Exception:  # noqa: BLE001 - a bug in the proof must not stop the preview
            self.proof_error = traceback.format_exc()
        else:
            self.proof_error = None
            print(f"[preview] proof sheet made in {time.perf_counter() - started:.1f} s",
                  flush=True)
        self.proof_stale = False

    def after_build(self, changed: list[Path], viewed: list[str]) -> None:
        """After a build that succeeded: the proof sheet is stale when a words file, the
        data or the code changed (its sentences and their values); made again now, and
        reloaded, when it is open."""
        if any(p.suffix == ".ftl" or p.is_relative_to(self.live.project.data_dir)
               or p.suffix == ".py" for p in changed):
            self.proof_stale = True
        if self.proof_stale and PROOF in viewed:
            self._proof()
            self._written([PROOF])

    async def serve_proof(self, request: Request) -> Response:
        """The proof sheet, made first if it is stale (on the build thread, after any build
        that is running)."""
        if self.proof_stale or not self.proof_file.is_file():
            await asyncio.get_running_loop().run_in_executor(self.builder, self._proof)
        if self.proof_error is not None and not self.proof_file.is_file():
            return PlainTextResponse(f"The proof sheet could not be made:\n\n{self.proof_error}",
                                     status_code=500)
        return self.page(self.proof_file)
