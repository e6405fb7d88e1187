"""Publishing: build into a staging folder, run the gates, print the PDFs, then swap the site in.

One failure path: whatever stops the build (a content error, a gate, a missing
Chromium, a crash in a gate), the staging folder is removed, one message says what
happened, and the previous site is left exactly as it was.
"""

from __future__ import annotations

import logging
import shutil
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from ..checks.site_options import check_site_config
from ..problems import Problem, not_changed, printer, report
from .browser import ChromiumMissing
from .budget import GUIDE_BUDGET_KB, check_budgets
from .engine import EngineMissing, engine
from .html_check import HtmlCheckerMissing, check_html
from .swap import SiteLocked, SwapFailed, build_lock, recover, staging_dir, swap_in

CACHE_DIR = ".wegwijzer-cache"
"""Accessibility results kept by content, next to mkdocs.yml."""


class GateFailed(Exception):
    """A gate found problems; they have been reported."""


def run_build(
    config_file: Path,
    site_dir: Path | None = None,
    *,
    pdf: bool = True,
    browser: bool = False,
    html: bool = False,
    engine_name: str | None = None,
) -> int:
    """Build into a staging folder; replace the site only when everything passed. Returns an exit code.

    ``html`` runs the W3C HTML checker over every page, ``browser`` the accessibility gate in
    Chromium, ``pdf`` prints the checklists; the command line turns all three on.
    """
    started = time.perf_counter()
    site, problems = check_site_config(config_file)
    final = Path(site_dir or site.site_dir).resolve()
    if problems:
        report(problems, printer(sys.stderr))
        return _failed(f"{len(problems)} problem(s) in {config_file.name} (listed above)", final)
    try:
        chosen = engine(engine_name)
        with build_lock(final):
            done = recover(final)
            if done:
                print(done, file=sys.stderr)
            gates = {"pdf": pdf, "browser": browser, "html": html}
            return _staged_build(chosen, config_file, final, gates, started)
    except (EngineMissing, SiteLocked, SwapFailed) as err:
        return _failed(str(err), final)


