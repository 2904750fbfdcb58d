"""Finding the sources an article cites: attribution phrases (وفقاً ل، بحسب، نقلاً عن، ذكرت وكالة) and the
dateline's agency."""

from __future__ import annotations

from khabar.document import Source, Span
from khabar.quotes.common import L_KEY


class SourceFinding:
    """The sources an article cites. A part of the article pass of
    :class:`khabar.quotes.finder.QuoteFinder`, which sets the token and mention lists its methods read."""

    def _sources(self) -> list[Source]:
        sources = list(self.dateline)
        starts = (self.lexicon.attribution_by_first, self.lexicon.agency_verbs)
        for i in [i for i, key in enumerate(self.keys) if key in starts[0] or key in starts[1]]:
            phrase_end = self._attribution_at(i)
            if phrase_end is None:
                continue
            source = self._cited(i, phrase_end, sources)
            if source is not None and all(s.start != source.start for s in sources):
                sources.append(source)
        return sorted(sources, key=lambda s: s.start)

    def _attribution_at(self, i: int) -> int | None:
        """The token after an attribution phrase starting at ``i`` (وفقاً ل، بحسب، نقلاً عن، ذكرت وكالة)."""
        for phrase in self.lexicon.attribution_by_first.get(self.keys[i], ()):
            if phrase[-1] == L_KEY:  # وفقا ل: the ل is written on the next word
                words = phrase[:-1]
                end = i + len(words)
                if tuple(self.keys[i:end]) == words and end < len(self.keys) and self.preps[end] == "ل":
                    return end
            elif tuple(self.keys[i : i + len(phrase)]) == phrase:
                return i + len(phrase)
        if self.keys[i] in self.lexicon.agency_verbs and i + 1 < len(self.keys):
            following = self._mentions_between(self.spans[i + 1][0], self.spans[min(i + 3, len(self.spans) - 1)][1])
            if following and following[0].type == "ORG":
                return i + 1
        return None

    def _cited(self, cue: int, first: int, earlier: list[Source]) -> Source | None:
        if first >= len(self.spans):
            return None
        sentence = self._sentence_at(self.spans[first][0])
        _, last = self._sentence_tokens(sentence)
        start = self.name_starts[first]
        named = self._mentions_between(start, self.spans[min(first + 4, last - 1)][1])
        if named:
            end, entity = named[0].end, named[0].entity
        else:
            j = first
            while j < min(first + 3, last) and self.keys[j][:1].isalnum():
                j += 1
            if j == first:
                return None
            end = self.spans[j - 1][1]
            # وفقاً للبيان: the statement cited before (وفقاً لبيان الخارجية العراقية)
            head = self.keys[first]
            entity = next((s.entity for s in reversed(earlier) if s.text and self._head(s) == head), None)
        cue_end = self.spans[first - 1][1]
        return Source(
            start,
            end,
            self.text[start:end],
            kind="attribution",
            entity=entity,
            cue=Span(self.spans[cue][0], cue_end, self.text[self.spans[cue][0] : cue_end]),
        )

    def _head(self, source: Source) -> str:
        return self.keys[self._token_at(source.start)]

    def _dateline(self) -> list[Source]:
        """An agency in brackets on the first line (بغداد - (أ ف ب)): the dateline's source."""
        head_end = min(len(self.text), 120)
        line_end = self.text.find("\n")
        if line_end != -1:
            head_end = min(head_end, line_end)
        opened = self.text.find("(", 0, head_end)
        closed = self.text.find(")", opened + 1, head_end) if opened != -1 else -1
        if opened == -1 or closed == -1 or closed - opened > 40:
            return []
        inner_start, inner_end = self._trim(opened + 1, closed)
        named = self._mentions_between(inner_start, inner_end)
        entity = named[0].entity if named else None
        words = self.text[inner_start:inner_end].split()
        if not named and not (1 <= len(words) <= 4 and all(len(w) <= 8 for w in words)):
            return []
        return [Source(inner_start, inner_end, self.text[inner_start:inner_end], kind="dateline", entity=entity)]
