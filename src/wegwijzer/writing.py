"""The plain-language gate: the rules of writing.md, checked sentence by sentence.

Works without MkDocs. Every finding names the file, the line, the rule, the
sentence and a suggestion: ``file:line: rule: message ("sentence") — suggestion``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .loader import Content, Origin
from .model import HUMAN_CHANNELS, LifeEvent, Phase, Step
from .problems import Problem, Severity

RULES = (
    "sentence-length", "officialese", "abbreviation", "passive", "subordinate-clauses", "nominalisation",
    "long-word", "legal-reference", "plain-date", "address-reader", "verb-first-title", "human-channel",
    "deadline-in-words", "threat-without-help", "reassurance", "first-phase-size", "summary-length",
    "step-length", "step-readability", "readability", "mean-sentence-length",
)  # fmt: skip
"""Every rule, by name: the names editors see and configure."""

DEFAULT_SEVERITY = {
    "sentence-length": "warn",  # above the warning length; above the error length it is an error
    "officialese": "error",
    "abbreviation": "error",
    "passive": "warn",
    "subordinate-clauses": "warn",
    "nominalisation": "warn",
    "long-word": "warn",
    "legal-reference": "warn",
    "plain-date": "error",
    "address-reader": "warn",
    "verb-first-title": "error",
    "human-channel": "error",
    "deadline-in-words": "error",
    "threat-without-help": "error",
    "reassurance": "error",
    "first-phase-size": "error",
    "summary-length": "error",
    "step-length": "warn",
    "step-readability": "warn",
    "readability": "error",  # below the error score; between error and warning scores it is a warning
    "mean-sentence-length": "error",
}


@dataclass(frozen=True)
class LanguageSettings:
    """Thresholds (from writing.md) and how loudly each rule reports: error, warn or ignore."""

    sentence_warning_above: int = 15
    sentence_error_above: int = 20
    readability_error_below: float = 60.0
    readability_warning_below: float = 70.0
    step_readability_warning_below: float = 50.0
    mean_sentence_length_max: float = 12.0
    first_phase_max: int = 5
    summary_words_max: int = 25
    step_words_max: int = 120
    long_word_letters: int = 20
    severities: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_SEVERITY))

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> LanguageSettings:
        """Settings from a mapping like the plugin's ``plain_language`` option."""
        known = {f for f in cls.__dataclass_fields__ if f != "severities"}
        unknown = set(options) - known - {"rules"}
        if unknown:
            raise ValueError(f"unknown plain_language setting(s): {', '.join(sorted(unknown))}")
        rules = dict(options.get("rules") or {})
        bad = {r: s for r, s in rules.items() if r not in RULES or s not in ("error", "warn", "ignore")}
        if bad:
            raise ValueError(f"rules must name a rule ({', '.join(RULES)}) with error, warn or ignore: {bad}")
        settings = cls(**{k: v for k, v in options.items() if k in known})
        return replace(settings, severities={**DEFAULT_SEVERITY, **rules})


@dataclass(frozen=True)
class Unit:
    """One piece of citizen-facing text, with where it was written."""

    text: str
    file: str
    line: int
    where: str


