"""The help-point finder: where a citizen can go or call for help, per municipality.

Three outputs, all built from the same :class:`Place` list:

- the finder page (``loket/``): a type-ahead over every municipality, shown by
  the page's script, and an A–Z list of links that works without JavaScript;
- one static page per municipality (``loket/<id>/``) with its help points nearest to
  its centre first, the nearest known point in another municipality, the
  municipality's own number, and the national organisations per life event;
- the JSON files the script reads (:mod:`.finder_index`): a small first file to find a
  municipality, and one file per municipality with its points.

:func:`find` is the reference for how the script matches what people type, and
:func:`listing` for what it lists and in which order (distances: :mod:`.distances`);
the browser tests check that both give the same answers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..content import Content
from ..model import (
    HelpPoint,
    HelpPointKind,
    LifeEvent,
    Municipality,
    OpeningHours,
    Organisation,
    RegionalOffice,
)
from .distances import Geography, Origin, distance_words, nearest_first
from .pages import PageSpec
from .urls import Urls, urls
from .wording import DUTCH, Wording

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

FIRST_POINTS = 5
NATIONAL_ON_PAGE_MAX = 30
"""With more guides than this, a municipality's page links to one page of national organisations
instead of listing them for every guide (a list that would grow with every guide, on every page)."""
"""The script shows this many help points, the nearest, and a button for the rest
(``data-first-points``): a short list for someone under stress, and light on a slow phone."""

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
class Nearby:
    """The nearest known help point in another municipality."""

    point: HelpPoint
    municipality: Municipality
    km: float


@dataclass(frozen=True)
class Place:
    """A municipality with its help points, nearest to its centre first."""

    municipality: Municipality
    points: tuple[HelpPoint, ...]
    nearby: Nearby | None = None
    """The nearest known help point in another municipality (at most :data:`~.distances.NEAREST_KM` away)."""
    origin: Origin | None = None
    """Where distances are measured from: the municipality's centre (None: not known)."""
    distances: Mapping[str, float | None] = field(default_factory=dict)
    """Each point's distance from ``origin`` in km, by point id (None: not known)."""
    offices: tuple[RegionalOffice, ...] = ()
    """The regional offices (a zorgkantoor) that serve this municipality (registers/regional.yaml)."""

    @property
    def letter(self) -> str:
        return (sort_key(self.municipality.name)[:1] or "#").upper()


def ordered_points(points: Iterable[HelpPoint]) -> tuple[HelpPoint, ...]:
    """Help points by kind (see :data:`KIND_ORDER`), then by name: the order before distance."""
    return tuple(sorted(points, key=lambda p: (KIND_ORDER.index(p.kind), p.name.casefold())))


@dataclass(frozen=True)
class Listing:
    """What the finder shows for one municipality: its points nearest first, and the nearest elsewhere."""

    municipality: Municipality
    origin: Origin | None
    """Where the distances are measured from (None: no centre known, so no distances)."""
    points: list[tuple[HelpPoint, float | None]]
    """Its own help points with their distance in km (None: not known), nearest first."""
    nearby: Nearby | None


def listing(
    content: Content,
    municipality: Municipality,
    postcode: int | None = None,
    geography: Geography | None = None,
) -> Listing:
    """What the finder lists when someone typed ``postcode`` (or the name: None) for ``municipality``.

    The reference for ``assets/finder.js``: the browser tests check that both give the same order.
    """
    geography = geography or Geography(content)
    origin = geography.origin(municipality, postcode)
    own = ordered_points(geography.points_in.get(municipality.id, ()))
    found = geography.nearest_elsewhere(origin, municipality)
    near = (
        None if found is None else Nearby(found[0], content.municipalities[found[0].municipality], found[1])
    )
    return Listing(municipality, origin, nearest_first(own, origin, geography.positions), near)


def places(content: Content, geography: Geography | None = None) -> list[Place]:
    """Every municipality in the register, A–Z, each with its help points (nearest to its centre
    first, see :func:`~.distances.nearest_first`) and the nearest known one elsewhere."""
    geography = geography or Geography(content)
    offices = content.offices_by_municipality()
    found = []
    for municipality in sorted(content.municipalities.values(), key=lambda m: (sort_key(m.name), m.id)):
        shown = listing(content, municipality, None, geography)
        points = tuple(point for point, _ in shown.points)
        distances = {point.id: km for point, km in shown.points}
        served = tuple(offices.get(municipality.id, ()))
        found.append(Place(municipality, points, shown.nearby, shown.origin, distances, served))
    return found


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


def by_postcode(municipalities: Iterable[Municipality], number: int) -> list[Municipality]:
    """The municipalities a four-digit postcode belongs to, in the order given.

    First the one whose ranges hold it (it has most addresses there), then those
    that name it in ``shared_postcodes``.
    """
    everything = list(municipalities)
    holders = [m for m in everything if m.covers(number)]
    return holders + [m for m in everything if str(number) in m.shared_postcodes]


TYPO_MIN_LENGTH = 4
"""A typo is forgiven only in queries of at least this many letters (and only when nothing else matches)."""


