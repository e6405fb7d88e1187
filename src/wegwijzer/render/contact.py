"""How a citizen can reach the organisation for a step, phone first."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..model import ChannelKind, OpeningHours, Organisation, Step, tel_href


@dataclass(frozen=True)
class ContactLine:
    """One way to get in touch, ready to show."""

    kind: ChannelKind
    text: str = ""
    href: str = ""
    hours: tuple[OpeningHours, ...] = ()
    note: str = ""
    digid: bool = False


def contact_lines(step: Step, organisation: Organisation, strings: dict) -> list[ContactLine]:
    """Every channel of ``step``, filled in from the organisation, in the order of ChannelKind."""
    order = list(ChannelKind)
    lines = []
    for channel in sorted(step.channels, key=lambda c: order.index(c.kind)):
        note = channel.note or ""
        if channel.kind is ChannelKind.phone:
            number = channel.phone or organisation.phone or ""
            hours = tuple(organisation.phone_hours) if not channel.phone else ()
            if number:
                lines.append(ContactLine(channel.kind, number, tel_href(number), hours, note))
            else:
                lines.append(ContactLine(channel.kind, note=note or organisation.phone_note or ""))
        elif channel.kind is ChannelKind.walk_in:
            lines.append(ContactLine(channel.kind, note=note or organisation.walk_in or ""))
        elif channel.kind is ChannelKind.online:
            text = strings["online_link"].format(name=in_sentence(organisation, strings))
            href = channel.url or organisation.website or ""
            lines.append(ContactLine(channel.kind, text, href, note=note, digid=channel.digid))
        elif channel.kind is ChannelKind.chat:
            text = strings["chat_link"].format(name=in_sentence(organisation, strings))
            lines.append(ContactLine(channel.kind, text, channel.url or organisation.chat or "", note=note))
        else:
            lines.append(ContactLine(channel.kind, note=note, digid=channel.digid))
    return lines


def in_sentence(organisation: Organisation, strings: dict) -> str:
    """The name as a sentence in the page's language needs it: "de SVB", "the SVB", "your employer".

    The register's article is Dutch; each locale says what it becomes (``articles``, none in Arabic).
    """
    article = strings.get("articles", {}).get(organisation.article, "")
    return f"{article} {organisation.name}".strip()


def who(step: Step, organisation: Organisation) -> dict[str, str]:
    """Who does a step and how to reach them, as the personal list shows it (phone first)."""
    phone = primary_phone(step, organisation)
    walk_in = next((c for c in step.channels if c.kind is ChannelKind.walk_in), None)
    return {
        "name": organisation.name,
        "phone": phone.text,
        "tel": phone.href,
        "note": phone.note,
        "walkIn": (walk_in.note or organisation.walk_in or "") if walk_in else "",
        "municipal": municipal(step, organisation),
        "regional": regional(organisation),
    }


def municipal(step: Step, organisation: Organisation) -> bool:
    """Whether the number of the municipality the reader chose belongs in this step's contact:
    the organisation is a municipality, and the step is not about another one (the new one after a
    move, the one where a child was born)."""
    return organisation.per_municipality and not step.other_municipality


def regional(organisation: Organisation) -> str:
    """The organisation whose office for the reader's municipality belongs in this step's contact
    (registers/regional.yaml), or "" when it has one number for everyone."""
    return organisation.id if organisation.per_region else ""


def chosen_place(step: Step, organisation: Organisation) -> Markup:
    """The attribute that lets the script put the reader's own municipality (``data-municipal``) or
    its regional office (``data-regional``) where the general phone note stands."""
    if municipal(step, organisation):
        return Markup(" data-municipal")
    if organisation.per_region:
        return Markup(' data-regional="{}"').format(organisation.id)
    return Markup("")


def primary_phone(step: Step, organisation: Organisation) -> ContactLine:
    """The phone line of a step for a printed list: a number, or where to find one."""
    for line in contact_lines(step, organisation, {"online_link": "", "chat_link": ""}):
        if line.kind is ChannelKind.phone:
            return line
    if organisation.phone:
        return ContactLine(ChannelKind.phone, organisation.phone, tel_href(organisation.phone))
    return ContactLine(ChannelKind.phone, note=organisation.phone_note or organisation.walk_in or "")
