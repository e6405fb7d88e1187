"""Benchmarks (``scripts/bench``): measured facts, not timed tests.

Each section prints a small table. ``scripts/bench --help`` lists them.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


MEASURE_ONLY = "measure only"
"""Seconds a benchmark child spent on phases it timed apart, which the build then runs again."""


def _child_build(config: Path, site: Path, pdf: bool) -> None:
    """Run inside a fresh process: time each phase of a build, print JSON."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from wegwijzer.checks import load_checked, run_checks
    from wegwijzer.checks.plain_language import LanguageSettings

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    times = {}
    started = time.perf_counter()
    load_checked(config.parent / "lifeevents")
    times["load + references"] = time.perf_counter() - started
    cfg = load_config(str(config), site_dir=str(site))
    options = cfg.plugins["wegwijzer"].config
    started = time.perf_counter()
    run_checks(
        config.parent / options.lifeevents_dir,
        Path(cfg.docs_dir),
        LanguageSettings.from_options(options.plain_language),
        options.review_after_days,
    )
    checks = time.perf_counter() - started
    times["content checks (plain language, freshness)"] = checks - times["load + references"]
    started = time.perf_counter()
    cfg.plugins.on_startup(command="build", dirty=False)
    build(cfg)
    times["mkdocs build (all pages)"] = time.perf_counter() - started
    times["  of which render + write (build minus checks)"] = times["mkdocs build (all pages)"] - checks
    times[MEASURE_ONLY] = checks  # the build does these again itself: not part of its wall time
    if pdf:
        from wegwijzer.publish.pdf import build_pdfs

        started = time.perf_counter()
        build_pdfs(site, cfg.site_url or "", progress=False)
        times["checklist PDFs"] = time.perf_counter() - started
    times["peak memory (MiB)"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(times))


def _run_child(config: Path, site: Path, pdf: bool) -> dict[str, float]:
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--child", str(config), str(site), "1" if pdf else "0"],
        check=True, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["total wall time"] = time.perf_counter() - started - result.pop(MEASURE_ONLY)
    return result


