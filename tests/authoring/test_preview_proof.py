"""The proof sheet in the preview (issue 32): `nsc-report proof`'s page served at /proof/, made
when first asked for, and made again (and reloaded) when a words file is saved while it is
open, like a chapter's page after a chapter edit."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from starlette.testclient import TestClient

from nsc_report.authoring.preview import Preview
from nsc_report.authoring.proof_sheet import PROOF

PORT = 8000


class Counting(Preview):
    """The preview with `nsc-report proof` stood in for: each proof sheet says its number."""

    made = 0

    def make_proof(self) -> None:
        self.made += 1
        self.proof_file.parent.mkdir(parents=True, exist_ok=True)
        self.proof_file.write_text(f"<html><body><p>Proof {self.made}</p></body></html>")


def _preview(tmp_path: Path) -> tuple[Counting, TestClient]:
    site = tmp_path / "site"
    site.mkdir()
    project = SimpleNamespace(root=tmp_path, data_dir=tmp_path / "data",
                              layout=SimpleNamespace(out=tmp_path / "_build"))
    preview = Counting(SimpleNamespace(project=project, served=site),  # type: ignore[arg-type]
                       port=PORT)
    return preview, TestClient(preview.app(), base_url=f"http://127.0.0.1:{PORT}")


def test_the_proof_sheet_is_served_with_the_reload_script_and_made_once(tmp_path):
    preview, client = _preview(tmp_path)
    page = client.get("/proof/")
    assert page.status_code == 200 and "Proof 1" in page.text
    assert '<script src="/_nsc/reload.js"' in page.text  # it reloads like a chapter's page
    assert page.headers["cache-control"] == "no-store"
    assert "Proof 1" in client.get("/proof/index.html").text and preview.made == 1


def test_a_saved_words_file_makes_the_open_proof_sheet_again_and_reloads_it(tmp_path):
    preview, client = _preview(tmp_path)
    client.get("/proof/")
    preview.after_build([tmp_path / "notebooks" / "force.ftl"], viewed=[PROOF])
    assert preview.made == 2 and PROOF in preview.reloaded
    assert "Proof 2" in client.get("/proof/").text
    # An edit that changes no sentence (a chapter's Markdown) leaves it as it is.
    preview.after_build([tmp_path / "book" / "intro.md"], viewed=[PROOF])
    assert preview.made == 2


def test_a_proof_sheet_not_open_is_made_when_next_asked_for(tmp_path):
    preview, client = _preview(tmp_path)
    client.get("/proof/")
    preview.after_build([tmp_path / "notebooks" / "spo.ftl"], viewed=["book/spo.html"])
    assert preview.made == 1  # no one is reading it: not made on every save
    assert "Proof 2" in client.get("/proof/").text