def _staged_build(chosen: Any, config_file: Path, final: Path, gates: dict[str, bool], started: float) -> int:
    _setup_logging()
    try:
        config = chosen.load_config(str(config_file), strict=True)
    except (chosen.error, SystemExit) as err:
        return _failed(str(err) or "mkdocs.yml cannot be read", final)
    staging = staging_dir(final)
    try:
        shutil.rmtree(staging, ignore_errors=True)
        config.site_dir = str(staging)
        _build(chosen, config)
        budget_gate(staging, _plugin_option(config, "first_view_budget_kb", GUIDE_BUDGET_KB))
        cache = config_file.parent / CACHE_DIR
        # The HTML checker (Java) runs while Chromium prints and checks; both only read the staging folder.
        with ThreadPoolExecutor(max_workers=1) as background:
            html_done = background.submit(html_gate, staging, cache) if gates["html"] else None
            if gates["pdf"]:
                _pdfs(staging, config.site_url or "", cache)
            if gates["browser"]:
                accessibility_gate(staging, cache)
            if html_done is not None:
                html_done.result()
        swap_in(staging, final)
    except (chosen.error, SystemExit) as err:
        return _failed(str(err) or "the build failed", final)
    except (GateFailed, ChromiumMissing, SwapFailed) as err:
        return _failed(str(err), final)
    except Exception as err:  # noqa: BLE001 - a crash in a gate must still leave the old site
        return _failed(f"an unexpected error in the build ({type(err).__name__}: {err})", final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    print(f"Site built in {final} ({time.perf_counter() - started:.1f} s) with {chosen.name}")
    return 0


def _failed(reason: str, final: Path) -> int:
    kept = not_changed(final) if final.exists() else f"There is no site in {final} yet."
    print(f"\nBuild failed: {reason}\n{kept}", file=sys.stderr)
    return 1


def _build(chosen: Any, config: Any) -> None:
    # As `mkdocs build` does: plugins that live across builds (ours, for serve) start afresh.
    config.plugins.on_startup(command="build", dirty=False)
    try:
        chosen.build(config)
    finally:
        config.plugins.on_shutdown()


def _plugin_option(config: Any, name: str, default: Any) -> Any:
    plugin = config.plugins.get("wegwijzer")
    return getattr(plugin.config, name) if plugin is not None else default


def _pdfs(site: Path, site_url: str, cache_dir: Path) -> None:
    from .pdf import build_pdfs  # Playwright loads only when PDFs are made

    _cache_is_folder(cache_dir)
    results = build_pdfs(site, site_url, progress=sys.stderr.isatty(), cache_dir=cache_dir)
    printed = [r for r in results if r.printed]
    if results:
        each = sum(r.seconds for r in printed) / max(len(printed), 1)
        kept = len(results) - len(printed)
        print(f"{len(results)} checklist PDFs ({len(printed)} printed, {each:.2f} s each; {kept} unchanged)")


def budget_gate(site: Path, budget_kb: float) -> None:
    """Check page weights and outside requests; print the heaviest pages. Raises GateFailed."""
    problems, weights = check_budgets(site, budget_kb)
    heaviest = ", ".join(f"{w.page} {w.total / 1024:.1f} KB" for w in weights[:3])
    print(f"Page weight (first view, gzipped): heaviest {heaviest}; budget for guides {budget_kb:g} KB")
    _gate("budget", problems)


def html_gate(site: Path, cache_dir: Path | None = None) -> None:
    """Check every page of a built (or staged) site with the W3C HTML checker. Raises GateFailed."""
    if not site.is_dir():
        raise GateFailed(f"there is no site in {site} to check; build it first: wegwijzer build")
    _cache_is_folder(cache_dir)
    try:
        result = check_html(site, cache_dir)
    except HtmlCheckerMissing as err:
        raise GateFailed(str(err)) from None
    report(result.problems, printer(sys.stderr))
    counts = f"{result.checked} checked, {result.pages - result.checked} unchanged"
    summary = f"{result.pages} pages ({counts}) in {result.seconds:.1f} s"
    if result.errors:
        raise GateFailed(f"{result.errors} HTML error(s) on {result.failed_pages} page(s); {summary}")
    print(f"HTML: valid (W3C HTML checker); {summary}")


def accessibility_gate(site: Path, cache_dir: Path | None) -> None:
    """Run the browser checks on a built (or staged) site and print the findings. Raises GateFailed."""
    from .accessibility import run  # Playwright loads only when the gate runs

    if not site.is_dir():
        raise GateFailed(f"there is no site in {site} to check; build it first: wegwijzer build")
    _cache_is_folder(cache_dir)
    result = run(site, cache_dir=cache_dir, progress=True)
    cached = result.pages - result.checked - result.shared
    summary = (
        f"{result.pages} pages ({result.checked} checked, {result.shared} with the same structure"
        f" as a checked page, {cached} unchanged) in {result.seconds:.1f} s"
    )
    _gate("accessibility", [finding.problem() for finding in result.findings], summary)
    print(f"Accessibility: no problems; {summary}")


def _cache_is_folder(cache_dir: Path | None) -> None:
    if cache_dir is not None and cache_dir.exists() and not cache_dir.is_dir():
        raise GateFailed(
            f"{cache_dir} is a file, but Wegwijzer keeps the results of its checks in a folder "
            "of that name; delete the file and build again"
        )


def _gate(name: str, problems: list[Problem], summary: str = "") -> None:
    errors, _ = report(problems, printer(sys.stderr))
    if errors:
        detail = f"; {summary}" if summary else ""
        raise GateFailed(f"{errors} {name} problem(s){detail}")


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is now (tests capture it)."""

    @property
    def stream(self):  # type: ignore[override]
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def _setup_logging() -> None:
    for name in ("mkdocs", "properdocs"):
        log = logging.getLogger(name)
        if any(isinstance(h, _StderrHandler) for h in log.handlers):
            continue
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-8s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
