"""Distances on the map, for "the nearest help point": plain arithmetic, no map data."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

EARTH_RADIUS_KM = 6371.0


def distance_km(a: Sequence[float], b: Sequence[float]) -> float:
    """The distance over the earth (in a straight line) between two [latitude, longitude] positions.

    ``assets/finder.js`` computes the same (``distanceKm``): keep the two alike.
    """
    lat1, lon1, lat2, lon2 = (math.radians(v) for v in (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return EARTH_RADIUS_KM * 2 * math.asin(math.sqrt(h))


def mean_position(positions: Iterable[Sequence[float]]) -> tuple[float, float] | None:
    """The average of some positions (fine for areas the size of a municipality), to 4 decimals."""
    found = list(positions)
    if not found:
        return None
    lat = sum(p[0] for p in found) / len(found)
    lon = sum(p[1] for p in found) / len(found)
    return round(lat, 4), round(lon, 4)
