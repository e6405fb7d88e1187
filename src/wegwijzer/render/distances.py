"""How far each help point is, measured from where, and how the pages say it.

The finder measures from the centre of the four-digit postcode area that someone typed
(``registers/postcode_centres.csv``), or from the municipality's centre when they typed
its name or opened its page. Distances are in a straight line, and the pages say so.
``assets/finder.js`` orders and words distances the same way: keep the two alike.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..content import Content
from ..model import HelpPoint, Municipality
from ..model.geo import distance_km, mean_position

Position = tuple[float, float]

NEAREST_KM = 30
"""The nearest help point in another municipality is named when it is at most this far away."""


def km_step(km: float) -> int:
    """The distance as the page says it: 0 for "less than 1 km", else whole km (halves up).

    Help points with the same step count as equally far (see :func:`nearest_first`).
    """
    return 0 if km < 1 else math.floor(km + 0.5)


def distance_words(km: float, f: Mapping[str, Any]) -> str:
    """ "minder dan 1 km", "2 km", "15 km" (``f`` is ``t["finder"]``)."""
    step = km_step(km)
    return f["distance_less"] if step == 0 else f["distance_km"].format(km=step)


def e4(value: float) -> int:
    """A latitude or longitude as a whole number of 1/10,000 degrees, as the index stores it."""
    return round(value * 10_000)


def _rounded(position: Iterable[float]) -> Position:
    lat, lon = position
    return round(lat, 4), round(lon, 4)


@dataclass(frozen=True)
class Origin:
    """Where distances are measured from."""

    position: Position
    postcode: int | None = None
    """The four-digit postcode whose centre this is; None: the municipality's centre."""


def nearest_first(
    points: Iterable[HelpPoint], origin: Origin | None, positions: Mapping[str, Position | None]
) -> list[tuple[HelpPoint, float | None]]:
    """``points`` (already in kind, then name order) with their distance, nearest first.

    Equally far (the same :func:`km_step`): points whose walk-in hours are known come first.
    Points without a known position come last. The sort is stable, so kind and name decide the rest.
    """

    def distance(point: HelpPoint) -> float | None:
        where = positions.get(point.id)
        return None if origin is None or where is None else distance_km(origin.position, where)

    listed = [(point, distance(point)) for point in points]
    return sorted(
        listed,
        key=lambda item: (
            item[1] is None,
            0 if item[1] is None else km_step(item[1]),
            not item[0].walk_in_hours,
        ),
    )


class PointGrid:
    """Help points in cells of about 5 × 5 km, to find the nearest one quickly."""

    CELL_LAT = 0.05
    CELL_LON = 0.075
    MIN_CELL_KM = 4.75
    """The smallest side of a cell in the Netherlands (50.7°–53.6° north), with a margin."""

    def __init__(self, located: Iterable[tuple[HelpPoint, Position]]):
        self.cells: dict[tuple[int, int], list[tuple[float, float, float, HelpPoint, Position]]] = {}
        for point, where in located:
            lat, lon = math.radians(where[0]), math.radians(where[1])
            self.cells.setdefault(self._cell(where), []).append((lat, lon, math.cos(lat), point, where))

    def _cell(self, where: Position) -> tuple[int, int]:
        return math.floor(where[0] / self.CELL_LAT), math.floor(where[1] / self.CELL_LON)

    def nearest(
        self, origin: Position, not_in: str, limit_km: float = NEAREST_KM
    ) -> tuple[HelpPoint, float] | None:
        """The nearest point outside municipality ``not_in``, at most ``limit_km`` away (ties: name, id).

        Compares the haversine's inner term (it grows with the distance), so that only the
        nearest one needs :func:`distance_km`.
        """
        if not self.cells:
            return None
        row, column = self._cell(origin)
        lat0, lon0 = math.radians(origin[0]), math.radians(origin[1])
        cos0 = math.cos(lat0)
        sin, best, best_h = math.sin, None, math.inf
        ring = 0
        while True:
            for cell in _ring(row, column, ring):
                for lat, lon, cos_lat, point, where in self.cells.get(cell, ()):
                    if point.municipality == not_in:
                        continue
                    h = sin((lat - lat0) / 2) ** 2 + cos0 * cos_lat * sin((lon - lon0) / 2) ** 2
                    if h < best_h or (h == best_h and best and (point.name, point.id) < best[:2]):
                        best_h, best = h, (point.name, point.id, point, where)
            # Every cell further out is at least ``ring`` whole cells away.
            reach = ring * self.MIN_CELL_KM
            if (best is not None and _km(best_h) <= reach) or reach > limit_km:
                break
            ring += 1
        if best is None:
            return None
        km = distance_km(origin, best[3])
        return None if km > limit_km else (best[2], km)


