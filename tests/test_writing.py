"""The plain-language gate: every rule fails on a bad example and passes a good one, with exact messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build
from wegwijzer.checks import load_content
from wegwijzer.checks.pages import read_pages
from wegwijzer.checks.plain_language import LanguageSettings, check_content
from wegwijzer.checks.plain_language.rules import check_units
from wegwijzer.checks.plain_language.text import flesch_douma, sentences
from wegwijzer.checks.plain_language.units import Unit

SETTINGS = LanguageSettings()
KNOWN = frozenset({"aow", "svb", "digid"})
PLAIN = "U hoeft niet alles tegelijk te doen. Bel de SVB. Zij helpen u graag. Dat kost niets."
OFFICIAL = (
    "Indien u niet in het bezit bent van een geldig identiteitsbewijs, dient u middels het daartoe "
    "bestemde formulier een aanvraag in te dienen teneinde de verstrekking van de uitkering te waarborgen."
)


def findings(text: str) -> list[str]:
    return [str(p) for p in check_units([Unit(text, "lifeevents/x.yaml", 7, "why")], SETTINGS, KNOWN)]


def test_sentences_keep_abbreviations_together() -> None:
    assert sentences("Neem o.a. uw paspoort mee. Bel bijv. om 9.00 uur. Klaar!") == [
        "Neem o.a. uw paspoort mee.",
        "Bel bijv. om 9.00 uur.",
        "Klaar!",
    ]


def test_plain_text_scores_high_and_passes() -> None:
    assert flesch_douma(sentences(PLAIN)) > 80
    assert findings(PLAIN) == []


def test_bureaucratic_sentence_scores_low_and_fails_with_the_expected_rules() -> None:
    assert flesch_douma(sentences(OFFICIAL)) < SETTINGS.readability_error_below
    rules = {line.split(": ")[1] for line in findings(OFFICIAL)}
    assert {"sentence-length", "officialese", "nominalisation"} <= rules


@pytest.mark.parametrize(
    ("bad", "expected", "good"),
    [
        (
            "U kunt dit formulier samen met iemand van de gemeente invullen op een dag die u zelf kiest.",
            'lifeevents/x.yaml:7: sentence-length: this sentence has 18 words ("U kunt dit formulier samen met'
            ' iemand van de gemeente invullen op een dag die u zelf kiest.") — split it into sentences of at most'
            " 15 words",
            "U kunt dit formulier samen met iemand invullen.",
        ),
        (
            "Indien u vragen heeft, bel ons.",
            "lifeevents/x.yaml:7: officialese: 'Indien' is officialese (\"Indien u vragen heeft, bel ons.\")"
            " — write 'als' instead of 'Indien'",
            "Als u vragen heeft, bel ons.",
        ),
        (
            "Neem uw BSN mee.",
            "lifeevents/x.yaml:7: abbreviation: 'BSN' is not explained (\"Neem uw BSN mee.\")"
            " — write it out, or add 'BSN' to the glossary",
            "Neem uw AOW-brief mee.",
        ),
        (
            "De brief wordt door de gemeente gestuurd.",
            'lifeevents/x.yaml:7: passive: this sentence is passive ("De brief wordt door de gemeente'
            " gestuurd.\") — say who does it: 'de gemeente stuurt u een brief'",
            "De gemeente stuurt u een brief.",
        ),
        (
            "Bel als u denkt dat het formulier dat u kreeg niet klopt.",
            "lifeevents/x.yaml:7: subordinate-clauses: this sentence has more than one subordinate clause"
            ' ("Bel als u denkt dat het formulier dat u kreeg niet klopt.") — split it into two sentences',
            "Klopt het formulier niet? Bel dan.",
        ),
        (
            "Na de beoordeling van uw vraag hoort u meer.",
            "lifeevents/x.yaml:7: nominalisation: this sentence uses a noun where a verb is clearer"
            " (\"Na de beoordeling van uw vraag hoort u meer.\") — use the verb: 'aanvragen' instead of"
            " 'de aanvraag van'",
            "Wij bekijken uw vraag. Daarna hoort u meer.",
        ),
        (
            "Vraag om de inkomensafhankelijkebijdrage.",
            "lifeevents/x.yaml:7: long-word: 'inkomensafhankelijkebijdrage' is a long word"
            ' ("Vraag om de inkomensafhankelijkebijdrage.") — use shorter words, or explain it in the glossary',
            "Vraag om de bijdrage.",
        ),
        (
            "Dit staat in artikel 12 van de wet.",
            'lifeevents/x.yaml:7: legal-reference: legal references scare readers ("Dit staat in artikel 12'
            " van de wet.\") — say what it means for the reader; put laws under 'Meer informatie'",
            "Dit staat in de wet.",
        ),
        (
            "Bel voor 01-09-2026.",
            'lifeevents/x.yaml:7: plain-date: a date in numbers is hard to read ("Bel voor 01-09-2026.")'
            " — write it in words, like '1 september 2026'",
            "Bel voor 1 september 2026.",
        ),
        (
            "De aanvrager stuurt het formulier op.",
            "lifeevents/x.yaml:7: address-reader: 'De aanvrager' does not speak to the reader"
            " (\"De aanvrager stuurt het formulier op.\") — write 'u'",
            "U stuurt het formulier op.",
        ),
    ],
)
def test_each_sentence_rule(bad: str, expected: str, good: str) -> None:
    assert expected in findings(bad)
    rule = expected.split(": ")[1]
    assert not [f for f in findings(good) if f.split(": ")[1] == rule]


def test_sentence_over_twenty_words_is_an_error() -> None:
    text = " ".join(["woord"] * 21) + "."
    [problem] = check_units([Unit(text, "f.yaml", 1, "why")], SETTINGS, KNOWN)
    assert problem.is_error and problem.message == "this sentence has 21 words"
    [problem] = check_units([Unit(" ".join(["woord"] * 16) + ".", "f.yaml", 1, "why")], SETTINGS, KNOWN)
    assert not problem.is_error


def edited(lifeevents: Path, old: str, new: str) -> list[str]:
    path = lifeevents / "verhuizen.yaml"
    path.write_text(path.read_text("utf-8").replace(old, new, 1), "utf-8")
    problems, _ = check_content(load_content(lifeevents), SETTINGS)
    return [str(p) for p in problems]


def test_fixture_guides_pass(lifeevents: Path) -> None:
    problems, scores = check_content(load_content(lifeevents), SETTINGS)
    assert [str(p) for p in problems if p.is_error] == []
    assert all(s.flesch_douma >= 60 for s in scores)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "title: Pas uw huurtoeslag aan",
            "title: Uw huurtoeslag aanpassen",
            "lifeevents/verhuizen.yaml:22: verb-first-title: a step title should start with what to do"
            " (\"Uw huurtoeslag aanpassen\") — start with a verb, like 'Bel', 'Vraag', 'Geef door'",
        ),
        (
            "    channels: [phone]\n",
            "    channels: [online]\n",
            "lifeevents/verhuizen.yaml:43: human-channel: this step has no phone or walk-in option"
            " — add 'phone' or 'walk_in' to the channels: not everyone can do it online",
        ),
        (
            "text: binnen 4 weken na de verhuizing",
            "text: binnen 4 weken",
            "lifeevents/verhuizen.yaml:27: deadline-in-words: the deadline does not say from when it counts"
            " (\"binnen 4 weken\") — add the starting point, like 'binnen 5 dagen na de verhuizing'",
        ),
        (
            "why: Uw huur verandert. Dan verandert uw huurtoeslag ook.",
            "why: Te laat? Dan krijgt u een boete.",
            "lifeevents/verhuizen.yaml:22: threat-without-help: 'boete' sounds like a threat"
            ' ("Pas uw huurtoeslag aan") — say in the same step what to do if it does not work:'
            " 'Kunt u niet betalen? Bel ons.'",
        ),
        (
            "reassurance: U hoeft niet alles tegelijk te doen. Bij een loket bij u in de buurt helpt iemand u gratis.",
            "reassurance: Regel alles op tijd.",
            "lifeevents/verhuizen.yaml:4: reassurance: the opening does not reassure the reader"
            ' ("Regel alles op tijd.") — say that they need not do everything at once, and where to get help',
        ),
        (
            "summary: Geef uw nieuwe adres door aan de gemeente. Pas daarna uw huurtoeslag aan.",
            "summary: Geef uw nieuwe adres door aan de gemeente en pas daarna uw huurtoeslag aan, en kijk ook"
            " of u nog andere dingen moet regelen met de post en de bank.",
            'lifeevents/verhuizen.yaml:3: summary-length: the summary has 30 words ("Geef uw nieuwe adres door'
            " aan de gemeente en pas daarna uw huurtoeslag aan, en kijk ook of u nog andere dingen moet regelen"
            ' met de post en de bank.") — say the main message in at most 25 words',
        ),
    ],
)
def test_each_structure_rule(lifeevents: Path, old: str, new: str, expected: str) -> None:
    assert expected not in [str(p) for p in check_content(load_content(lifeevents), SETTINGS)[0]]
    assert expected in edited(lifeevents, old, new)


def test_threat_with_help_passes(lifeevents: Path) -> None:
    messages = edited(
        lifeevents,
        "why: Uw huur verandert. Dan verandert uw huurtoeslag ook.",
        "why: Te laat? Dan krijgt u misschien een boete. Kunt u niet betalen? Bel ons.",
    )
    assert not [m for m in messages if "threat-without-help" in m]


def test_too_many_first_steps(lifeevents: Path) -> None:
    settings = LanguageSettings.from_options({"first_phase_max": 0})
    problems, _ = check_content(load_content(lifeevents), settings)
    assert (
        "lifeevents/verhuizen.yaml:10: first-phase-size: 1 steps are in the first phase ('now')"
        " — keep at most 0; move the others to 'soon' or 'later'"
    ) in [str(p) for p in problems]


def test_severities_come_from_settings() -> None:
    settings = LanguageSettings.from_options({"rules": {"officialese": "warn", "passive": "ignore"}})
    problems = check_units([Unit("Indien de brief wordt gestuurd, bel.", "f", 1, "w")], settings, KNOWN)
    assert [(p.rule, p.is_error) for p in problems] == [("officialese", False)]
    with pytest.raises(ValueError, match="unknown plain_language setting"):
        LanguageSettings.from_options({"sentence_max": 3})
    with pytest.raises(ValueError, match="rules must name a rule"):
        LanguageSettings.from_options({"rules": {"officialese": "loud"}})


def test_markdown_pages_are_checked_with_lines(site_src: Path) -> None:
    (site_src / "content" / "over.md").write_text("# Over\n\nTekst.\n\nIndien u iets wilt, bel.\n", "utf-8")
    problems, scores = check_content(
        load_content(site_src / "lifeevents"), SETTINGS, read_pages(site_src / "content")[0]
    )
    assert "content/over.md:5: officialese: 'Indien' is officialese" in "\n".join(str(p) for p in problems)
    assert "content/over.md" in [s.name for s in scores]


def test_breaking_a_sentence_fails_the_build_and_the_report_shows_it(site_src: Path, capsys) -> None:
    edited(site_src / "lifeevents", "why: De gemeente zet", "why: Indien nodig zet de gemeente")
    code, _ = build(site_src)
    assert code == 1
    err = capsys.readouterr().err
    assert "lifeevents/verhuizen.yaml:13: officialese: 'Indien' is officialese" in err
    report = (site_src / "wegwijzer-rapport.html").read_text("utf-8")
    assert "<mark>Indien nodig zet de gemeente uw nieuwe adres in de BRP.</mark>" in report
    assert "write &#39;als&#39; instead of &#39;Indien&#39;" in report


def test_example_site_passes_the_gate() -> None:
    root = Path(__file__).parent.parent
    problems, scores = check_content(
        load_content(root / "lifeevents"),
        SETTINGS,
        [p for p in read_pages(root / "content")[0] if p.language == "nl"],
    )
    assert [str(p) for p in problems if p.is_error] == []
    for page in scores:
        assert page.flesch_douma >= SETTINGS.readability_error_below, page
        assert page.mean_sentence_length <= SETTINGS.mean_sentence_length_max, page
