"""What a guide is made of: a life event, its questions and its steps."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from pydantic import (
    ConfigDict,
    Field,
    model_validator,
)

from .fields import Id, Phone, Strict, Text, Url


class Phase(StrEnum):
    """When a step should be done."""

    now = "now"
    soon = "soon"
    later = "later"


class HelpLevel(StrEnum):
    """How much help a citizen can get with a step."""

    yourself = "yourself"
    together = "together"
    done_for_you = "done_for_you"


class ChannelKind(StrEnum):
    """A way to get in touch; the order here is the order citizens see."""

    phone = "phone"
    walk_in = "walk_in"
    online = "online"
    chat = "chat"
    video = "video"
    letter = "letter"


HUMAN_CHANNELS = frozenset({ChannelKind.phone, ChannelKind.walk_in})


def _channel_schema(schema: dict[str, Any]) -> None:
    # In YAML a channel may be just its kind ("- phone"); say so in the JSON Schema.
    block = dict(schema)
    schema.clear()
    schema["anyOf"] = [
        {
            "type": "string",
            "enum": [k.value for k in ChannelKind],
            "description": block["properties"]["kind"]["description"],
        },
        block,
    ]


class Channel(Strict):
    """One way the citizen can do a step."""

    model_config = ConfigDict(json_schema_extra=_channel_schema)

    kind: ChannelKind = Field(
        description="Hoe: phone (bellen), walk_in (langsgaan), online, chat, video of letter."
    )
    phone: Phone | None = Field(
        None, description="Ander telefoonnummer dan het algemene nummer van de organisatie."
    )
    url: Url | None = Field(None, description="Webadres voor deze stap, als het anders is.")
    digid: bool = Field(False, description="true als de burger hiervoor DigiD nodig heeft.")
    note: Text | None = Field(None, description="Korte uitleg, bijvoorbeeld 'op afspraak'.")

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        # "- phone" is short for "- kind: phone".
        if isinstance(value, str):
            return {"kind": value}
        return value


class DeadlineKind(StrEnum):
    """How firm a deadline is."""

    legal = "legal"
    advice = "advice"
    none = "none"


EVENT = "event"
"""The moment every guide has: the date its ``date_question`` asks for."""
APPROXIMATE_DAYS = {"days": 1, "working_days": 1.4, "weeks": 7, "months": 30.4}
"""Roughly how many calendar days one unit is: only for ordering and phases, never for dates."""


class Deadline(Strict):
    """When a step must be done: in words, and where the law or advice fixes it, as a length from a moment.

    A deadline runs *from* a moment (the event, or one of the guide's ``moments`` such
    as the date on a letter) for a length in one unit. Without a length there is no
    date: the step is ordered by its phase and the words say when.
    """

    text: Text = Field(
        description="De termijn in gewone woorden, met een beginpunt: 'binnen 5 dagen na het overlijden'."
    )
    from_: Id = Field(
        EVENT,
        alias="from",
        description="Vanaf welk moment de termijn loopt: 'event' (de datum van de gebeurtenis) "
        "of het id van een moment uit 'moments' van de gids, zoals 'brief'.",
    )
    days: int | None = Field(None, ge=-730, le=1830, description="Aantal dagen (negatief: ervoor).")
    working_days: int | None = Field(
        None, ge=-60, le=60, description="Aantal werkdagen: zonder weekend en feestdagen."
    )
    weeks: int | None = Field(None, ge=-104, le=260, description="Aantal weken (negatief: ervoor).")
    months: int | None = Field(None, ge=-24, le=60, description="Aantal maanden (negatief: ervoor).")
    kind: DeadlineKind | None = Field(
        None,
        description="legal (de wet zegt het), advice (ons advies) of none (geen vaste datum). "
        "Leeg: advice als er een aantal staat, anders none.",
    )
    next_working_day: bool = Field(
        False,
        description="De Algemene termijnenwet geldt: valt de laatste dag op een zaterdag, zondag of "
        "feestdag, dan mag het ook de eerstvolgende werkdag. En in de termijn zitten altijd minstens 2 "
        "werkdagen. Zet dit alleen aan als de bron van de stap het zegt. Alleen bij 'kind: legal' met "
        "days, weeks of months, vooruit geteld.",
    )

    model_config = ConfigDict(populate_by_name=True)

    @model_validator(mode="after")
    def _one_length(self) -> Deadline:
        given = [unit for unit in APPROXIMATE_DAYS if getattr(self, unit) is not None]
        if len(given) > 1:
            raise ValueError(
                f"this deadline has both {given[0]} and {given[1]} — "
                "keep one of days, working_days, weeks or months"
            )
        if given and self.kind is DeadlineKind.none:
            raise ValueError(
                f"'kind: none' means there is no fixed date, but {given[0]} is set — remove {given[0]}, "
                "or write 'kind: legal' or 'kind: advice'"
            )
        if self.next_working_day:
            length = self.length
            if self.kind is not DeadlineKind.legal or length is None or length[0] == "working_days":
                raise ValueError(
                    "'next_working_day' is the Algemene termijnenwet: it holds for a legal deadline in "
                    "days, weeks or months — add 'kind: legal' and a length, or remove 'next_working_day'"
                )
            if length[1] <= 0:
                raise ValueError(
                    "'next_working_day' holds for a deadline after the moment, not before it — "
                    "remove 'next_working_day'"
                )
        return self

    @property
    def length(self) -> tuple[str, int] | None:
        """(unit, amount), or None when there is no fixed length."""
        for unit in APPROXIMATE_DAYS:
            amount = getattr(self, unit)
            if amount is not None:
                return unit, amount
        return None

    @property
    def firmness(self) -> DeadlineKind:
        """The kind given, or else advice when there is a length and none without."""
        if self.kind is not None:
            return self.kind
        return DeadlineKind.advice if self.length else DeadlineKind.none

    @property
    def approximate_days(self) -> float | None:
        length = self.length
        return None if length is None else length[1] * APPROXIMATE_DAYS[length[0]]


class Moment(Strict):
    """A date a guide may ask for besides the event date: the date on a letter, the day of a move."""

    id: Id
    question: Text = Field(
        description="De vraag naar de datum, bijvoorbeeld 'Welke datum staat op de brief?'."
    )
    hint: Text | None = Field(None, description="Korte uitleg bij de vraag.")


class Question(Strict):
    """A personal question that decides which steps apply."""

    id: Id
    text: Text = Field(description="De vraag aan de burger, bijvoorbeeld 'Was u getrouwd?'.")
    hint: Text | None = Field(None, description="Korte uitleg bij de vraag.")
    unsure: Text | None = Field(
        None,
        description="Wat de burger leest bij 'weet ik niet': waarom een stap misschien toch geldt.",
    )


class Step(Strict):
    """One thing to do, for one organisation."""

    id: Id
    title: Text = Field(description="Begin met een werkwoord: 'Bel de SVB over uw AOW'.")
    why: Text = Field(description="Waarom dit belangrijk is, in een of twee zinnen.")
    how: list[Text] = Field(default_factory=list, description="Wat u doet, in korte stappen.")
    bring: list[Text] = Field(default_factory=list, description="Wat de burger klaar moet hebben.")
    next: Text | None = Field(None, description="Wat er gebeurt als de stap gedaan is.")
    deadline: Deadline | None = Field(None, description="Wanneer het moet gebeuren.")
    phase: Phase | None = Field(
        None,
        description="now (eerst), soon (binnenkort) of later. Leeg laten als de termijn in dagen bekend is.",
    )
    organisation: Id = Field(description="Welke organisatie, uit registers/organisations.yaml.")
    channels: list[Channel] = Field(
        min_length=1, description="Alle manieren om dit te regelen: phone, walk_in, online, ..."
    )
    help: HelpLevel = Field(
        HelpLevel.yourself,
        description="yourself (zelf), together (samen met een helper), "
        "done_for_you (een helper doet het voor u).",
    )
    automatic: bool = Field(
        False, description="true als dit vanzelf gebeurt en de burger alleen moet controleren."
    )
    entitlement: bool = Field(
        False, description="true als de burger hier recht op kan hebben (geld of hulp)."
    )
    only_if: dict[Id, bool] = Field(
        default_factory=dict,
        description="Alleen tonen als de vragen zo zijn beantwoord: 'getrouwd: true'.",
    )
    after: list[Id] = Field(default_factory=list, description="Stappen die eerst gedaan moeten zijn.")
    shared: Id | None = Field(
        None,
        description="Dezelfde naam voor dezelfde stap in andere gidsen, bijvoorbeeld 'toeslagen-doorgeven'. "
        "Combineert iemand twee gidsen, dan staat de stap er maar een keer.",
    )
    authorisation: bool = Field(
        False,
        description="true als het om toestemming gaat om iets voor een ander te regelen (machtiging). "
        "Regelt iemand zaken voor een ander, dan komt deze stap eerst.",
    )
    for_other: Text | None = Field(
        None,
        description="De titel als iemand dit voor een ander regelt. Schrijf {wie} voor de ander: "
        "'Bel de SVB over de AOW van {wie}' wordt 'Bel de SVB over de AOW van uw vader of moeder'.",
    )
    acting_for_only: bool = Field(
        False,
        description="true als deze stap alleen geldt als iemand zaken voor een ander regelt, "
        "zoals een machtiging aanvragen.",
    )
    other_municipality: bool = Field(
        False,
        description="true als de stap over een andere gemeente kan gaan dan waar de lezer nu woont: de "
        "nieuwe gemeente na een verhuizing, of de gemeente waar een kind is geboren. Dan toont de site niet "
        "het nummer van de gemeente die de lezer koos, maar de algemene tekst.",
    )
    source: Url | None = Field(None, description="Pagina van de organisatie waar dit vandaan komt.")
    reviewed: dt.date | None = Field(None, description="Datum waarop dit is nagekeken.")

    @property
    def effective_phase(self) -> Phase:
        """The phase given, or else derived from the deadline in days."""
        if self.phase is not None:
            return self.phase
        days = self.deadline.approximate_days if self.deadline else None
        if days is None:
            return Phase.soon
        if days <= 7:
            return Phase.now
        if days <= 42:
            return Phase.soon
        return Phase.later


IN_SHORT_MIN, IN_SHORT_MAX = 3, 6
"""How many sentences a guide's "In het kort" (``in_short``) has: enough to act on, few enough to take in."""


