"""The ``wegwijzer`` command: check content, build the site safely."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import shutil
import sys
import time
from pathlib import Path

from .checks import run_checks
from .problems import Problem
from .writing import LanguageSettings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="wegwijzer", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="check the content without building (fast)")
    check.add_argument("--lifeevents", default="lifeevents", type=Path, help="the content folder")
    check.add_argument(
        "--browser", action="store_true", help="also run the accessibility gate on the built site in site/"
    )
    check.add_argument(
        "-f",
        "--config-file",
        default=Path("mkdocs.yml"),
        type=Path,
        help="mkdocs.yml with the plugin's thresholds",
    )
    check.add_argument(
        "--review-after-days", default=365, type=int, help="warn about content older than this"
    )

    build = sub.add_parser("build", help="build the site; the old site stays if the build fails")
    build.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path)
    build.add_argument("-d", "--site-dir", default=None, type=Path, help="where to write the site")
    build.add_argument("--no-pdf", action="store_true", help="skip the checklist PDFs (faster previews)")
    build.add_argument(
        "--no-browser",
        action="store_true",
        help="skip the accessibility gate in Chromium (faster previews; do not publish)",
    )

    new = sub.add_parser("new", help="start a new life event from a template (never overwrites)")
    new.add_argument("name", help="the file name without .yaml, like ik-verhuis")
    new.add_argument("--lifeevents", default="lifeevents", type=Path, help="the content folder")

    schema = sub.add_parser("schema", help="write the JSON Schemas that editors' tools use")
    schema.add_argument("--out", default="schemas", type=Path, help="the folder to write them to")

    args = parser.parse_args(argv)
    if args.command == "new":
        return run_new(args.lifeevents, args.name)
    if args.command == "schema":
        return run_schema(args.out)
    if args.command == "check":
        code = run_check(args.lifeevents, args.review_after_days, config_file=args.config_file)
        if args.browser:
            site = args.config_file.parent / "site"
            code = max(code, 0 if accessibility_gate(site, args.config_file.parent / CACHE_DIR, None) else 1)
        return code
    return run_build(args.config_file, args.site_dir, pdf=not args.no_pdf, browser=not args.no_browser)


def run_check(
    lifeevents: Path,
    review_after_days: int = 365,
    today: dt.date | None = None,
    config_file: Path | None = None,
) -> int:
    """Print every problem; exit code 1 when there is an error.

    Thresholds come from the wegwijzer plugin's settings in ``config_file``
    (mkdocs.yml) when it exists; Markdown pages are checked too.
    """
    started = time.perf_counter()
    options, docs_dir = plugin_options(config_file) if config_file else ({}, None)
    try:
        settings = LanguageSettings.from_options(options.get("plain_language") or {})
    except (TypeError, ValueError) as err:
        print(f"{config_file}: plain_language: {err}", file=sys.stderr)
        return 2
    result = run_checks(
        lifeevents, docs_dir, settings, options.get("review_after_days", review_after_days), today
    )
    problems = result.problems
    print_problems(problems)
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    took = time.perf_counter() - started
    print(f"{errors} error(s), {warnings} warning(s) in {lifeevents} ({took:.2f} s)")
    return 1 if errors else 0


def run_new(lifeevents: Path, name: str) -> int:
    from .scaffold import ScaffoldError, new_event

    try:
        path = new_event(lifeevents, name, dt.date.today().isoformat())
    except ScaffoldError as err:
        print(f"Not created: {err}", file=sys.stderr)
        return 1
    print(f"Created {path}. Replace every 'VUL IN', then run: wegwijzer check")
    return 0


def run_schema(out: Path) -> int:
    from .schema import write_schemas

    for path in write_schemas(out):
        print(f"Wrote {path}")
    return 0


def plugin_options(config_file: Path) -> tuple[dict, Path | None]:
    """The wegwijzer plugin's options and the docs folder, read from mkdocs.yml without MkDocs."""
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    if not config_file.is_file():
        return {}, None
    data = yaml.load(config_file.read_text("utf-8"), Loader=_Loader) or {}  # noqa: S506 - safe subclass
    options: dict = {}
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "wegwijzer" in plugin:
            options = plugin["wegwijzer"] or {}
    return options, config_file.parent / data.get("docs_dir", "docs")


def print_problems(problems: list[Problem]) -> None:
    for problem in sorted(problems):
        label = "ERROR" if problem.is_error else "WARNING"
        print(f"{label}: {problem}")


