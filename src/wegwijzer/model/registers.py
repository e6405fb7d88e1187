"""The registers every guide refers to: organisations, help points, municipalities, glossary."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    Field,
    StringConstraints,
    model_validator,
)

from .fields import ClockTime, Id, Phone, Position, Postcode, PostcodeArea, Strict, Text, Url


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
    article: Literal["", "de", "het", "uw"] = Field(
        "",
        description="Het woordje voor de naam in een zin: 'bij de SVB', 'bij het CAK', 'bij uw werkgever'.",
    )
    description: Text = Field(description="Wat deze organisatie voor de burger doet, in een zin.")
    phone: Phone | None = Field(None, description="Het landelijke telefoonnummer.")
    phone_note: Text | None = Field(
        None, description="Als er geen landelijk nummer is: waar de burger het nummer vindt."
    )
    phone_hours: list[OpeningHours] = Field(default_factory=list)
    website: Url | None = None
    chat: Url | None = Field(None, description="Webadres van de chat, als die er is.")
    walk_in: Text | None = Field(None, description="Waar en wanneer je langs kunt gaan.")

    unverified: list[Literal["phone", "phone_hours", "website", "walk_in", "chat"]] = Field(
        default_factory=list,
        description="Gegevens die nog niet op een eigen pagina van de organisatie zijn gevonden. "
        "De controle waarschuwt tot iemand ze heeft nagekeken.",
    )
    per_municipality: bool = Field(
        False,
        description="true als elke gemeente een eigen nummer heeft (de gemeente zelf). Kiest de lezer "
        "zijn gemeente, dan toont de site het nummer van die gemeente in plaats van 'phone_note'.",
    )
    per_region: bool = Field(
        False,
        description="true als het nummer per regio verschilt (zorgkantoor, GGD, wijkteam). "
        "registers/regional.yaml zegt welk kantoor bij welke gemeente hoort. Kiest de lezer zijn "
        "gemeente, dan toont de site dat kantoor. Zonder keuze, of zonder kantoor voor die gemeente, "
        "blijft 'phone_note'.",
    )
    source: Url | None = None
    checked: dt.date | None = Field(None, description="Datum waarop de gegevens zijn nagekeken.")


class RegionalOffice(Strict):
    """The office of a regional organisation (a zorgkantoor, a GGD) that serves some municipalities."""

    id: Id
    organisation: Id = Field(
        description="De organisatie uit registers/organisations.yaml, met 'per_region: true'. Bijvoorbeeld "
        "'zorgkantoor'."
    )
    name: Text = Field(description="De naam die burgers kennen, bijvoorbeeld 'CZ zorgkantoor'.")
    phone: Phone | None = Field(None, description="Het nummer dat burgers uit deze gemeenten bellen.")
    phone_hours: list[OpeningHours] = Field(default_factory=list)
    website: Url | None = None
    regions: list[Text] = Field(
        default_factory=list, description="De regio's van dit kantoor, zoals de bron ze noemt."
    )
    municipalities: list[Id] = Field(
        min_length=1, description="De gemeenten uit registers/municipalities.yaml die bij dit kantoor horen."
    )
    source: Url = Field(description="De pagina van de organisatie die het zegt.")
    quote: Text | None = Field(None, description="De zinnen op die pagina die het zeggen.")
    checked: dt.date = Field(description="Datum waarop het is nagekeken.")
    owner: Text = Field(description="Wie deze gegevens bijhoudt.")


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
    position: Position | None = Field(
        None,
        description="Waar het loket is, ongeveer. Laat u dit leeg? Dan telt het midden van het "
        "postcodegebied (registers/postcode_centres.csv).",
    )
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


def _forwards(value: str) -> str:
    low, high = value.split("-")
    if low > high:
        raise ValueError(f"the range '{value}' runs backwards — write the lower postcode first: {high}-{low}")
    return value


PostcodeRange = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{4}$"), AfterValidator(_forwards)]


def _once_each(values: list[str]) -> list[str]:
    twice = sorted({value for value in values if values.count(value) > 1})
    if twice:
        raise ValueError(f"'{twice[0]}' is listed twice — write each postcode once")
    return values


class Municipality(Strict):
    """A Dutch municipality."""

    id: Id
    name: Text = Field(
        description="De naam die mensen gebruiken en die de site laat zien, bijvoorbeeld 'Den Haag'. "
        "Is de officiële naam anders ('s-Gravenhage)? Zet die dan bij 'aliases'."
    )
    cbs_code: Annotated[str, StringConstraints(pattern=r"^GM\d{4}$")]
    province: Text
    phone: Phone | None = Field(None, description="Het algemene nummer van de gemeente.")
    fourteen: Phone | None = Field(
        None, description="Het nummer 14 en het netnummer, alleen als de gemeente daaraan meedoet."
    )
    website: Url | None = Field(None, description="De website van de gemeente.")
    aliases: list[Text] = Field(
        default_factory=list,
        description="Andere namen waarmee mensen de gemeente zoeken: de officiële naam ('s-Gravenhage), "
        "Friese namen, oude gemeenten.",
    )
    places: list[Text] = Field(default_factory=list, description="De woonplaatsen in deze gemeente.")
    postcodes: list[PostcodeRange] = Field(
        default_factory=list, description="Postcodegebieden, bijvoorbeeld '7511-7548'."
    )
    shared_postcodes: Annotated[list[PostcodeArea], AfterValidator(_once_each)] = Field(
        default_factory=list,
        description="Postcodes die deze gemeente deelt met een andere gemeente. Die andere gemeente heeft er "
        "de meeste adressen en heeft de postcode bij 'postcodes'. Typt iemand zo'n postcode? Dan vraagt de "
        "site in welke gemeente iemand woont. "
        'Bijvoorbeeld ["1261"] bij Laren: 1261 hoort vooral bij Blaricum.',
    )
    centre: Position | None = Field(
        None,
        description="Het midden van de gemeente, ongeveer. Laat u dit leeg? Dan telt het gemiddelde van de "
        "middens van haar postcodegebieden (registers/postcode_centres.csv).",
    )

    def covers(self, number: int) -> bool:
        """Whether one of the ranges in ``postcodes`` holds this four-digit postcode."""
        for span in self.postcodes:
            low, high = (int(part) for part in span.split("-"))
            if low <= number <= high:
                return True
        return False


class GlossaryTerm(Strict):
    """A word citizens meet, with one plain sentence."""

    id: Id
    term: Text
    forms: list[Text] = Field(default_factory=list, description="Andere vormen: meervoud enzovoort.")
    explanation: Text = Field(description="Een gewone zin die zegt wat het woord betekent.")

    @property
    def all_forms(self) -> list[str]:
        return [self.term, *self.forms]


class Fact(Strict):
    """A fact a guide states that can change: a term, an age, a percentage, an amount.

    Texts refer to it as ``{feit:id}``; the page shows ``value``.
    """

    id: Id
    value: Text = Field(description="Wat de burger leest, bijvoorbeeld '27' of '6 werkdagen'.")
    meaning: Text = Field(description="Wat het betekent, in een zin.")
    year: int | None = Field(
        None, ge=2000, le=2100, description="Het jaar waarvoor de waarde geldt, als die elk jaar verandert."
    )
    source: Url = Field(description="De pagina van de organisatie die het zegt.")
    quote: Text | None = Field(None, description="De zin op die pagina die het zegt.")
    checked: dt.date = Field(description="Datum waarop het is nagekeken.")
    owner: Text = Field(description="Wie dit feit bijhoudt.")


SearchWord = Annotated[str, StringConstraints(pattern=r"^\*?[a-zà-ÿ0-9]+(-[a-zà-ÿ0-9]+)*$", max_length=40)]


class SearchWords(Strict):
    """Words people type when they search, and the words of the guides they mean.

    A page that holds one of ``finds`` is found with each of ``words`` too: "begrafenis"
    finds the steps about the "uitvaart".
    """

    id: Id
    words: list[SearchWord] = Field(
        min_length=1, description="Wat mensen intikken, in kleine letters, bijvoorbeeld 'begrafenis'."
    )
    finds: list[SearchWord] = Field(
        min_length=1,
        description="De woorden in de gidsen die zij bedoelen, bijvoorbeeld 'uitvaart'. Met een * ervoor: "
        "elk woord dat zo eindigt, zoals '*toeslag' voor huurtoeslag en zorgtoeslag.",
    )

    def finds_word(self, find: str, word: str) -> bool:
        """Whether ``word`` (lowercase, from a page) is meant by ``find`` ("uitvaart" or "*toeslag")."""
        return word.endswith(find[1:]) if find.startswith("*") else word == find

    def found_in(self, words: set[str]) -> bool:
        """Whether a page with these words is one that people mean with :attr:`words`."""
        return any(self.finds_word(find, word) for find in self.finds for word in words)


WORD = re.compile(r"[a-zà-ÿ0-9]+(?:-[a-zà-ÿ0-9]+)*")


def words_of(text: str) -> set[str]:
    """The lowercase words of a text, as search and its register compare them."""
    return set(WORD.findall(text.lower()))


REGISTERS: dict[str, type[BaseModel]] = {
    "organisations": Organisation,
    "helppoints": HelpPoint,
    "municipalities": Municipality,
    "glossary": GlossaryTerm,
    "facts": Fact,
    "search": SearchWords,
    "regional": RegionalOffice,
}
"""Register file name (without .yaml) → the model of each entry."""
