"""The finder's JSON files, read by ``assets/finder.js`` (and "Waar woont u?", ``place-choice.js``).

Split so that a phone loads little before its first lookup:

- ``loket.json`` (:func:`finder_index`): every municipality with what people type for it
  (names, towns, postcodes) and its number and website, plus the national organisations per
  life event. Enough to find a municipality; its size does not grow with the help points.
- ``loketten/<id>.json`` (:func:`place_shard`), one per municipality, loaded when it is chosen:
  its help points with their positions, the centres of its postcode areas, and for each of those
  (and for its own centre) the nearest known help point in another municipality.

The script takes the flag values and the town marker from the first file's header (``f``), so
nothing here is copied into JavaScript by hand.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

from ..content import Content
from ..model import HelpPoint, Municipality, Organisation, RegionalOffice
from ..model.translation import plain
from .distances import Geography, Origin, e4
from .finder import KIND_ORDER, Place, hours_row, national_organisations, places
from .pages import DataFile
from .urls import Urls, urls
from .wording import DUTCH, Wording

INDEX_VERSION = 5
INDEX_BUDGET = 30 * 1024
"""Most a phone may load, gzipped, before its first lookup (the first file: tests, bench)."""

APPOINTMENT = 1
WHEELCHAIR_YES = 2
WHEELCHAIR_NO = 4
TOWN_IN_ADDRESS = 8
TOWN_IN_NAME = 16
KIND_SHIFT = 5
"""A point's kind and flags share one number: ``kind << 5 | flags``."""
TOWN = "~"
"""Stands for the municipality's name in a point's name or address (when its flag is set)."""
NO_PLACE = -1
"""In a shard: no help point elsewhere within reach, or no position known."""


class _Table:
    """Values stored once and referred to by position."""

    def __init__(self) -> None:
        self.rows: list[Any] = []
        self._seen: dict[str, int] = {}

    def ref(self, row: Any) -> int:
        key = json.dumps(row, ensure_ascii=False)
        if key not in self._seen:
            self._seen[key] = len(self.rows)
            self.rows.append(row)
        return self._seen[key]


def finder_index(
    content: Content, all_places: list[Place] | None = None, wording: Wording = DUTCH
) -> dict[str, Any]:
    """The first file: what the finder needs to find a municipality (about 26 KB gzipped for 342).

    Arrays instead of objects; shared values stored once and referred to by position::

        v  version
        f  header: the flag values and the town marker, by name (the script reads them here)
        k  help-point kinds, by position
        h  opening hours of the national organisations: [days, hours] or [days, hours, mask, opens, closes]
        o  organisations: [name, description, phone, [hours…]]
        e  life events: [id, title, [organisations…]]
        m  municipalities, A–Z: [name, phone, [from, to, from, to…], id (0: the name written as
           an id, see :func:`derived_id`), website, names people use ("|"-separated), towns
           ("|"-separated, the name itself left out), postcodes it shares with a municipality
           whose ranges hold them: [number…] or 0, its regional offices: [position in r…] or 0]
        r  regional offices (registers/regional.yaml): [organisation id, name, phone, website, [hours…],
           the organisation's name ("zorgkantoor")]
    """
    hours, orgs, offices = _Table(), _Table(), _Table()

    def office_ref(office: RegionalOffice) -> int:
        return offices.ref(
            [
                office.organisation,
                office.name,
                office.phone or "",
                office.website or "",
                [hours.ref(hours_row(h, wording)) for h in office.phone_hours],
                content.organisations[office.organisation].name,
            ]
        )

    def org_ref(organisation: Organisation) -> int:
        return orgs.ref(
            [
                organisation.name,
                organisation.description,
                organisation.phone or "",
                [hours.ref(hours_row(h, wording)) for h in organisation.phone_hours],
            ]
        )

    events = [
        [event.id, event.title, [org_ref(o) for o in national_organisations(event, content.organisations)]]
        for event in content.events.values()
    ]
    municipalities = []
    for place in places(content) if all_places is None else all_places:
        municipality = place.municipality
        municipalities.append(
            [
                municipality.name,
                municipality.phone or "",
                [int(part) for span in municipality.postcodes for part in span.split("-")],
                0 if derived_id(municipality.name) == municipality.id else municipality.id,
                municipality.website or "",
                "|".join(municipality.aliases),
                "|".join(p for p in municipality.places if p != municipality.name),
                [int(code) for code in municipality.shared_postcodes] or 0,
                [office_ref(office) for office in place.offices] or 0,
            ]
        )
    return {
        "v": INDEX_VERSION,
        "f": {
            "appointment": APPOINTMENT,
            "wheelchairYes": WHEELCHAIR_YES,
            "wheelchairNo": WHEELCHAIR_NO,
            "townInAddress": TOWN_IN_ADDRESS,
            "townInName": TOWN_IN_NAME,
            "kindShift": KIND_SHIFT,
            "town": TOWN,
            "none": NO_PLACE,
        },
        "k": [kind.value for kind in KIND_ORDER],
        "h": hours.rows,
        "o": orgs.rows,
        "e": events,
        "m": municipalities,
        "r": offices.rows,
    }


