"""The centres of the four-digit postcode areas (``registers/postcode_centres.csv``).

A compact CSV rather than a YAML register: 4,000 rows of three numbers, which nobody edits by
hand one at a time. Lines that start with ``#`` hold its source, date and licence.
"""

from __future__ import annotations

from pathlib import Path

from ..problems import Problem

FILE_NAME = "postcode_centres.csv"
HEADER = "postcode,lat,lon"
LATITUDES = (50.6, 53.8)
LONGITUDES = (3.2, 7.3)
"""The Netherlands, with a margin: a centre outside these is a typo or swapped columns."""


def read_postcode_centres(path: Path, display: str) -> tuple[dict[int, tuple[float, float]], list[Problem]]:
    """Postcode number → (latitude, longitude), and a problem per line that cannot be used.

    ``display`` is the file's name as editors see it (``lifeevents/registers/postcode_centres.csv``).
    """
    centres: dict[int, tuple[float, float]] = {}
    first_line: dict[int, int] = {}
    problems: list[Problem] = []
    header_seen = False
    for number, raw in enumerate(path.read_text("utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            if line != HEADER:
                fix = f"the first line after the comments must be '{HEADER}'"
                return {}, [Problem(display, number, "", f"unexpected column names '{line}'", fix)]
            continue
        row, message = _row(line)
        if row is None:
            fix = "write it as postcode,latitude,longitude, for example 7511,52.2206,6.8937"
            problems.append(Problem(display, number, "", message, fix))
            continue
        postcode, lat, lon = row
        if postcode in centres:
            message = f"the postcode {postcode} is listed twice (first on line {first_line[postcode]})"
            problems.append(Problem(display, number, "", message, "keep one of the two lines"))
            continue
        centres[postcode] = (lat, lon)
        first_line[postcode] = number
    return centres, problems


def _row(line: str) -> tuple[tuple[int, float, float] | None, str]:
    parts = line.split(",")
    if len(parts) != 3:
        return None, f"this line has {len(parts)} values instead of 3: '{line}'"
    code, lat_text, lon_text = (part.strip() for part in parts)
    if not (len(code) == 4 and code.isdigit() and code[0] != "0"):
        return None, f"'{code}' is not a four-digit postcode"
    try:
        lat, lon = float(lat_text), float(lon_text)
    except ValueError:
        return None, f"'{lat_text},{lon_text}' are not two numbers"
    if not (LATITUDES[0] <= lat <= LATITUDES[1] and LONGITUDES[0] <= lon <= LONGITUDES[1]):
        return None, f"{lat},{lon} is not in the Netherlands (are latitude and longitude swapped?)"
    return (int(code), lat, lon), ""
