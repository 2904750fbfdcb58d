"""Tokens with their clitic analysis.

Tokens are found on the original text: Arabic words (letters with their marks and tatweel), words in other
scripts, numbers (``3.5``, ``4,000``, ``١٬٥٠٠``, ``10:30``, ``10/3/2021``) and punctuation. Bidi and zero-width
controls between tokens belong to no token, nor do the ``#`` and ``_`` of a hashtag (#صندوق_النقد_الدولي is read
as the words صندوق النقد الدولي, as its writer meant). Each Arabic word carries its clitic analysis
(:mod:`khabar.text.clitics`) as spans of the original text, so وَبِالعِرَاقِ has proclitics وَ بِ ال and the
stem عِرَاقِ, harakat included, and no second text is ever made.

Analyses are computed once per surface form and shared by every occurrence (news vocabulary is Zipfian: most
tokens are repeats), and :class:`~khabar.document.TokenTable` makes :class:`Token` objects only when asked.
"""

from __future__ import annotations

import re

from khabar.caching import BoundedCache
from khabar.document import Clitic, Document, Span, Token, TokenTable
from khabar.text.clitics import LEXICON_FOLD, CliticAnalyser, Segmentation, default_analyser
from khabar.text.normalise import fold, normalise

ARABIC_LETTERS_AND_MARKS = (
    "\u0610-\u061a\u0620-\u065f\u066e-\u06d3\u06d5-\u06dc\u06df-\u06e8\u06ea-\u06ef\u06fa-\u06ff"
    "\u0750-\u077f\u08a0-\u08ff\ufb50-\ufd3d\ufd50-\ufdfb\ufe70-\ufefc"
)
_ARABIC_BLOCKS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_CONTROLS = "\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\u00ad"
TOKEN_PATTERN = re.compile(
    rf"([{ARABIC_LETTERS_AND_MARKS}][{ARABIC_LETTERS_AND_MARKS}\u200c\u200d]*)"  # 1: Arabic word
    rf"|([^\W\d_{_ARABIC_BLOCKS}]+)"  # 2: word in another script
    r"|(\d+(?:[.,٫٬:/]\d+)*)"  # 3: number
    # 4: punctuation or symbol; not the marks of a hashtag (#الاتحاد_الأوروبي), which join words as a space does
    rf"|(\.{{2,}}|(?!#[^\W_])[^\s\w{_CONTROLS}]|(?<!\w)_|_(?!\w))"
)
KINDS = {1: "word", 2: "foreign", 3: "number", 4: "punct"}
CACHE_LIMIT = 200_000


class TokenAnalysis:
    """The analysis shared by all tokens of one surface form, as offsets relative to the token start."""

    __slots__ = ("enclitic", "kind", "proclitics", "stem")

    def __init__(
        self,
        kind: str,
        proclitics: tuple[tuple[int, int, str, str], ...] = (),
        stem: tuple[int, int] | None = None,
        enclitic: tuple[int, int, str] | None = None,
    ) -> None:
        self.kind = kind
        self.proclitics = proclitics
        self.stem = stem
        self.enclitic = enclitic

    def token(self, text: str, start: int, end: int) -> Token:
        if self.stem is None:
            return Token(start, end, text[start:end], kind=self.kind)
        proclitics = tuple(
            Clitic(start + a, start + b, text[start + a : start + b], form=form, role=role)
            for a, b, form, role in self.proclitics
        )
        a, b = self.stem
        stem = Span(start + a, start + b, text[start + a : start + b])
        enclitic = None
        if self.enclitic is not None:
            a, b, form = self.enclitic
            enclitic = Clitic(start + a, start + b, text[start + a : start + b], form=form, role="pron")
        return Token(start, end, text[start:end], kind=self.kind, proclitics=proclitics, stem=stem, enclitic=enclitic)


_PLAIN = {kind: TokenAnalysis(name) for kind, name in KINDS.items()}


