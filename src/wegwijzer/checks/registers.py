"""Register entries that load but make no sense together: the same code or word claimed twice."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..content import Content, PathKey
from ..load.loader import strings_in
from ..model.geo import distance_km
from ..model.registers import words_of
from ..problems import Problem, Severity, did_you_mean

COMMON_WORDS = frozenset(
    """
    aan al alle als altijd ander andere bij dan dat de deze die dit doe doen door dus een en er
    geen goed haar hal heb hebben heeft het hier hij hoe hun ik in is ja je kan kunnen maar me
    meer men met mij mijn moet na naar niet niets nog nu of om ons onze ook op over te tot u uit
    uw van veel voor waar wat we wel wie wij wil worden wordt zal ze zelf zich zij zijn zo zonder
    """.split()
)
"""Everyday words: as glossary terms they would be marked in nearly every sentence, and on their
own in a search they find nothing in particular (the search page leaves them out)."""


def check_registers(content: Content) -> list[Problem]:
    """Codes and words that two entries claim, glossary terms that are everyday words, shared
    postcodes that no other municipality holds, and help points whose place is not known or looks wrong."""
    return [
        *_claimed_twice(content, "municipalities", lambda m: [(("cbs_code",), m.cbs_code)], "CBS code"),
        *_shared_postcodes(content),
        *_claimed_twice(
            content,
            "glossary",
            lambda t: [(("term",), form.lower()) for form in dict.fromkeys(t.all_forms)],
            "glossary word",
        ),
        *_everyday_terms(content),
        *_search_words_nobody_uses(content),
        *_help_points_without_a_place(content),
    ]


def _claimed_twice(
    content: Content, register: str, keys: Callable[[Any], Iterable[tuple[PathKey, str]]], what: str
) -> Iterator[Problem]:
    owner: dict[str, Any] = {}
    for item in content.register(register).values():
        for path, key in keys(item):
            first = owner.setdefault(key, item)
            if first is not item:
                yield content.origin(item).problem(
                    path,
                    f"the {what} '{key}' is also used by '{first.id}' "
                    f"(line {content.origin(first).line('id')})",
                    f"each {what} belongs to one entry: remove it here or there",
                )


def _shared_postcodes(content: Content) -> Iterator[Problem]:
    """A municipality shares a postcode that another one holds in its ranges (where most addresses are)."""
    municipalities = content.municipalities.values()
    for municipality in municipalities:
        for index, code in enumerate(municipality.shared_postcodes):
            number = int(code)
            if municipality.covers(number):
                yield content.origin(municipality).problem(
                    ("shared_postcodes", index),
                    f"the postcode {code} is already in this municipality's own postcodes",
                    "remove it here: shared_postcodes is for a postcode that another municipality holds",
                )
            elif not any(other.covers(number) for other in municipalities):
                yield content.origin(municipality).problem(
                    ("shared_postcodes", index),
                    f"the postcode {code} is in no other municipality's postcodes",
                    "add it to the postcodes of the municipality with most addresses there,"
                    " or remove it here",
                )


def _everyday_terms(content: Content) -> Iterator[Problem]:
    for term in content.glossary.values():
        for index, form in enumerate(term.all_forms):
            if len(form) < 2 or form.lower() in COMMON_WORDS:
                yield content.origin(term).problem(
                    ("term",) if index == 0 else ("forms", index - 1),
                    f"'{form}' is an everyday word, not a term to explain",
                    "use the glossary for words that people may not know, like 'huurtoeslag'",
                )


def content_words(content: Content) -> set[str]:
    """Every word of the guides and the glossary: what search can find."""
    items = [*content.events.values(), *content.glossary.values()]
    return words_of(" ".join(text for item in items for _, text in strings_in(item.model_dump())))


def _search_words_nobody_uses(content: Content) -> Iterator[Problem]:
    if not content.search:
        return
    words = content_words(content)
    for entry in content.search.values():
        for index, find in enumerate(entry.finds):
            if not any(entry.finds_word(find, word) for word in words):
                yield content.origin(entry).problem(
                    ("finds", index),
                    f"no guide or glossary word uses '{find}'",
                    did_you_mean(find, words) + "write a word that the guides use, or remove it",
                )


FAR_FROM_POSTCODE_KM = 20
"""A help point's position further than this from the centre of its postcode area is probably a typo."""


def _help_points_without_a_place(content: Content) -> Iterator[Problem]:
    """Warnings: the finder cannot say how far a help point is, or its position is far from its postcode."""
    if not content.postcode_centres:
        return  # a site without postcode centres shows no distances at all
    for point in content.helppoints.values():
        area = int(point.postcode[:4])
        centre = content.postcode_centres.get(area)
        if point.position is None and centre is None:
            yield content.origin(point).problem(
                ("postcode",),
                f"the centre of postcode {area} is not known: the finder cannot say how far this point is",
                "add 'position: [latitude, longitude]' (for example [52.2215, 6.8937])",
                severity=Severity.warning,
                rule="place",
            )
        elif point.position is not None and centre is not None:
            km = distance_km(point.position, centre)
            if km > FAR_FROM_POSTCODE_KM:
                yield content.origin(point).problem(
                    ("position",),
                    f"this position is {km:.0f} km from the centre of postcode {area}",
                    "check it: latitude first (about 51 to 53), then longitude (about 3 to 7);"
                    " or leave 'position' out to use the centre of the postcode",
                    severity=Severity.warning,
                    rule="place",
                )
