"""Tokens and their clitic analysis."""

from __future__ import annotations

import pytest

from khabar import Document
from khabar.stages.tokenise import Tokeniser


@pytest.fixture(scope="module")
def tokeniser() -> Tokeniser:
    return Tokeniser()


def tokens(tokeniser: Tokeniser, text: str) -> list:
    return list(tokeniser.tokenise(text))


def split(tokeniser: Tokeniser, word: str) -> str:
    """The analysis of one word as ``proclitic forms+STEM+suffix``."""
    (token,) = tokens(tokeniser, word)
    stem = token.base.text
    suffix = [token.enclitic.form] if token.enclitic else []
    return "+".join([*(c.form for c in token.proclitics), stem, *suffix])


def test_kinds_and_offsets(tokeniser: Tokeniser) -> None:
    text = "قال \u200fNATO\u200f إن ٤٬٠٠٠ جندي (10:30)، و2021!"
    found = tokens(tokeniser, text)
    assert [(t.text, t.kind) for t in found] == [
        ("قال", "word"),
        ("NATO", "foreign"),
        ("إن", "word"),
        ("٤٬٠٠٠", "number"),
        ("جندي", "word"),
        ("(", "punct"),
        ("10:30", "number"),
        (")", "punct"),
        ("،", "punct"),
        ("و", "word"),
        ("2021", "number"),
        ("!", "punct"),
    ]
    for token in found:
        assert text[token.start : token.end] == token.text


def test_the_marks_of_a_hashtag_are_no_tokens(tokeniser: Tokeniser) -> None:
    """#صندوق_النقد_الدولي is three words; a # or _ not joining words stays a token."""
    text = "قال #صندوق_النقد_الدولي إن _ و# 3"
    assert [t.text for t in tokens(tokeniser, text)] == ["قال", "صندوق", "النقد", "الدولي", "إن", "_", "و", "#", "3"]


def test_diacritics_and_tatweel_stay_inside_the_word(tokeniser: Tokeniser) -> None:
    assert [t.text for t in tokens(tokeniser, "اتصالٍ هاتفيّ مـــع")] == ["اتصالٍ", "هاتفيّ", "مـــع"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("وقال", "و+قال"),
        ("والعراق", "و+ال+عراق"),
        ("وبالعراق", "و+ب+ال+عراق"),
        ("للبيان", "ل+ال+بيان"),
        ("لحلف", "ل+حلف"),
        ("بدوره", "ب+دور+ه"),
        ("بمكتبه", "ب+مكتب+ه"),
        ("سيعمل", "س+يعمل"),
        ("وسيعمل", "و+س+يعمل"),
        ("بلدهم", "بلد+هم"),
        ("عليه", "علي+ه"),
        ("لهم", "ل+هم"),
        ("فإن", "ف+إن"),
        ("الناتو", "ال+ناتو"),
        ("وللناتو", "و+ل+ال+ناتو"),
        ("فالحكومة", "ف+ال+حكومة"),
        ("بالفعل", "ب+ال+فعل"),  # an idiom more frequent than الفعل, still ب + ال
        ("وكاليفورنيا", "و+كاليفورنيا"),
    ],
)
def test_clitics_are_split(tokeniser: Tokeniser, word: str, expected: str) -> None:
    assert split(tokeniser, word) == expected


@pytest.mark.parametrize(
    "word",
    [
        "وزير",
        "وزارة",
        "بغداد",
        "لبنان",
        "ليبيا",
        "بيان",
        "بين",
        "كان",
        "كما",
        "فرنسا",
        "سوريا",
        "سيارة",
        "الله",
        "الذي",
        "إلى",
        "ألف",
        "التزام",
        "التقى",
        "العراقي",
        "ذلك",
        "قررنا",
        "ستولتنبرغ",
        # foreign names the corpus writes often, never as ال + the rest: no ف/ك/ب + ال
        "فالنسيا",
        "كاليفورنيا",
        "بالوتيلي",
        "والدة",
        # listed whole words: a capital, and names that are not ب/و + a word
        "بيونغ",
        "بسام",
        "وسام",
        # words of the knowledge base's person names and listed given names
        "بايدن",
        "فيصل",
        "كوفي",
        # ك "like" goes before nouns, never verbs: كسرت "she broke" is no ك + سرت (Sirte), كلفت "cost" no ك + لفت
        "كسرت",
        "كلفت",
        # a speech verb, not نو + the pronoun ه
        "نوه",
    ],
)
def test_words_that_only_look_like_clitics_are_not_split(tokeniser: Tokeniser, word: str) -> None:
    expected = word if word not in ("العراقي",) else "ال+عراقي"
    assert split(tokeniser, word) == expected


def test_clitic_spans_keep_their_harakat(tokeniser: Tokeniser) -> None:
    text = "وَبِالعِرَاقِ"
    (token,) = tokens(tokeniser, text)
    assert [c.text for c in token.proclitics] == ["وَ", "بِ", "ال"]
    assert token.stem is not None and token.stem.text == "عِرَاقِ"
    assert [c.role for c in token.proclitics] == ["conj", "prep", "det"]
    for part in [*token.proclitics, token.stem]:
        assert text[part.start : part.end] == part.text


def test_written_lam_of_the_article_has_the_article_as_its_form(tokeniser: Tokeniser) -> None:
    (token,) = tokens(tokeniser, "للبيان")
    article = token.proclitics[-1]
    assert (article.text, article.form, article.role) == ("ل", "ال", "det")


def test_token_table_in_a_document(pipeline) -> None:
    doc = pipeline(Document("وقال الوزير"))
    assert len(doc.tokens) == 2
    assert doc.tokens[0].proclitics[0].form == "و"
    assert [t.text for t in doc.tokens[0:2]] == ["وقال", "الوزير"]
    assert doc.tokens.spans == [(0, 4), (5, 11)]


def test_analyses_are_shared_per_surface_form(tokeniser: Tokeniser) -> None:
    table = tokeniser.tokenise("وقال وقال")
    assert table.analyses[0] is table.analyses[1]


@pytest.mark.parametrize(("word", "expected"), [("كرئيس", "ك+رئيس"), ("كجزء", "ك+جزء"), ("كالعادة", "ك+ال+عادة")])
def test_ka_before_a_noun_is_still_the_preposition(tokeniser: Tokeniser, word: str, expected: str) -> None:
    assert split(tokeniser, word) == expected
