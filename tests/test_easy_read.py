"""'In het kort' (A2): every guide has one, the A2 gate judges it word by word, and the page shows it first."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from html import unescape
from pathlib import Path

from wegwijzer.checks import load_content
from wegwijzer.checks.plain_language import DEFAULT_SEVERITY, LanguageSettings, check_content
from wegwijzer.checks.plain_language.easy_read import A2_RULES, common_words
from wegwijzer.checks.plain_language.text import sentences, words
from wegwijzer.model.guide import IN_SHORT_MAX, IN_SHORT_MIN

ROOT = Path(__file__).parent.parent
SETTINGS = LanguageSettings()
FIX = "use a more common word, or explain it in the guide and add it to the glossary"


def in_short_problems(lifeevents: Path, settings: LanguageSettings = SETTINGS) -> list[str]:
    """Every finding about a guide's 'In het kort' lines (A2 rules, and B1 rules on those lines)."""
    content = load_content(lifeevents)
    lines = {
        (content.origin(event).file, content.origin(event).line("in_short", index))
        for event in content.events.values()
        for index in range(len(event.in_short))
    }
    problems, _ = check_content(content, settings)
    return [str(p) for p in problems if (p.file, p.line) in lines or p.rule in A2_RULES]


def with_in_short(lifeevents: Path, *lines: str) -> tuple[Path, int]:
    """The fixture's verhuizen guide with these 'In het kort' lines; returns the file and the first line's number."""
    path = lifeevents / "verhuizen.yaml"
    text = path.read_text("utf-8").partition("in_short:\n")[0]
    block = "in_short:\n" + "".join(f"  - {line}\n" for line in lines)
    path.write_text(text + block, "utf-8")
    return path, text.count("\n") + 2


# --- the example guides -----------------------------------------------------------------------


def test_every_example_guide_says_in_short_what_to_do_in_a2() -> None:
    content = load_content(ROOT / "lifeevents")
    assert len(content.events) == 9
    for event in content.events.values():
        assert IN_SHORT_MIN <= len(event.in_short) <= IN_SHORT_MAX, event.id
        for line in event.in_short:
            assert len(sentences(line)) == 1, (event.id, line)
            assert 0 < len(words(line)) <= SETTINGS.a2_words_max, (event.id, line)
        text = " ".join(event.in_short)
        assert re.search(r"\b[Uu]w?\b", text) and not re.search(r"\b(je|jij|jouw|men)\b", text), event.id


def test_every_example_guide_passes_the_a2_gate() -> None:
    assert in_short_problems(ROOT / "lifeevents") == []


def test_each_example_says_what_to_do_and_whom_to_contact_from_its_own_steps() -> None:
    content = load_content(ROOT / "lifeevents")
    for event in content.events.values():
        text = " ".join(event.in_short)
        assert re.search(r"\b(Bel|Vraag|Meld|Schrijf|Geef|Regel|doe)\b", text), event.id
        own = {step.organisation for step in event.steps} | ({"veilig-thuis"} if event.safety else set())
        named = {
            organisation.id
            for organisation in content.organisations.values()
            if re.search(rf"\b{re.escape(organisation.name)}\b", text, re.I)
        }
        assert named, f"{event.id}: 'In het kort' names nobody to contact"
        assert named <= own, f"{event.id}: names {named - own}, which no step of the guide involves"


UNITS = {
    "dag": "days",
    "dagen": "days",
    "week": "weeks",
    "weken": "weeks",
    "maand": "months",
    "maanden": "months",
}


def test_each_example_term_comes_from_its_own_guide() -> None:
    """'In het kort' adds no deadline: each "5 dagen" is in the guide's text or a step's deadline."""
    content = load_content(ROOT / "lifeevents")
    for event in content.events.values():
        texts = " ".join(
            [event.summary, event.reassurance]
            + [t for step in event.steps for t in (step.why, step.next or "", *step.how)]
            + [step.deadline.text for step in event.steps if step.deadline]
        )
        lengths = {
            (s.deadline.length[0], abs(s.deadline.length[1]))
            for s in event.steps
            if s.deadline and s.deadline.length
        }
        for line in event.in_short:
            for amount, unit in re.findall(r"\b(\d+) (dagen|dag|weken|week|maanden|maand)\b", line):
                found = f"{amount} {unit}" in texts or (UNITS[unit], int(amount)) in lengths
                assert found, f"{event.id}: '{amount} {unit}' in 'In het kort' is not in the guide"