def within_one_edit(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with at most one letter added, left out, changed or two swapped."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        swapped = i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
        return a[i + 1 :] == b[i + 1 :] or swapped
    return a[i:] == b[i + 1 :]


def match_tier(municipality: Municipality, wanted: str) -> int | None:
    """How well a normalised query matches; None: not at all.

    0: the name (or its A–Z form) starts with it. 1: a name people use (Den Haag), or a
    word of the name or of such a name, starts with it ("bosch"). 2: a town in the
    municipality starts with it ("sneek"). 3: it occurs anywhere in the name.
    """
    name = normalise(municipality.name)
    if name.startswith(wanted) or sort_key(municipality.name).startswith(wanted):
        return 0
    names = [name, *(normalise(alias) for alias in municipality.aliases)]
    if any(n.startswith(wanted) or any(w.startswith(wanted) for w in n.split()) for n in names):
        return 1
    if any(normalise(place).startswith(wanted) for place in municipality.places):
        return 2
    if wanted in name:
        return 3
    return None


def typo_tier(municipality: Municipality, wanted: str) -> int | None:
    """With one typo: 0 in the name's start, 1 in a name people use, 2 in a town ("Amsterdm", "Den Haga")."""
    sizes = (len(wanted) - 1, len(wanted), len(wanted) + 1)
    for tier, terms in ((0, [municipality.name]), (1, municipality.aliases), (2, municipality.places)):
        for term in terms:
            key = normalise(term)
            if any(within_one_edit(wanted, key[:size]) for size in sizes):
                return tier
    return None


def find(municipalities: Iterable[Municipality], query: str) -> list[Municipality]:
    """The municipalities that match what was typed, best first (see :func:`match_tier`).

    A postcode gives the municipality it belongs to; where it belongs to more than one,
    the one with most addresses first (see :func:`by_postcode`). Case, accents,
    hyphens and apostrophes do not matter. When nothing matches a query of at least
    four letters, one typo is forgiven.
    """
    everything = sorted(municipalities, key=lambda m: (sort_key(m.name), m.id))
    number = postcode_number(query)
    if number is not None:
        return by_postcode(everything, number)
    wanted = normalise(query)
    if not wanted:
        return []
    ranked = []
    for position, municipality in enumerate(everything):
        tier = match_tier(municipality, wanted)
        if tier is not None:
            ranked.append((tier, position, municipality))
    if not ranked and len(wanted) >= TYPO_MIN_LENGTH:
        for position, municipality in enumerate(everything):
            tier = typo_tier(municipality, wanted)
            if tier is not None:
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


def hours_row(hours: OpeningHours, wording: Wording = DUTCH) -> list[Any]:
    """``[days, hours]``, plus ``weekday mask, opens, closes`` (minutes) when structured."""
    row: list[Any] = list(wording.hours(hours))
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
    *("postcode_shared", "postcode_shared_title", "postcode_shared_text"),
    *("not_found_title", "not_found", "postcode_unknown", "fallback", "phone_advice"),
    *("points_title", "show_all", "no_points_title", "no_points", "municipality_phone", "holidays"),
    "regional",
    *("nearby", "nearby_other", "nearby_link", "loading", "not_loaded"),
    *("distance", "distance_less", "distance_km", "distance_from_place", "distance_from_postcode"),
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


def finder_pages(content: Content, t: dict[str, Any], u: Urls = urls) -> list[PageSpec]:
    """The finder page, then one page per municipality (left out of the search index)."""
    all_places = places(content)
    f = t["finder"]
    wording = Wording(t)
    place_strings = script_strings(t, TODAY_STRINGS, kinds=False)
    events = [
        (event, national_organisations(event, content.organisations)) for event in content.events.values()
    ]
    org_names = {o.id: o.name for o in content.organisations.values()}
    finder = PageSpec(
        u.finder,
        t["finder_title"],
        "finder.html",
        assets=("az.css", "finder.css", "loket.js"),
        context={
            "letters": by_letter(all_places),
            "place_count": len(all_places),
            "events": [event for event, _ in events],
            "index_uri": u.finder_index,
            "place_example": all_places[0].municipality.id if all_places else "",
            "shard_uri": u.finder_shard,
            "distances": any(place.origin for place in all_places),
            "max_options": MAX_OPTIONS,
            "first_points": FIRST_POINTS,
            "typo_min": TYPO_MIN_LENGTH,
            "place_uri": u.place,
            "script_strings": script_strings(t),
        },
        meta={"hide": ["toc"]},
    )
    national = None
    if len(events) > NATIONAL_ON_PAGE_MAX:
        national = PageSpec(
            u.national,
            f["national_title"],
            "finder_national_page.html",
            context={"events": events},
            meta={"hide": ["toc"], "search": {"exclude": True}},
            in_nav=False,
        )
    return [finder, *([national] if national else [])] + [
        PageSpec(
            u.place(place.municipality.id),
            t["finder"]["place_title"].format(name=place.municipality.name),
            "finder_place.html",
            assets=("finder.css", "loket-gemeente.js"),
            context={
                "place": place,
                "events": [] if national else events,
                "national_page": national is not None,
                "org_names": org_names,
                "script_strings": place_strings,
                "structured_hours": structured_hours,
                "wording": wording,
                "distance": lambda km: distance_words(km, f),
            },
            meta={"hide": ["toc"], "search": {"exclude": True}},
            in_nav=False,
        )
        for place in all_places
    ]
