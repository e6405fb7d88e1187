"""Opening hours and spoken languages in the reader's language."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..model import OpeningHours


@dataclass(frozen=True)
class Wording:
    """Opening hours and spoken languages in the page's language (``t``: its strings; None: Dutch).

    The register writes them in Dutch; another language says structured hours in its own words.
    """

    t: Mapping[str, Any] | None = None

    def hours(self, hours: OpeningHours) -> tuple[str, str]:
        """(days, times) as people read them."""
        t = self.t
        if t is None or t["lang"] == "nl" or not (hours.structured and hours.opens and hours.closes):
            return hours.days, hours.hours
        days = sorted(hours.weekdays)
        names = [t["days"][d - 1] for d in days]
        if len(days) > 2 and days == list(range(days[0], days[-1] + 1)):
            said = t["finder"]["day_range"].format(first=names[0], last=names[-1])
        else:
            said = ", ".join(names)
        return said, t["finder"]["time_range"].format(opens=hours.opens, closes=hours.closes)

    def languages(self, names: Iterable[str]) -> str:
        own = self.t["language_names"] if self.t else {}
        return ", ".join(own.get(name, name) for name in names)


DUTCH = Wording()
