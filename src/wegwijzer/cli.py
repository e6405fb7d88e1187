"""The ``wegwijzer`` command: argument parsing only; the work is done by the layers below."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from .checks import REVIEW_AFTER_DAYS, check_site, load_checked
from .editing.links import check_links, content_links
from .editing.scaffold import ScaffoldError, new_event
from .editing.schema import write_schemas
from .problems import printer, report
from .publish.build import CACHE_DIR, GateFailed, accessibility_gate, html_gate, run_build
from .publish.engine import ENGINES


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="wegwijzer", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="check the content without building (fast)")
    check.add_argument("--lifeevents", default="lifeevents", type=Path, help="the content folder")
    check.add_argument(
        "--browser", action="store_true", help="also run the accessibility gate on the built site"
    )
    check.add_argument(
        "--html", action="store_true", help="also check the built site's HTML with the W3C checker"
    )
    check.add_argument(
        "-f",
        "--config-file",
        default=Path("mkdocs.yml"),
        type=Path,
        help="mkdocs.yml with the plugin's thresholds",
    )
    check.add_argument("-d", "--site-dir", default=None, type=Path, help="the built site (default: site/)")
    check.add_argument(
        "--review-after-days",
        default=None,
        type=int,
        help=f"warn about content older than this (default: mkdocs.yml, else {REVIEW_AFTER_DAYS})",
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
    build.add_argument(
        "--no-html-check",
        action="store_true",
        help="skip the W3C HTML checker (it needs Java; do not publish)",
    )
    build.add_argument(
        "--engine", choices=ENGINES, default=None, help="MkDocs or ProperDocs (default: mkdocs)"
    )

    new = sub.add_parser("new", help="start a new life event from a template (never overwrites)")
    new.add_argument("name", help="the file name without .yaml, like ik-verhuis")
    new.add_argument("--lifeevents", default="lifeevents", type=Path, help="the content folder")

    links = sub.add_parser("links", help="check every web address in the content (needs a network)")
    links.add_argument("--lifeevents", default="lifeevents", type=Path, help="the content folder")

    schema = sub.add_parser("schema", help="write the JSON Schemas that editors' tools use")
    schema.add_argument("--out", default="schemas", type=Path, help="the folder to write them to")

    args = parser.parse_args(argv)
    if args.command == "new":
        return run_new(args.lifeevents, args.name)
    if args.command == "links":
        return run_links(args.lifeevents)
    if args.command == "schema":
        for path in write_schemas(args.out):
            print(f"Wrote {path}")
        return 0
    if args.command == "check":
        code = run_check(args.lifeevents, args.review_after_days, config_file=args.config_file)
        site = args.site_dir or args.config_file.parent / "site"
        if args.html:
            code = max(code, run_html_check(site))
        if args.browser:
            code = max(code, run_browser_check(site, args.config_file.parent / CACHE_DIR))
        return code
    return run_build(
        args.config_file,
        args.site_dir,
        pdf=not args.no_pdf,
        browser=not args.no_browser,
        html=not args.no_html_check,
        engine_name=args.engine,
    )


def run_check(
    lifeevents: Path,
    review_after_days: int | None = None,
    today: dt.date | None = None,
    config_file: Path | None = None,
) -> int:
    """Print every problem; exit code 1 when there is an error.

    Thresholds come from the wegwijzer plugin's settings in ``config_file``
    (mkdocs.yml) when it exists; Markdown pages are checked too. A value given on
    the command line wins over mkdocs.yml.
    """
    started = time.perf_counter()
    result = check_site(config_file, lifeevents, review_after_days, today)
    errors, warnings = report(result.problems, printer())
    took = time.perf_counter() - started
    print(f"{errors} error(s), {warnings} warning(s) in {lifeevents} ({took:.2f} s)")
    return 1 if errors else 0


def run_browser_check(site: Path, cache_dir: Path) -> int:
    try:
        accessibility_gate(site, cache_dir)
    except GateFailed as err:
        print(f"\n{err}", file=sys.stderr)
        return 1
    return 0


def run_html_check(site: Path) -> int:
    try:
        html_gate(site)
    except GateFailed as err:
        print(f"\n{err}", file=sys.stderr)
        return 1
    return 0


def run_links(lifeevents: Path) -> int:
    """Check every web address; exit code 1 when one does not work (2 when the content has errors)."""
    content, problems = load_checked(lifeevents)
    if any(p.is_error for p in problems):
        report(problems, printer())
        print("Fix these first: wegwijzer check", file=sys.stderr)
        return 2
    found = content_links(content)
    print(f"Checking {len(found)} web addresses ({len({link.url for link in found})} different) ...")
    dead, _ = report(check_links(found), printer())
    print(f"{dead} address(es) do not work")
    return 1 if dead else 0


def run_new(lifeevents: Path, name: str) -> int:
    try:
        path = new_event(lifeevents, name, dt.date.today().isoformat())
    except ScaffoldError as err:
        print(f"Not created: {err}", file=sys.stderr)
        return 1
    print(f"Created {path}. Replace every 'VUL IN', then run: wegwijzer check")
    return 0


if __name__ == "__main__":
    sys.exit(main())
