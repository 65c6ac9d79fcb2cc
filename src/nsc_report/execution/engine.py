"""Warm kernels: a notebook runs in a kernel that has already started and imported the heavy
libraries, instead of paying for both before its first cell.

Papermill stays the front door: `execute_notebook` injects the parameters and runs the cells
through the engine registered here as "nsc-warm", which hands nbclient a kernel we started.
Before the first cell and after the last, the engine runs `kernel_session.begin` and `finish`
as silent executions (no execution count, no output in the notebook): the first puts the kernel
back to a fresh state, the second returns what the notebook read and imported.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import nbformat
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import run_sync
from nbclient.exceptions import DeadKernelError
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines

from nsc_report.execution.cache import INPUTS_KEY
from nsc_report.execution.templates import read_template

KERNEL = "python3"
ENGINE = "nsc-warm"
STARTUP_TIMEOUT = 60


class KernelLost(Exception):
    """The kernel died or was stopped for running too long; the notebook may be retried."""


class SilentCodeFailed(Exception):
    """The kernel-side set-up code failed: a bug here, not in the notebook."""


class WarmNotebookClient(PapermillNotebookClient):
    """Papermill's client, with the clean-start and record steps around the cells."""

    def __init__(self, nb_man: Any, *, begin: str, finish: str, **kw: Any):
        super().__init__(nb_man, **kw)
        self._begin, self._finish = begin, finish
        self.recorded: dict[str, list[str]] = {}

    def _silent(self, code: str, expressions: dict[str, str] | None = None) -> dict[str, Any]:
        assert self.kc is not None
        msg_id = self.kc.execute(code, silent=True, store_history=False,
                                 user_expressions=expressions or {})
        reply = self.wait_for_reply(msg_id)
        content = reply["content"] if reply else {}
        if content.get("status") != "ok":
            raise SilentCodeFailed(f"{content.get('ename')}: {content.get('evalue')}")
        return content

    def papermill_execute_cells(self) -> None:
        self._silent(self._begin)
        super().papermill_execute_cells()
        reply = self._silent("", {"record": self._finish})
        record = reply["user_expressions"]["record"]
        if record.get("status") != "ok":
            raise SilentCodeFailed(f"{record.get('ename')}: {record.get('evalue')}")
        self.recorded = json.loads(record["data"]["text/plain"].strip("'"))
        self.nb.metadata[INPUTS_KEY] = self.recorded


class WarmEngine(NBClientEngine):
    """Papermill engine over an already running kernel (`km`, `kc` passed by `WarmKernel`)."""

    @classmethod
    def execute_managed_notebook(cls, nb_man: Any, kernel_name: str, *, km: AsyncKernelManager,
                                 kc: Any, begin: str, finish: str,
                                 execution_timeout: float | None = None, **_: Any) -> Any:
        client = WarmNotebookClient(nb_man, km=km, begin=begin, finish=finish,
                                    kernel_name=kernel_name, timeout=execution_timeout,
                                    startup_timeout=STARTUP_TIMEOUT)
        client.kc = kc  # nbclient keeps a client it did not create: the kernel stays up
        return client.execute()


papermill_engines.register(ENGINE, WarmEngine)


class WarmKernel:
    """One long-lived kernel that has imported the package's heavy dependencies.

    nbclient drives kernels through the asynchronous client; the synchronous calls here wrap
    it with jupyter_core's `run_sync`, on the same event loop that nbclient uses.
    """

    def __init__(self) -> None:
        self.km = AsyncKernelManager(kernel_name=KERNEL)
        run_sync(self.km.start_kernel)()
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.allow_stdin = False
        try:
            run_sync(self.kc.wait_for_ready)(timeout=STARTUP_TIMEOUT)
            reply = run_sync(self.kc.execute_interactive)(
                "import nsc_report.notebook.session as _nsc_session\n_nsc_session.install()\n"
                "del _nsc_session", silent=True, store_history=False, timeout=STARTUP_TIMEOUT,
                output_hook=lambda msg: None)
        except Exception:
            self.shutdown()
            raise
        if reply["content"]["status"] != "ok":
            self.shutdown()
            raise SilentCodeFailed(f"warming the kernel failed: {reply['content'].get('evalue')}")

    def alive(self) -> bool:
        return bool(run_sync(self.km.is_alive)())

    def kill(self) -> None:
        """Stop the kernel at once; safe from the watchdog thread (a plain signal)."""
        process = getattr(self.km.provisioner, "process", None)
        if process is not None and process.poll() is None:
            process.kill()

    def shutdown(self) -> None:
        try:
            self.kc.stop_channels()
            run_sync(self.km.shutdown_kernel)(now=True)
        except Exception:  # noqa: BLE001 - best effort when the kernel is already gone
            self.kill()

    def run(self, template: Path, parameters: dict[str, Any], cwd: Path, watch: Path,
            timeout: float) -> nbformat.NotebookNode:
        """Execute one template; raise KernelLost if the kernel dies or runs past `timeout`."""
        import papermill as pm


        module = "__import__('nsc_report.notebook.session', fromlist=['_'])"
        # The template's folder holds its section's words file: read from there, and recorded.
        begin = f"{module}.begin({str(cwd)!r}, {str(watch)!r}, {str(template.parent)!r})"
        finish = f"__import__('json').dumps({module}.finish())"
        timed_out = threading.Event()

        def stop() -> None:
            timed_out.set()
            self.kill()

        watchdog = threading.Timer(timeout, stop)
        watchdog.daemon = True
        watchdog.start()
        try:
            return pm.execute_notebook(
                read_template(template), None, parameters=parameters, engine_name=ENGINE,
                kernel_name=KERNEL, progress_bar=False, log_output=False, report_mode=False,
                km=self.km, kc=self.kc, begin=begin, finish=finish)
        except DeadKernelError as exc:
            if timed_out.is_set():
                raise KernelLost(f"stopped after {timeout:.0f} s (the notebook timeout)") from exc
            raise KernelLost(f"the kernel died ({exc})") from exc
        except Exception:
            if timed_out.is_set():
                raise KernelLost(f"stopped after {timeout:.0f} s (the notebook timeout)") from None
            raise
        finally:
            watchdog.cancel()
