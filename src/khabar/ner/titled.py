"""A name between a speaker's title and what was said: قالت وزيرة السياحة التونسية سلمى اللومي "…".

News introduces a speaker by the verb, the office and the name, then the words (قال وزير الخارجية X إن …). The
tagger misses some of these names, above all those whose words are also common words once folded (سلمى reads as
سلمي "peaceful"). The position tells: after a verb of saying and a title (a title word, then only definite words,
words with ل and the bodies they name), the last words before a complementiser, a quotation mark or a colon, left
untagged, are the title holder's name when they may be words of a name: two or three, the first a given name
without the article (سلمى اللومي), or one that unlabeled news tags in person names; not the body after باسم
(المتحدث باسم الخارجية), nor words after a name the tagger found (ميشال عون المرأة).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from khabar.ner.speakers import CONTENT_MARKS

TITLE_WORDS = 6  # words of the title phrase, from the title word to the name
NAME_WORDS = 3  # words of the name


def tag_titled_speakers(
    keys: Sequence[Sequence[str]],
    surfaces: Sequence[Sequence[str]],
    labels: Sequence[Sequence[str]],
    *,
    speech_verbs: frozenset[str],
    complementisers: frozenset[str],
    titles: frozenset[str],
    name_word: Callable[[str, str], bool],
    given_name: Callable[[str], bool],
    person_word: Callable[[str], bool],
) -> list[list[str]]:
    """Labels of a document's sentences (token keys, texts and BIO labels per sentence) with the names between a
    speaker's title and the words said tagged as people. ``speech_verbs`` and ``complementisers`` are keys,
    ``titles`` the keys of title words."""
    result = [list(sentence) for sentence in labels]
    for sentence_keys, sentence_surfaces, sentence_labels in zip(keys, surfaces, result, strict=True):
        n = len(sentence_keys)
        for verb in [i for i, key in enumerate(sentence_keys[:-3]) if key in speech_verbs]:
            title = verb + 1
            if sentence_keys[title] not in titles or sentence_labels[title].endswith("PER"):
                continue
            opener = next(
                (
                    k
                    for k in range(title + 2, min(n, title + TITLE_WORDS + NAME_WORDS + 1))
                    if sentence_keys[k] in complementisers or sentence_surfaces[k] in CONTENT_MARKS
                ),
                None,
            )
            if opener is None:
                continue
            first = _name_start(sentence_keys, sentence_surfaces, sentence_labels, title, opener, name_word)
            if first is None:
                continue
            words = opener - first
            if (given_name if words > 1 else person_word)(sentence_keys[first]):
                sentence_labels[first:opener] = ["B-PER"] + ["I-PER"] * (words - 1)
    return result


def _name_start(
    keys: Sequence[str],
    surfaces: Sequence[str],
    labels: Sequence[str],
    title: int,
    opener: int,
    name_word: Callable[[str, str], bool],
) -> int | None:
    """Where the untagged name before ``opener`` starts: the first word without the article of the last words
    that may be words of a name (at most :data:`NAME_WORDS`), after the title word; None when those words are
    tagged, or a word between the title word and them is not a title's (a verb, a word with another preposition
    than ل)."""
    first = opener
    while first - 1 > title and opener - first < NAME_WORDS and labels[first - 1] == "O":
        if not name_word(surfaces[first - 1], keys[first - 1]):
            break
        first -= 1
    while first < opener and surfaces[first].startswith("ال"):
        first += 1  # the title's definite words (التونسية) before the name
    if first == opener or any(label != "O" for label in labels[first:opener]):
        return None
    if surfaces[first] == "باسم":
        return None  # المتحدث باسم الخارجية: the body the title speaks for
    for k in range(title + 1, first):  # the title: definite words, words with ل, باسم, the bodies they name
        if labels[k].endswith("PER") or not (
            surfaces[k].startswith(("ال", "ل")) or surfaces[k] == "باسم" or labels[k] != "O"
        ):
            return None
    return first
