"""Benchmark of the loket finder: index size and lookup time on a throttled phone.

``scripts/bench finder`` makes a synthetic register (every municipality,
1,000 help points by default, with the example's life events and organisations),
writes the finder's JSON index, measures it gzipped, and then times lookups in
Chromium at 360 px with the CPU slowed down four times (CDP
``Emulation.setCPUThrottlingRate``). It prints the figures; nothing is asserted.
"""

from __future__ import annotations

import dataclasses
import gzip
import random
import statistics
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

from wegwijzer.checks import load_content
from wegwijzer.content import Content
from wegwijzer.model import HelpPoint, HelpPointKind, Municipality
from wegwijzer.render.finder import finder_pages
from wegwijzer.render.finder_index import INDEX_BUDGET, index_json
from wegwijzer.render.urls import FINDER_INDEX, urls

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


def synthetic_content(points: int = 1000, municipalities: int = MUNICIPALITIES, seed: int = 7) -> Content:
    """The example's events and organisations, with a synthetic, realistic-looking register."""
    rng = random.Random(seed)
    base = load_content(ROOT / "lifeevents")
    names: list[str] = []
    while len(names) < municipalities:
        name = rng.choice(_FIRST) + rng.choice(_LAST)
        if name not in names:
            names.append(name)
    names.sort()
    width = 9000 // municipalities
    register = {}
    for number, name in enumerate(names):
        low = 1000 + number * width
        register[name.lower()] = Municipality(
            id=name.lower(),
            name=name,
            cbs_code=f"GM{number + 1:04d}",
            province="Utrecht",
            phone=f"14 0{rng.randrange(10, 99)}",
            postcodes=[f"{low}-{low + width - 1}"],
            # About one in 17 shares its neighbour's last postcode: 20 or so, as in the real register.
            shared_postcodes=[str(low - 1)] if number % 17 == 1 else [],
        )
    weights = [rng.paretovariate(1.2) for _ in names]
    helppoints = {}
    for number in range(points):
        municipality = register[rng.choices(names, weights)[0].lower()]
        kind = rng.choices(list(_KIND_WORDS), _KIND_WEIGHTS)[0]
        low = int(municipality.postcodes[0].split("-")[0])
        letters = rng.choice("ABCDEGHJKLMNPRSTVWXZ") + rng.choice("ABEGHKLMNPRSTVX")
        street = rng.choice(_STREETS) + rng.choice(_STREET_ENDS)
        digits = [
            rng.randrange(10, 99),
            rng.randrange(100, 999),
            rng.randrange(10, 99),
            rng.randrange(10, 99),
        ]
        own_phone = "0{} {} {} {}".format(*digits)
        helppoints[f"loket-{number}"] = HelpPoint(
            id=f"loket-{number}",
            name=f"{_KIND_WORDS[kind]} {municipality.name} {rng.choice(_DISTRICTS)}",
            kind=kind,
            municipality=municipality.id,
            address=f"{street} {rng.randrange(1, 250)}, {municipality.name}",
            postcode=f"{low + rng.randrange(width)} {letters}",
            walk_in_hours=[
                _hours(days, weekdays, opens, closes)
                for days, weekdays, opens, closes in rng.choice(_SCHEDULES)
            ],
            appointment_needed=rng.random() < 0.3,
            phone=municipality.phone if kind is HelpPointKind.municipal_counter else own_phone,
            languages=rng.choice(_LANGUAGES),
            wheelchair_access=rng.choice([True, True, True, None, False]),
        )
    return dataclasses.replace(base, municipalities=register, helppoints=helppoints)


def index_sizes(content: Content) -> dict[str, int]:
    """The index in bytes: as written, and gzipped as a web server would send it."""
    raw = index_json(content).encode("utf-8")
    return {
        "raw": len(raw),
        "gzip -6": len(gzip.compress(raw, compresslevel=6)),
        "gzip -9": len(gzip.compress(raw, compresslevel=9)),
    }


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
    (folder / FINDER_INDEX).write_text(index_json(content), "utf-8")
    for data in asset_files():  # the page's own assets are in its body (Renderer)
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


