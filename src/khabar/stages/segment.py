"""Paragraphs and sentences.

A paragraph ends at a line break. A sentence ends after ``.``, ``!``, ``?``, ``؟`` or ``۔`` (and any closing
quotation marks or brackets right after it) when white space or the end of the paragraph follows. Not an end:

- the Arabic comma and semicolon (، ؛), which join clauses of one sentence;
- an ellipsis (``...``, ``…``), which in Arabic news mostly trails a clause;
- a dot inside a number (3.5, 10.03.2021): it is not followed by white space;
- a dot after an abbreviation (د. أ.د. ق.م. U.S. Mr.) or after a single letter (an initial), when more
  text follows on the line;
- anything inside matched parentheses or brackets: ``(أ ف ب)``, ``(10 آذار 2021)``.

Sentences inside quotations are split like any other, so a quotation of several sentences spans several
sentences; its closing mark stays with the sentence it closes.

A stretch longer than :data:`MAX_SENTENCE_CHARS` with no sentence end (text that is not prose: a list, a dump, a
page without punctuation) is cut at the last space before each limit, so that the stages that read a sentence at a
time read a bounded one. Of the 340,000 sentences of the ANT corpora, the longest has 4,642 characters.
"""

from __future__ import annotations

import re

from khabar.document import Document, Sentence, Span

MAX_SENTENCE_CHARS = 5_000
_LINE = re.compile(r"[^\n\r\u2028\u2029\u0085]+")
_CLOSERS = "\"'”’»›)\\]}\u200e\u200f\u202c\u2069"
_TERMINAL = re.compile(rf"[.!?؟۔]+[{_CLOSERS}]*(?=\s|$)")
_WORD_BEFORE = re.compile(r"[^\s.()\[\]\"'«»“”]+$")
_BRACKETS = re.compile(r"[()\[\]]")
_OPENING = {"(": ")", "[": "]"}

# Abbreviations written with a final dot, compared without their dots: Arabic titles and era and unit
# abbreviations, and the Latin ones that appear inside Arabic news.
ABBREVIATIONS = frozenset(
    {
        "د",
        "أد",
        "ق",
        "قم",
        "م",
        "هـ",
        "ه",
        "ص",
        "ج",
        "ت",
        "ش",
        "ع",
        "إلخ",
        "الخ",
        "اهـ",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        "vs",
        "etc",
        "no",
        "us",
        "uk",
        "un",
        "eu",
        "inc",
        "ltd",
        "co",
        "corp",
        "gen",
        "col",
        "lt",
        "sgt",
        "rev",
        "fig",
        "ca",
        "eg",
        "ie",
        "al",
    }
)


def _protected_ranges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Ranges inside matched brackets of ``text[start:end]``; an unmatched bracket protects nothing."""
    ranges: list[tuple[int, int]] = []
    if "(" not in text[start:end] and "[" not in text[start:end]:
        return ranges
    stack: list[tuple[str, int]] = []
    for match in _BRACKETS.finditer(text, start, end):
        char = match.group()
        if char in _OPENING:
            stack.append((_OPENING[char], match.start()))
        elif stack and stack[-1][0] == char:
            _, opened = stack.pop()
            if not stack:
                ranges.append((opened, match.end()))
        else:
            stack.clear()
    return ranges


def _is_abbreviation(text: str, line_start: int, dot: int) -> bool:
    match = _WORD_BEFORE.search(text, max(line_start, dot - 12), dot)
    if match is None:
        return False
    word = match.group()
    key = word.replace(".", "").lower()
    return key in ABBREVIATIONS or (len(key) == 1 and key.isalpha()) or ("." in word and len(key) <= 4)


def _is_boundary(match: re.Match[str], text: str, line_start: int, line_end: int) -> bool:
    run = match.group().rstrip(_CLOSERS)
    if len(run) > 1 and run.count(".") == len(run):
        return False  # an ellipsis
    return not (match.end() < line_end and run == "." and _is_abbreviation(text, line_start, match.start()))


_RARE_BREAKS = re.compile(r"[\r\u2028\u2029\u0085]")


def _lines(text: str) -> list[tuple[int, str]]:
    """``(offset, line)`` for every line of ``text``."""
    if _RARE_BREAKS.search(text) is not None:
        return [(m.start(), m.group()) for m in _LINE.finditer(text)]
    lines = []
    offset = 0
    for line in text.split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    return lines


def _sentence(text: str, start: int, end: int) -> Sentence | None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return None
    start += len(chunk) - len(chunk.lstrip())
    return Sentence(start, start + len(stripped), stripped)


def segment(text: str) -> tuple[list[Span], list[Sentence]]:
    """Paragraphs and sentences of ``text``, as spans trimmed of white space; empty ones are skipped."""
    paragraphs: list[Span] = []
    sentences: list[Sentence] = []
    terminals = list(_TERMINAL.finditer(text))
    next_terminal = 0
    for offset, line in _lines(text):
        stripped = line.strip()
        if not stripped:
            continue
        start = offset + len(line) - len(line.lstrip())
        end = start + len(stripped)
        paragraphs.append(Span(start, end, stripped))
        ends: list[int] = []
        protected: list[tuple[int, int]] | None = None
        while next_terminal < len(terminals) and terminals[next_terminal].start() < end:
            match = terminals[next_terminal]
            next_terminal += 1
            if match.end() >= end or match.start() < start or not _is_boundary(match, text, start, end):
                continue
            if protected is None:
                protected = _protected_ranges(text, start, end)
            if not any(lo < match.start() < hi for lo, hi in protected):
                ends.append(match.end())
        if not ends:
            sentences.append(Sentence(start, end, stripped))
            continue
        ends.append(end)
        sentence_start = start
        for sentence_end in ends:
            sentence = _sentence(text, sentence_start, sentence_end)
            if sentence is not None:
                sentences.append(sentence)
            sentence_start = sentence_end
    return paragraphs, [piece for sentence in sentences for piece in _bounded(text, sentence)]


def _bounded(text: str, sentence: Sentence) -> list[Sentence]:
    """The sentence, or its pieces of at most :data:`MAX_SENTENCE_CHARS`, cut at the last space before each limit."""
    if sentence.end - sentence.start <= MAX_SENTENCE_CHARS:
        return [sentence]
    pieces = []
    start = sentence.start
    while sentence.end - start > MAX_SENTENCE_CHARS:
        cut = max(
            text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS),
            text.rfind("\t", start + 1, start + MAX_SENTENCE_CHARS),
        )
        if cut <= start:
            cut = start + MAX_SENTENCE_CHARS  # no space in it: a cut inside a word
        piece = _sentence(text, start, cut)
        if piece is not None:
            pieces.append(piece)
        start = cut
    last = _sentence(text, start, sentence.end)
    if last is not None:
        pieces.append(last)
    return pieces


class Segmenter:
    """Pipeline stage: sets the ``paragraphs`` and ``sentences`` layers."""

    name = "segment"
    requires: frozenset[str] = frozenset()
    provides = frozenset({"paragraphs", "sentences"})

    def __call__(self, doc: Document) -> Document:
        paragraphs, sentences = segment(doc.text)
        doc.set_layer("paragraphs", paragraphs, check=False)
        doc.set_layer("sentences", sentences, check=False)
        return doc