def analysis_of(token: Token) -> TokenAnalysis:
    """The shared-analysis form of a :class:`Token` (for documents read back from JSON, which have no table)."""
    start = token.start
    return TokenAnalysis(
        token.kind,
        tuple((c.start - start, c.end - start, c.form, c.role) for c in token.proclitics),
        (token.stem.start - start, token.stem.end - start) if token.stem is not None else None,
        (token.enclitic.start - start, token.enclitic.end - start, token.enclitic.form) if token.enclitic else None,
    )


def analyse_word(surface: str, analyser: CliticAnalyser) -> TokenAnalysis:
    """The clitic analysis of one Arabic surface word, mapped onto its characters.

    A split that would cut a ligature (ﷲ stands for four letters) is not made: pieces must tile the token.
    """
    key = fold(surface, LEXICON_FOLD)
    segmentation = analyser.analyse(key)
    if not segmentation.is_split:
        return _PLAIN[1]
    lengths = [len(c.written) for c in segmentation.proclitics] + [len(segmentation.stem)]
    if segmentation.enclitic is not None:
        lengths.append(len(segmentation.enclitic))
    bounds = []
    position = 0
    if key == surface:  # nothing folded: key offsets are surface offsets
        for length in lengths:
            bounds.append((position, position + length))
            position += length
        return _analysis(segmentation, bounds)
    view = normalise(surface, LEXICON_FOLD)
    for length in lengths:
        bounds.append(view.to_original(position, position + length))
        position += length
    # Marks and controls between letters belong to the piece before them, marks before the first letter to the
    # first piece; pieces that overlap cut a ligature.
    bounds[0] = (0, bounds[0][1])
    for i in range(len(bounds) - 1):
        if bounds[i][1] > bounds[i + 1][0]:
            return _PLAIN[1]
        bounds[i] = (bounds[i][0], bounds[i + 1][0])
    bounds[-1] = (bounds[-1][0], len(surface))
    if any(a >= b for a, b in bounds):
        return _PLAIN[1]
    return _analysis(segmentation, bounds)


def _analysis(segmentation: Segmentation, bounds: list[tuple[int, int]]) -> TokenAnalysis:
    count = len(segmentation.proclitics)
    proclitics = tuple(
        (a, b, clitic.form, clitic.role) for (a, b), clitic in zip(bounds, segmentation.proclitics, strict=False)
    )
    enclitic = None
    if segmentation.enclitic is not None:
        enclitic = (*bounds[-1], segmentation.enclitic)
    return TokenAnalysis("word", proclitics, bounds[count], enclitic)


_DEFAULT_ANALYSES: BoundedCache[str, TokenAnalysis] = BoundedCache(CACHE_LIMIT)


class Tokeniser:
    """Pipeline stage: sets the ``tokens`` layer."""

    name = "tokenise"
    requires: frozenset[str] = frozenset()
    provides = frozenset({"tokens"})

    def __init__(self, analyser: CliticAnalyser | None = None) -> None:
        self._analyser = analyser or default_analyser()
        # tokenisers of the default analyser (the stage's, the tagger's, the indexer's) share what they analysed
        self._cache = _DEFAULT_ANALYSES if analyser is None else BoundedCache[str, TokenAnalysis](CACHE_LIMIT)

    def analysis(self, surface: str) -> TokenAnalysis:
        cached = self._cache.get(surface)
        if cached is None:
            cached = self._cache[surface] = analyse_word(surface, self._analyser)
        return cached

    def tokenise(self, text: str) -> TokenTable:
        # Comprehensions over the match list run several times faster than one loop with appends.
        matches = list(TOKEN_PATTERN.finditer(text))
        cached = self._cache.get
        plain = _PLAIN
        analyses = [
            (cached(m.group()) or self.analysis(m.group())) if m.lastindex == 1 else plain[m.lastindex] for m in matches
        ]
        return TokenTable(text, [m.span() for m in matches], analyses)

    def __call__(self, doc: Document) -> Document:
        doc.set_layer("tokens", self.tokenise(doc.text), check=False)
        return doc
