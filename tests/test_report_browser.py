"""The report as a reader sees it: report.html rendered by headless Chromium (Debian's package, driven by
Playwright; no browser download), at a desktop and a phone width.

Skipped, with the reason, only where Chromium or Playwright is missing; CI installs both (``.ci/run``). The
screenshots are kept under ``build/screenshots/`` for a person to look at.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from clihelpers import run

CHROMIUM = os.environ.get("PF_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:  # pragma: no cover - depends on the machine
    pytest.skip(
        "no Chromium on this machine (apt-get install chromium; CI installs it)", allow_module_level=True
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is part of the test extra")

SHOTS = Path(__file__).parents[1] / "build" / "screenshots"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Every text node outside a link that holds an address: a plain-text URL where a link belongs.
BARE_URLS = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement.closest('a, style, script, svg')) continue;
    if (/https?:\\/\\//.test(n.textContent)) out.push(n.textContent.slice(0, 80));
  }
  return out;
}"""


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("browser") / "report"
    code, _, err = run("report", "--out", str(folder))
    assert code == 0, err
    return folder / "report.html"


@pytest.fixture(scope="module")
def browser() -> object:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_report_reads_in_a_real_browser(report: Path, browser: object, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    page.goto(report.as_uri())
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"report-{width}.png"), full_page=False)
    page.screenshot(path=str(SHOTS / f"report-{width}-full.png"), full_page=True)

    # No horizontal overflow of the page: wide tables and figures scroll inside their own box.
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    inner_width = page.evaluate("window.innerWidth")
    assert scroll_width <= inner_width, f"the page is {scroll_width}px wide in a {inner_width}px window"

    # Every picture has loaded with a size: <img> elements and the inlined SVG figures.
    images = page.evaluate("() => [...document.images].map(i => [i.src, i.complete && i.naturalWidth > 0])")
    assert all(ok for _, ok in images), images
    figures = page.evaluate(
        "() => [...document.querySelectorAll('figure svg')].map(s => {"
        " const r = s.getBoundingClientRect(); return [r.width, r.height]; })"
    )
    assert len(figures) >= 2
    assert all(w > 0 and h > 0 for w, h in figures), figures

    # Every in-page link lands on an anchor; the contents list every section.
    missing = page.evaluate(
        "() => [...document.querySelectorAll('a[href^=\"#\"]')]"
        ".map(a => a.getAttribute('href').slice(1)).filter(id => !document.getElementById(id))"
    )
    assert missing == []
    sections = page.evaluate("() => document.querySelectorAll('h2[id]').length")
    toc = page.evaluate("() => document.querySelectorAll('nav.toc a').length")
    assert toc == sections > 5

    # Every address is a link.
    assert page.evaluate(BARE_URLS) == []
    links = page.evaluate("() => [...document.querySelectorAll('a[href^=\"http\"]')].length")
    assert links > 20

    # Numbers are right-aligned.
    aligned = page.evaluate(
        "() => [...document.querySelectorAll('td.num')]"
        ".every(td => getComputedStyle(td).textAlign === 'right')"
    )
    assert aligned
    page.close()


def test_print_stylesheet_hides_navigation(report: Path, browser: object) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page.goto(report.as_uri())
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('nav.toc')).display") == "none"
    page.close()