def _plain_build(config: Path, site: Path) -> dict[str, float]:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
        check=True, capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip
    wall = time.perf_counter() - started
    return {
        "total wall time": wall,
        "peak memory (MiB)": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


SUMMARY: list[tuple[str, str]] = []
"""Every target a section measured, printed together at the end: (figure and target, value and verdict)."""


def _target(figure: str, value: str, met: bool) -> tuple[str, str]:
    """A row for a target, also kept for the summary table."""
    row = (figure, f"{value}: {'met' if met else 'NOT met'}")
    SUMMARY.append(row)
    return row


def _table(title: str, rows: list[tuple[str, str]]) -> None:
    width = max(len(name) for name, _ in rows)
    print(f"\n{title}\n" + "-" * len(title))
    for name, value in rows:
        print(f"  {name.ljust(width)}  {value}")


def bench_example(args: argparse.Namespace) -> None:
    """The example site: build without browser checks (target ≤ 5 s), and with PDFs."""
    with tempfile.TemporaryDirectory() as tmp:
        plain = _run_child(ROOT / "mkdocs.yml", Path(tmp) / "site", pdf=False)
        full = _run_child(ROOT / "mkdocs.yml", Path(tmp) / "site2", pdf=True)
    events = len(list((ROOT / "lifeevents").glob("*.yaml")))
    rows = [(k, f"{v:.2f}") for k, v in plain.items()]
    wall = plain["total wall time"]
    rows.append(_target("example: build without browser checks (≤ 5 s)", f"{wall:.1f} s", wall <= 5))
    rows.append(("checklist PDFs, per guide", f"{full.get('checklist PDFs', 0) / max(events, 1):.2f} s"))
    _table("Example site", rows)


def bench_scale(args: argparse.Namespace) -> None:
    """A synthetic site (N events × M steps, K help points) against plain mkdocs-material."""
    from .synthetic import write_plain_site, write_site

    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        config = write_site(
            base / "synthetic", args.events, args.steps, args.helppoints, ROOT / "theme", args.seed
        )
        ours = _run_child(config, base / "synthetic" / "site", pdf=False)
        pages = sum(1 for _ in (base / "synthetic" / "site").rglob("index.html"))
        samples = _browser_samples(base / "synthetic" / "site", args.sample)
        baseline_config = write_plain_site(base / "plain", pages, args.seed)
        plain = _plain_build(baseline_config, base / "plain" / "site")
    rows = [(k, f"{v:.2f}") for k, v in ours.items()]
    rows.append(("pages built", str(pages)))
    for name, (count, seconds, total) in samples.items():
        rows.append((f"{name}: sample of {count}", f"{seconds / count:.2f} s each"))
        what = "pages with a structure of their own" if name == "accessibility gate" else "checklists"
        rows.append((f"{name}: all {total} {what}, projected", f"{seconds / count * total:.0f} s"))
    rows.append(("plain mkdocs-material, same number of pages", f"{plain['total wall time']:.2f} s"))
    ratio = ours["total wall time"] / plain["total wall time"]
    rows.append(("ratio wegwijzer / plain", f"{ratio:.2f}"))
    wall, memory = ours["total wall time"], ours["peak memory (MiB)"]
    rows.append(
        _target(
            "scale: build without browser phases (≤ 40 s, ≤ 1 GiB)",
            f"{wall:.0f} s, {memory:.0f} MiB ({ratio:.2f} × plain mkdocs-material, {pages} pages)",
            wall <= 40 and memory <= 1024,
        )
    )
    if samples:
        count, seconds, total = samples["accessibility gate"]
        projected = seconds / count * total
        rows.append(
            _target("scale: accessibility gate (≤ 10 min)", f"{projected / 60:.0f} min", projected <= 600)
        )
    _table(f"Synthetic site: {args.events} events × {args.steps} steps, {args.helppoints} help points", rows)


def _browser_samples(site: Path, size: int) -> dict[str, tuple[int, float, int]]:
    """Seconds for the browser phases on a spread sample of a big site (the full runs take many minutes).

    Returns (pages in the sample, seconds, pages the full run would check) by phase. The
    accessibility gate checks one page per structure, so its sample is taken from those.
    """
    import asyncio
    import shutil

    from wegwijzer.publish.accessibility import cache, html_pages, personal_list_pages
    from wegwijzer.publish.accessibility.runner import Progress, check_pages
    from wegwijzer.publish.pdf import build_pdfs

    if size <= 0:
        return {}
    structures: dict[str, str] = {}
    for page in html_pages(site) + personal_list_pages(site):
        structures.setdefault(cache.page_key(site, page), page)
    sample = _spread(sorted(structures.values()), size)
    started = time.perf_counter()
    asyncio.run(check_pages(site, sample, Progress(len(sample), False), max(2, os.cpu_count() or 2)))
    gate = time.perf_counter() - started
    # PDFs: build_pdfs prints every checklist, so the others are removed from this throwaway site first.
    every_checklist = sorted((site / "checklist").glob("*/"))
    checklists = _spread(every_checklist, size)
    for extra in set(every_checklist) - set(checklists):
        shutil.rmtree(extra)
    started = time.perf_counter()
    build_pdfs(site, "", progress=False)
    pdfs = time.perf_counter() - started
    return {
        "accessibility gate": (len(sample), gate, len(structures)),
        "checklist PDFs": (len(checklists), pdfs, len(every_checklist)),
    }


def _spread(items: list, size: int) -> list:
    """At most ``size`` items, taken evenly from the whole (sorted) list."""
    return items[:: max(1, len(items) // size)][:size]


def bench_finder(args: argparse.Namespace) -> None:
    """The loket finder: first-lookup size for 5,000 help points, lookups at 360 px, CPU 4x slower."""
    from .finder import measure, rows

    points = args.helppoints
    title = f"Loket finder: every municipality and postcode centre, {points:,} help points"
    _table(title, rows(measure(points=points, rate=4)))


def bench_search(args: argparse.Namespace) -> None:
    """Search: the search page's weight, bytes and time per query at 360 px, CPU 4x slower."""
    from .search import measure, rows

    _table("Search (example site, Pagefind)", rows(measure(rate=4)))


def bench_serve(args: argparse.Namespace) -> None:
    """`mkdocs serve`: from one YAML edit to the rebuilt page in the browser (target ≤ 1 s)."""
    from .serve import rows

    _table("mkdocs serve: one YAML edit until the guide shows it (example site)", rows(ROOT, _target))


def bench_language(args: argparse.Namespace) -> None:
    """Plain-language checks: sentences per second on a large generated text (target ≥ 10,000/s)."""
    import random

    from wegwijzer.checks.plain_language import LanguageSettings
    from wegwijzer.checks.plain_language.rules import check_units
    from wegwijzer.checks.plain_language.text import sentences
    from wegwijzer.checks.plain_language.units import Unit

    from .synthetic import SENTENCES

    rng = random.Random(args.seed)
    extra = ["Indien u vragen heeft, dient u te bellen.", "De brief wordt door de gemeente gestuurd."]
    units = [
        Unit(" ".join(rng.choice(SENTENCES + extra) for _ in range(10)), "bench.yaml", n, "why")
        for n in range(5000)
    ]
    count = sum(len(sentences(u.text)) for u in units)
    check_units(units[:50], LanguageSettings(), frozenset())  # warm up caches
    started = time.perf_counter()
    findings = check_units(units, LanguageSettings(), frozenset())
    took = time.perf_counter() - started
    rate = count / took
    _table("Plain-language checks", [
        ("sentences checked", str(count)),
        ("findings", str(len(findings))),
        ("time", f"{took:.2f} s"),
        ("sentences per second", f"{rate:,.0f}"),
        ("target ≥ 10,000/s", "met" if rate >= 10_000 else "NOT met"),
    ])  # fmt: skip


def bench_accessibility(args: argparse.Namespace) -> None:
    """The accessibility gate on the example site: seconds per page, cold and cached (target ≤ 0.15 s)."""
    from wegwijzer.publish.accessibility import run

    with tempfile.TemporaryDirectory() as tmp:
        site, cache = Path(tmp) / "site", Path(tmp) / "cache"
        subprocess.run(
            [sys.executable, "-m", "wegwijzer.cli", "build", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site),
             "--no-pdf", "--no-browser", "--no-html-check"],
            check=True, capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )  # fmt: skip
        load = os.getloadavg()[0]
        busy_before = _machine_busy()
        cold = run(site, cache_dir=cache)
        busy = _machine_busy()
        warm = run(site, cache_dir=cache)
    per_page = cold.seconds / max(cold.pages, 1)
    _table("Accessibility gate (example site)", [
        ("pages", str(cold.pages)),
        ("findings", str(len(cold.findings))),
        ("cold: total", f"{cold.seconds:.1f} s"),
        ("cold: per page", f"{per_page:.3f} s"),
        ("cold: machine CPU busy (all processes)", f"{_busy_share(busy_before, busy):.0%}"),
        ("CPUs on this machine", str(os.cpu_count())),
        ("cached: total", f"{warm.seconds:.2f} s ({warm.checked} pages checked again)"),
        ("cached: per page", f"{warm.seconds / max(warm.pages, 1):.4f} s"),
        ("load average before (other work on this machine)", f"{load:.1f}"),
        ("pages checked in the browser (one per structure)", str(cold.checked)),
        _target("accessibility gate, cold (≤ 0.15 s a page)", f"{per_page:.3f} s a page", per_page <= 0.15),
    ])  # fmt: skip


def bench_build(args: argparse.Namespace) -> None:
    """scripts/build of the example with every gate: cold, unchanged, and after one guide changed."""
    import shutil

    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        for part in ("lifeevents", "content", "theme"):
            shutil.copytree(ROOT / part, project / part)
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        command = [sys.executable, "-m", "wegwijzer.cli", "build", "-f", str(project / "mkdocs.yml")]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

        def build() -> float:
            started = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT)
            return time.perf_counter() - started

        cold, unchanged = build(), build()
        guide = project / "lifeevents" / "verhuizen.yaml"
        text = guide.read_text("utf-8")
        guide.write_text(text.replace("U hoeft niet alles", "U hoeft echt niet alles", 1), "utf-8")
        changed = build()
    _table("scripts/build with every gate (example site)", [
        _target("build, cold (≤ 60 s)", f"{cold:.1f} s", cold <= 60),
        ("build again, nothing changed", f"{unchanged:.1f} s"),
        _target("build after one guide changed (≤ 10 s)", f"{changed:.1f} s", changed <= 10),
    ])  # fmt: skip


def bench_lighthouse(args: argparse.Namespace) -> None:
    """Lighthouse (mobile) on one page of each type, served gzipped: ≥ 95/100/100/100, CLS ≤ 0.05."""
    from .lighthouse import measure, rows

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run(
            [sys.executable, "-m", "wegwijzer.cli", "build", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site),
             "--no-pdf", "--no-browser", "--no-html-check"],
            check=True, capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )  # fmt: skip
        results = measure(site, ROOT / ".tools")
    table = rows(results)
    _table("Lighthouse, mobile preset (example site, served gzipped)", table)
    missed = [name for name, verdict in table if "NOT met" in verdict]
    SUMMARY.append(("Lighthouse, every page type", "NOT met: " + ", ".join(missed) if missed else "met"))


