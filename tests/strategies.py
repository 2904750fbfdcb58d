"""Hypothesis strategies for Arabic-heavy text and the files khabar reads.

Characters: letters, diacritics and tatweel, bidi and zero-width controls, presentation forms, Eastern and Persian
digits, every kind of quotation mark, punctuation. Shapes: news-like sentences built from words that wake every
stage (speech verbs, event verbs, dates, numbers, names, titles), very long tokens, text without spaces, text
of punctuation only, any Unicode. Files: JSON lines with odd values, lone surrogate escapes, bad bytes, BOMs.
Used by the fuzz tests (tests/test_fuzz.py) and the long fuzz run (bench/fuzz.py).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

ARABIC_LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"
CONTROLS = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\ufeff"
DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"
QUOTES = "\"'“”«»‹›„‟‘’「」"
PUNCTUATION = ".,،؛؟!۔:;\"'“”«»()[]…-_/%٪٫٬"
PRESENTATION = "ﺑﻐﺪﺍﺩﻻﷲﷺﹰﹱ"
SPACE = " \n\t\r\u00a0"

arabic_chars = st.sampled_from(ARABIC_LETTERS + MARKS + CONTROLS + DIGITS + PUNCTUATION + PRESENTATION + SPACE + "aZ")
arabic_text = st.text(arabic_chars, max_size=300)
any_text = st.text(max_size=300)

# Words that make the stages work: speech and event verbs, dates, numbers, names, titles, places.
NEWS_WORDS = (  # noqa: SIM905 (a list literal of 160 words would be 160 lines)
    "قال أكد أضاف وقال وأضاف وأكد أشار إلى أن إن بأن مبيناً أوضح نفى دعا حذر وفقاً لـ بحسب نقلاً عن ذكرت وكالة رويترز"
    " قتل مقتل قتلى جرحى هجوم انفجار قصف غارة اشتباكات تظاهرة مظاهرة احتجاج اعتصام إضراب التقى يلتقي لم يلتق سيلتقي"
    " اتصال هاتفي استقبل بحث وقع اتفاق اتفاقية اتفقا الجانبان البلدين تعاون دعم سحب أدان اتهم فرض عقوبات"
    " أمس اليوم غدا الأربعاء الخميس الجمعة الأسبوع الماضي الشهر المقبل منذ ثلاثة أيام عام 2021 آذار مارس شباط رمضان"
    " 1442 هـ الساعة الثالثة صباحا مساء 10 30 2020-03-10 10/03/2021 ١٠ ٢٠٢١ ۲۰۲۱ ثلاثة خمسة عشرين مائة مليون مليار"
    " ألف الأول الثاني 25% ٪ دولار يورو دينار ريال كيلومتر نصف ربع"
    " فؤاد حسين ينس ستولتنبرغ إيمانويل ماكرون الأمين العام وزير الخارجية العراقي الرئيس الفرنسي رئيس الوزراء"
    " حلف شمال الأطلسي الناتو الأمم المتحدة داعش الخارجية العراقية بغداد بروكسل تونس العراق فرنسا سوريا غزة"
    " و في من إلى على عن مع بين الذي التي هذا كان لا لن قد NATO UN Biden U.S. د. أ.ف.ب. ("
).split()
WORD_SEPARATORS = (" ", " ", " ", "\n", "، ", ". ", "؟ ", ": ", " «", "» ", ' "', '" ', " “", "” ", "\n\n", "")

_letter_word = st.text(st.sampled_from(ARABIC_LETTERS), min_size=1, max_size=12)
_marked_word = st.text(st.sampled_from(ARABIC_LETTERS + MARKS), min_size=1, max_size=12)
_digit_word = st.text(st.sampled_from(DIGITS + "٫٬.,%٪"), min_size=1, max_size=8)
_odd_word = st.text(st.sampled_from(CONTROLS + PRESENTATION + QUOTES + MARKS), min_size=1, max_size=4)
word = st.one_of(
    st.sampled_from(NEWS_WORDS), st.sampled_from(NEWS_WORDS), _letter_word, _marked_word, _digit_word, _odd_word
)


@st.composite
def news_text(draw: st.DrawFn, max_words: int = 60) -> str:
    """News-like text: words of :data:`NEWS_WORDS` and odd ones, with separators, quotes and paragraphs."""
    words = draw(st.lists(word, max_size=max_words))
    separators = draw(st.lists(st.sampled_from(WORD_SEPARATORS), min_size=len(words), max_size=len(words)))
    return "".join(w + s for w, s in zip(words, separators, strict=True))


@cache
def real_articles() -> tuple[str, ...]:
    """The texts of the bundled Jawhara FM articles (examples/), the seeds of :func:`mutated_article`."""
    path = Path(__file__).resolve().parents[1] / "examples" / "jawharafm.jsonl"
    with path.open(encoding="utf-8") as handle:
        return tuple(json.loads(line)["text"] for line in handle if line.strip())


_MUTATIONS = ("insert", "insert", "delete", "spaces", "digits", "repeat", "quote", "cut")


@st.composite
def mutated_article(draw: st.DrawFn, max_chars: int = 1500) -> str:
    """A stretch of a real article with a few mutations: odd characters inserted, spaces removed, digits made
    Eastern, a stretch repeated, quotation marks opened and never closed, a cut in the middle of a word."""
    texts = real_articles()
    text = texts[draw(st.integers(0, len(texts) - 1))]
    start = draw(st.integers(0, max(0, len(text) - 1)))
    text = text[start : start + draw(st.integers(1, max_chars))]
    for _ in range(draw(st.integers(0, 6))):
        if not text:
            break
        kind = draw(st.sampled_from(_MUTATIONS))
        at = draw(st.integers(0, len(text)))
        if kind == "insert":
            odd = draw(
                st.text(st.sampled_from(CONTROLS + MARKS + QUOTES + PRESENTATION + DIGITS), min_size=1, max_size=5)
            )
            text = text[:at] + odd + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 50)) :]
        elif kind == "spaces":
            end = at + draw(st.integers(1, 300))
            text = text[:at] + text[at:end].replace(" ", "") + text[end:]
        elif kind == "digits":
            text = text.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
        elif kind == "repeat":
            end = at + draw(st.integers(1, 80))
            text = text[:end] + text[at:end] * draw(st.integers(2, 20)) + text[end:]
        elif kind == "quote":
            text = text[:at] + draw(st.sampled_from(QUOTES)) + text[at:]
        else:
            text = text[:at]
    return text


long_token = st.text(st.sampled_from(ARABIC_LETTERS + MARKS + DIGITS), min_size=300, max_size=3000)
no_spaces = st.text(st.sampled_from(ARABIC_LETTERS + MARKS + CONTROLS + DIGITS + PUNCTUATION), min_size=1, max_size=400)
only_punctuation = st.text(st.sampled_from(PUNCTUATION + QUOTES + CONTROLS + SPACE), min_size=1, max_size=200)
presentation_forms = st.text(st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF), max_size=60)

# Every shape at once: what the fuzz tests feed each stage.
hostile_text = st.one_of(
    news_text(),
    mutated_article(),
    news_text(),
    mutated_article(),
    arabic_text,
    long_token,
    no_spaces,
    only_punctuation,
    presentation_forms,
    any_text,
)

published = st.one_of(
    st.none(),
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["2021-03-10", "2021-03-10T09:00:00+03:00", "0001-01-01", "9999-12-31", "2024-02-29T23:59:59"]),
)

# ----------------------------------------------------------------------------------------------- JSON lines

LONE_SURROGATES = ("\\ud800", "\\udfff", "\\udbff\\u0041", "\\udc00\\ud800")


def _json_scalar() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), hostile_text, st.just(""), published
    )


@st.composite
def record(draw: st.DrawFn) -> dict[str, Any]:
    """An input record: mostly well formed, with odd values in its fields."""
    item: dict[str, Any] = {}
    if draw(st.booleans()):
        item["id"] = draw(st.one_of(st.text(max_size=20), st.integers(), st.none()))
    item["text"] = draw(st.one_of(hostile_text, hostile_text, hostile_text, _json_scalar()))
    for key in ("published", "date", "title", "source", "url"):
        if draw(st.integers(0, 3)) == 0:
            item[key] = draw(st.one_of(published, _json_scalar()))
    if draw(st.integers(0, 5)) == 0:
        item[draw(st.text(max_size=8))] = draw(
            st.one_of(
                st.lists(_json_scalar(), max_size=3), st.dictionaries(st.text(max_size=5), _json_scalar(), max_size=3)
            )
        )
    return item


@st.composite
def jsonl_line(draw: st.DrawFn) -> bytes:
    """One line of a JSONL file (without its newline): a record, or something that only looks like one."""
    kind = draw(st.integers(0, 9))
    if kind <= 5:
        text = json.dumps(draw(record()), ensure_ascii=draw(st.booleans()))
        if draw(st.integers(0, 4)) == 0:  # a lone surrogate escape in a string
            position = text.find('"', 1)
            if position > 0:
                text = text[: position + 1] + draw(st.sampled_from(LONE_SURROGATES)) + text[position + 1 :]
        return text.encode("utf-8", "surrogatepass")
    if kind == 6:  # bytes that are not UTF-8, inside a record
        return b'{"id": "x", "text": "' + draw(st.binary(min_size=1, max_size=8)) + b'"}'
    if kind == 7:  # a record cut short
        full = json.dumps(draw(record()), ensure_ascii=False).encode("utf-8", "surrogatepass")
        return full[: draw(st.integers(0, len(full)))]
    if kind == 8:  # JSON that is not an object
        return json.dumps(draw(st.one_of(_json_scalar(), st.lists(_json_scalar(), max_size=3)))).encode()
    return draw(st.binary(max_size=40)).replace(b"\n", b" ")


@st.composite
def jsonl_file(draw: st.DrawFn) -> bytes:
    """A JSONL file: a few lines, blank ones, maybe a byte-order mark, maybe no final newline."""
    lines = draw(st.lists(st.one_of(jsonl_line(), st.just(b""), st.just(b"   ")), min_size=1, max_size=5))
    data = b"\n".join(lines)
    if draw(st.booleans()):
        data += b"\n"
    if draw(st.integers(0, 5)) == 0:
        data = b"\xef\xbb\xbf" + data
    return data