_TIME_LOOKUP = """(query) => {
  const input = document.getElementById("ww-gemeente");
  const list = document.getElementById(input.getAttribute("aria-controls"));
  input.focus();
  const started = performance.now();
  input.value = query;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  list.getBoundingClientRect();
  const typed = performance.now() - started;
  const options = list.querySelectorAll('[role="option"]').length;
  let shown = null;
  if (options) {
    const result = document.querySelector("[data-result]");
    const start2 = performance.now();
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }));
    result.getBoundingClientRect();
    shown = performance.now() - start2;
  }
  return { typed, shown, options };
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


def measure_lookups(content: Content, rate: float = 4, lookups: int = 60, seed: int = 3) -> dict[str, Any]:
    """Time typing a query (filter + list) and choosing the first option (draw the result)."""
    from playwright.sync_api import sync_playwright

    from wegwijzer.publish.browser import launch, serve

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        folder = Path(tmp)
        page_path = write_harness(content, folder)
        browser = launch(playwright)
        try:
            context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2)
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
            with serve(folder) as base:
                page.goto(base + page_path.parent.as_posix() + "/")
                page.wait_for_function("performance.getEntriesByName('ww-finder:ready').length > 0")
                ready = page.evaluate("performance.getEntriesByName('ww-finder:ready')[0].startTime")
                rng = random.Random(seed)
                typed, shown = [], []
                for query in _queries(content, rng, lookups):
                    timing = page.evaluate(_TIME_LOOKUP, query)
                    typed.append(timing["typed"])
                    if timing["shown"] is not None:
                        shown.append(timing["shown"])
                biggest = max(content.municipalities.values(), key=lambda m: _points_in(content, m.id))
                big = page.evaluate(_TIME_LOOKUP, biggest.name)
                widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        finally:
            browser.close()
    return {
        "ready_ms": ready,
        "typed": typed,
        "shown": shown,
        "biggest": (biggest.name, _points_in(content, biggest.id), big["shown"]),
        "scrolls_sideways": widths[0] > widths[1],
    }


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


def measure(points: int = 1000, rate: float = 4, lookups: int = 60, browser: bool = True) -> dict[str, Any]:
    """Every figure: index sizes for the example and the synthetic data, and (with ``browser``) timings."""
    example = load_content(ROOT / "lifeevents")
    synthetic = synthetic_content(points)
    figures: dict[str, Any] = {
        "rate": rate,
        "sizes": [
            (f"{label} ({len(c.municipalities)} municipalities, {len(c.helppoints)} points)", index_sizes(c))
            for label, c in (("example data", example), ("synthetic", synthetic))
        ],
    }
    if browser:
        figures["lookups"] = measure_lookups(synthetic, rate, lookups)
    return figures


def rows(figures: dict[str, Any]) -> list[tuple[str, str]]:
    """The figures as (what, value) lines for a table."""
    table = []
    for label, sizes in figures["sizes"]:
        table.append((f"index, {label}", f"{sizes['gzip -6']:,} B gzipped ({sizes['raw']:,} B raw)"))
    synthetic = figures["sizes"][-1][1]["gzip -6"]
    table.append((f"target ≤ {INDEX_BUDGET:,} B gzipped", "met" if synthetic <= INDEX_BUDGET else "NOT met"))
    timings = figures.get("lookups")
    if timings:
        first, *shown = timings["shown"]
        name, count, big = timings["biggest"]
        p95 = max(_p95(timings["typed"]), _p95(shown))
        rate = f"{figures['rate']:g}"
        table += [
            (
                f"Chromium 360 px, CPU {rate}x slower: index ready after",
                f"{timings['ready_ms']:.0f} ms (local server)",
            ),
            (f"type, options shown ({len(timings['typed'])} queries)", _summary(timings["typed"])),
            (f"choose, result shown ({len(shown)} choices)", _summary(shown)),
            ("first choice after loading (cold)", f"{first:.1f} ms"),
            (f"largest municipality ({count} points, 10 shown)", f"{big:.1f} ms"),
            (f"target ≤ {LOOKUP_BUDGET_MS:g} ms (p95)", "met" if p95 <= LOOKUP_BUDGET_MS else "NOT met"),
        ]
        if timings["scrolls_sideways"]:
            table.append(("warning", "the page scrolls sideways at 360 px"))
    return table


def run(points: int = 1000, rate: float = 4, lookups: int = 60, browser: bool = True) -> dict[str, Any]:
    """Measure and print a table; returns the figures."""
    figures = measure(points, rate, lookups, browser)
    table = rows(figures)
    width = max(len(name) for name, _ in table)
    print("Loket finder (assets/wegwijzer/loket.json)")
    for name, value in table:
        print(f"  {name.ljust(width)}  {value}")
    return figures
