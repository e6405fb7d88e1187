"""The life-event model: what a guide is made of, validated with pydantic.

Field descriptions are written for the editors who fill in the YAML files; they
end up in the JSON Schema that their editor shows as help.
"""

from __future__ import annotations

from .fields import (
    ID_PATTERN,
    PHONE_PATTERN,
    PLACEHOLDER,
    ClockTime,
    Id,
    Phone,
    Postcode,
    Strict,
    Text,
    Url,
    tel_href,
)
from .guide import (
    EVENT,
    HUMAN_CHANNELS,
    Channel,
    ChannelKind,
    Deadline,
    DeadlineKind,
    HelpLevel,
    LifeEvent,
    Moment,
    Phase,
    Question,
    Step,
)
from .registers import (
    REGISTERS,
    Fact,
    GlossaryTerm,
    HelpPoint,
    HelpPointKind,
    Municipality,
    OpeningHours,
    Organisation,
    RegionalOffice,
    SearchWords,
)

__all__ = [
    "EVENT",
    "Fact",
    "DeadlineKind",
    "Moment",
    "HUMAN_CHANNELS",
    "ID_PATTERN",
    "PHONE_PATTERN",
    "PLACEHOLDER",
    "REGISTERS",
    "RegionalOffice",
    "SearchWords",
    "Channel",
    "ChannelKind",
    "ClockTime",
    "Deadline",
    "GlossaryTerm",
    "HelpLevel",
    "HelpPoint",
    "HelpPointKind",
    "Id",
    "LifeEvent",
    "Municipality",
    "OpeningHours",
    "Organisation",
    "Phase",
    "Phone",
    "Postcode",
    "Question",
    "Step",
    "Strict",
    "Text",
    "Url",
    "tel_href",
]
