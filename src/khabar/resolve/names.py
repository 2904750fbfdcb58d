"""Keys under which names are compared.

- :func:`word_key`: one word folded for matching (hamza, ى/ي, ة/ه, marks), without the article: الناتو, ناتو
  and للناتو's stem all give ناتو.
- :func:`phrase_key`: the words of a name (parted by spaces or hyphens), each by :func:`word_key`, joined by spaces.
- :func:`skeleton`: a word reduced to what survives the ways Arabic writes foreign names: alef after the first
  letter dropped, and in long words (:data:`LONG_NAME`) the other long vowels and hamza carriers too; g written
  غ ج ك or ق unified, تش (ch) kept as one sound. So ستولتنبرغ and ستولتنبيرغ, ينس and يانس, فرانسيس and فرنسيس
  have one skeleton, and حسين and حسن keep two.
"""

from __future__ import annotations

import re
from functools import lru_cache

from khabar.text.normalise import match_key

_PUNCTUATION = re.compile(r"[^\w\s]")
_WORD_BREAKS = re.compile(r"[\s\-‐]+")  # a hyphen parts the words of a name too: مون جيه-إن = مون جيه إن
_G_SOUNDS = str.maketrans({"غ": "G", "ج": "G", "ك": "G", "ق": "G"})
_WEAK = re.compile(r"[اويءؤئى]")
_HAMZA_ALEFS = ("إ", "أ", "آ")
# Long words are mostly transliterated foreign names, whose long vowels writers add or leave out; in shorter
# (mostly Arabic) names و and ي are letters of the name: حسين is not حسن. Alef is dropped everywhere: ينس = يانس.
LONG_NAME = 6
LOOSE_NAME = 5  # letters of a surname alone that may meet a longer spelling of it (إلوود، إيلوود)


@lru_cache(maxsize=1 << 17)
def word_key(word: str) -> str:
    key = match_key(_PUNCTUATION.sub("", word))
    if key.startswith("ال") and len(key) > 3:
        key = key[2:]
    return key


def phrase_key(text: str) -> str:
    return " ".join(k for k in (word_key(w) for w in _WORD_BREAKS.split(text)) if k)


def _name_key(word: str) -> str:
    """:func:`word_key`, but a name written with hamza keeps its letters: إلوود is no ال + وود (word_key strips it,
    so that ألمانيا and المانيا, written without hamza, meet)."""
    return match_key(_PUNCTUATION.sub("", word)) if word.startswith(_HAMZA_ALEFS) else word_key(word)


@lru_cache(maxsize=1 << 17)
def skeleton(word: str) -> str:
    key = _name_key(word)
    if not key:
        return ""
    long = len(key) >= LONG_NAME
    key = key.replace("تش", "C").replace("وو", "و").translate(_G_SOUNDS)  # داوود = داود
    if long:
        return key[0] + _WEAK.sub("", key[1:])
    return key[0] + key[1:].replace("ا", "")


def loose_skeleton(word: str) -> str | None:
    """The skeleton of a word of five letters or more with every long vowel left out, as :func:`skeleton` does for
    long words: إلوود meets إيلوود. None for shorter words, whose long vowels are letters of the name (حسين، حسن)."""
    bare = skeleton(word)
    if len(_name_key(word)) < LOOSE_NAME or not bare:
        return None
    return loosen(bare)


def loosen(skeleton_: str) -> str:
    """A skeleton with every long vowel after its first letter left out (جيسون، جايسن → جسن)."""
    return skeleton_[:1] + _WEAK.sub("", skeleton_[1:])


def phrase_skeleton(text: str) -> str:
    return " ".join(s for s in (skeleton(w) for w in text.split()) if s)
