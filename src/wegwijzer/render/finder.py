"""The help-point finder: where a citizen can go or call for help, per municipality.

Three outputs, all built from the same :class:`Place` list:

- the finder page (``loket/``): a type-ahead over every municipality, shown by
  the page's script, and an A–Z list of links that works without JavaScript;
- one static page per municipality (``loket/<id>/``) with its help points, the
  municipality's own number, and the national organisations per life event;
- a compact JSON index (:mod:`.finder_index`) that the script reads.

:func:`find` is the reference for how the script matches what people type; the
browser tests check that both give the same answers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..content import Content
from ..model import HelpPoint, HelpPointKind, LifeEvent, Municipality, OpeningHours, Organisation
from .pages import PageSpec
from .urls import FINDER_INDEX, urls

KIND_ORDER: tuple[HelpPointKind, ...] = (
    HelpPointKind.cross_government_counter,
    HelpPointKind.library_ido,
    HelpPointKind.neighbourhood_team,
    HelpPointKind.municipal_counter,
    HelpPointKind.social_counsellor,
    HelpPointKind.tax_support,
)
"""The order help points are shown in: the broadest human help first."""

MAX_OPTIONS = 10
"""At most this many municipalities are offered while typing (the form's ``data-max-options``)."""

_POSTCODE = re.compile(r"^(\d{4})(?: ?[a-z]{2})?$")
_ARTICLE = re.compile(r"^['\u2019](s|t)[ -]")


def normalise(text: str) -> str:
    """Lower case, without accents or punctuation: what matching compares."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def sort_key(name: str) -> str:
    """A–Z order as Dutch lists use it: "'s-Hertogenbosch" goes under H."""
    return normalise(_ARTICLE.sub("", name.casefold()))


@dataclass(frozen=True)
class Place:
    """A municipality with its help points, in the order they are shown."""

    municipality: Municipality
    points: tuple[HelpPoint, ...]

    @property
    def letter(self) -> str:
        return (sort_key(self.municipality.name)[:1] or "#").upper()


def ordered_points(points: Iterable[HelpPoint]) -> tuple[HelpPoint, ...]:
    """Help points by kind (see :data:`KIND_ORDER`), then by name."""
    return tuple(sorted(points, key=lambda p: (KIND_ORDER.index(p.kind), p.name.casefold())))


def places(content: Content) -> list[Place]:
    """Every municipality in the register, A–Z, each with its help points (maybe none)."""
    grouped: dict[str, list[HelpPoint]] = {}
    for point in content.helppoints.values():
        grouped.setdefault(point.municipality, []).append(point)
    return [
        Place(m, ordered_points(grouped.get(m.id, ())))
        for m in sorted(content.municipalities.values(), key=lambda m: (sort_key(m.name), m.id))
    ]


def by_letter(all_places: Iterable[Place]) -> list[tuple[str, list[Place]]]:
    """Places grouped by first letter, for the A–Z list."""
    groups: dict[str, list[Place]] = {}
    for place in all_places:
        groups.setdefault(place.letter, []).append(place)
    return list(groups.items())


def national_organisations(event: LifeEvent, organisations: Mapping[str, Organisation]) -> list[Organisation]:
    """The organisations an event's steps refer to that have a national phone line, in step order.

    Organisations without a national number (the municipality, a notary, the
    health insurer) are left out: the finder shows the municipality's own
    number, and the guide says where to find the others.
    """
    seen: dict[str, Organisation] = {}
    for step in event.steps:
        organisation = organisations[step.organisation]
        if organisation.phone and organisation.id not in seen:
            seen[organisation.id] = organisation
    return list(seen.values())


def postcode_number(query: str) -> int | None:
    """The 4 digits of a postcode ("7511" or "7511 AB"), or None."""
    match = _POSTCODE.match(normalise(query))
    return int(match.group(1)) if match else None


def covers(municipality: Municipality, number: int) -> bool:
    """Whether one of the municipality's postcode ranges holds ``number``."""
    for span in municipality.postcodes:
        low, high = (int(part) for part in span.split("-"))
        if low <= number <= high:
            return True
    return False


def find(municipalities: Iterable[Municipality], query: str) -> list[Municipality]:
    """The municipalities that match what was typed, best first.

    A postcode gives the municipalities whose ranges hold it (A–Z). A name
    matches when the whole name starts with it, then when a word of the name
    does ("bosch" finds "'s-Hertogenbosch"), then when it occurs anywhere.
    """
    everything = sorted(municipalities, key=lambda m: (sort_key(m.name), m.id))
    number = postcode_number(query)
    if number is not None:
        return [m for m in everything if covers(m, number)]
    wanted = normalise(query)
    if not wanted:
        return []
    ranked = []
    for position, municipality in enumerate(everything):
        name = normalise(municipality.name)
        if name.startswith(wanted) or sort_key(municipality.name).startswith(wanted):
            tier = 0
        elif any(word.startswith(wanted) for word in name.split()):
            tier = 1
        elif wanted in name:
            tier = 2
        else:
            continue
        ranked.append((tier, position, municipality))
    return [m for _, _, m in sorted(ranked, key=lambda r: r[:2])]


# --- Opening hours ----------------------------------------------------------------


def weekday_mask(hours: OpeningHours) -> int:
    """Weekdays as bits: Monday is 1, Tuesday 2, … Sunday 64."""
    return sum(1 << (day - 1) for day in set(hours.weekdays))


def minutes(clock: str) -> int:
    """ "09:30" → 570."""
    hour, minute = clock.split(":")
    return int(hour) * 60 + int(minute)


def hours_row(hours: OpeningHours) -> list[Any]:
    """``[days, hours]``, plus ``weekday mask, opens, closes`` (minutes) when structured."""
    row: list[Any] = [hours.days, hours.hours]
    if hours.structured and hours.opens and hours.closes:
        row += [weekday_mask(hours), minutes(hours.opens), minutes(hours.closes)]
    return row


def structured_hours(hours: Iterable[OpeningHours]) -> list[list[int]]:
    """``[[weekday mask, opens, closes], …]`` for the script, or [] when any entry is free text only.

    "Closed today" may only be said when every entry is known.
    """
    rows = [hours_row(h)[2:] for h in hours]
    return rows if rows and all(rows) else []


# --- Pages ---------------------------------------------------------------------

TODAY_STRINGS = ("open_now", "open_later", "closed_now", "closed_today")
"""What the script needs on a municipality's page: "open today"."""
FINDER_STRINGS = (
    *TODAY_STRINGS,
    *("found_one", "found_many", "found_more", "found_none", "postcode_more", "empty", "choose"),
    *("not_found_title", "not_found", "postcode_unknown", "fallback", "phone_advice"),
    *("points_title", "show_all", "no_points_title", "no_points", "municipality_phone", "holidays"),
    *("national_title", "national_intro", "national_for", "national_none"),
    *("phone", "hours", "hours_unknown", "address", "languages", "appointment", "no_appointment"),
    *("wheelchair_yes", "wheelchair_no"),
)
"""What the script needs on the finder page, where it draws results itself."""


def script_strings(
    t: Mapping[str, Any], keys: Iterable[str] = FINDER_STRINGS, kinds: bool = True
) -> dict[str, Any]:
    """The interface strings the finder's script needs, passed to it through the page."""
    strings: dict[str, Any] = {key: t["finder"][key] for key in keys}
    if kinds:
        strings["kinds"] = t["help_point_kinds"]
    return strings


def finder_pages(content: Content, t: dict[str, Any]) -> list[PageSpec]:
    """The finder page, then one page per municipality (left out of the search index)."""
    all_places = places(content)
    place_strings = script_strings(t, TODAY_STRINGS, kinds=False)
    events = [
        (event, national_organisations(event, content.organisations)) for event in content.events.values()
    ]
    finder = PageSpec(
        urls.finder,
        t["finder_title"],
        "finder.html",
        assets=("finder.css", "ww-dom.js", "finder.js"),
        context={
            "letters": by_letter(all_places),
            "place_count": len(all_places),
            "events": [event for event, _ in events],
            "index_uri": FINDER_INDEX,
            "max_options": MAX_OPTIONS,
            "place_uri": urls.place,
            "script_strings": script_strings(t),
        },
        meta={"hide": ["toc"]},
    )
    return [finder] + [
        PageSpec(
            urls.place(place.municipality.id),
            t["finder"]["place_title"].format(name=place.municipality.name),
            "finder_place.html",
            assets=("finder.css", "ww-dom.js", "place.js"),
            context={
                "place": place,
                "events": events,
                "script_strings": place_strings,
                "structured_hours": structured_hours,
            },
            meta={"hide": ["toc"], "search": {"exclude": True}},
            in_nav=False,
        )
        for place in all_places
    ]
