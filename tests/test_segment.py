"""Paragraphs and sentences."""

from __future__ import annotations

import pytest

from khabar.stages.segment import segment


def sentences(text: str) -> list[str]:
    return [s.text for s in segment(text)[1]]


def test_paragraphs_are_lines_trimmed_and_empty_lines_skipped() -> None:
    paragraphs, _ = segment("  الأولى.  \n\n\tالثانية\r\nالثالثة")
    assert [p.text for p in paragraphs] == ["الأولى.", "الثانية", "الثالثة"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال الوزير. وأضاف المتحدث.", ["قال الوزير.", "وأضاف المتحدث."]),
        ("هل حضر؟ لم يحضر!", ["هل حضر؟", "لم يحضر!"]),
        ("جملة۔ جملة أخرى", ["جملة۔", "جملة أخرى"]),
        # the Arabic comma and semicolon join clauses
        ("وصل الوفد، ثم غادر؛ وبعد ذلك عاد.", ["وصل الوفد، ثم غادر؛ وبعد ذلك عاد."]),
        # closing quotation marks stay with their sentence
        ("قال “سنعمل معاً.” وأضاف «نحن هنا». ثم غادر", ["قال “سنعمل معاً.”", "وأضاف «نحن هنا».", "ثم غادر"]),
        # a quotation of two sentences is two sentences
        ("وقال “قررنا رفع العديد. سيرتفع العدد تدريجياً”.", ["وقال “قررنا رفع العديد.", "سيرتفع العدد تدريجياً”."]),
        # numbers with dots and decimals
        ("بلغ النمو 3.5 بالمئة في 10.03.2021 وفق التقرير.", ["بلغ النمو 3.5 بالمئة في 10.03.2021 وفق التقرير."]),
        # abbreviations and initials
        ("التقى د. محمد علي بالسفير. ثم غادر", ["التقى د. محمد علي بالسفير.", "ثم غادر"]),
        ("قال جون ف. كينيدي ذلك. انتهى", ["قال جون ف. كينيدي ذلك.", "انتهى"]),
        ("met Mr. Smith in the U.S. yesterday. Then left", ["met Mr. Smith in the U.S. yesterday.", "Then left"]),
        # anything inside parentheses
        ("بغداد (أ.ف.ب. مساء الأحد) - قال المتحدث. ثم غادر", ["بغداد (أ.ف.ب. مساء الأحد) - قال المتحدث.", "ثم غادر"]),
        # an ellipsis does not end a sentence
        ("وقال... إن الأمر انتهى. نعم", ["وقال... إن الأمر انتهى.", "نعم"]),
        # a number ending a sentence
        ("وقع ذلك عام 2021. وبعده", ["وقع ذلك عام 2021.", "وبعده"]),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_an_unclosed_parenthesis_does_not_swallow_the_paragraph() -> None:
    assert sentences("قال (المتحدث. ثم غادر. وعاد") == ["قال (المتحدث.", "ثم غادر.", "وعاد"]


def test_spans_point_into_the_text(seed_text: str) -> None:
    paragraphs, found = segment(seed_text)
    assert len(paragraphs) == 11
    assert len(found) == 12
    for span in [*paragraphs, *found]:
        assert seed_text[span.start : span.end] == span.text
        assert span.text == span.text.strip()
    assert found[0].text.startswith("أكد الأمين العام")
    assert found[-1].text.endswith("في بلدهم”.")


def test_empty_and_blank_text() -> None:
    assert segment("") == ([], [])
    assert segment(" \n\t\n") == ([], [])


def test_a_stretch_without_a_sentence_end_is_cut_into_bounded_sentences() -> None:
    from khabar.stages.segment import MAX_SENTENCE_CHARS

    text = "بداية الخبر. " + "كلمة " * 3_000 + "نهاية."
    _, sentences = segment(text)
    assert sentences[0].text == "بداية الخبر."
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences) and len(sentences) > 3
    assert all(text[s.start : s.end] == s.text and not s.text.startswith(" ") for s in sentences)
    assert "".join(s.text for s in sentences[1:]).replace(" ", "") == text[13:].replace(" ", "")
