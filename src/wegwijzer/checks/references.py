"""Checks that every reference resolves: organisations, steps, questions, municipalities."""

from __future__ import annotations

from collections.abc import Iterable

from ..content import Content, Origin
from ..model import ChannelKind, LifeEvent, Organisation, Step
from ..problems import Problem, did_you_mean

SAFETY_LINE = "veilig-thuis"
"""The organisation whose number a guide with ``safety: true`` shows at the top."""


def check_references(content: Content) -> list[Problem]:
    """Every problem with ids and references in ``content``."""
    problems: list[Problem] = []
    for event in content.events.values():
        problems += _check_event(content, event)
        if event.safety and SAFETY_LINE not in content.organisations:
            problems.append(
                content.origin(event).problem(
                    ("safety",),
                    "a guide with a safety line needs the organisation 'veilig-thuis'",
                    f"add '- id: {SAFETY_LINE}' with its phone number to "
                    f"{content.root.name}/registers/organisations.yaml",
                )
            )
    for point in content.helppoints.values():
        origin = content.origin(point)
        problems += _unknown_in(content, origin, ("municipality",), point.municipality, "municipalities")
        for index, org in enumerate(point.organisations):
            problems += _unknown_in(content, origin, ("organisations", index), org, "organisations")
    problems += _check_regional(content)
    return problems


def _check_regional(content: Content) -> list[Problem]:
    """Each regional office belongs to a ``per_region`` organisation and serves known municipalities,
    and no municipality has two offices of one organisation."""
    problems: list[Problem] = []
    served: dict[tuple[str, str], str] = {}
    organisations_file = f"{content.root.name}/registers/organisations.yaml"
    for office in content.regional.values():
        origin = content.origin(office)
        organisation = content.organisations.get(office.organisation)
        problems += _unknown_in(content, origin, ("organisation",), office.organisation, "organisations")
        if organisation is not None and not organisation.per_region:
            problems.append(
                origin.problem(
                    ("organisation",),
                    f"'{office.organisation}' has one number for everyone, so it has no regional offices",
                    f"write 'per_region: true' at '{office.organisation}' in {organisations_file}, "
                    "or remove this office",
                )
            )
        for index, municipality in enumerate(office.municipalities):
            problems += _unknown_in(
                content, origin, ("municipalities", index), municipality, "municipalities"
            )
            other = served.setdefault((office.organisation, municipality), office.id)
            if other != office.id:
                problems.append(
                    origin.problem(
                        ("municipalities", index),
                        f"'{municipality}' already belongs to '{other}', another {office.organisation}",
                        "list each municipality at one office of an organisation",
                    )
                )
    return problems


def _check_event(content: Content, event: LifeEvent) -> list[Problem]:
    origin = content.origin(event)
    problems = _duplicates(origin, "steps", [s.id for s in event.steps])
    problems += _duplicates(origin, "questions", [q.id for q in event.questions])
    step_ids = {s.id: s for s in event.steps}
    question_ids = {q.id: q for q in event.questions}
    for index, step in enumerate(event.steps):
        at = ("steps", index)
        problems += _unknown(
            origin,
            (*at, "organisation"),
            [step.organisation],
            content.organisations,
            "organisation",
            f"{content.root.name}/registers/organisations.yaml",
        )
        organisation = content.organisations.get(step.organisation)
        if organisation is not None:
            for ch_index, message, fix in missing_details(step, organisation):
                problems.append(origin.problem((*at, "channels", ch_index), message, fix))
        for question in step.only_if:
            problems += _unknown(
                origin,
                (*at, "only_if", question),
                [question],
                question_ids,
                "question",
                "this file, under 'questions'",
            )
        for dep_index, dep in enumerate(step.after):
            if dep == step.id:
                problems.append(
                    origin.problem(
                        (*at, "after", dep_index),
                        f"step '{step.id}' cannot come after itself",
                        "remove it from 'after'",
                    )
                )
            else:
                problems += _unknown(
                    origin, (*at, "after", dep_index), [dep], step_ids, "step", "this file, under 'steps'"
                )
    if not problems:
        problems += _cycles(origin, event)
    return problems


