"""A synthetic site of any size, for benchmarks: deterministic, valid, plain Dutch."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_REGISTERS = ROOT / "lifeevents" / "registers"

SENTENCES = [
    "Bel de organisatie als u een vraag heeft.",
    "U krijgt daarna een brief met het besluit.",
    "Neem uw paspoort mee als u langsgaat.",
    "Een medewerker helpt u gratis.",
    "Dit kost u geen geld.",
    "U kunt het ook samen met iemand doen.",
    "Vraag om hulp als het niet lukt.",
    "Bewaar de brief goed.",
]
VERBS = ["Bel", "Vraag", "Meld", "Regel", "Zoek", "Kijk", "Geef", "Stuur"]
OBJECTS = ["de gemeente", "uw toeslag", "een afspraak", "uw nieuwe adres", "hulp", "de brief"]
ORGANISATIONS = [
    {"id": "gemeente", "name": "gemeente", "description": "De gemeente helpt u met geld en zorg.",
     "phone": "14 053", "walk_in": "Bij het gemeentehuis", "website": "https://www.example.nl/gemeente"},
    {"id": "svb", "name": "SVB", "description": "De SVB betaalt de kinderbijslag.",
     "phone": "030 264 90 90", "website": "https://www.example.nl/svb"},
    {"id": "toeslagen", "name": "Dienst Toeslagen", "description": "Dienst Toeslagen geeft geld als u weinig verdient.",
     "phone": "0800 0543", "website": "https://www.example.nl/toeslagen"},
]  # fmt: skip
MKDOCS_YML = """site_name: Synthetisch
site_url: https://synthetisch.example.nl/
docs_dir: content
theme:
  name: material
  custom_dir: {theme}
  language: nl
  font: false
  features: [navigation.prune]
plugins:
  - wegwijzer
extra:
  generator: false
"""


def _text(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(sentences))


def _event(rng: random.Random, number: int, steps: int) -> dict:
    step_list = []
    for s in range(steps):
        organisation = rng.choice(ORGANISATIONS)
        step = {
            "id": f"stap-{s}",
            "title": f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}",
            "why": _text(rng, 2),
            "how": [_text(rng, 1) for _ in range(2)],
            "deadline": {"text": f"binnen {s + 1} weken na de gebeurtenis", "days": 7 * (s + 1)},
            "organisation": (organisation := rng.choice(ORGANISATIONS))["id"],
            # Walk in only where the organisation has a counter (the check refuses it otherwise).
            "channels": ["phone", "walk_in", "online"] if "walk_in" in organisation else ["phone", "online"],
        }
        if s:
            step["after"] = [f"stap-{rng.randrange(s)}"]
        step_list.append(step)
    return {
        "id": f"gebeurtenis-{number}",
        "title": f"Gebeurtenis {number}",
        "summary": "Regel eerst de belangrijkste dingen. Vraag hulp als het niet lukt.",
        "reassurance": "U hoeft niet alles tegelijk te doen. Bij een loket bij u in de buurt helpt iemand u gratis.",
        "in_short": [
            "Regel eerst de belangrijkste dingen.",
            "Bel de gemeente als u vragen heeft.",
            "Vraag hulp als het niet lukt.",
        ],
        "owner": "Bench",
        "reviewed": "2026-11-01",
        "steps": step_list,
    }


def write_site(root: Path, events: int, steps: int, helppoints: int, theme_dir: Path, seed: int = 1) -> Path:
    """Write a complete site (mkdocs.yml, content/, lifeevents/) into ``root``; returns mkdocs.yml.

    The example's 342 municipalities and every postcode centre, with made-up events and help
    points (each in a postcode area of its municipality).
    """
    rng = random.Random(seed)
    lifeevents = root / "lifeevents"
    registers = lifeevents / "registers"
    registers.mkdir(parents=True, exist_ok=True)
    (root / "content").mkdir(exist_ok=True)
    (root / "content" / "over.md").write_text("# Over\n\nDit is een testsite.\n", "utf-8")
    shutil.copy(EXAMPLE_REGISTERS / "municipalities.yaml", registers / "municipalities.yaml")
    shutil.copy(EXAMPLE_REGISTERS / "postcode_centres.csv", registers / "postcode_centres.csv")
    municipalities = yaml.safe_load((registers / "municipalities.yaml").read_text("utf-8"))
    centres = {
        int(line[:4])
        for line in (registers / "postcode_centres.csv").read_text("utf-8").splitlines()[1:]
        if line[:4].isdigit()
    }
    areas = {}
    for m in municipalities:
        spans = [[int(part) for part in span.split("-")] for span in m["postcodes"]]
        numbers = [n for low, high in spans for n in range(low, high + 1) if n in centres]
        areas[m["id"]] = numbers or [spans[0][0]]
    points = []
    for p in range(helppoints):
        municipality = rng.choice(municipalities)["id"]
        points.append(
            {
                "id": f"loket-{p}",
                "name": f"Loket {p}",
                "kind": rng.choice(["library_ido", "municipal_counter", "neighbourhood_team"]),
                "municipality": municipality,
                "address": f"Dorpsstraat {p}",
                "postcode": f"{rng.choice(areas[municipality])} AB",
                "phone": "14 053",
                "walk_in_hours": [{"days": "maandag tot en met vrijdag", "hours": "9.00 tot 17.00 uur"}],
                "checked": "2026-11-01",
            }
        )
    _dump(registers / "organisations.yaml", ORGANISATIONS)
    _dump(registers / "helppoints.yaml", points)
    _dump(
        registers / "glossary.yaml",
        [{"id": "toeslag", "term": "toeslag", "explanation": "Geld als u weinig verdient."}],
    )
    for number in range(events):
        _dump(lifeevents / f"gebeurtenis-{number}.yaml", _event(rng, number, steps))
    config = root / "mkdocs.yml"
    config.write_text(MKDOCS_YML.format(theme=theme_dir), "utf-8")
    return config


def write_plain_site(root: Path, pages: int, seed: int = 1) -> Path:
    """A plain mkdocs-material site with ``pages`` pages of similar size: the baseline."""
    rng = random.Random(seed)
    docs = root / "content"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Start\n\nWelkom.\n", "utf-8")
    for number in range(pages):
        body = "\n\n".join(f"## Stap {s}\n\n{_text(rng, 4)}" for s in range(10))
        (docs / f"pagina-{number}.md").write_text(f"# Pagina {number}\n\n{body}\n", "utf-8")
    config = root / "mkdocs.yml"
    config.write_text(
        "site_name: Basis\ndocs_dir: content\ntheme:\n  name: material\n  language: nl\n  font: false\n"
        "  features: [navigation.prune]\nplugins:\n  - search\n",
        "utf-8",
    )
    return config


def _dump(path: Path, data: object) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