@dataclass
class PageScore:
    """Readability of one page, for the editors' report."""

    name: str
    file: str
    flesch_douma: float
    sentences: int
    words: int
    words_per_step: float | None = None

    @property
    def mean_sentence_length(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0


# --- words and sentences -------------------------------------------------------------

ABBREVIATIONS = (
    "o.a.", "bijv.", "bv.", "enz.", "etc.", "d.w.z.", "m.a.w.", "z.o.z.", "t.a.v.", "i.v.m.", "incl.",
    "excl.",
    "ca.", "nr.", "dhr.", "mevr.", "mr.", "dr.", "jan.", "feb.", "aug.", "sept.", "okt.", "nov.", "dec.",
    "ma.", "di.", "wo.", "do.", "vr.", "za.", "zo.", "max.", "min.", "tel.",
)  # fmt: skip
_ABBREV = re.compile("|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True)), re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^\s])")
_WORD = re.compile(r"[A-Za-zÀ-ÿ0-9]+(?:[-'’][A-Za-zÀ-ÿ0-9]+)*")
_DOT = "\u2024"  # one dot leader: stands in for a protected abbreviation's dots


def sentences(text: str) -> list[str]:
    """Split Dutch text into sentences, keeping abbreviations like "o.a." together."""
    protected = _ABBREV.sub(lambda m: m.group(0).replace(".", _DOT), text)
    protected = re.sub(r"(\d)\.(\d)", lambda m: f"{m.group(1)}{_DOT}{m.group(2)}", protected)
    return [s.replace(_DOT, ".").strip() for s in _SENTENCE_END.split(protected) if s.strip()]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@lru_cache(maxsize=50_000)
def syllables(word: str) -> int:
    """Syllables as textstat counts them for Dutch (pyphen's hyphenation points)."""
    return max(1, _textstat().syllable_count(word))


@cache
def _textstat() -> Any:
    import textstat

    textstat.set_lang("nl")  # before any other call: the English path downloads data
    return textstat


def flesch_douma(sentence_list: list[str]) -> float:
    """206.835 − 0.93 × words per sentence − 77 × syllables per word."""
    all_words = [w for s in sentence_list for w in words(s)]
    if not all_words:
        return 100.0
    per_sentence = len(all_words) / len(sentence_list)
    per_word = sum(syllables(w.lower()) for w in all_words) / len(all_words)
    return 206.835 - 0.93 * per_sentence - 77 * per_word


# --- rule data ------------------------------------------------------------------------


@cache
def officialese() -> dict[str, str]:
    text = resources.files("wegwijzer").joinpath("data", "officialese.yaml").read_text("utf-8")
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


# --- the checks -----------------------------------------------------------------------


class _Findings:
    def __init__(self, settings: LanguageSettings):
        self.settings = settings
        self.items: list[Problem] = []

    def add(
        self, rule: str, unit: Unit, message: str, fix: str, quote: str = "", error: bool | None = None
    ) -> None:
        level = self.settings.severities.get(rule, "error")
        if level == "ignore":
            return
        severity = Severity.error if (error if error is not None else level == "error") else Severity.warning
        self.items.append(
            Problem(unit.file, unit.line, rule, message, fix, severity=severity, rule=rule, quote=quote)
        )


def check_units(
    units: Iterable[Unit], settings: LanguageSettings, known_terms: frozenset[str]
) -> list[Problem]:
    """The sentence rules over plain text units."""
    found = _Findings(settings)
    for unit in units:
        for sentence in sentences(unit.text):
            _check_sentence(found, unit, sentence, known_terms)
    return found.items


def _check_sentence(found: _Findings, unit: Unit, sentence: str, known: frozenset[str]) -> None:
    s = found.settings
    count = len(words(sentence))
    if count > s.sentence_warning_above:
        error = count > s.sentence_error_above or None
        found.add(
            "sentence-length",
            unit,
            f"this sentence has {count} words",
            f"split it into sentences of at most {s.sentence_warning_above} words",
            sentence,
            error,
        )
    for match in _officialese_pattern().finditer(sentence):
        plain = officialese()[match.group(1).lower()]
        found.add(
            "officialese",
            unit,
            f"'{match.group(1)}' is officialese",
            f"write '{plain}' instead of '{match.group(1)}'",
            sentence,
        )
    for match in _ALL_CAPS.finditer(sentence):
        token = match.group(0)
        if token.lower() not in known:
            found.add(
                "abbreviation",
                unit,
                f"'{token}' is not explained",
                f"write it out, or add '{token}' to the glossary",
                sentence,
            )
    if _PASSIVE.search(sentence):
        found.add(
            "passive",
            unit,
            "this sentence is passive",
            "say who does it: 'de gemeente stuurt u een brief'",
            sentence,
        )
    if len(_SUBORDINATE.findall(sentence)) >= 2:
        found.add(
            "subordinate-clauses",
            unit,
            "this sentence has more than one subordinate clause",
            "split it into two sentences",
            sentence,
        )
    if _NOMINALISATION.search(sentence):
        found.add(
            "nominalisation",
            unit,
            "this sentence uses a noun where a verb is clearer",
            "use the verb: 'aanvragen' instead of 'de aanvraag van'",
            sentence,
        )
    for word in words(sentence):
        if len(word) > s.long_word_letters and word.lower() not in known:
            found.add(
                "long-word",
                unit,
                f"'{word}' is a long word",
                "use shorter words, or explain it in the glossary",
                sentence,
            )
    if _LEGAL.search(sentence):
        found.add(
            "legal-reference",
            unit,
            "legal references scare readers",
            "say what it means for the reader; put laws under 'Meer informatie'",
            sentence,
        )
    if _NUMERIC_DATE.search(sentence):
        found.add(
            "plain-date",
            unit,
            "a date in numbers is hard to read",
            "write it in words, like '1 september 2026'",
            sentence,
        )
    match = _IMPERSONAL.search(sentence)
    if match:
        found.add(
            "address-reader", unit, f"'{match.group(0)}' does not speak to the reader", "write 'u'", sentence
        )


def known_terms(content: Content) -> frozenset[str]:
    """Words that are explained: glossary forms, organisation names and ids."""
    known = {form.lower() for term in content.glossary.values() for form in term.all_forms}
    for word in list(known):
        known.update(part for part in re.split(r"[-\s]+", word) if part)
    for organisation in content.organisations.values():
        known.update({organisation.id.lower(), organisation.name.lower()})
        known.update(w.lower() for w in words(organisation.name))
    return frozenset(known)


def event_units(content: Content, event: LifeEvent) -> Iterator[Unit]:
    """Every text of a life event that citizens read, with its line."""
    origin = content.origin(event)
    for name in ("title", "summary", "reassurance", "date_question"):
        value = getattr(event, name)
        if value:
            yield _unit(origin, value, name)
    for index, question in enumerate(event.questions):
        for name in ("text", "hint", "unsure"):
            value = getattr(question, name)
            if value:
                yield _unit(origin, value, "questions", index, name)
    for step in event.steps:
        yield from step_units(content.origin(step), step)


def step_units(origin: Origin, step: Step) -> Iterator[Unit]:
    for name in ("title", "why", "next", "for_other"):
        value = getattr(step, name)
        if value:
            yield _unit(origin, value, name)
    for name in ("how", "bring"):
        for index, value in enumerate(getattr(step, name)):
            yield _unit(origin, value, name, index)
    if step.deadline:
        yield _unit(origin, step.deadline.text, "deadline", "text")
    for index, channel in enumerate(step.channels):
        if channel.note:
            yield _unit(origin, channel.note, "channels", index, "note")


def register_units(content: Content) -> Iterator[Unit]:
    for organisation in content.organisations.values():
        origin = content.origin(organisation)
        for name in ("description", "phone_note", "walk_in"):
            value = getattr(organisation, name)
            if value:
                yield _unit(origin, value, name)
    for term in content.glossary.values():
        yield _unit(content.origin(term), term.explanation, "explanation")


def _unit(origin: Origin, text: str, *path: str | int) -> Unit:
    from .yamlsource import format_path

    return Unit(text, origin.file, origin.line(*path), format_path((*origin.path, *path)))


def check_event(content: Content, event: LifeEvent, settings: LanguageSettings) -> list[Problem]:
    """Structure rules for one guide: titles, channels, deadlines, threats, reassurance."""
    found = _Findings(settings)
    origin = content.origin(event)
    for index, step in enumerate(event.steps):
        step_origin = content.origin(step)
        title = Unit(step.title, step_origin.file, step_origin.line("title"), "title")
        first = words(step.title)[0].lower() if words(step.title) else ""
        if first in NOT_VERBS or first.endswith(("ing", "heid")):
            found.add(
                "verb-first-title",
                title,
                "a step title should start with what to do",
                "start with a verb, like 'Bel', 'Vraag', 'Geef door'",
                step.title,
            )
        if not any(c.kind in HUMAN_CHANNELS for c in step.channels):
            unit = Unit(step.title, step_origin.file, step_origin.line("channels"), "channels")
            found.add(
                "human-channel",
                unit,
                "this step has no phone or walk-in option",
                "add 'phone' or 'walk_in' to the channels: not everyone can do it online",
            )
        if (
            step.deadline
            and _DEADLINE_WORDS.search(step.deadline.text)
            and not _START_POINT.search(step.deadline.text)
        ):
            unit = Unit(
                step.deadline.text, step_origin.file, step_origin.line("deadline", "text"), "deadline"
            )
            found.add(
                "deadline-in-words",
                unit,
                "the deadline does not say from when it counts",
                "add the starting point, like 'binnen 5 dagen na de verhuizing'",
                step.deadline.text,
            )
        texts = [u.text for u in step_units(step_origin, step)]
        joined = " ".join(texts)
        threat = _THREAT.search(joined)
        if threat and not _HELP.search(joined):
            unit = Unit(joined, step_origin.file, step_origin.line("title"), "step")
            found.add(
                "threat-without-help",
                unit,
                f"'{threat.group(0)}' sounds like a threat",
                "say in the same step what to do if it does not work: 'Kunt u niet betalen? Bel ons.'",
                step.title,
            )
        count = sum(len(words(t)) for t in texts)
        if count > settings.step_words_max:
            unit = Unit(joined, step_origin.file, step_origin.line("title"), "step")
            found.add(
                "step-length",
                unit,
                f"this step has {count} words",
                f"keep a step under {settings.step_words_max} words; split it or cut",
                step.title,
            )
        score = flesch_douma([s for t in texts for s in sentences(t)])
        if score < settings.step_readability_warning_below:
            unit = Unit(joined, step_origin.file, step_origin.line("title"), "step")
            found.add(
                "step-readability",
                unit,
                f"this step is hard to read (Flesch-Douma {score:.0f})",
                "use shorter sentences and shorter words",
                step.title,
            )
        del index
    reassurance = Unit(event.reassurance, origin.file, origin.line("reassurance"), "reassurance")
    if not _REASSURE.search(event.reassurance) or not re.search(r"hulp|helpt", event.reassurance, re.I):
        found.add(
            "reassurance",
            reassurance,
            "the opening does not reassure the reader",
            "say that they need not do everything at once, and where to get help",
            event.reassurance,
        )
    first_phase = [s for s in event.steps if s.effective_phase is Phase.now]
    if len(first_phase) > settings.first_phase_max:
        unit = Unit("", origin.file, origin.line("steps"), "steps")
        found.add(
            "first-phase-size",
            unit,
            f"{len(first_phase)} steps are in the first phase ('now')",
            f"keep at most {settings.first_phase_max}; move the others to 'soon' or 'later'",
        )
    summary_words = len(words(event.summary))
    if summary_words > settings.summary_words_max:
        unit = Unit(event.summary, origin.file, origin.line("summary"), "summary")
        found.add(
            "summary-length",
            unit,
            f"the summary has {summary_words} words",
            f"say the main message in at most {settings.summary_words_max} words",
            event.summary,
        )
    return found.items


def score(name: str, file: str, texts: Iterable[str], steps: int | None = None) -> PageScore:
    sentence_list = [s for t in texts for s in sentences(t)]
    count = sum(len(words(s)) for s in sentence_list)
    per_step = count / steps if steps else None
    return PageScore(name, file, flesch_douma(sentence_list), len(sentence_list), count, per_step)


def check_score(page: PageScore, settings: LanguageSettings, line: int = 1) -> list[Problem]:
    found = _Findings(settings)
    unit = Unit("", page.file, line, "page")
    if page.flesch_douma < settings.readability_warning_below:
        error = page.flesch_douma < settings.readability_error_below or None
        found.add(
            "readability",
            unit,
            f"the page '{page.name}' scores {page.flesch_douma:.0f} (Flesch-Douma)",
            f"aim for {settings.readability_warning_below:.0f} or more: shorter sentences, shorter words",
            error=error if error else False,
        )
    if page.mean_sentence_length > settings.mean_sentence_length_max:
        found.add(
            "mean-sentence-length",
            unit,
            f"sentences on '{page.name}' have {page.mean_sentence_length:.1f} words on average",
            f"aim for at most {settings.mean_sentence_length_max:.0f}: split long sentences",
        )
    return found.items


# --- Markdown pages -------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def markdown_units(path: Path, display: str) -> list[Unit]:
    """Headings, paragraphs and list items of a Markdown page, each with its line."""
    text = path.read_text("utf-8")
    offset = 0
    match = _FRONT_MATTER.match(text)
    if match:
        offset = match.group(0).count("\n")
        text = text[match.end() :]
    units: list[Unit] = []
    paragraph: list[str] = []
    start = 0
    in_code = False

    def flush() -> None:
        if paragraph:
            units.append(Unit(" ".join(paragraph), display, start, "text"))
            paragraph.clear()

    for number, raw in enumerate(text.splitlines(), start=offset + 1):
        line = raw.strip()
        if line.startswith("```"):
            in_code = not in_code
            flush()
            continue
        if in_code or not line or line.startswith(("<", "|", "{", ":")):
            flush()
            continue
        line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)  # links: keep the text
        line = re.sub(r"<[^>]+>|[*_`]", "", line)
        item = re.match(r"^(#+|[-*+]|\d+\.)\s+(.*)$", line)
        if item:
            flush()
            units.append(Unit(item.group(2), display, number, "text"))
            continue
        if not paragraph:
            start = number
        paragraph.append(line)
    flush()
    return units


# --- everything -----------------------------------------------------------------------


def check_content(
    content: Content, settings: LanguageSettings, docs_dir: Path | None = None
) -> tuple[list[Problem], list[PageScore]]:
    """Every plain-language finding, and each page's scores (guides, then Markdown pages)."""
    known = known_terms(content)
    problems: list[Problem] = []
    scores: list[PageScore] = []
    for event in content.events.values():
        units = list(event_units(content, event))
        problems += check_units(units, settings, known)
        problems += check_event(content, event, settings)
        page = score(event.title, content.origin(event).file, [u.text for u in units], len(event.steps))
        scores.append(page)
        problems += check_score(page, settings, content.origin(event).line("title"))
    problems += check_units(register_units(content), settings, known)
    if docs_dir is not None and docs_dir.is_dir():
        for path in sorted(docs_dir.rglob("*.md")):
            display = f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}"
            units = markdown_units(path, display)
            problems += check_units(units, settings, known)
            page = score(display, display, [u.text for u in units])
            scores.append(page)
            problems += check_score(page, settings)
    return problems, scores
