"""Reusable pieces for the browser, accessibility and HTML-validity tests.

The npm dev tools (axe-core, vnu-jar) come from `npm ci` into node_modules/; without them these tests go
through tests.services.unavailable("npm", ...), so CI (NEWSROOM_REQUIRE=...,npm) fails instead of skipping.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.services import need_java, unavailable

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTIFACTS = ROOT / "artifacts"

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1440, "height": 900}


def need_npm_tool(path: Path) -> Path:
    if not path.is_file():
        unavailable("npm", f"{path.relative_to(ROOT)} is missing (run `npm ci` in the repository)")
    return path


def axe_violations(page, *, impacts: tuple[str, ...] = ("serious", "critical")) -> list[dict]:
    """Run axe-core in `page` and return the violations of the given impacts (id, impact, targets)."""
    # Evaluated through the browser's debugging protocol, which the page's Content-Security-Policy does
    # not govern; an inline <script> tag (add_script_tag) would be refused by it, as it should be.
    page.evaluate(need_npm_tool(AXE).read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result["violations"]
        if violation["impact"] in impacts
    ]


def html_errors(pages: dict[str, str], workdir: Path) -> dict[str, list[str]]:
    """Validate HTML documents with the Nu HTML checker in one JVM; returns the errors per page name."""
    java = need_java()
    vnu = need_npm_tool(VNU)
    files = {}
    for name, html in pages.items():
        path = workdir / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        files[str(path)] = name
    completed = subprocess.run(
        [java, "-jar", str(vnu), "--format", "json", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    messages = json.loads(completed.stderr or completed.stdout)["messages"]
    errors: dict[str, list[str]] = {name: [] for name in pages}
    for message in messages:
        if message.get("type") == "error" or message.get("subType") == "fatal":
            name = files.get(message.get("url", "").removeprefix("file:"), "?")
            errors.setdefault(name, []).append(f"line {message.get('lastLine')}: {message.get('message')}")
    return errors


class PageWatcher:
    """Collects console errors, failed requests, 4xx/5xx responses and requests to other hosts."""

    def __init__(self, page, origin: str):
        self.origin = origin
        self.problems: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.on(
            "requestfailed",
            lambda request: self.problems.append(f"failed: {request.url} ({request.failure})"),
        )
        page.on("response", self._response)
        page.on("request", self._request)

    def _console(self, message) -> None:
        if message.type in ("error", "warning"):
            # "Failed to load resource" names no resource: add which one.
            where = f" ({message.location['url']})" if message.text.startswith("Failed to load") else ""
            self.problems.append(f"console {message.type}: {message.text}{where}")

    def _response(self, response) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def _request(self, request) -> None:
        if not request.url.startswith((self.origin, "data:")):
            self.problems.append(f"request to another host: {request.url}")


def wait_for_ckeditor(page) -> None:
    """Until the admin's CKEditor is ready. Not page.wait_for_function with a string: Playwright runs that
    predicate through eval, which the admin's Content-Security-Policy refuses."""
    page.wait_for_selector(".cke_wysiwyg_div")
    status = page.evaluate(
        """() => new Promise((resolve) => {
             const editor = Object.values(CKEDITOR.instances)[0];
             if (editor.status === "ready") resolve(editor.status);
             else editor.on("instanceReady", () => resolve(editor.status));
           })"""
    )
    assert status == "ready"