def derived_id(name: str) -> str:
    """The name as ``assets/match.js`` writes it as an id: "Súdwest-Fryslân" → "sudwest-fryslan".

    Most municipalities' ids are this, so the first file leaves them out.
    """
    decomposed = unicodedata.normalize("NFKD", name.lower())  # as JavaScript's toLowerCase, normalize
    plain = "".join(c for c in decomposed if not 0x300 <= ord(c) <= 0x36F)
    return "-".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def place_shard(
    place: Place, position: dict[str, int], geography: Geography, wording: Wording = DUTCH
) -> dict[str, Any]:
    """One municipality's file, loaded when someone chooses it (``position``: id → place in ``m``).

    Positions are whole numbers of 1/10,000 degrees (:func:`~.distances.e4`)::

        v  version
        p  help points in kind, then name order (the script orders them by distance):
           [name, address, postcode, phone, kind << 5 | flags, [hours…], languages, lat, lon]
           (lat and lon -1 when not known); flags: 1 appointment needed, 2 wheelchair access,
           4 no wheelchair access, 8 "~" in the address is the town, 16 "~" in the name is the town
        h  opening hours: [days, hours] or [days, hours, weekday mask, opens, closes]
        l  languages, one text per distinct list
        c  the municipality's centre: [lat, lon, nearest elsewhere] or 0 when not known
        z  the centres of its postcode areas (shared ones too): [[postcode, lat, lon, nearest elsewhere]…]
        n  help points in other municipalities that are nearest to one of those:
           [municipality position in m, name, lat, lon]; "nearest elsewhere" refers here, or is -1
    """
    municipality = place.municipality
    hours, languages, elsewhere = _Table(), _Table(), _Table()

    def nearest(origin: Origin) -> int:
        found = geography.nearest_elsewhere(origin, municipality)
        if found is None:
            return NO_PLACE
        point, _ = found
        where = geography.positions[point.id]
        assert where is not None  # only points with a position are in the grid
        return elsewhere.ref([position[point.municipality], point.name, e4(where[0]), e4(where[1])])

    points = [
        _point(point, municipality, geography, hours, languages, wording)
        for point in sorted(place.points, key=lambda p: (KIND_ORDER.index(p.kind), p.name.casefold()))
    ]
    centre = geography.centre_origin(municipality)
    areas = []
    for number in geography.areas[municipality.id]:
        origin = geography.origin(municipality, number)
        assert origin is not None
        areas.append([number, e4(origin.position[0]), e4(origin.position[1]), nearest(origin)])
    return {
        "v": INDEX_VERSION,
        "p": points,
        "h": hours.rows,
        "l": languages.rows,
        "c": [e4(centre.position[0]), e4(centre.position[1]), nearest(centre)] if centre else 0,
        "z": areas,
        "n": elsewhere.rows,
    }


def _point(
    point: HelpPoint,
    municipality: Municipality,
    geography: Geography,
    hours: _Table,
    languages: _Table,
    wording: Wording = DUTCH,
) -> list[Any]:
    name, name_flag = _with_town(point.name, municipality.name, TOWN_IN_NAME)
    address, address_flag = _with_town(point.address, municipality.name, TOWN_IN_ADDRESS)
    kind = KIND_ORDER.index(point.kind) << KIND_SHIFT
    where = geography.positions[point.id]
    return [
        name,
        address,
        point.postcode,
        point.phone or "",
        kind | _flags(point) | name_flag | address_flag,
        [hours.ref(hours_row(h, wording)) for h in point.walk_in_hours],
        languages.ref(wording.languages(point.languages)),
        *((e4(where[0]), e4(where[1])) if where else (NO_PLACE, NO_PLACE)),
    ]


def _with_town(text: str, town: str, flag: int) -> tuple[str, int]:
    if TOWN in text or town not in text:
        return text, 0
    return text.replace(town, TOWN), flag


def _flags(point: HelpPoint) -> int:
    flags = APPOINTMENT if point.appointment_needed else 0
    if point.wheelchair_access is True:
        flags |= WHEELCHAIR_YES
    elif point.wheelchair_access is False:
        flags |= WHEELCHAIR_NO
    return flags


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def index_json(content: Content) -> str:
    """The first file, as written."""
    return _json(finder_index(content))


def index_files(content: Content, wording: Wording = DUTCH, u: Urls = urls) -> list[DataFile]:
    """The first file and one file per municipality, in the language of ``wording`` and ``u``."""
    geography = Geography(content)
    all_places = places(content, geography)
    position = {place.municipality.id: i for i, place in enumerate(all_places)}
    return [
        DataFile(u.finder_index, plain(_json(finder_index(content, all_places, wording)))),
        *(
            DataFile(
                u.finder_shard(place.municipality.id),
                plain(_json(place_shard(place, position, geography, wording))),
            )
            for place in all_places
        ),
    ]
