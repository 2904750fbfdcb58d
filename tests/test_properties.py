"""Properties that hold for every input: spans match the text, offsets round-trip, nothing crashes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar import Document, Pipeline
from khabar.text.normalise import DEFAULT, MATCHING, NormaliseOptions, fold, normalise

from .strategies import any_text, arabic_text

PIPELINE = Pipeline()
ALL_OPTIONS = [DEFAULT, MATCHING, NormaliseOptions(alef=False), NormaliseOptions(True, True, True, True)]


def check_document(doc: Document) -> None:
    text = doc.text
    for layer in ("paragraphs", "sentences", "tokens"):
        previous_end = 0
        for span in doc.layer(layer):
            assert text[span.start : span.end] == span.text
            assert span.start >= previous_end, f"{layer} overlap or go backwards"
            previous_end = span.end
    for token in doc.tokens:
        pieces = [
            *token.proclitics,
            *([token.stem] if token.stem else []),
            *([token.enclitic] if token.enclitic else []),
        ]
        for piece in pieces:
            assert token.start <= piece.start <= piece.end <= token.end
            assert text[piece.start : piece.end] == piece.text
        if pieces:
            assert pieces[0].start == token.start and pieces[-1].end == token.end
    for sentence in doc.sentences:
        assert any(p.start <= sentence.start and sentence.end <= p.end for p in doc.paragraphs)
    assert Document.from_dict(doc.to_dict(tokens=True)).to_dict(tokens=True) == doc.to_dict(tokens=True)


def check_view(text: str) -> None:
    for options in ALL_OPTIONS:
        view = normalise(text, options)
        assert view.text == fold(text, options)
        offsets = view.offsets
        assert offsets.to_original(len(view.text)) == len(text)
        previous = -1
        for position in range(len(view.text)):
            original = offsets.to_original(position)
            assert previous <= original < len(text)  # monotone and inside the text
            previous = original
            assert offsets.to_normalised(original) <= position
            assert fold(text[original], options)  # it comes from a character that is kept
        for start in range(0, len(view.text) + 1, 7):
            s, e = view.to_original(start, min(len(view.text), start + 5))
            assert 0 <= s <= e <= len(text)
            # the original span normalises back to the normalised span (more, when it cuts a ligature)
            assert view.text[start : min(len(view.text), start + 5)] in fold(text[s:e], options)


@given(arabic_text)
@settings(max_examples=300, deadline=None)
def test_arabic_heavy_text(text: str) -> None:
    check_view(text)
    check_document(PIPELINE.analyze(text))


@given(any_text)
@settings(max_examples=300, deadline=None)
def test_arbitrary_unicode(text: str) -> None:
    check_view(text)
    check_document(PIPELINE.analyze(text))


@given(st.text(alphabet=st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF), max_size=60))
@settings(max_examples=200, deadline=None)
def test_presentation_forms(text: str) -> None:
    check_view(text)
    check_document(PIPELINE.analyze(text))


def test_real_articles(demo_articles: list[dict]) -> None:
    for record in demo_articles:
        for text in (record["text"], record.get("title") or ""):
            check_view(text)
            check_document(PIPELINE.analyze(text, published=record.get("date")))
