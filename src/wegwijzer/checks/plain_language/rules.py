"""The plain-language rules of writing.md: one small function per rule, registered by its name.

Four kinds of rule read four kinds of text: a sentence, a step, a guide, a page's scores.
Each yields ``(unit, message, fix, quote, level)``; ``level`` is None for the rule's
configured level, or "error"/"warn" where the rule itself decides (a sentence far over
the limit is an error even though the rule warns).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from ...content import Content, Origin
from ...model import HUMAN_CHANNELS, LifeEvent, Phase, Step
from ...problems import Problem, Severity
from .settings import DEFAULT_SEVERITY, LanguageSettings
from .text import PageScore, caseless, flesch_douma, sentences, words
from .units import Unit, step_units


@dataclass(frozen=True)
class Finding:
    """What a rule found, before settings decide how loudly it is reported."""

    unit: Unit
    message: str
    fix: str
    quote: str = ""
    level: str | None = None


SENTENCE_RULES: dict[str, Callable[..., Iterator[Finding]]] = {}
STEP_RULES: dict[str, Callable[..., Iterator[Finding]]] = {}
EVENT_RULES: dict[str, Callable[..., Iterator[Finding]]] = {}
PAGE_RULES: dict[str, Callable[..., Iterator[Finding]]] = {}


def _register(table: dict[str, Callable[..., Iterator[Finding]]], name: str):
    if name not in DEFAULT_SEVERITY:
        raise KeyError(f"rule {name!r} has no default severity in settings.DEFAULT_SEVERITY")

    def decorate(function: Callable[..., Iterator[Finding]]) -> Callable[..., Iterator[Finding]]:
        table[name] = function
        return function

    return decorate


def to_problems(findings: Iterable[tuple[str, Finding]], settings: LanguageSettings) -> list[Problem]:
    """Turn findings into problems at the level the settings give each rule."""
    problems = []
    for rule, found in findings:
        configured = settings.level(rule)
        if configured == "ignore":
            continue
        level = found.level or configured
        severity = Severity.error if level == "error" else Severity.warning
        unit = found.unit
        problems.append(
            Problem(
                unit.file,
                unit.line,
                rule,
                found.message,
                found.fix,
                severity=severity,
                rule=rule,
                quote=found.quote,
            )
        )
    return problems


# --- rule data ------------------------------------------------------------------------


@cache
def officialese() -> dict[str, str]:
    """Officialese phrase → plain alternative (officialese.yaml next to this module)."""
    text = resources.files(__package__).joinpath("officialese.yaml").read_text("utf-8")
    return yaml.safe_load(text)


@cache
def _officialese_pattern() -> re.Pattern[str]:
    phrases = sorted(officialese(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(p) for p in phrases) + r")(?![\w-])", re.I)


_ALL_CAPS = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]+(?=[^\w]|$|-)")
_PASSIVE = re.compile(r"\b(word|wordt|werd|werden|worden)\b(?:\s+\S+){0,6}?\s+(ge\w+(?:d|t|en))\b", re.I)
_SUBORDINATE = re.compile(r"\b(dat|omdat|die|wanneer|zodat|indien)\b", re.I)
_NOMINALISATION = re.compile(
    r"\b(?:aanvraag|toekenning|beoordeling|vaststelling|indiening|verstrekking|beëindiging|uitvoering|"
    r"verlening|behandeling|afhandeling|inning|verrekening|terugvordering|registratie|verificatie)\s+van\b"
    r"|\bzorg dragen voor\b|\bovergaan tot\b",
    re.I,
)
_LEGAL = re.compile(r"\bartikel\s+\d+|\bingevolge\b|\bop grond van\b", re.I)
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[-/]\d{1,2}[-/]\d{2,4}\b")
_IMPERSONAL = re.compile(r"\b(men|de aanvrager|belanghebbende|betrokkene)\b", re.I)
THREATS = ("boete", "sanctie", "verplicht", "terugbetalen", "terug betalen", "beslag", "deurwaarder", "straf")
_THREAT = re.compile(r"\b(" + "|".join(THREATS) + r")\w*", re.I)
_HELP = re.compile(
    r"betalingsregeling|\bbel\b|\bbellen\b|hulp|helpt|\bhelpen\b|kunt u (het )?niet|lukt (het|dat) niet|"
    r"in delen",
    re.I,
)
_DEADLINE_WORDS = re.compile(r"\b(binnen|uiterlijk|termijn)\b", re.I)
_START_POINT = re.compile(r"\b(na|nadat|voor|vóór|voordat|van|vanaf|sinds|op)\b", re.I)
_REASSURE = re.compile(r"niet alles tegelijk|rustig|geen haast|stap voor stap", re.I)
NOT_VERBS = frozenset(
    "de het een uw u als wat wie hoe waar wanneer voor na bij in op met over dit dat deze die er "
    "alleen ook nog geen uw jouw je ik we wij zij hij zij mijn onze hulp geld".split()
)
"""Words that cannot start a command; a step title starting with one does not begin with a verb."""


# --- sentence rules: (unit, sentence, settings, known terms) ------------------------------


@_register(SENTENCE_RULES, "sentence-length")
def _sentence_length(
    unit: Unit, sentence: str, s: LanguageSettings, known: frozenset[str]
) -> Iterator[Finding]:
    count = len(words(sentence))
    if count > s.sentence_warning_above:
        level = "error" if count > s.sentence_error_above else None
        fix = f"split it into sentences of at most {s.sentence_warning_above} words"
        yield Finding(unit, f"this sentence has {count} words", fix, sentence, level)


@_register(SENTENCE_RULES, "officialese")
def _officialese(unit: Unit, sentence: str, s: LanguageSettings, known: frozenset[str]) -> Iterator[Finding]:
    for match in _officialese_pattern().finditer(sentence):
        word, plain = match.group(1), caseless(officialese(), match.group(1))
        yield Finding(unit, f"'{word}' is officialese", f"write '{plain}' instead of '{word}'", sentence)


@_register(SENTENCE_RULES, "abbreviation")
def _abbreviation(unit: Unit, sentence: str, s: LanguageSettings, known: frozenset[str]) -> Iterator[Finding]:
    for match in _ALL_CAPS.finditer(sentence):
        token = match.group(0)
        if token.lower() not in known:
            fix = f"write it out, or add '{token}' to the glossary"
            yield Finding(unit, f"'{token}' is not explained", fix, sentence)


def _pattern_rule(name: str, pattern: re.Pattern[str], message: str, fix: str, minimum: int = 1) -> None:
    """A sentence rule that fires when ``pattern`` matches at least ``minimum`` times."""

    def check(unit: Unit, sentence: str, s: LanguageSettings, known: frozenset[str]) -> Iterator[Finding]:
        if len(pattern.findall(sentence)) >= minimum:
            yield Finding(unit, message, fix, sentence)

    _register(SENTENCE_RULES, name)(check)


_pattern_rule(
    "passive", _PASSIVE, "this sentence is passive", "say who does it: 'de gemeente stuurt u een brief'"
)
_pattern_rule(
    "subordinate-clauses",
    _SUBORDINATE,
    "this sentence has more than one subordinate clause",
    "split it into two sentences",
    minimum=2,
)
_pattern_rule(
    "nominalisation",
    _NOMINALISATION,
    "this sentence uses a noun where a verb is clearer",
    "use the verb: 'aanvragen' instead of 'de aanvraag van'",
)


@_register(SENTENCE_RULES, "long-word")
def _long_word(unit: Unit, sentence: str, s: LanguageSettings, known: frozenset[str]) -> Iterator[Finding]:
    for word in words(sentence):
        if len(word) > s.long_word_letters and word.lower() not in known:
            fix = "use shorter words, or explain it in the glossary"
            yield Finding(unit, f"'{word}' is a long word", fix, sentence)


_pattern_rule(
    "legal-reference",
    _LEGAL,
    "legal references scare readers",
    "say what it means for the reader; put laws under 'Meer informatie'",
)
_pattern_rule(
    "plain-date",
    _NUMERIC_DATE,
    "a date in numbers is hard to read",
    "write it in words, like '1 september 2026'",
)


@_register(SENTENCE_RULES, "address-reader")
def _address_reader(
    unit: Unit, sentence: str, s: LanguageSettings, known: frozenset[str]
) -> Iterator[Finding]:
    match = _IMPERSONAL.search(sentence)
    if match:
        yield Finding(unit, f"'{match.group(0)}' does not speak to the reader", "write 'u'", sentence)


# --- step rules: (step, where it was written, its texts, settings) ------------------------


@_register(STEP_RULES, "verb-first-title")
def _verb_first_title(step: Step, origin: Origin, texts: list[str], s: LanguageSettings) -> Iterator[Finding]:
    first = words(step.title)[0].lower() if words(step.title) else ""
    if first in NOT_VERBS or first.endswith(("ing", "heid")):
        unit = Unit(step.title, origin.file, origin.line("title"), "title")
        fix = "start with a verb, like 'Bel', 'Vraag', 'Geef door'"
        yield Finding(unit, "a step title should start with what to do", fix, step.title)


@_register(STEP_RULES, "human-channel")
def _human_channel(step: Step, origin: Origin, texts: list[str], s: LanguageSettings) -> Iterator[Finding]:
    if not any(c.kind in HUMAN_CHANNELS for c in step.channels):
        unit = Unit(step.title, origin.file, origin.line("channels"), "channels")
        fix = "add 'phone' or 'walk_in' to the channels: not everyone can do it online"
        yield Finding(unit, "this step has no phone or walk-in option", fix)


@_register(STEP_RULES, "deadline-in-words")
def _deadline_in_words(
    step: Step, origin: Origin, texts: list[str], s: LanguageSettings
) -> Iterator[Finding]:
    text = step.deadline.text if step.deadline else ""
    if _DEADLINE_WORDS.search(text) and not _START_POINT.search(text):
        unit = Unit(text, origin.file, origin.line("deadline", "text"), "deadline")
        fix = "add the starting point, like 'binnen 5 dagen na de verhuizing'"
        yield Finding(unit, "the deadline does not say from when it counts", fix, text)


@_register(STEP_RULES, "threat-without-help")
def _threat_without_help(
    step: Step, origin: Origin, texts: list[str], s: LanguageSettings
) -> Iterator[Finding]:
    joined = " ".join(texts)
    threat = _THREAT.search(joined)
    if threat and not _HELP.search(joined):
        unit = Unit(joined, origin.file, origin.line("title"), "step")
        fix = "say in the same step what to do if it does not work: 'Kunt u niet betalen? Bel ons.'"
        yield Finding(unit, f"'{threat.group(0)}' sounds like a threat", fix, step.title)


@_register(STEP_RULES, "step-length")
def _step_length(step: Step, origin: Origin, texts: list[str], s: LanguageSettings) -> Iterator[Finding]:
    count = sum(len(words(t)) for t in texts)
    if count > s.step_words_max:
        unit = Unit(" ".join(texts), origin.file, origin.line("title"), "step")
        fix = f"keep a step under {s.step_words_max} words; split it or cut"
        yield Finding(unit, f"this step has {count} words", fix, step.title)


@_register(STEP_RULES, "step-readability")
def _step_readability(step: Step, origin: Origin, texts: list[str], s: LanguageSettings) -> Iterator[Finding]:
    score = flesch_douma([sentence for t in texts for sentence in sentences(t)])
    if score < s.step_readability_warning_below:
        unit = Unit(" ".join(texts), origin.file, origin.line("title"), "step")
        message = f"this step is hard to read (Flesch-Douma {score:.0f})"
        yield Finding(unit, message, "use shorter sentences and shorter words", step.title)


# --- guide rules: (event, where it was written, settings) ---------------------------------


@_register(EVENT_RULES, "reassurance")
def _reassurance(event: LifeEvent, origin: Origin, s: LanguageSettings) -> Iterator[Finding]:
    text = event.reassurance
    if not _REASSURE.search(text) or not re.search(r"hulp|helpt", text, re.I):
        unit = Unit(text, origin.file, origin.line("reassurance"), "reassurance")
        fix = "say that they need not do everything at once, and where to get help"
        yield Finding(unit, "the opening does not reassure the reader", fix, text)


@_register(EVENT_RULES, "first-phase-size")
def _first_phase_size(event: LifeEvent, origin: Origin, s: LanguageSettings) -> Iterator[Finding]:
    # Steps only for someone acting for another person are not in everyone's first phase.
    first_phase = [
        step for step in event.steps if step.effective_phase is Phase.now and not step.acting_for_only
    ]
    if len(first_phase) > s.first_phase_max:
        unit = Unit("", origin.file, origin.line("steps"), "steps")
        fix = f"keep at most {s.first_phase_max}; move the others to 'soon' or 'later'"
        yield Finding(unit, f"{len(first_phase)} steps are in the first phase ('now')", fix)


@_register(EVENT_RULES, "summary-length")
def _summary_length(event: LifeEvent, origin: Origin, s: LanguageSettings) -> Iterator[Finding]:
    count = len(words(event.summary))
    if count > s.summary_words_max:
        unit = Unit(event.summary, origin.file, origin.line("summary"), "summary")
        fix = f"say the main message in at most {s.summary_words_max} words"
        yield Finding(unit, f"the summary has {count} words", fix, event.summary)


# --- page rules: (scores, settings, line) ---------------------------------------------------


@_register(PAGE_RULES, "readability")
def _readability(page: PageScore, s: LanguageSettings, line: int) -> Iterator[Finding]:
    if page.flesch_douma < s.readability_warning_below:
        level = "error" if page.flesch_douma < s.readability_error_below else "warn"
        message = f"the page '{page.name}' scores {page.flesch_douma:.0f} (Flesch-Douma)"
        fix = f"aim for {s.readability_warning_below:.0f} or more: shorter sentences, shorter words"
        yield Finding(Unit("", page.file, line, "page"), message, fix, level=level)


@_register(PAGE_RULES, "mean-sentence-length")
def _mean_sentence_length(page: PageScore, s: LanguageSettings, line: int) -> Iterator[Finding]:
    if page.mean_sentence_length > s.mean_sentence_length_max:
        message = f"sentences on '{page.name}' have {page.mean_sentence_length:.1f} words on average"
        fix = f"aim for at most {s.mean_sentence_length_max:.0f}: split long sentences"
        yield Finding(Unit("", page.file, line, "page"), message, fix)


# --- running them ---------------------------------------------------------------------------


def check_units(units: Iterable[Unit], settings: LanguageSettings, known: frozenset[str]) -> list[Problem]:
    """The sentence rules over plain text units."""
    found = (
        (name, finding)
        for unit in units
        for sentence in sentences(unit.text)
        for name, rule in SENTENCE_RULES.items()
        for finding in rule(unit, sentence, settings, known)
    )
    return to_problems(found, settings)


def check_event(content: Content, event: LifeEvent, settings: LanguageSettings) -> list[Problem]:
    """Structure rules for one guide and its steps: titles, channels, deadlines, threats, reassurance."""
    found: list[tuple[str, Finding]] = []
    for step in event.steps:
        origin = content.origin(step)
        texts = [u.text for u in step_units(origin, step)]
        for name, rule in STEP_RULES.items():
            found += [(name, f) for f in rule(step, origin, texts, settings)]
    for name, rule in EVENT_RULES.items():
        found += [(name, f) for f in rule(event, content.origin(event), settings)]
    return to_problems(found, settings)


def check_score(page: PageScore, settings: LanguageSettings, line: int = 1) -> list[Problem]:
    """The page rules over one page's scores."""
    return to_problems(
        ((name, f) for name, rule in PAGE_RULES.items() for f in rule(page, settings, line)), settings
    )