def _unknown(
    origin: Origin, at: tuple, names: Iterable[str], known: Iterable[str], kind: str, where: str
) -> list[Problem]:
    known = list(known)
    return [
        origin.problem(
            at,
            f"unknown {kind} '{name}'",
            f"{did_you_mean(name, known)}{_plural(kind).capitalize()} are listed in {where}.",
        )
        for name in names
        if name not in known
    ]


def _unknown_in(content: Content, origin: Origin, at: tuple, name: str, register: str) -> list[Problem]:
    """An unknown id of one of the registers ("municipalities", "organisations")."""
    kind = "municipality" if register == "municipalities" else register.removesuffix("s")
    where = f"{content.root.name}/registers/{register}.yaml"
    return _unknown(origin, at, [name], content.register(register), kind, where)


def _plural(kind: str) -> str:
    return "municipalities" if kind == "municipality" else f"{kind}s"


def _duplicates(origin: Origin, field: str, ids: list[str]) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for index, item_id in enumerate(ids):
        if item_id in seen:
            first = origin.line(field, seen[item_id], "id")
            problems.append(
                origin.problem(
                    (field, index, "id"),
                    f"the id '{item_id}' is used twice (first on line {first})",
                    "give each one its own id",
                )
            )
        else:
            seen[item_id] = index
    return problems


def _cycles(origin: Origin, event: LifeEvent) -> list[Problem]:
    """Report each dependency cycle once, at the step where it is first found."""
    after = {s.id: s.after for s in event.steps}
    index_of = {s.id: i for i, s in enumerate(event.steps)}
    state: dict[str, str] = {}
    problems: list[Problem] = []

    def visit(step_id: str, trail: list[str]) -> None:
        state[step_id] = "open"
        for dep in after[step_id]:
            if state.get(dep) == "open":
                cycle = [*trail[trail.index(dep) :], step_id, dep] if dep in trail else [step_id, dep]
                problems.append(
                    origin.problem(
                        ("steps", index_of[step_id], "after"),
                        "these steps wait for each other in a circle: " + " → ".join(cycle),
                        "remove one of these steps from the 'after' list of another",
                    )
                )
            elif dep not in state:
                visit(dep, [*trail, step_id])
        state[step_id] = "done"

    for step in event.steps:
        if step.id not in state:
            visit(step.id, [])
    return problems


def missing_details(step: Step, organisation: Organisation) -> list[tuple[int, str, str]]:
    """Channels that cannot be shown: (index, message, fix)."""
    problems = []
    for index, channel in enumerate(step.channels):
        if channel.kind is ChannelKind.phone and not (
            channel.phone or organisation.phone or organisation.phone_note
        ):
            problems.append(
                (
                    index,
                    f"there is no phone number for {organisation.name}",
                    "add 'phone:' to this channel, or 'phone:' or 'phone_note:' to the organisation",
                )
            )
        if channel.kind is ChannelKind.walk_in and not (channel.note or organisation.walk_in):
            problems.append(
                (
                    index,
                    f"{organisation.name} has no counter where citizens can walk in",
                    "remove 'walk_in' from this step, or add 'walk_in:' to the organisation with where to go",
                )
            )
        if channel.kind is ChannelKind.online and not (channel.url or organisation.website):
            problems.append(
                (
                    index,
                    f"there is no web address for {organisation.name}",
                    "add 'url:' to this channel or 'website:' to the organisation",
                )
            )
        if channel.kind is ChannelKind.chat and not (channel.url or organisation.chat):
            problems.append(
                (
                    index,
                    f"there is no chat address for {organisation.name}",
                    "add 'url:' to this channel or 'chat:' to the organisation",
                )
            )
    return problems
