"""Search terms: the key under which a word is indexed and looked up.

A word's term is its stem without clitics (و ف ب ل ك س ال, pronoun suffixes; see :mod:`khabar.text.clitics`),
folded with :data:`~khabar.text.normalise.MATCHING` (diacritics, tatweel, alef/hamza forms, ى, ة, Eastern
digits), lower-cased, and kept to letters and digits. So وللناتو, الناتو and ناتو are all ``ناتو``, and
حكومته (ة written ت before the suffix) is ``حكومه`` like حكومة. Numbers keep their decimal point and drop their
other separators (٤٬٠٠٠ and 4,000 are ``4000``). Punctuation is not indexed.

The same function makes the terms of stored articles and of queries, so both always agree; terms are computed
once per surface form and cached (news vocabulary is Zipfian).
"""

from __future__ import annotations

from collections.abc import Iterator

from khabar.caching import BoundedCache
from khabar.document import Document, TokenTable
from khabar.stages.tokenise import TokenAnalysis, Tokeniser
from khabar.text.normalise import MATCHING, fold

# Bump when term_of changes: a store indexed with other terms must be re-ingested.
TERMS_VERSION = "1"
CACHE_LIMIT = 500_000
_NUMBER_SEPARATORS = str.maketrans({",": "", ":": ".", "/": ".", "٬": "", "٫": "."})


def term_of(surface: str, analysis: TokenAnalysis) -> str:
    """The search term of one token (``surface``, analysed by the tokeniser); "" when it is not indexed."""
    kind = analysis.kind
    if kind == "punct":
        return ""
    piece = surface
    if analysis.stem is not None:
        start, end = analysis.stem
        piece = surface[start:end]
        if analysis.enclitic is not None and piece.endswith("ت"):
            piece = piece[:-1] + "ة"  # ة is written ت before a pronoun suffix: حكومته
    folded = fold(piece, MATCHING).lower()
    if kind == "number":
        folded = folded.translate(_NUMBER_SEPARATORS)
        return "".join(c for c in folded if c.isalnum() or c == ".").strip(".")
    return "".join(c for c in folded if c.isalnum())


def _pipeline_tokeniser() -> Tokeniser:
    """The default pipeline's tokeniser (its cache of analyses is warm), or a new one."""
    from khabar.pipeline import default_pipeline

    found = [stage for stage in default_pipeline().stages if isinstance(stage, Tokeniser)]
    return found[0] if found else Tokeniser()


class TermIndexer:
    """Terms of texts and documents, with a cache of the term of every surface form seen."""

    __slots__ = ("_cache", "_tokeniser")

    def __init__(self, tokeniser: Tokeniser | None = None) -> None:
        self._tokeniser = tokeniser or _pipeline_tokeniser()
        self._cache: BoundedCache[str, str] = BoundedCache(CACHE_LIMIT)

    def _tokens(self, doc: Document) -> TokenTable:
        tokens = doc.tokens
        return tokens if isinstance(tokens, TokenTable) else self._tokeniser.tokenise(doc.text)

    def _term(self, surface: str, analysis: TokenAnalysis) -> str:
        term = self._cache.get(surface)
        if term is None:
            term = self._cache[surface] = term_of(surface, analysis)
        return term

    def positions(self, text: str) -> Iterator[tuple[str, int, int]]:
        """``(term, start, end)`` of every indexed token of ``text``, in order."""
        table = self._tokeniser.tokenise(text)
        for (start, end), analysis in zip(table.spans, table.analyses, strict=True):
            term = self._term(text[start:end], analysis)
            if term:
                yield term, start, end

    def terms(self, text: str) -> list[str]:
        """The terms of ``text``, in order."""
        return [term for term, _, _ in self.positions(text)]

    def document_terms(self, doc: Document) -> list[str]:
        """The terms of ``doc``'s text, from its token layer when it has one (no second tokenisation)."""
        table = self._tokens(doc)
        text = doc.text
        surfaces = [text[start:end] for start, end in table.spans]
        cached = self._cache.get
        terms = [cached(surface) for surface in surfaces]
        if None in terms:
            terms = [
                self._term(surface, analysis) if term is None else term
                for term, surface, analysis in zip(terms, surfaces, table.analyses, strict=True)
            ]
        return [term for term in terms if term]  # type: ignore[misc]
