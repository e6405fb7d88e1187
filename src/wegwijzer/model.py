"""The life-event model: what a guide is made of, validated with pydantic.

Field descriptions are written for the editors who fill in the YAML files; they
end up in the JSON Schema that their editor shows as help.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=60),
    Field(description="Korte naam in kleine letters en streepjes, bijvoorbeeld 'svb' of 'aow-aanpassen'."),
]


_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")


def _one_line(value: str) -> str:
    value = " ".join(value.split())
    if not value:
        raise ValueError("is empty — write some text here")
    tag = _HTML_TAG.search(value)
    if tag:
        raise ValueError(
            f"contains HTML code '{tag.group(0)[:30]}' — "
            "write plain text without < and >; the page does the layout"
        )
    return value


Text = Annotated[str, AfterValidator(_one_line)]
"""Citizen-facing text: whitespace folded, never empty."""


def _https_url(value: str) -> str:
    value = value.strip()
    if not re.match(r"^https://[^\s/$.?#][^\s]*$", value):
        raise ValueError(
            f"'{value}' is not a safe web address — write a full address that starts with https://"
        )
    return value


Url = Annotated[str, AfterValidator(_https_url)]

PHONE_PATTERN = re.compile(r"^(0\d[\d -]{5,14}\d|14 ?0\d{2,3}|\+\d[\d -]{7,16}\d)$")


def _phone(value: Any) -> str:
    if isinstance(value, int):
        raise ValueError('a phone number must be written between quotes — write it like "0800 1234"')
    value = str(value).strip()
    if not PHONE_PATTERN.match(value):
        raise ValueError(
            f"'{value}' is not a Dutch phone number — "
            'write it like "0800 1234", "088 898 2070", "14 053" or "+31 20 123 4567"'
        )
    return value


Phone = Annotated[str, BeforeValidator(_phone)]


def tel_href(phone: str) -> str:
    """The ``tel:`` link target for a phone number, in international form where possible.

    Municipal 14-numbers ("14 053") only work inside the Netherlands and stay as
    they are.
    """
    digits = re.sub(r"[^\d+]", "", phone)
    if digits.startswith("+"):
        return "tel:" + digits
    if digits.startswith("14"):
        return "tel:" + digits
    return "tel:+31" + digits[1:]


def _postcode(value: Any) -> str:
    text = str(value).strip().upper()
    if not re.match(r"^\d{4} ?[A-Z]{2}$", text):
        raise ValueError(f"'{value}' is not a full postcode — write it like 7511 JN")
    return text


Postcode = Annotated[str, BeforeValidator(_postcode)]


class Strict(BaseModel):
    """Base for every model: unknown fields are errors, text is stripped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


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


class Deadline(Strict):
    """When a step must be done, in words and as a number of days."""

    text: Text = Field(
        description="De termijn in gewone woorden, met een beginpunt: 'binnen 5 dagen na het overlijden'."
    )
    days: int | None = Field(
        None,
        ge=-730,
        le=1830,
        description="Aantal dagen na de gebeurtenis (negatief: ervoor). "
        "Gebruikt om een echte datum te tonen en de volgorde te bepalen.",
    )


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
        description="De titel als iemand dit voor een ander regelt: 'Bel de SVB over de AOW van uw partner'.",
    )
    source: Url | None = Field(None, description="Pagina van de organisatie waar dit vandaan komt.")
    reviewed: dt.date | None = Field(None, description="Datum waarop dit is nagekeken.")

    @property
    def effective_phase(self) -> Phase:
        """The phase given, or else derived from the deadline in days."""
        if self.phase is not None:
            return self.phase
        days = self.deadline.days if self.deadline else None
        if days is None:
            return Phase.soon
        if days <= 7:
            return Phase.now
        if days <= 42:
            return Phase.soon
        return Phase.later

    @property
    def human_channels(self) -> list[Channel]:
        return [c for c in self.channels if c.kind in HUMAN_CHANNELS]


class LifeEvent(Strict):
    """A life event: one guide page."""

    id: Id
    title: Text = Field(description="Zoals de burger het zegt: 'Iemand is overleden'.")
    summary: Text = Field(description="Een zin die zegt wat de burger moet doen (hoogstens 25 woorden).")
    reassurance: Text = Field(
        description="Geruststelling bovenaan: u hoeft niet alles tegelijk te doen, en waar hulp is."
    )
    owner: Text = Field(description="Wie deze gids bijhoudt (naam of team).")
    reviewed: dt.date = Field(description="Datum waarop de hele gids is nagekeken.")
    questions: list[Question] = Field(default_factory=list)
    date_question: Text | None = Field(
        None, description="De vraag naar de datum, bijvoorbeeld 'Wanneer is uw partner overleden?'."
    )
    steps: list[Step] = Field(min_length=1)


def _clock_time(value: Any) -> Any:
    if isinstance(value, int):
        raise ValueError('a time must be written between quotes — write it like "09:00"')
    return value


