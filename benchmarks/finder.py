"""Benchmark of the loket finder: what a phone loads for its first lookup, and lookup time.

``scripts/bench finder`` makes a synthetic register (the example's 342 municipalities,
life events, organisations and 4,068 postcode centres, with 5,000 made-up help points),
writes the finder's JSON files as the build does (a first file, and one per municipality),
measures them gzipped, times writing them, and then times lookups in Chromium at 360 px
with the CPU slowed down four times (CDP ``Emulation.setCPUThrottlingRate``). A lookup
that chooses a municipality includes loading its file from a local server. It prints the
figures; nothing is asserted.
"""

from __future__ import annotations

import dataclasses
import gzip
import random
import statistics
import tempfile
import time
from importlib import resources
from pathlib import Path
from typing import Any

from wegwijzer.checks import load_content
from wegwijzer.content import Content
from wegwijzer.model import HelpPoint, HelpPointKind
from wegwijzer.render.finder import FIRST_POINTS, finder_pages
from wegwijzer.render.finder_index import INDEX_BUDGET, index_files
from wegwijzer.render.strings import strings
from wegwijzer.render.urls import urls

ROOT = Path(__file__).resolve().parents[1]
MUNICIPALITIES = 342
"""The number of Dutch municipalities in 2025."""
LOOKUP_BUDGET_MS = 50.0

_FIRST = (
    "Aal Ber Bre Dron Ede Eind Gel Gro Haar Hel Hoog Kam Lee Maas Mid Nij Olde Oost Rijs Roo "
    "Sint Sta Ter Ulf Veen Vla Wes Wijk Zand Zee Zwa Alm Bor Dal Ens Gor Har Lis Mep Wou"
).split()
_LAST = (
    "dam hoven veen wijk horst rode lo burg meer beek sum recht land dijk kerk zijl huizen broek mond".split()
)
_STREETS = (
    "Kerk Molen Dorps School Wilhelmina Juliana Beatrix Oranje Stations Markt Hoofd Nieuwe "
    "Prins Emma Linden Eiken Berken Vaart Haven Burg Brink Sport Park Zuid Noord"
).split()
_STREET_ENDS = ("straat", "weg", "plein", "laan", "singel", "kade", "dreef", "hof")
_DISTRICTS = ("Centrum", "Noord", "Oost", "Zuid", "West", "De Hoven", "Het Hof", "Dorp", "Buiten")
_KIND_WORDS = {
    HelpPointKind.cross_government_counter: "Overheidsloket",
    HelpPointKind.library_ido: "Bibliotheek",
    HelpPointKind.neighbourhood_team: "Wijkteam",
    HelpPointKind.municipal_counter: "Servicepunt",
    HelpPointKind.social_counsellor: "Sociaal raadslieden",
    HelpPointKind.tax_support: "Belastingwinkel",
}
_KIND_WEIGHTS = (1, 8, 6, 4, 2, 1)
_SCHEDULES = (
    [("maandag tot en met vrijdag", [1, 2, 3, 4, 5], "09:00", "17:00")],
    [("maandag tot en met vrijdag", [1, 2, 3, 4, 5], "08:30", "16:30")],
    [("dinsdag en donderdag", [2, 4], "10:00", "12:00")],
    [("woensdag", [3], "13:30", "16:30")],
    [("maandag, woensdag en vrijdag", [1, 3, 5], "09:30", "12:30")],
    [("maandag tot en met donderdag", [1, 2, 3, 4], "09:00", "17:00"), ("vrijdag", [5], "09:00", "12:00")],
    [("zaterdag", [6], "10:00", "13:00"), ("dinsdag", [2], "14:00", "17:00")],
)
_LANGUAGES = (
    ["Nederlands"],
    ["Nederlands", "Engels"],
    ["Nederlands", "Engels", "Arabisch"],
    ["Nederlands", "Turks"],
    ["Nederlands", "Engels", "Pools"],
)


def _hours(days: str, weekdays: list[int], opens: str, closes: str) -> dict[str, Any]:
    def text(clock: str) -> str:
        hour, minute = clock.split(":")
        return f"{int(hour)}.{minute}"

    hours = f"{text(opens)} tot {text(closes)} uur"
    return {"days": days, "hours": hours, "weekdays": weekdays, "opens": opens, "closes": closes}