class LifeEvent(Strict):
    """A life event: one guide page."""

    id: Id
    title: Text = Field(description="Zoals de burger het zegt: 'Iemand is overleden'.")
    summary: Text = Field(description="Een zin die zegt wat de burger moet doen (hoogstens 25 woorden).")
    reassurance: Text = Field(
        description="Geruststelling bovenaan: u hoeft niet alles tegelijk te doen, en waar hulp is."
    )
    in_short: list[Text] = Field(
        min_length=IN_SHORT_MIN,
        max_length=IN_SHORT_MAX,
        description="'In het kort' bovenaan de gids, op A2-niveau: 3 tot 6 korte zinnen, een zin per regel, "
        "hoogstens 10 woorden per zin, alleen gewone woorden. "
        "Zeg wat de burger eerst doet en wie de burger kan bellen.",
    )
    owner: Text = Field(description="Wie deze gids bijhoudt (naam of team).")
    reviewed: dt.date = Field(description="Datum waarop de hele gids is nagekeken.")
    reviewed_by: Text | None = Field(
        None,
        description="Wie de gids het laatst heeft nagekeken: een tweede persoon, niet de eigenaar.",
    )
    safety: bool = Field(
        False,
        description="true voor gidsen over thuis of relaties: bovenaan staat dan de hulplijn bij geweld "
        "(Veilig Thuis) en een knop 'Snel weg' die de site meteen verlaat.",
    )
    questions: list[Question] = Field(default_factory=list)
    date_question: Text | None = Field(
        None, description="De vraag naar de datum, bijvoorbeeld 'Wanneer is uw partner overleden?'."
    )
    moments: list[Moment] = Field(
        default_factory=list,
        description="Andere datums die termijnen nodig hebben, zoals de datum op een brief. "
        "Een stap verwijst ernaar met 'from:' in zijn deadline.",
    )
    steps: list[Step] = Field(min_length=1)
