"""Runs inside a warm kernel: a clean start for each notebook, and a record of what it used.

`execute.py` starts a kernel, imports this module once (`install`), then around every notebook
runs `begin(...)` and `finish()` as silent executions, which neither count as cells nor change
the execution count. Between notebooks the kernel keeps only what a fresh kernel would have
after importing the heavy third-party libraries; everything a notebook could change is put back:

- the user namespace and the execution count (IPython's `reset(new_session=True)`);
- the working directory, `sys.path`, environment variables and warnings filters (including the
  "already shown" registries, so a warning prints again as it would in a fresh kernel);
- Altair's theme, renderer and data transformer, pandas options, matplotlib figures and rcParams;
- this package's own modules, dropped from `sys.modules` so that each notebook imports them
  afresh: the code is never stale after an edit, and the imports are what we record.

The record: every file under the data folder, or under the templates' folder (a section's
words, `notebooks/<section>.ftl`), that the notebook opened (an audit hook on `open`), and every
module of this package it imported.
"""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path
from typing import Any

PACKAGE = "nsc_report"
_SELF = __name__
# Libraries imported before the first notebook so that no notebook pays for them.
WARM_IMPORTS = ("numpy", "pandas", "altair", "vl_convert", "pandera.pandas", "pydantic", "yaml",
                "myst_nb", "IPython.display", "jupyter_client", "fluent.runtime")
# Where a notebook finds its section's words (present/words.py reads the same variable).
WORDS_ENV = "NSC_REPORT_WORDS"

_baseline: dict[str, Any] = {}
_opened: set[str] = set()
_recording: list[Path] = []  # the folders being watched while a notebook runs


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event != "open" or not _recording:
        return
    path = args[0]
    if isinstance(path, int):  # os.fdopen: no name to record
        return
    try:
        resolved = Path(os.fsdecode(path)).resolve()
    except (OSError, ValueError, TypeError):
        return
    if any(resolved.is_relative_to(f) for f in _recording) and resolved.is_file():
        _opened.add(str(resolved))


def _altair_state() -> dict[str, Any]:
    import altair as alt

    return {"theme": alt.theme.active, "renderer": alt.renderers.active,
            "renderer_options": dict(alt.renderers.options),
            "transformer": alt.data_transformers.active,
            "transformer_options": dict(alt.data_transformers.options)}


def install() -> None:
    """Import the heavy libraries and remember the state every notebook starts from."""
    import importlib

    for name in WARM_IMPORTS:
        importlib.import_module(name)
    # The first conversion starts vl-convert's JavaScript engine; pay for it here, once.
    import vl_convert as vlc
    vlc.vegalite_to_svg({"mark": "point", "data": {"values": [{}]}})
    import pandas as pd

    _baseline.update(
        sys_path=list(sys.path), environ=dict(os.environ),
        warnings=list(warnings.filters), altair=_altair_state(),
        pandas_options={key: pd.get_option(key) for key in _pandas_keys()},
    )
    sys.addaudithook(_audit)


def _pandas_keys() -> list[str]:
    import pandas as pd

    return sorted(pd._config.config._registered_options)  # every option pandas knows


def _restore_altair() -> None:
    import altair as alt

    state = _baseline["altair"]
    alt.theme.enable(state["theme"])
    alt.renderers.enable(state["renderer"], **state["renderer_options"])
    alt.data_transformers.enable(state["transformer"], **state["transformer_options"])


def _restore_pandas() -> None:
    import pandas as pd

    for key, value in _baseline["pandas_options"].items():
        if pd.get_option(key) != value:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                pd.set_option(key, value)


def _restore_matplotlib() -> None:
    mpl = sys.modules.get("matplotlib")
    if mpl is None:
        return
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
    mpl.rcParams.update(mpl.rcParamsDefault)


def begin(cwd: str, watch: str, words: str | None = None) -> None:
    """Put the kernel back to the state of a fresh one, then start recording what it opens
    under `watch` (the data folder) and `words` (the templates' folder, where the words files
    are, which the notebook then reads)."""
    from IPython import get_ipython

    shell = get_ipython()
    shell.reset(new_session=True)  # namespace, history, and execution count back to 1
    os.chdir(cwd)
    sys.path[:] = _baseline["sys_path"]
    os.environ.clear()
    os.environ.update(_baseline["environ"])
    warnings.filters[:] = _baseline["warnings"]
    warnings._filters_mutated()  # forget which warnings were already shown
    _restore_altair()
    _restore_pandas()
    _restore_matplotlib()
    for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
        if name != _SELF:
            del sys.modules[name]
    if words is not None:
        os.environ[WORDS_ENV] = words
    _opened.clear()
    _recording[:] = [Path(folder).resolve() for folder in (watch, words) if folder is not None]


def finish() -> dict[str, list[str]]:
    """Stop recording; return the data files opened and the package modules imported."""
    _recording.clear()
    modules = []
    for name, module in list(sys.modules.items()):
        if (name == PACKAGE or name.startswith(PACKAGE + ".")) and name != _SELF:
            file = getattr(module, "__file__", None)
            if file:
                modules.append(str(Path(file).resolve()))
    return {"files": sorted(_opened), "modules": sorted(modules)}