def _km(h: float) -> float:
    return 6371 * 2 * math.asin(math.sqrt(h))


def _numbers(span: str) -> range:
    low, high = (int(part) for part in span.split("-"))
    return range(low, high + 1)


def _ring(row: int, column: int, ring: int) -> Iterable[tuple[int, int]]:
    if ring == 0:
        yield row, column
        return
    for dc in range(-ring, ring + 1):
        yield row - ring, column + dc
        yield row + ring, column + dc
    for dr in range(-ring + 1, ring):
        yield row + dr, column - ring
        yield row + dr, column + ring


class Geography:
    """Every position the finder needs, worked out once per build.

    Help points: their ``position``, else the centre of their postcode area. Municipalities:
    their ``centre``, else the average of the centres of their postcode areas.
    """

    def __init__(self, content: Content):
        self.centres = {number: _rounded(where) for number, where in content.postcode_centres.items()}
        self.own_areas: dict[str, list[int]] = {}
        """Per municipality: the postcode areas in its ranges that have a centre."""
        self.areas: dict[str, list[int]] = {}
        """Per municipality: every postcode area that may be typed for it (shared ones too) with a centre."""
        for municipality in content.municipalities.values():
            own = [n for span in municipality.postcodes for n in _numbers(span) if n in self.centres]
            shared = [int(code) for code in municipality.shared_postcodes if int(code) in self.centres]
            self.own_areas[municipality.id] = own
            self.areas[municipality.id] = own + shared
        self.positions: dict[str, Position | None] = {
            point.id: _rounded(point.position)
            if point.position is not None
            else self.centres.get(int(point.postcode[:4]))
            for point in content.helppoints.values()
        }
        self.municipality_centres: dict[str, Position | None] = {
            m.id: _rounded(m.centre) if m.centre is not None else self._mean_centre(m)
            for m in content.municipalities.values()
        }
        self.points_in: dict[str, list[HelpPoint]] = {}
        """Per municipality: its help points, in register order."""
        for point in content.helppoints.values():
            self.points_in.setdefault(point.municipality, []).append(point)
        self.grid = PointGrid(
            (point, where)
            for point in content.helppoints.values()
            if (where := self.positions[point.id]) is not None
        )

    def _mean_centre(self, municipality: Municipality) -> Position | None:
        return mean_position(self.centres[n] for n in self.own_areas[municipality.id])

    def centre_origin(self, municipality: Municipality) -> Origin | None:
        """The municipality's centre, for its own page and when someone typed its name."""
        where = self.municipality_centres.get(municipality.id)
        return None if where is None else Origin(where)

    def origin(self, municipality: Municipality, postcode: int | None = None) -> Origin | None:
        """The centre of ``postcode``'s area when it is known, else the municipality's centre."""
        if postcode is not None and postcode in self.centres:
            return Origin(self.centres[postcode], postcode)
        return self.centre_origin(municipality)

    def nearest_elsewhere(
        self, origin: Origin | None, municipality: Municipality
    ) -> tuple[HelpPoint, float] | None:
        """The nearest help point in another municipality, within :data:`NEAREST_KM` of ``origin``."""
        if origin is None:
            return None
        return self.grid.nearest(origin.position, municipality.id)