# --- the gate -----------------------------------------------------------------------------------


def test_an_uncommon_word_is_named_with_file_line_and_fix(lifeevents: Path) -> None:
    _, line = with_in_short(
        lifeevents,
        "Geef uw nieuwe adres door aan de gemeente.",
        "Vraag daarna een nabestaandenuitkering aan.",
        "De gemeente helpt u gratis.",
    )
    assert sorted(in_short_problems(lifeevents)) == [
        f"lifeevents/verhuizen.yaml:{line + 1}: a2-common-word: 'nabestaandenuitkering' is not among the"
        ' 10,000 most used Dutch words ("Vraag daarna een nabestaandenuitkering aan.") — ' + FIX,
        f"lifeevents/verhuizen.yaml:{line + 1}: long-word: 'nabestaandenuitkering' is a long word"
        ' ("Vraag daarna een nabestaandenuitkering aan.") — use shorter words, or explain it in the glossary',
    ]
    problems, _ = check_content(load_content(lifeevents), SETTINGS)
    assert [p.rule for p in problems if p.is_error] == ["a2-common-word"]  # the build stops on it


def test_a_glossary_word_may_be_used_once_the_glossary_explains_it(lifeevents: Path) -> None:
    with_in_short(
        lifeevents,
        "Geef uw nieuwe adres door aan de gemeente.",
        "Vraag daarna een nabestaandenuitkering aan.",
        "De gemeente helpt u gratis.",
    )
    assert any("'nabestaandenuitkering' is not among" in p for p in in_short_problems(lifeevents))
    glossary = lifeevents / "registers" / "glossary.yaml"
    glossary.write_text(
        glossary.read_text("utf-8")
        + "- id: nabestaandenuitkering\n  term: nabestaandenuitkering\n"
        + "  explanation: Geld voor wie achterblijft als iemand overlijdt.\n",
        "utf-8",
    )
    assert [p for p in in_short_problems(lifeevents) if "a2-common-word" in p] == []


def test_a_sentence_of_eleven_words_fails_and_of_ten_passes(lifeevents: Path) -> None:
    eleven = "Geef uw nieuwe adres binnen 5 dagen door aan de gemeente."
    ten = "Geef uw nieuwe adres binnen 5 dagen door aan gemeente."
    assert (len(words(eleven)), len(words(ten))) == (11, 10)
    _, line = with_in_short(lifeevents, eleven, ten, "De gemeente helpt u gratis.")
    assert in_short_problems(lifeevents) == [
        f'lifeevents/verhuizen.yaml:{line}: a2-sentence-length: this sentence has 11 words ("{eleven}")'
        " — say one thing in at most 10 words; put a second thing on its own line"
    ]


def test_one_sentence_per_line(lifeevents: Path) -> None:
    two = "Geef uw adres door. Doe dat snel."
    _, line = with_in_short(lifeevents, "De gemeente helpt u gratis.", two, "Pas uw huurtoeslag aan.")
    assert in_short_problems(lifeevents) == [
        f'lifeevents/verhuizen.yaml:{line + 1}: a2-one-sentence: this line has 2 sentences ("{two}")'
        " — write one sentence per line; put the next sentence on a line of its own"
    ]


def test_officialese_fails_in_short_as_everywhere(lifeevents: Path) -> None:
    _, line = with_in_short(
        lifeevents, "Pas indien nodig uw huurtoeslag aan.", "Bel de gemeente.", "De gemeente helpt u."
    )
    assert in_short_problems(lifeevents) == [
        f"lifeevents/verhuizen.yaml:{line}: officialese: 'indien' is officialese"
        " (\"Pas indien nodig uw huurtoeslag aan.\") — write 'als' instead of 'indien'"
    ]


def test_numbers_organisations_and_places_are_allowed_but_other_names_are_not(lifeevents: Path) -> None:
    _, line = with_in_short(
        lifeevents,
        "Bel Dienst Toeslagen binnen 28 dagen.",
        "Ga langs bij de gemeente in Enschede.",
        "Ga langs bij de gemeente in Zwartewaterland.",
    )
    assert in_short_problems(lifeevents) == [
        f"lifeevents/verhuizen.yaml:{line + 2}: a2-common-word: 'Zwartewaterland' is not among the 10,000"
        ' most used Dutch words ("Ga langs bij de gemeente in Zwartewaterland.") — ' + FIX
    ]