def run_build(config_file: Path, site_dir: Path | None, *, pdf: bool = True, browser: bool = False) -> int:
    """Build into a staging folder; replace the site only when everything passed."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    _setup_logging()
    config = load_config(str(config_file), strict=True)
    final = Path(site_dir or config.site_dir).resolve()
    staging = final.parent / f".{final.name}-staging"
    shutil.rmtree(staging, ignore_errors=True)
    config.site_dir = str(staging)
    started = time.perf_counter()
    try:
        # As `mkdocs build` does: plugins that live across builds (ours, for serve) start afresh.
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except (MkDocsException, SystemExit) as err:
        shutil.rmtree(staging, ignore_errors=True)
        message = str(err) or "the build failed"
        print(f"\nBuild failed: {message}\nThe previous site in {final} was not changed.", file=sys.stderr)
        return 1
    if not budget_gate(staging, config, final):
        shutil.rmtree(staging, ignore_errors=True)
        return 1
    if pdf:
        from .pdf import build_pdfs

        results = build_pdfs(staging, config.site_url or "", progress=sys.stderr.isatty())
        if results:
            each = sum(r.seconds for r in results) / len(results)
            print(f"{len(results)} checklist PDFs ({each:.2f} s each)")
    if browser and not accessibility_gate(staging, config_file.parent / CACHE_DIR, final):
        shutil.rmtree(staging, ignore_errors=True)
        return 1
    swap_in(staging, final)
    print(f"Site built in {final} ({time.perf_counter() - started:.1f} s)")
    return 0


CACHE_DIR = ".wegwijzer-cache"


def budget_gate(site: Path, config: object, final: Path) -> bool:
    """Check page weights and outside requests; print the heaviest pages. True when within budget."""
    from .budget import check_budgets

    options = next((p.config for name, p in config.plugins.items() if name == "wegwijzer"), None)  # type: ignore[attr-defined]
    budget = options.first_view_budget_kb if options is not None else 50
    problems, weights = check_budgets(site, budget)
    heaviest = ", ".join(f"{w.page} {w.total / 1024:.1f} KB" for w in weights[:3])
    print(f"Page weight (first view, gzipped): heaviest {heaviest}; budget for guides {budget:g} KB")
    for problem in problems:
        print(f"ERROR    budget: {problem}", file=sys.stderr)
    if problems:
        print(
            f"\nBuild failed: {len(problems)} budget problem(s)."
            f"\nThe previous site in {final} was not changed.",
            file=sys.stderr,
        )
    return not problems


def accessibility_gate(site: Path, cache_dir: Path, final: Path | None) -> bool:
    """Run the browser checks on a built (or staged) site; print findings; True when it passes.

    ``final`` is where a build would put the site; None when checking an existing site.
    """
    from .accessibility import run

    if not site.is_dir():
        print(f"No site in {site} to check. Build it first: wegwijzer build", file=sys.stderr)
        return False
    result = run(site, cache_dir=cache_dir, progress=True)
    for finding in result.findings:
        print(f"ERROR    accessibility: {finding}", file=sys.stderr)
    cached = result.pages - result.checked
    summary = f"{result.pages} pages ({result.checked} checked, {cached} unchanged) in {result.seconds:.1f} s"
    if result.findings:
        where = f"\nBuild failed: the previous site in {final} was not changed." if final else ""
        print(f"\n{len(result.findings)} accessibility problem(s); {summary}.{where}", file=sys.stderr)
        return False
    print(f"Accessibility: no problems; {summary}")
    return True


def swap_in(staging: Path, final: Path) -> None:
    """Replace ``final`` by ``staging`` with two renames, so the site is never half-written."""
    previous = final.parent / f".{final.name}-previous"
    shutil.rmtree(previous, ignore_errors=True)
    if final.exists():
        final.rename(previous)
    staging.rename(final)
    shutil.rmtree(previous, ignore_errors=True)


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is now (tests capture it)."""

    @property
    def stream(self):  # type: ignore[override]
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def _setup_logging() -> None:
    mkdocs_log = logging.getLogger("mkdocs")
    if any(isinstance(h, _StderrHandler) for h in mkdocs_log.handlers):
        return
    handler = _StderrHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-8s %(message)s"))
    mkdocs_log.addHandler(handler)
    mkdocs_log.setLevel(logging.INFO)


if __name__ == "__main__":
    sys.exit(main())
