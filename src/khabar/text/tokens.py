"""What rule-based stages read of a document's tokens: stem keys, clitics, and positions, per token.

:class:`TokenView` turns the token layer into parallel lists (``raw``, ``keys``, ``preps``, ``conj``, ``fut``,
``name_starts``) so that lexicon matching is list indexing; what depends on a token form alone is computed once
per form (:class:`FormCache`, one per stage instance).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from khabar.caching import BoundedCache
from khabar.document import Document
from khabar.resolve.names import skeleton, word_key
from khabar.stages.tokenise import TokenAnalysis, analysis_of

CACHE_LIMIT = 300_000
HYPHENS = ("-", "‐")


@dataclass(frozen=True, slots=True)
class Form:
    key: str  # word_key of the stem
    prep: str  # the preposition written on the token (لبيان → ل), else ""
    conj: bool  # starts with و or ف
    fut: bool  # carries the future س
    name_start: int  # offset in the token where a phrase starting with it starts: after و ب ل, at a written ال
    article: bool  # carries the definite article
    pronoun: bool  # carries a pronoun suffix (بزوجته، قوله)
    skeleton: str  # the stem's consonant skeleton (khabar.resolve.names.skeleton), for matching surnames


class FormCache:
    """Forms by surface, bounded."""

    def __init__(self) -> None:
        self._forms: BoundedCache[str, Form] = BoundedCache(CACHE_LIMIT)
        self.known = self._forms.get  # the form of a surface met before, else None

    def form(self, raw: str, analysis: TokenAnalysis) -> Form:
        cached = self._forms.get(raw)
        if cached is None:
            stem = raw[analysis.stem[0] : analysis.stem[1]] if analysis.stem is not None else raw
            roles = [role for *_, role in analysis.proclitics]
            start = analysis.stem[0] if analysis.stem is not None else 0
            for a, b, _, role in analysis.proclitics:
                if role == "det" and raw[a:b] == "ال":
                    start = a
            cached = self._forms[raw] = Form(
                key=word_key(stem),
                prep=next((form for _, _, form, role in analysis.proclitics if role == "prep"), ""),
                conj=raw == "و" or roles[:1] == ["conj"],
                fut="fut" in roles,
                name_start=start,
                article="det" in roles,
                pronoun=analysis.enclitic is not None,
                skeleton=skeleton(stem),
            )
        return cached


@lru_cache(maxsize=256)
def first_words(phrases: frozenset[tuple[str, ...]]) -> frozenset[str]:
    """The words phrases start with: most tokens start none, and are passed over at once."""
    return frozenset(phrase[0] for phrase in phrases if phrase)


_last: TokenView | None = None  # the latest view made by TokenView.of


class TokenView:
    """Parallel per-token lists of one document, and position lookups."""

    def __init__(self, doc: Document, forms: FormCache) -> None:
        self.doc = doc
        self.text = doc.text
        tokens = self.tokens = doc.tokens
        self.sentence_layer = doc.sentences
        self.spans = list(tokens.spans) if hasattr(tokens, "spans") else [(t.start, t.end) for t in tokens]
        analyses = tokens.analyses if hasattr(tokens, "analyses") else [analysis_of(t) for t in tokens]
        self.starts = [s for s, _ in self.spans]
        self.raw = [self.text[s:e] for s, e in self.spans]
        known = forms.known
        self.forms = [known(raw) or forms.form(raw, analysis) for raw, analysis in zip(self.raw, analyses, strict=True)]
        self.keys = [f.key for f in self.forms]
        self.preps = [f.prep for f in self.forms]
        self.conj = [f.conj for f in self.forms]
        self.name_starts = [s + f.name_start for (s, _), f in zip(self.spans, self.forms, strict=True)]
        self.sentences = list(doc.sentences)
        self.sentence_starts = [s.start for s in self.sentences]

    @classmethod
    def of(cls, doc: Document, forms: FormCache) -> TokenView:
        """The view of ``doc``, shared by the stages that read it one after the other (quotes, then events) as long
        as its tokens and sentences are the same objects (a stage that changes them makes the next one rebuild)."""
        global _last
        tokens, sentences = doc.tokens, doc.sentences
        cached = _last
        if cached is not None and cached.doc is doc and cached.tokens is tokens and cached.sentence_layer is sentences:
            return cached
        view = cls(doc, forms)
        _last = view
        return view

    def token_at(self, offset: int) -> int:
        """The token holding ``offset`` (or the last one before it)."""
        return max(bisect_left(self.starts, offset + 1) - 1, 0)

    def sentence_at(self, offset: int) -> int:
        return max(bisect_left(self.sentence_starts, offset + 1) - 1, 0)

    def sentence_tokens(self, sentence: int) -> tuple[int, int]:
        """``[first, last)`` token indices of a sentence."""
        span = self.sentences[sentence]
        return bisect_left(self.starts, span.start), bisect_left(self.starts, span.end)

    def hyphen_joins(self, i: int) -> bool:
        """Whether token ``i + 1`` is a hyphen written between tokens ``i`` and ``i + 2`` without spaces (the parts
        of one name: مون جيه-إن)."""
        return (
            i >= 0
            and i + 2 < len(self.spans)
            and self.raw[i + 1] in HYPHENS
            and self.spans[i + 1][0] == self.spans[i][1]
            and self.spans[i + 2][0] == self.spans[i + 1][1]
        )

    def phrase_at(self, i: int, phrases: frozenset[tuple[str, ...]], longest: int = 4) -> int:
        """The length of the longest phrase of ``phrases`` starting at token ``i`` (0 when none)."""
        if self.keys[i] not in first_words(phrases):
            return 0
        for length in range(min(longest, len(self.keys) - i), 0, -1):
            if tuple(self.keys[i : i + length]) in phrases:
                return length
        return 0