def synthetic_content(points: int = 5000, municipalities: int = MUNICIPALITIES, seed: int = 7) -> Content:
    """The example's events, organisations, municipalities and postcode centres, with synthetic help points.

    Real municipalities (names, towns, postcodes: what the first file holds) and every postcode
    centre; ``points`` made-up help points, spread over the municipalities like their postcode areas
    (with some chance on top, so that some towns have many). ``municipalities`` below 342 takes an
    even sample. About one point in four has no walk-in hours, as in the real register.
    """
    rng = random.Random(seed)
    base = load_content(ROOT / "lifeevents")
    every = sorted(base.municipalities.values(), key=lambda m: m.id)
    step = max(1, len(every) // municipalities)
    register = {m.id: m for m in every[::step][:municipalities]}
    areas = {}
    for m in register.values():
        spans = [[int(part) for part in span.split("-")] for span in m.postcodes]
        numbers = [n for low, high in spans for n in range(low, high + 1) if n in base.postcode_centres]
        areas[m.id] = numbers or [spans[0][0]]
    ids = list(register)
    weights = [len(areas[i]) * rng.paretovariate(2.5) for i in ids]
    helppoints = {}
    for number in range(points):
        municipality = register[rng.choices(ids, weights)[0]]
        kind = rng.choices(list(_KIND_WORDS), _KIND_WEIGHTS)[0]
        letters = rng.choice("ABCDEGHJKLMNPRSTVWXZ") + rng.choice("ABEGHKLMNPRSTVX")
        street = rng.choice(_STREETS) + rng.choice(_STREET_ENDS)
        town = rng.choice(municipality.places or [municipality.name])
        digits = [
            rng.randrange(10, 99),
            rng.randrange(100, 999),
            rng.randrange(10, 99),
            rng.randrange(10, 99),
        ]
        own_phone = "0{} {} {} {}".format(*digits)
        schedule = rng.choice(_SCHEDULES) if rng.random() < 0.75 else []
        helppoints[f"loket-{number}"] = HelpPoint(
            id=f"loket-{number}",
            name=f"{_KIND_WORDS[kind]} {town} {rng.choice(_DISTRICTS)}",
            kind=kind,
            municipality=municipality.id,
            address=f"{street} {rng.randrange(1, 250)}, {town}",
            postcode=f"{rng.choice(areas[municipality.id])} {letters}",
            walk_in_hours=[_hours(*entry) for entry in schedule],
            appointment_needed=rng.random() < 0.3,
            phone=municipality.phone if kind is HelpPointKind.municipal_counter else own_phone,
            languages=rng.choice(_LANGUAGES),
            wheelchair_access=rng.choice([True, True, True, None, False]),
        )
    return dataclasses.replace(base, municipalities=register, helppoints=helppoints)


def index_sizes(content: Content) -> dict[str, int]:
    """The finder's files in bytes, gzipped as a web server would send them (level 6)."""
    first, *shards = index_files(content)
    gzipped = sorted(len(gzip.compress(data.content.encode("utf-8"), 6)) for data in shards)
    first_gz = len(gzip.compress(first.content.encode("utf-8"), 6))
    return {
        "first raw": len(first.content.encode("utf-8")),
        "first": first_gz,
        "shard median": gzipped[len(gzipped) // 2],
        "shard max": gzipped[-1],
        "first lookup, largest": first_gz + gzipped[-1],
        "all files": first_gz + sum(gzipped),
    }


def build_seconds(content: Content, repeat: int = 3) -> dict[str, float]:
    """Seconds to make the finder's pages and files, with distances and without (no postcode centres).

    The difference is what distances add to a build. Best of ``repeat``.
    """
    without = dataclasses.replace(
        content,
        postcode_centres={},
        municipalities={k: m.model_copy(update={"centre": None}) for k, m in content.municipalities.items()},
        helppoints={k: p.model_copy(update={"position": None}) for k, p in content.helppoints.items()},
    )
    t = strings()
    times = {}
    for label, data in (("with distances", content), ("without", without)):
        best = float("inf")
        for _ in range(repeat):
            started = time.perf_counter()
            finder_pages(data, t)
            index_files(data)
            best = min(best, time.perf_counter() - started)
        times[label] = best
    return times


def write_harness(content: Content, folder: Path) -> Path:
    """The finder page as the site renders it, with Material's and Wegwijzer's CSS and the script.

    Returns the page's path relative to ``folder``.
    """
    from wegwijzer.render.renderer import Renderer
    from wegwijzer.render.site import asset_files
    from wegwijzer.render.strings import strings
    from wegwijzer.render.urls import page_url

    spec = finder_pages(content, strings())[0]

    def link(src_uri: str) -> str:
        return "../" + (page_url(src_uri) if src_uri.endswith(".md") else src_uri)

    body = Renderer(content).render(spec, link).html
    assets = folder / "assets" / "wegwijzer"
    assets.mkdir(parents=True, exist_ok=True)
    for data in [*index_files(content), *asset_files()]:  # the page's own assets are in its body
        target = folder / data.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(data.content, "utf-8")
    stylesheets = resources.files("material").joinpath("templates", "assets", "stylesheets")
    material = next(
        p for p in stylesheets.iterdir() if p.name.startswith("main.") and p.name.endswith(".css")
    )
    (assets / "material.css").write_text(material.read_text("utf-8"), "utf-8")
    page = folder / page_url(urls.finder) / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    css = "".join(
        f'<link rel="stylesheet" href="../assets/wegwijzer/{n}">'
        for n in ("material.css", "wegwijzer.css", "finder.css")
    )
    page.write_text(
        '<!doctype html><html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{spec.title}</title>{css}"
        "</head>"
        f'<body><main class="md-main"><article class="md-content__inner md-typeset"><h1>{spec.title}</h1>'
        f"{body}</article></main></body></html>",
        "utf-8",
    )
    return page.relative_to(folder)


_TIME_LOOKUP = """async ([query, pause]) => {
  const input = document.getElementById("ww-gemeente");
  const list = document.getElementById(input.getAttribute("aria-controls"));
  const result = document.querySelector("[data-result]");
  input.focus();
  const started = performance.now();
  input.value = query;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  list.getBoundingClientRect();
  const typed = performance.now() - started;
  const options = list.querySelectorAll('[role="option"]').length;
  let shown = null;
  let fetched = false;
  if (options) {
    const before = result.querySelector("h2");
    const drawn = () => { const h = result.querySelector("h2"); return h !== null && h !== before; };
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
    if (pause) await new Promise((resolve) => setTimeout(resolve, pause)); // a person's pace
    const start2 = performance.now();
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }));
    if (!drawn()) {
      fetched = true; // the municipality's own file is on its way
      await new Promise((resolve) => {
        const watch = new MutationObserver(() => { if (drawn()) { watch.disconnect(); resolve(); } });
        watch.observe(result, { childList: true, subtree: true });
      });
    }
    result.getBoundingClientRect();
    shown = performance.now() - start2;
  }
  return { typed, shown, options, fetched };
}"""


def _queries(content: Content, rng: random.Random, count: int) -> list[str]:
    names = [m.name for m in content.municipalities.values()]
    queries = []
    for _ in range(count):
        roll = rng.random()
        name = rng.choice(names)
        if roll < 0.6:
            queries.append(name[: rng.randrange(1, 6)])
        elif roll < 0.8:
            queries.append(name)
        else:
            low = int(rng.choice(list(content.municipalities.values())).postcodes[0].split("-")[0])
            queries.append(str(low + rng.randrange(5)))
    return queries


PAUSE_MS = 200
"""Between highlighting an option and pressing Enter: a person's pace (two key presses), during which
the script may already load the highlighted municipality's file."""


def measure_lookups(content: Content, rate: float = 4, lookups: int = 60, seed: int = 3) -> dict[str, Any]:
    """Time typing a query (filter + list) and choosing the first option (its file, then the result).

    Twice, each in a fresh browser context (empty cache): choosing at a person's pace
    (:data:`PAUSE_MS`), and choosing at once, so that every choice waits for its file.
    """
    from playwright.sync_api import sync_playwright

    from wegwijzer.publish.browser import launch, serve

    queries = _queries(content, random.Random(seed), lookups)
    biggest = max(content.municipalities.values(), key=lambda m: _points_in(content, m.id))
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        folder = Path(tmp)
        page_path = write_harness(content, folder)
        browser = launch(playwright)
        try:
            with serve(folder) as base:
                url = base + page_path.parent.as_posix() + "/"
                paced = _lookups(browser, url, rate, [*queries, biggest.name], PAUSE_MS)
                at_once = _lookups(browser, url, rate, queries, 0)
        finally:
            browser.close()
    *timings, big = paced["timings"]
    return {
        "ready_ms": paced["ready"],
        "typed": [t["typed"] for t in timings],
        "shown": [t["shown"] for t in timings if t["shown"] is not None],
        "fetched": sum(t["fetched"] for t in timings if t["shown"] is not None),
        "at once": [t["shown"] for t in at_once["timings"] if t["shown"] is not None],
        "biggest": (biggest.name, _points_in(content, biggest.id), big["shown"]),
        "scrolls_sideways": paced["scrolls sideways"],
    }


def _lookups(browser: Any, url: str, rate: float, queries: list[str], pause: int) -> dict[str, Any]:
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
        page.goto(url)
        page.wait_for_function("() => performance.getEntriesByName('ww-finder:ready').length > 0")
        ready = page.evaluate("() => performance.getEntriesByName('ww-finder:ready')[0].startTime")
        timings = [page.evaluate(_TIME_LOOKUP, [query, pause]) for query in queries]
        widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    finally:
        context.close()
    return {"ready": ready, "timings": timings, "scrolls sideways": widths[0] > widths[1]}


def _points_in(content: Content, municipality_id: str) -> int:
    return sum(1 for p in content.helppoints.values() if p.municipality == municipality_id)


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _summary(values: list[float]) -> str:
    if not values:
        return "-"
    median, p95, worst = statistics.median(values), _p95(values), max(values)
    return f"median {median:.1f} ms, p95 {p95:.1f} ms, max {worst:.1f} ms"


def measure(points: int = 5000, rate: float = 4, lookups: int = 60, browser: bool = True) -> dict[str, Any]:
    """Every figure: file sizes for the example and the synthetic data, build time, and (with ``browser``)
    lookup timings on the synthetic data."""
    example = load_content(ROOT / "lifeevents")
    synthetic = synthetic_content(points)
    figures: dict[str, Any] = {
        "rate": rate,
        "sizes": [
            (f"{label} ({len(c.municipalities)} municipalities, {len(c.helppoints)} points)", index_sizes(c))
            for label, c in (("example data", example), ("synthetic", synthetic))
        ],
        "build": build_seconds(synthetic),
        "points": points,
    }
    if browser:
        figures["lookups"] = measure_lookups(synthetic, rate, lookups)
    return figures


def rows(figures: dict[str, Any]) -> list[tuple[str, str]]:
    """The figures as (what, value) lines for a table."""
    table = []
    for label, sizes in figures["sizes"]:
        table += [
            (
                f"{label}: first file (loket.json)",
                f"{sizes['first']:,} B gzipped ({sizes['first raw']:,} B raw)",
            ),
            (
                f"{label}: one municipality's file",
                f"median {sizes['shard median']:,} B, largest {sizes['shard max']:,} B gzipped",
            ),
            (
                f"{label}: first lookup (first file + largest municipality)",
                f"{sizes['first lookup, largest']:,} B gzipped (all files: {sizes['all files']:,} B)",
            ),
        ]
    worst = max(sizes["first lookup, largest"] for _, sizes in figures["sizes"])
    table.append(
        (f"target ≤ {INDEX_BUDGET:,} B gzipped (first lookup)", "met" if worst <= INDEX_BUDGET else "NOT met")
    )
    build = figures["build"]
    extra = build["with distances"] - build["without"]
    table += [
        (
            f"finder pages + files, {figures['points']:,} points, all postcode centres",
            f"{build['with distances']:.2f} s ({build['without']:.2f} s without distances: +{extra:.2f} s)",
        ),
        ("target: distances add ≤ 5 s to the build", "met" if extra <= 5 else "NOT met"),
    ]
    timings = figures.get("lookups")
    if timings:
        first, *shown = timings["shown"]
        name, count, big = timings["biggest"]
        p95 = max(_p95(timings["typed"]), _p95(shown))
        rate = f"{figures['rate']:g}"
        table += [
            (
                f"Chromium 360 px, CPU {rate}x slower: first file ready after",
                f"{timings['ready_ms']:.0f} ms (local server)",
            ),
            (f"type, options shown ({len(timings['typed'])} queries)", _summary(timings["typed"])),
            (
                f"choose after {PAUSE_MS} ms, result shown ({len(shown)} choices; "
                f"{timings['fetched']} still waited for their file)",
                _summary(shown),
            ),
            ("choose at once (every choice waits for its file)", _summary(timings["at once"])),
            ("first choice after loading (cold)", f"{first:.1f} ms"),
            (f"largest municipality ({count} points, {FIRST_POINTS} shown)", f"{big:.1f} ms"),
            (
                f"lookup p95 (type or choose); target ≤ {LOOKUP_BUDGET_MS:g} ms",
                f"{p95:.1f} ms: " + ("met" if p95 <= LOOKUP_BUDGET_MS else "NOT met"),
            ),
        ]
        if timings["scrolls_sideways"]:
            table.append(("warning", "the page scrolls sideways at 360 px"))
    return table


def run(points: int = 5000, rate: float = 4, lookups: int = 60, browser: bool = True) -> dict[str, Any]:
    """Measure and print a table; returns the figures."""
    figures = measure(points, rate, lookups, browser)
    table = rows(figures)
    width = max(len(name) for name, _ in table)
    print("Loket finder (assets/wegwijzer/loket.json and loketten/<id>.json)")
    for name, value in table:
        print(f"  {name.ljust(width)}  {value}")
    return figures