def test_the_limits_are_settings(lifeevents: Path) -> None:
    eleven = "Geef uw nieuwe adres binnen 5 dagen door aan de gemeente."
    _, line = with_in_short(
        lifeevents, eleven, "Doe dat kort na de verhuizing.", "De gemeente helpt u gratis."
    )
    assert "verhuizing" in common_words(10_000) and "verhuizing" not in common_words(5_000)
    assert in_short_problems(lifeevents, LanguageSettings.from_options({"a2_words_max": 11})) == []
    strict = LanguageSettings.from_options({"a2_words_max": 11, "a2_common_words": 5_000})
    assert in_short_problems(lifeevents, strict) == [
        f"lifeevents/verhuizen.yaml:{line + 1}: a2-common-word: 'verhuizing' is not among the 5,000 most used"
        ' Dutch words ("Doe dat kort na de verhuizing.") — ' + FIX
    ]
    quiet = LanguageSettings.from_options({"a2_common_words": 5_000, "rules": {"a2-common-word": "warn"}})
    problems, _ = check_content(load_content(lifeevents), quiet)
    assert [(p.rule, p.is_error) for p in problems if p.rule in A2_RULES] == [
        ("a2-sentence-length", True),
        ("a2-common-word", False),
    ]


def test_the_a2_rules_are_errors_unless_configured() -> None:
    assert {rule: DEFAULT_SEVERITY[rule] for rule in A2_RULES} == dict.fromkeys(A2_RULES, "error")


OFFLINE = """
import socket, time

def no_network(*args, **kwargs):
    raise SystemExit("wordfreq tried to use the network")

socket.socket.connect = socket.create_connection = socket.getaddrinfo = no_network
start = time.perf_counter()
from wegwijzer.checks.plain_language.easy_read import common_words
common = common_words(10_000)
print(len(common), round(time.perf_counter() - start, 3))
"""


def test_the_word_list_is_read_offline_and_fast() -> None:
    done = subprocess.run([sys.executable, "-c", OFFLINE], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    size, seconds = done.stdout.split()
    assert int(size) == 10_000
    assert float(seconds) < 3, "importing wordfreq and reading its list should take well under a second"
    common = common_words(10_000)
    assert {"bel", "gemeente", "verhuizing", "werkdag"} <= common
    assert not {"nabestaandenuitkering", "opzegbevestiging", "uitvaartondernemer"} & common
    start = time.perf_counter()
    for _ in range(1000):
        common_words(10_000)
    assert time.perf_counter() - start < 0.1  # read once per process


# --- the pages ----------------------------------------------------------------------------------


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_the_guide_shows_in_short_before_the_first_step(built: Path) -> None:
    content = load_content(built / "lifeevents")
    for event in content.events.values():
        html = (built / "site" / "gids" / event.id / "index.html").read_text("utf-8")
        heading = html.index('<h2 id="in-het-kort">In het kort</h2>')
        first_step = html.index('class="ww-step"')
        section = html[heading : html.index("</section>", heading)]
        assert [text_of(item) for item in re.findall(r"<li>(.*?)</li>", section, re.S)] == event.in_short
        assert heading < first_step and heading < html.index('id="eigen-lijst"')


def test_the_checklist_starts_with_in_short(built: Path) -> None:
    content = load_content(built / "lifeevents")
    for event in content.events.values():
        html = (built / "site" / "checklist" / event.id / "index.html").read_text("utf-8")
        start = html.index('<section class="ww-checklist__short"')
        section = html[start : html.index("</section>", start)]
        assert "<h2" in section and "In het kort" in section
        assert [text_of(item) for item in re.findall(r"<li>(.*?)</li>", section, re.S)] == event.in_short
        assert start < html.index('class="ww-check"')


def test_a_new_guide_must_write_its_in_short(lifeevents: Path) -> None:
    from wegwijzer.checks import load_checked
    from wegwijzer.editing.scaffold import new_event

    new_event(lifeevents, "ik-test", "2026-11-22")
    _, problems = load_checked(lifeevents)
    assert {p.where for p in problems if p.where.startswith("in_short")} == {
        "in_short[0]",
        "in_short[1]",
        "in_short[2]",
    }
    assert all(p.is_error and p.message == "this is still a placeholder" for p in problems)