ClockTime = Annotated[
    str,
    BeforeValidator(_clock_time),
    StringConstraints(pattern=r"^([01]\d|2[0-3]):[0-5]\d$"),
    Field(description='Een tijd als "HH:MM" tussen aanhalingstekens, bijvoorbeeld "09:00".'),
]


class OpeningHours(Strict):
    """Opening hours on one or more days.

    ``days`` and ``hours`` are what citizens read. ``weekdays``, ``opens`` and
    ``closes`` are optional: the same hours for a computer, so that the finder
    can say whether a place is open today.
    """

    days: Text = Field(description="Welke dagen, bijvoorbeeld 'maandag tot en met vrijdag'.")
    hours: Text = Field(description="Welke tijden, bijvoorbeeld '8.00 tot 17.00 uur'.")
    weekdays: list[Annotated[int, Field(ge=1, le=7)]] = Field(
        default_factory=list,
        description="Dezelfde dagen als nummers: 1 is maandag, 7 is zondag. "
        "Bijvoorbeeld [1, 2, 3, 4, 5]. Dan kan de site zeggen of het vandaag open is.",
    )
    opens: ClockTime | None = Field(None, description='Hoe laat het opengaat, bijvoorbeeld "09:00".')
    closes: ClockTime | None = Field(None, description='Hoe laat het dichtgaat, bijvoorbeeld "17:00".')

    @model_validator(mode="after")
    def _structured_together(self) -> OpeningHours:
        given = (bool(self.weekdays), self.opens is not None, self.closes is not None)
        if any(given) and not all(given):
            raise ValueError("write weekdays, opens and closes together, or leave all three out")
        if self.opens is not None and self.closes is not None and self.opens >= self.closes:
            raise ValueError(f"closes ({self.closes}) must be later than opens ({self.opens})")
        return self

    @property
    def structured(self) -> bool:
        """Whether the hours are also given as weekdays and times."""
        return bool(self.weekdays)


class Organisation(Strict):
    """An organisation citizens deal with."""

    id: Id
    name: Text = Field(description="De naam die burgers kennen, bijvoorbeeld 'SVB'.")
    full_name: Text | None = Field(None, description="De volledige naam, als die anders is.")
    description: Text = Field(description="Wat deze organisatie voor de burger doet, in een zin.")
    phone: Phone | None = Field(None, description="Het landelijke telefoonnummer.")
    phone_note: Text | None = Field(
        None, description="Als er geen landelijk nummer is: waar de burger het nummer vindt."
    )
    phone_hours: list[OpeningHours] = Field(default_factory=list)
    website: Url | None = None
    chat: Url | None = Field(None, description="Webadres van de chat, als die er is.")
    walk_in: Text | None = Field(None, description="Waar en wanneer je langs kunt gaan.")
    source: Url | None = None
    checked: dt.date | None = Field(None, description="Datum waarop de gegevens zijn nagekeken.")


class HelpPointKind(StrEnum):
    """The kinds of human help points."""

    cross_government_counter = "cross_government_counter"
    library_ido = "library_ido"
    neighbourhood_team = "neighbourhood_team"
    municipal_counter = "municipal_counter"
    social_counsellor = "social_counsellor"
    tax_support = "tax_support"


class HelpPoint(Strict):
    """A place where a person helps citizens."""

    id: Id
    name: Text
    kind: HelpPointKind
    municipality: Id = Field(description="De gemeente, uit registers/municipalities.yaml.")
    address: Text
    postcode: Postcode
    walk_in_hours: list[OpeningHours] = Field(default_factory=list)
    appointment_needed: bool = False
    phone: Phone | None = None
    languages: list[Text] = Field(default_factory=lambda: ["Nederlands"])
    wheelchair_access: bool | None = None
    organisations: list[Id] = Field(
        default_factory=list, description="Organisaties waar dit loket een directe lijn mee heeft."
    )
    source: Url | None = None
    checked: dt.date | None = Field(None, description="Datum waarop de gegevens zijn nagekeken.")
    owner: Text | None = Field(None, description="Wie deze gegevens bijhoudt (naam of team).")


class Municipality(Strict):
    """A Dutch municipality."""

    id: Id
    name: Text
    cbs_code: Annotated[str, StringConstraints(pattern=r"^GM\d{4}$")]
    province: Text
    phone: Phone | None = Field(None, description="Het algemene nummer, vaak 14 en het netnummer.")
    postcodes: list[Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{4}$")]] = Field(
        default_factory=list, description="Postcodegebieden, bijvoorbeeld '7511-7548'."
    )


class GlossaryTerm(Strict):
    """A word citizens meet, with one plain sentence."""

    id: Id
    term: Text
    forms: list[Text] = Field(default_factory=list, description="Andere vormen: meervoud enzovoort.")
    explanation: Text = Field(description="Een gewone zin die zegt wat het woord betekent.")

    @property
    def all_forms(self) -> list[str]:
        return [self.term, *self.forms]
