"""Field types every model shares: ids, plain text, safe web addresses, phone numbers, postcodes, times."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

PLACEHOLDER = "VUL IN"
"""Text the scaffold puts where an editor must still write something; the loader refuses it."""

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=60),
    Field(description="Korte naam in kleine letters en streepjes, bijvoorbeeld 'svb' of 'aow-aanpassen'."),
]


HTML_START = re.compile(r"<[a-zA-Z/!?](?:[^<>]{0,28}>|\S{0,28})")
"""A ``<`` that starts an HTML tag or comment ("<b>", "</p", "<!--", "<svg/onload=..."):
refused in every text of the content; a lone "<" before a space or digit is fine."""


def html_code(value: str) -> str | None:
    """A problem message when ``value`` contains the start of HTML code, else None."""
    tag = HTML_START.search(value)
    if tag is None:
        return None
    return f"contains HTML code '{tag.group(0)}' — write plain text without < and >; the page does the layout"


def _one_line(value: str) -> str:
    value = " ".join(value.split())
    if not value:
        raise ValueError("is empty — write some text here")
    return value


Text = Annotated[str, AfterValidator(_one_line)]
"""Citizen-facing text: whitespace folded, never empty."""


def _https_url(value: str) -> str:
    value = value.strip()
    if not re.match(r"^https://[^\s/$.?#][^\s]*$", value):
        raise ValueError(
            f"'{value}' is not a safe web address — write a full address that starts with https://"
        )
    return value


Url = Annotated[str, AfterValidator(_https_url)]

PHONE_PATTERN = re.compile(r"^(0[1-9][\d -]{5,14}\d|14 ?0[1-9]\d{1,2}|\+[1-9][\d -]{7,16}\d)$")
"""Dutch numbers start with 0 and an area or service code that is not 0 ("0000 000000" is refused)."""


def _phone(value: Any) -> str:
    if isinstance(value, int):
        raise ValueError('a phone number must be written between quotes — write it like "0800 1234"')
    value = str(value).strip()
    if not PHONE_PATTERN.match(value):
        raise ValueError(
            f"'{value}' is not a Dutch phone number — "
            'write it like "0800 1234", "088 898 2070", "14 053" or "+31 20 123 4567"'
        )
    return value


Phone = Annotated[str, BeforeValidator(_phone)]


def tel_href(phone: str) -> str:
    """The ``tel:`` link target for a phone number, in international form where possible.

    Municipal 14-numbers ("14 053") only work inside the Netherlands and stay as
    they are.
    """
    digits = re.sub(r"[^\d+]", "", phone)
    if digits.startswith("+"):
        return "tel:" + digits
    if digits.startswith("14"):
        return "tel:" + digits
    return "tel:+31" + digits[1:]


def _postcode(value: Any) -> str:
    text = str(value).strip().upper()
    if not re.match(r"^\d{4} ?[A-Z]{2}$", text):
        raise ValueError(f"'{value}' is not a full postcode — write it like 7511 JN")
    return text


Postcode = Annotated[str, BeforeValidator(_postcode)]

POSTCODE_AREA_PATTERN = r"^[1-9]\d{3}$"


def _postcode_area(value: Any) -> Any:
    if isinstance(value, int):
        message = "the 4 digits of a postcode must be written between quotes"
        raise ValueError(f'{message} — write it like "{value}"')
    return value


PostcodeArea = Annotated[
    str,
    StringConstraints(pattern=POSTCODE_AREA_PATTERN),
    BeforeValidator(_postcode_area),  # runs first all the same; here, the JSON Schema keeps the pattern
    Field(description='De 4 cijfers van een postcode, tussen aanhalingstekens. Bijvoorbeeld "1261".'),
]
"""The four digits of a postcode (PC4): "1261"."""


class Strict(BaseModel):
    """Base for every model: unknown fields are errors, text is stripped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


Position = Annotated[
    list[Annotated[float, Field(ge=-90, le=180)]],
    Field(
        min_length=2, max_length=2, description="[breedtegraad, lengtegraad], bijvoorbeeld [52.2215, 6.8937]."
    ),
]
"""Where a place is, roughly: for "the nearest known help point"."""


CLOCK_PATTERN = r"^([01]\d|2[0-3]):[0-5]\d$"


def _clock_time(value: Any) -> Any:
    if isinstance(value, int):
        raise ValueError('a time must be written between quotes — write it like "09:00"')
    return value


ClockTime = Annotated[
    str,
    BeforeValidator(_clock_time),
    StringConstraints(pattern=CLOCK_PATTERN),
    Field(description='Een tijd als "HH:MM" tussen aanhalingstekens, bijvoorbeeld "09:00".'),
]