def _machine_busy() -> tuple[int, int]:
    """(busy, total) CPU time of the whole machine from /proc/stat, in clock ticks.

    Chromium's helper processes are not all reaped by us, so our own rusage undercounts them.
    """
    ticks = [int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = ticks[3] + ticks[4]  # idle + iowait
    return sum(ticks) - idle, sum(ticks)


def _busy_share(before: tuple[int, int], after: tuple[int, int]) -> float:
    return (after[0] - before[0]) / max(after[1] - before[1], 1)


def bench_translations(args: argparse.Namespace) -> None:
    """The example in Dutch only, with each other language, and with all: build time and pages."""
    import re

    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    text = text.replace("docs_dir: content", f"docs_dir: {ROOT / 'content'}")
    text = text.replace("custom_dir: theme", f"custom_dir: {ROOT / 'theme'}")
    text = text.replace("lifeevents_dir: lifeevents", f"lifeevents_dir: {ROOT / 'lifeevents'}")
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        base = None
        for languages in ([], ["en"], ["ar"], ["en", "ar"]):
            name = "+".join(["nl", *languages])
            config = Path(tmp) / f"{name}.yml"
            config.write_text(re.sub(r"languages: \[[^\]]*\]", f"languages: [{', '.join(languages)}]", text))
            site = Path(tmp) / name
            wall = _run_child(config, site, pdf=False)["total wall time"]
            pages = sum(1 for _ in site.rglob("index.html"))
            base = base or wall
            extra = f", +{wall - base:.1f} s for the other language(s)" if languages else ""
            rows.append((f"build {name} (no browser gates)", f"{wall:.1f} s, {pages} pages{extra}"))
    _table("Languages", rows)


SECTIONS: dict[str, Callable[[argparse.Namespace], None]] = {
    "example": bench_example,
    "language": bench_language,
    "translations": bench_translations,
    "finder": bench_finder,
    "search": bench_search,
    "accessibility": bench_accessibility,
    "build": bench_build,
    "lighthouse": bench_lighthouse,
    "scale": bench_scale,
    "serve": bench_serve,
}
"""Benchmark sections, run in this order."""


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        _child_build(Path(argv[1]), Path(argv[2]), argv[3] == "1")
        return 0
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__)
    parser.add_argument("sections", nargs="*", help=f"which to run (default: all): {', '.join(SECTIONS)}")
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--helppoints", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sample", type=int, default=40, help="pages for the browser phases of 'scale'")
    args = parser.parse_args(argv)
    for name in args.sections or list(SECTIONS):
        if name not in SECTIONS:
            parser.error(f"unknown section '{name}'; choose from {', '.join(SECTIONS)}")
        SECTIONS[name](args)
    if SUMMARY:
        _table("Summary: every target measured in this run", SUMMARY)
    return 0


if __name__ == "__main__":
    sys.exit(main())
