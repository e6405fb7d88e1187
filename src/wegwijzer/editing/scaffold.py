"""``wegwijzer new``: a new life event with every field explained, never overwriting work."""

from __future__ import annotations

import re
from pathlib import Path

from ..model import ID_PATTERN
from .schema import EVENT_SCHEMA, SCHEMA_DIR, schema_comment

TEMPLATE = """{schema}
# Nieuwe levensgebeurtenis. Vervang elke tekst met "VUL IN" door uw eigen tekst.
# De controle (wegwijzer check) meldt elke plek die nog niet is ingevuld.
# Schrijf op B1-niveau: korte zinnen, "u", geen ambtelijke woorden.

# De naam van dit bestand, zonder .yaml. Niet veranderen.
id: {name}
# Zoals de burger het zegt, bijvoorbeeld "Ik verhuis".
title: "VUL IN: de titel"
# Een zin die zegt wat de burger moet doen. Hoogstens 25 woorden.
summary: "VUL IN: wat moet de burger doen?"
# Geruststelling bovenaan: u hoeft niet alles tegelijk te doen, en waar hulp is.
reassurance: "VUL IN: U hoeft niet alles tegelijk te doen. Bij een loket bij u in de buurt helpt iemand u gratis."
# "In het kort" (A2, voor wie moeilijk leest): 3 tot 6 zinnen, een zin per regel, hoogstens 10 woorden.
# Alleen gewone woorden. Zeg wat de burger eerst doet en wie de burger kan bellen, zoals "Bel eerst de gemeente."
in_short:
  - "VUL IN: wat doet de burger eerst?"
  - "VUL IN: wie belt de burger?"
  - "VUL IN: wat doet de burger daarna?"
# Wie deze gids bijhoudt, en wanneer de gids voor het laatst is nagekeken (jaar-maand-dag).
owner: "VUL IN: naam of team"
reviewed: {today}
# De vraag naar de datum van de gebeurtenis. Termijnen tellen vanaf deze datum.
date_question: "VUL IN: Wanneer is het gebeurd?"
# Andere datums waar termijnen vanaf tellen, zoals de datum op een brief. Mag leeg blijven: moments: []
moments: []
# Vragen die bepalen welke stappen gelden. Antwoorden: ja, nee of weet ik niet.
questions:
  - id: voorbeeld-vraag
    text: "VUL IN: een vraag, bijvoorbeeld Woont u in een huurhuis?"
# De stappen. Elke stap is een ding om te doen, bij een organisatie.
steps:
  - id: eerste-stap
    # Begin met een werkwoord: "Bel de SVB over uw AOW".
    title: "VUL IN: Bel ..."
    # Waarom dit belangrijk is, in een of twee zinnen.
    why: "VUL IN: waarom is dit belangrijk?"
    # Wat de burger doet, in korte stappen.
    how:
      - "VUL IN: eerste actie"
    # Wat de burger klaar moet hebben. Mag leeg blijven: bring: []
    bring:
      - "VUL IN: bijvoorbeeld uw paspoort"
    # Wat er daarna gebeurt.
    next: "VUL IN: wat gebeurt er daarna?"
    # De termijn in woorden met een beginpunt. Staat de termijn vast, zet er dan ook het aantal bij:
    # days, working_days (werkdagen), weeks of months. Negatief is ervoor.
    # from: vanaf welk moment: event (de datum van de gebeurtenis) of een moment uit "moments".
    # kind: legal (de wet zegt het), advice (ons advies) of none (geen vaste datum; laat het aantal dan weg).
    deadline:
      text: "VUL IN: binnen 5 dagen na ..."
      from: event
      days: 5
      kind: advice
    # Een organisatie uit lifeevents/registers/organisations.yaml.
    organisation: gemeente
    # Alle manieren: phone (bellen), walk_in (langsgaan), online, chat, video, letter.
    # Altijd bellen of langsgaan. Zet digid: true als iemand DigiD nodig heeft.
    channels:
      - phone
      - walk_in
    # yourself (zelf), together (samen met een helper) of done_for_you (een helper doet het).
    help: yourself
    # true als dit vanzelf gebeurt; true als de burger hier geld of hulp kan krijgen.
    automatic: false
    entitlement: false
    # Alleen tonen als een vraag zo is beantwoord. Mag weg.
    only_if:
      voorbeeld-vraag: true
"""


class ScaffoldError(Exception):
    """A new file cannot be made; the message says why in plain words."""


def new_event(lifeevents: Path, name: str, today: str) -> Path:
    """Write ``lifeevents/<name>.yaml`` from the template; never overwrite a file."""
    if not re.match(ID_PATTERN, name):
        raise ScaffoldError(
            f"'{name}' cannot be used as a name — "
            "use lowercase letters, digits and hyphens, like 'ik-verhuis'"
        )
    if not lifeevents.is_dir():
        raise ScaffoldError(f"the folder {lifeevents} does not exist — run this in the project folder")
    path = lifeevents / f"{name}.yaml"
    text = TEMPLATE.format(schema=schema_comment(f"../{SCHEMA_DIR}/{EVENT_SCHEMA}"), name=name, today=today)
    try:
        with path.open("x", encoding="utf-8") as out:
            out.write(text)
    except FileExistsError:
        raise ScaffoldError(f"{path} already exists — choose another name; nothing was changed") from None
    return path
