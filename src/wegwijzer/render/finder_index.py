"""The finder's compact JSON index, read by ``assets/finder.js``.

The script takes the flag values and the town marker from the index's header
(``f``), so nothing here is copied into JavaScript by hand.
"""

from __future__ import annotations

import json
from typing import Any

from ..content import Content
from ..model import HelpPoint, Organisation
from .finder import KIND_ORDER, hours_row, national_organisations, places
from .pages import DataFile
from .urls import FINDER_INDEX

INDEX_VERSION = 3
INDEX_BUDGET = 30 * 1024
"""Most the finder's index may weigh, gzipped, for the synthetic 1,000 help points (tests, bench)."""

APPOINTMENT = 1
WHEELCHAIR_YES = 2
WHEELCHAIR_NO = 4
TOWN_IN_ADDRESS = 8
TOWN_IN_NAME = 16
KIND_SHIFT = 5
"""A point's kind and flags share one number: ``kind << 5 | flags``."""
TOWN = "~"
"""Stands for the municipality's name in a point's name or address (when its flag is set)."""


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


def finder_index(content: Content) -> dict[str, Any]:
    """The compact index the finder's script reads (about 27 KB gzipped for 1,000 points).

    Arrays instead of objects; shared values (opening hours, languages,
    organisations) stored once and referred to by position; the municipality's
    name inside a point's name or address written as ``~``::

        v  version
        f  header: the flag values and the town marker, by name (the script reads them here)
        k  help-point kinds, by position
        h  opening hours: [days, hours] or [days, hours, weekday mask, opens, closes]
        l  languages, one text per distinct list
        o  organisations: [name, description, phone, [hours…]]
        e  life events: [id, title, [organisations…]]
        m  municipalities, A–Z: [name, phone, [[from, to]…], [points…], id, website,
           names people use ("|"-separated), towns ("|"-separated, the name itself left out),
           nearby: [municipality position in m, km, point name] for a place without points, else 0,
           postcodes it shares with a municipality whose ranges hold them: [number…], else 0]
           point: [name, address, postcode, phone, kind << 5 | flags, [hours…], languages]
           flags: 1 appointment needed, 2 wheelchair access, 4 no wheelchair access,
                  8 "~" in the address is the town, 16 "~" in the name is the town
    """
    hours, languages, orgs = _Table(), _Table(), _Table()

    def org_ref(organisation: Organisation) -> int:
        return orgs.ref(
            [
                organisation.name,
                organisation.description,
                organisation.phone or "",
                [hours.ref(hours_row(h)) for h in organisation.phone_hours],
            ]
        )

    events = [
        [event.id, event.title, [org_ref(o) for o in national_organisations(event, content.organisations)]]
        for event in content.events.values()
    ]
    municipalities = []
    all_places = places(content)
    position = {place.municipality.id: i for i, place in enumerate(all_places)}
    for place in all_places:
        municipality = place.municipality
        points = []
        for point in place.points:
            name, name_flag = _with_town(point.name, municipality.name, TOWN_IN_NAME)
            address, address_flag = _with_town(point.address, municipality.name, TOWN_IN_ADDRESS)
            kind = KIND_ORDER.index(point.kind) << KIND_SHIFT
            points.append(
                [
                    name,
                    address,
                    point.postcode,
                    point.phone or "",
                    kind | _flags(point) | name_flag | address_flag,
                    [hours.ref(hours_row(h)) for h in point.walk_in_hours],
                    languages.ref(", ".join(point.languages)),
                ]
            )
        ranges = [[int(part) for part in span.split("-")] for span in municipality.postcodes]
        towns = [p for p in municipality.places if p != municipality.name]
        municipalities.append(
            [
                municipality.name,
                municipality.phone or "",
                ranges,
                points,
                municipality.id,
                municipality.website or "",
                "|".join(municipality.aliases),
                "|".join(towns),
                [position[place.nearby.municipality.id], place.nearby.km, place.nearby.point.name]
                if place.nearby
                else 0,
                [int(code) for code in municipality.shared_postcodes] or 0,
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
        },
        "k": [kind.value for kind in KIND_ORDER],
        "h": hours.rows,
        "l": languages.rows,
        "o": orgs.rows,
        "e": events,
        "m": municipalities,
    }


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


def index_json(content: Content) -> str:
    return json.dumps(finder_index(content), ensure_ascii=False, separators=(",", ":"))


def index_files(content: Content) -> list[DataFile]:
    return [DataFile(FINDER_INDEX, index_json(content))]
