"""Finding statements, their cues and their speakers, and the sources an article cites.

Direct quotes are the text between quotation marks (“ ” « » „ “ and straight double quotes, which alternate),
outermost marks only, never past the end of their paragraph: an unclosed mark quotes to the paragraph's end. A
quoted stretch counts as a statement when it is long (six words or more) or a speech word stands before it in its
sentence (a partial quote, even of one word: معتبرا أن مصيرها "الزوال"); short quoted names are not statements: one
mention covers them, or a noun that names them stands before the mark (ائتلاف "الفتح"، برنامج "ذا فويس").

Indirect quotes start at a speech verb or participle (قال، أكد، أشار، مبيناً …, with their clitics: وأضاف) and
run from after its complementiser (أن، إن، بأن) or its preposition (دعا إلى، شدد على، أعرب عن، حذر من) to the end
of the sentence, or to the next ``، وأضاف`` / ``، مبيناً`` that opens another statement. Cues whose content may be an
object start it at their own preposition (تعهدت الشركات بتحسين …، حث الأوروبيين على …، اتهمت إسرائيل حماس بلعب …)
or, for a direct object, right after the subject (نفت روسيا أي علاقة …، أعلن وزير الدفاع، ليبرمان، الجمعة، وقفا …);
not after ما (وفقا لما أعلنته الوزارة: what was said stands before). A speech word followed, in its sentence, by a
quotation mark introduces that direct quote instead.

The speaker is the name or title after the verb (أكد قائد بعثة الناتو، أن …) or, when none, before it in the
same sentence (الأمين العام لحلف الناتو، أكد أن …); titles and الجانبان are resolved by the resolve stage. A verb
with no subject of its own (وقال "…", وأضاف أن …) continues the previous statement's speaker when that statement
is at most two sentences back, or, opening its sentence with no statement before, the one person the sentence
before names. A title alone as the subject (وشدد وزير الخارجية الفرنسي، ولفت الوزير) is the person the article named
with that title; a statement's issuer may follow it with ل (بيان للبرلمان اليمني); an agency's على لسان X cites X.
Otherwise the speaker stays unknown: never a guess.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import cache

from khabar.caching import BoundedCache
from khabar.document import Document, Mention, Quote, Source, Span
from khabar.quotes.lexicon import SpeechLexicon, speech_lexicon
from khabar.resolve.kb import knowledge_base
from khabar.resolve.names import word_key
from khabar.resources import data_path
from khabar.text.tokens import FormCache, TokenView

OPENERS = {"“": "”", "«": "»", "„": "“", '"': '"'}
CLOSERS = frozenset('”»"')
QUOTATION_MARKS = re.compile("[" + re.escape("".join(sorted(set(OPENERS) | CLOSERS))) + "]")
LONG_QUOTE_WORDS = 6
MIN_INDIRECT_TOKENS = 2
SUBJECT_WINDOW = 20
CUELESS_WINDOW = 8
CUE_CACHE_LIMIT = 300_000
SUBJECT_GAP = 3
GAP_WORDS = frozenset(word_key(w) for w in ("قد", "كان", "كانت", "ثم", "بدوره", "بدورها"))
CARRY_SENTENCES = 2
PREPOSITION_WORDS = frozenset(word_key(w) for w in ("في", "من", "إلى", "على", "عن", "مع", "لدى", "عند", "لسان"))
L_KEY = word_key("ل")
TITLE_WORDS = 5  # a person's name this close after a title word is the title's holder
OBJECT_WINDOW = 8  # tokens after a subject where a cue's content preposition (تعهد بـ، حث على) is looked for
WHAT_WORDS = frozenset(word_key(w) for w in ("ما", "لما", "حسبما", "بما", "مما"))
CLAUSE_ENDS = frozenset({".", "؛", ";", "!", "؟", "?"})
WITHOUT_KEY, FROM_KEY = word_key("دون"), word_key("من")
EXTENT_KEY, WHILE_KEY = word_key("حد"), word_key("فيما")
SAYING_KEYS = frozenset(word_key(w) for w in ("قول", "قوله", "قولها", "قولهم"))
NEGATIONS = frozenset(word_key(w) for w in ("لم", "لا", "لن"))
DETAIL_VERBS = frozenset(
    word_key(w) for w in ("يقدم", "تقدم", "يذكر", "تذكر", "يوضح", "توضح", "يحدد", "تحدد", "يكشف", "تكشف", "يعط", "تعط")
)
WHETHER_VERBS = frozenset(word_key(w) for w in ("كان", "كانت", "كانوا"))
IN_IT = frozenset({"فيه", "فيها", "فيهم", "فيهما"})
SUBJECT_FILLERS = frozenset(word_key(w) for w in ("أيضا", "كذلك", "بدوره", "بدورها", "مجددا", "اليوم", "أمس"))
ISSUER_SENTENCES = 3  # how far back the statement a cue's subject (البيان) refers to may be
ISSUER_GAP = 3
DESCRIBING_WORDS = 2  # definite adjectives after a cited name (الرسمية، الحكومية) before the one it quotes
CITED_WINDOW = 5  # tokens after an attribution phrase where the cited name starts (وفقا لما أعلنه مكتب …)
ABOUT_KEY = word_key("عن")
NAMED_PLACE_WORDS = 5  # words of a name between a preposition and a complementiser (على "تويتر" إن)
# nouns of speech whose agent follows them (تحذير الأخير بأن، مطالبات ترامب بـ"…")
SPEECH_NOUNS = (
    "تحذير",
    "تحذيرات",
    "تأكيد",
    "تصريح",
    "تصريحات",
    "مطالبة",
    "مطالبات",
    "دعوة",
    "دعوات",
    "اتهام",
    "اتهامات",
    "وصف",
    "نفي",
    "إعلان",
)
SPEECH_NOUN_KEYS = frozenset(word_key(w) for w in SPEECH_NOUNS)

ON_KEY, TONGUE_KEY = word_key("على"), word_key("لسان")
RELATIVES = frozenset(word_key(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي"))
HASHTAG_MARKS = frozenset({"#", '"', "«", "“"})  # أعلنت #الصين: still the verb's next word
PREPOSITIONS = frozenset(word_key(w) for w in ("إلى", "على", "عن", "من"))
ADDRESS_WORDS = frozenset(word_key(w) for w in ("ل", "لـ", "إلى", "عبر", "مع", "مخاطبا", "مخاطبة", "مخاطبين"))
MAX_CONTENT_TOKENS = 250  # a reported clause ends here at the latest (a text without punctuation stays linear)
TITLE_HOLDER_LOOKBACK = 100  # people named with a title before a statement that are looked at, newest
TITLE_HOLDER_WINDOW = 10  # tokens from a title word to the name it introduces (المتحدث باسم حاكم ولاية نانغرهار X)
SPEAKER_TYPES = ("PER", "ORG", "LOC")  # أعلنت كوريا الشمالية: a country speaks through its government
# words after the subject's first name that put the names after them outside the subject (قالت الوزارة قبل قرار ترامب)
BARRIER_WORDS = PREPOSITION_WORDS | frozenset(
    word_key(w) for w in ("قبل", "بعد", "خلال", "عقب", "إثر", "أثناء", "أمام", "حول", "بشأن", "ضد", "بين", "منذ")
)
TO_KEY = word_key("إلى")
OWN_WORDS = 4  # words of a reported clause before a quotation in it that make it a statement of its own
BUT_KEY = word_key("لكن")
BEFORE_AFTER = frozenset(word_key(w) for w in ("قبل", "بعد", "بعدما", "قبلما"))
THAT_KEY = word_key("أن")
AMONG_KEY = word_key("بين")
MEDIUM_PREPOSITIONS = frozenset(word_key(w) for w in ("على", "في", "عبر"))
MEDIUM_NOUNS = frozenset(word_key(w) for w in ("موقع", "حساب", "حسابه", "حسابها", "منصة", "صفحة", "صفحته", "صفحتها"))
THAT_ONE_KEY = word_key("ذلك")  # …، وذلك حسبما ذكرت مصادر
CLAUSE_JOINERS = frozenset(word_key(w) for w in ("فيما", "بينما"))
EXAMPLE_WORDS = frozenset(word_key(w) for w in ("مثل", "أمثال", "منها", "منهم", "بينها", "بينهم"))


@dataclass
class _Statement:
    start: int
    end: int
    kind: str
    cue: int | None  # token index of the cue
    sentence: int
    speaker: Mention | None = None
    carried: bool = False
    joint: tuple[str, ...] = ()  # entity ids of every speaker of a joint statement
    subject_end: int | None = None  # where the cue's subject ends, when the content is its object (اتهمت X Y بـ…)
    attributed: bool = False  # the clause before an attribution with a speech verb (…، بحسب ما أعلنه X)


@cache
def person_title_keys() -> frozenset[str]:
    """Stem keys of the titles that name a person's office (وزير، المتحدث، الرئيسة، مستشار …): the first words of
    the knowledge base's offices that the NER triggers list as person titles, with their feminine forms."""
    with data_path("lexicons/ner_triggers.json").open(encoding="utf-8") as handle:
        titles = {word_key(w) for w in json.load(handle)["person_titles"]}
    return frozenset(
        k for k in knowledge_base().office_first_words if k in titles or (k.endswith("ه") and k[:-1] in titles)
    )


class QuoteFinder:
    """Sets a document's ``quotes`` and ``sources`` layers; needs tokens, sentences, paragraphs and mentions."""

    def __init__(self, lexicon: SpeechLexicon | None = None) -> None:
        self.lexicon = lexicon or speech_lexicon()
        self.forms = FormCache()
        self._cue_keys: BoundedCache[str, bool] = BoundedCache(CUE_CACHE_LIMIT)
        self.person_titles = person_title_keys()

    def __call__(self, doc: Document) -> None:
        _Article(doc, self).run()

    def is_cue_key(self, key: str) -> bool:
        """Whether a token with this stem key is a speech verb or participle (cached per key)."""
        known = self._cue_keys.get(key)
        if known is None:
            words = (self.lexicon.verbs, self.lexicon.participles)
            # a conjunction the clitic analyser left on a verb it finds rare with it (وأشار)
            known = self._cue_keys[key] = any(key in w for w in words) or (
                key[:1] in ("و", "ف") and any(key[1:] in w for w in words)
            )
        return known


class _Article:
    def __init__(self, doc: Document, finder: QuoteFinder) -> None:
        self.doc = doc
        self.text = doc.text
        self.lexicon = finder.lexicon
        view = self.view = TokenView.of(doc, finder.forms)
        self.spans, self.starts, self.raw, self.keys = view.spans, view.starts, view.raw, view.keys
        self.preps, self.conj, self.name_starts = view.preps, view.conj, view.name_starts
        self.sentences = view.sentences
        self.sentence_starts = view.sentence_starts
        # ب and ك go before nouns, never a verb: بالرد، برأيها, and بحثت is not ب + حثت "urged"
        self.cues = [
            finder.is_cue_key(key) and not self._between(i) and self.preps[i] not in ("ب", "ك")
            for i, key in enumerate(self.keys)
        ]
        self.mentions = sorted(doc.mentions, key=lambda m: m.start)
        self.mention_starts = [m.start for m in self.mentions]
        self.office_words = knowledge_base().office_first_words
        self.person_titles = finder.person_titles
        self._titled: dict[str, tuple[list[int], list[tuple[Mention, list[int], int]]]] | None = None
        self.time_tokens = {i for t in doc.times for i in range(view.token_at(t.start), view.token_at(t.end - 1) + 1)}
        self._issuers: dict[str, tuple[list[int], list[tuple[int, Mention] | None], list[Mention | None]]] = {}
        self.dateline = self._dateline()  # دبي، الإمارات (CNN) –: no subject of the sentence it opens
        self.dateline_end = self.dateline[0].end + 1 if self.dateline else 0

    # --- positions

    def _between(self, i: int) -> bool:
        """بين "between" (اشتباكات بين القوات، من بينها), not the verb بيّن "showed": the bare form is a verb only with
        و or ف on it, after كما, or opening its sentence."""
        if self.keys[i] != AMONG_KEY or self.conj[i] or self.raw[i][:1] in ("و", "ف"):
            return False
        if i == 0 or self.raw[i - 1] in CLAUSE_ENDS or self.raw[i - 1] == "\n":
            return False
        return self.raw[i - 1] != "كما"

    def _is_participle(self, i: int) -> bool:
        key = self.keys[i]
        participles = self.lexicon.participles
        return key in participles or (key[:1] in ("و", "ف") and key[1:] in participles)

    def _sentence_at(self, offset: int) -> int:
        return self.view.sentence_at(offset)

    def _token_at(self, offset: int) -> int:
        return self.view.token_at(offset)

    def _sentence_tokens(self, sentence: int) -> tuple[int, int]:
        return self.view.sentence_tokens(sentence)

    def _mentions_between(self, start: int, end: int) -> list[Mention]:
        first, last = bisect_left(self.mention_starts, start), bisect_left(self.mention_starts, end)
        return [m for m in self.mentions[first:last] if m.end <= end]

    def _joined(self, i: int) -> bool:
        """Whether the word at ``i`` carries و or ف (also when the clitic analyser left it on: وقالت)."""
        return self.conj[i] or (self.keys[i][:1] in ("و", "ف") and self._is_cue(i) and not self._bare_cue(i))

    def _bare_cue(self, i: int) -> bool:
        key = self.keys[i]
        return key in self.lexicon.verbs or key in self.lexicon.participles

    def _mentions_starting(self, start: int, end: int) -> list[Mention]:
        first, last = bisect_left(self.mention_starts, start), bisect_left(self.mention_starts, end)
        return self.mentions[first:last]

    def _is_cue(self, i: int) -> bool:
        return self.cues[i]

    # --- direct quotes

    def _quoted(self) -> list[tuple[int, int]]:
        """Inner spans of the outermost quotation marks, paragraph by paragraph."""
        found = []
        for paragraph in self.doc.paragraphs or [Span(0, len(self.text), self.text)]:
            stack: list[tuple[str, int]] = []
            for mark in QUOTATION_MARKS.finditer(self.text, paragraph.start, paragraph.end):
                char, offset = mark.group(), mark.start()
                if char == '"' and not stack and self._stray_closing(offset, paragraph.end):
                    continue  # ورادارات" في قاعدة "الشعيرات": a stray closing mark opens nothing
                if char == '"' and stack and stack[-1][0] == '"':
                    opened = stack.pop()[1]
                    if not stack:
                        found.append((opened + 1, offset))
                elif char in OPENERS and (char != "“" or not stack or stack[-1][0] != "„"):
                    stack.append((OPENERS[char], offset))
                elif char in CLOSERS and stack and stack[-1][0] == char:
                    opened = stack.pop()[1]
                    if not stack:
                        found.append((opened + 1, offset))
            if stack:  # an unclosed mark quotes to the end of its paragraph
                found.append((stack[0][1] + 1, paragraph.end))
        return [self._trim(a, b) for a, b in found if self.text[a:b].strip()]

    def _stray_closing(self, offset: int, end: int) -> bool:
        """Whether the straight quotation mark at ``offset``, with no quotation open, closes nothing: it is written
        as a closing mark and the next one in its paragraph as an opening one (or there is none); not وإن" تشديدات …
        الحشود", where a mark written on the word before it still opens the quotation the next one closes."""
        if not self._closing_shape(offset):
            return False
        following = self.text.find('"', offset + 1, end)
        return following == -1 or not self._closing_shape(following)

    def _closing_shape(self, offset: int) -> bool:
        """Whether the straight quotation mark at ``offset`` is written as a closing one: on the word before it, with
        a space, a punctuation mark or the end of the text after it."""
        before = self.text[offset - 1] if offset > 0 else " "
        after = self.text[offset + 1] if offset + 1 < len(self.text) else " "
        return before.isalnum() and not after.isalnum()

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and (self.text[end - 1].isspace() or self.text[end - 1] in '”»"“«'):
            end -= 1
        return start, end

    # --- statements

    def run(self) -> None:
        if not self.spans:
            self.doc.set_layer("quotes", [])
            self.doc.set_layer("sources", self._sources())
            return
        statements = self._direct() + self._indirect()
        statements += self._attributed(statements)
        statements.sort(key=lambda s: s.start)
        self._speakers(statements)
        self.doc.set_layer("quotes", [self._quote(n, s) for n, s in enumerate(statements, start=1)])
        self.doc.set_layer("sources", self._sources())

    def _cue_before(self, offset: int) -> int | None:
        """The speech word of the quotation starting at ``offset``: the last one before it in its sentence."""
        sentence = self._sentence_at(offset)
        first, _ = self._sentence_tokens(sentence)
        for i in range(self._token_at(offset) - 1, first - 1, -1):
            if self.spans[i][1] <= offset and self._is_cue(i) and not (i > first and self.keys[i - 1] in RELATIVES
                                                                        and not self._named_next(i)):  # fmt: skip
                # not a verb of a relative clause (ماري التي كتبت القواعد …): its subject is not the speaker, unless
                # it has a subject of its own (بالاتفاقات التي وصف رئيس الوزراء نتنياهو توقيعها بأنه "…")
                if self._attribution_verb(i):
                    continue  # وقالت الخارجية …، وفق ما نقلت وكالة الأنباء، "…": the agency only relays
                return i
        return None

    def _attribution_verb(self, i: int) -> bool:
        """Whether the verb at ``i`` ends an attribution phrase (وفق ما نقلت، حسبما ذكرت، بحسب ما أعلنه)."""
        for j in (i - 1, i - 2, i - 3):
            if j < 0:
                continue
            end = self._attribution_at(j)
            if end == i or (end == i - 1 and self.keys[i - 1] in WHAT_WORDS):
                return True
        return False

    def _named_next(self, i: int) -> bool:
        """Whether a title or a person or organisation's name follows token ``i`` (its subject)."""
        k = i + 1
        if k >= len(self.keys):
            return False
        mention = self._mention_of_token(k)
        return self.keys[k] in self.person_titles or (mention is not None and mention.type in ("PER", "ORG"))

    def _barrier(self, k: int) -> bool:
        """A preposition, or a word that ends the names of a subject (قبل، بعد …)."""
        return self.keys[k] in BARRIER_WORDS or bool(self.preps[k]) or self.raw[k] in CLAUSE_ENDS

    def _cue_left_open(self, offset: int) -> int | None:
        """The speech verb of the sentence before a quotation that opens its own sentence, when that verb's sentence
        ends with no words of its own said (وأضافت لدى سؤالها إذا كانت ستطيع أوامر الرئيس؟ "…")."""
        sentence = self._sentence_at(offset)
        first, _ = self._sentence_tokens(sentence)
        if sentence == 0 or any(self.raw[i] not in OPENERS for i in range(first, self._token_at(offset))):
            return None
        before, end = self._sentence_tokens(sentence - 1)
        if end - before < 2 or self.raw[end - 1] not in ("؟", "?", ":"):
            return None
        for i in range(end - 1, before - 1, -1):
            if self._complementiser_at(i) or self.raw[i] in OPENERS:
                return None  # the verb's words are there
            if self._is_cue(i) and not self._is_participle(i):
                return i
        return None

    def _direct(self) -> list[_Statement]:
        statements = []
        self.quoted = self._quoted()
        for start, end in self.quoted:
            words = len(self.text[start:end].split())
            cue, subject_end, sentence = self._cue_before(start), None, self._sentence_at(start)
            if cue is None:
                cue = self._cue_left_open(start)
                if cue is not None:  # the verb's sentence is the statement's; its subject is before what that
                    sentence = self._sentence_at(self.spans[cue][0])  # sentence goes on with (لدى سؤالها …)
                    k = next((k for k in range(cue + 1, self._token_at(start)) if self._barrier(k)), cue + 1)
                    subject_end = self.spans[k][0]
            if words >= LONG_QUOTE_WORDS or (cue is not None and not self._quoted_name(start, end)):
                statements.append(_Statement(start, end, "direct", cue, sentence, subject_end=subject_end))
        self.direct_cues = {s.cue for s in statements if s.cue is not None}
        return statements

    def _quoted_name(self, start: int, end: int) -> bool:
        """Whether short quoted words are a name rather than a partial quote: a noun that names them stands just
        before the mark (ائتلاف "الفتح"، وكالة أنباء "تسنيم") or one mention covers them."""
        i = self._token_at(start) - 1
        while i >= 0 and self.raw[i] in OPENERS:
            i -= 1
        if i >= 0 and self.keys[i] in self.lexicon.naming_nouns:
            return True
        mention = self._mention_of_token(self._token_at(start))  # موقع التواصل الاجتماعي "الفايسبوك": one name
        return mention is not None and mention.start <= start and end <= mention.end

    def _inside_quote(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self.quoted)

    def _indirect(self) -> list[_Statement]:
        statements = []
        for sentence in range(len(self.sentences)):
            first, last = self._sentence_tokens(sentence)
            i = first
            while i < last:
                if not self._is_cue(i) or self._inside_quote(self.spans[i][0]):
                    i += 1
                    continue
                statement = self._content_after(i, last, sentence)
                if statement is not None and (i not in self.direct_cues or self._own_words(statement)):
                    statements.append(statement)
                i += 1
        return statements

    def _content_after(self, cue: int, last: int, sentence: int) -> _Statement | None:
        """The reported clause of the speech word at ``cue`` (None when there is none)."""
        begin = None
        preposition = self._content_preposition(cue)
        # where the subject ends, for the cues whose content may be an object (read once: it takes a scan)
        after, named = self._after_subject(cue, last) if preposition is not None else (last, False)
        object_begin, at_preposition = self._object_start(after, last, preposition)
        scan_end = min(cue + 1 + SUBJECT_WINDOW, last)
        # a cue with a direct object takes a preposition only right after its subject (أكد الوزير على …), not in its
        # object (نفت روسيا أي علاقة لها بالهجوم على المطار)
        object_limit = after if preposition == "" else last
        if at_preposition and object_begin is not None:  # اتهمت إسرائيل حماس بلعب دور …، كما … بأنهم: the
            scan_end = min(scan_end, object_begin)  # content preposition comes before a later complementiser
        for j in range(cue + 1, scan_end):
            if self._inside_quote(self.spans[j][0]) or self.raw[j] in OPENERS:
                return None  # a quotation follows: it is the statement (direct), not a paraphrase
            if self._complementiser_at(j):
                begin = j + 1
                break
            if self._preposition_at(j) and not self._is_participle(cue) and (preposition != "" or j <= object_limit):
                begin = self._after_named_place(j, scan_end) or j + 1
                if begin < last and self.keys[begin] in self.lexicon.complementisers:  # أشار إلى أن
                    begin += 1
                break
            if j > cue + 1 and self._is_cue(j):
                break  # another speech word first: only an object may be this cue's content
        subject_end = None
        if begin is None and object_begin is not None:
            begin = object_begin
            if named:  # اتهمت إسرائيل حماس بـ…: the subject is the first name; the second is the object
                subject_end = self.spans[after - 1][1]
        if begin is None:
            return None
        end = min(last, begin + MAX_CONTENT_TOKENS)
        for j in range(begin + 1, end):
            after_comma = self.raw[j - 1] in ("،", ",")
            starts_statement = self._is_cue(j) and (after_comma or self._is_participle(j))
            attribution = after_comma and self._attribution_at(j) is not None  # …، بحسب مصدر أمني
            aside = after_comma and self._reporter_aside(j)  # …، دون توضيح إن كان: the reporter's own words
            if starts_statement or attribution or aside or self._quotation_ends_clause(j):
                end = j
                break
            if self._is_cue(j) and j - 2 > begin and self.raw[j - 2] in ("،", ",") and self._but_it(j - 1):
                end = j - 1  # …، لكنها أشارت إلى: a new statement of the same subject
                break
        while end > begin and not self.keys[end - 1][:1].isalnum():
            end -= 1
        if end - begin < MIN_INDIRECT_TOKENS:
            return None
        start = self.spans[begin][0]
        return _Statement(start, self.spans[end - 1][1], "indirect", cue, sentence, subject_end=subject_end)

    def _attributed(self, statements: list[_Statement]) -> list[_Statement]:
        """Clauses that an attribution with a speech verb after them reports (منعت الحكومة القطرية التجار …، وفقا لما
        أعلنه مكتب الاتصال الحكومي؛ … وذلك حسبما ذكرت مصادر قضائية): from the clause's start (after an opening
        phrase set off by a comma, after فيما) to the attribution; none where another statement covers them."""
        found: list[_Statement] = []
        taken = [(s.start, s.end, s.kind) for s in statements]
        firsts = self.lexicon.attribution_by_first
        done_sentence = -1
        for i in [i for i, key in enumerate(self.keys) if key in firsts]:
            sentence = self._sentence_at(self.spans[i][0])
            first, last = self._sentence_tokens(sentence)
            if sentence == done_sentence or i < first + MIN_INDIRECT_TOKENS or i >= last - 1:
                continue
            phrase_end = self._attribution_at(i)
            if phrase_end is None or phrase_end >= last:
                continue
            cue = phrase_end + 1 if self.keys[phrase_end] in WHAT_WORDS else phrase_end
            if cue >= last or not self._is_cue(cue) or self._is_participle(cue):
                continue
            if self.keys[cue - 1] not in WHAT_WORDS or self.conj[i]:
                continue  # بحسب مصدر: a source, not a statement; ووفق ما قاله X فإن …: it opens what follows
            clause_end = next((k for k in range(cue + 1, last) if self.raw[k] in ("،", ",")), last)
            if any(self.keys[k] in self.lexicon.complementisers for k in range(cue + 1, clause_end)):
                continue  # حسب ما أفاد X بأن …: the words follow
            end = i
            while end > first and (self.raw[end - 1] in ("،", ",") or self.keys[end - 1] == THAT_ONE_KEY):
                end -= 1
            begin = self._clause_start(first, end)
            if end - begin < MIN_INDIRECT_TOKENS or self._is_cue(begin):
                continue  # وأورد المحامي …، وفق ما ذكر: a statement opened by its own speech verb
            start, stop = self.spans[begin][0], self.spans[end - 1][1]
            # another statement there, but a partial quote inside the clause (لـ"حماية المستهلك"، وفقا لما أعلنه)
            if any(a < stop and start < b and not (k == "direct" and start < a and b <= stop) for a, b, k in taken):
                continue
            found.append(_Statement(start, stop, "indirect", cue, sentence, attributed=True))
            done_sentence = sentence  # one clause per sentence
        return found

    def _clause_start(self, first: int, end: int) -> int:
        """The first token of the clause that ends before token ``end``: its sentence's first, past the dateline,
        an opening phrase set off by a comma (وفي وقت سابق الجمعة، …) and a clause-joining فيما / بينما."""
        begin = first
        if self.dateline and first == 0:
            after = bisect_left(self.starts, self.dateline[0].end)
            while after < end and not self.keys[after][:1].isalnum():
                after += 1
            begin = max(begin, after)
        if self.preps[begin] or self.keys[begin] in BARRIER_WORDS or begin in self.time_tokens:
            comma = next((k for k in range(begin, end) if self.raw[k] in ("،", ",")), None)
            if comma is not None:
                begin = comma + 1
        for k in range(end - 1, begin - 1, -1):
            if self.keys[k] in CLAUSE_JOINERS:
                return k + 1
        return begin

    def _quotation_ends_clause(self, j: int) -> bool:
        """A quotation mark at ``j`` ends a reported clause when a punctuation mark stands before it (…، "…") or
        it opens a long quotation; a short one inside the clause (أن جماعة "حزب الله" اللبنانية …، وإن أمريكا "على
        حافة الانهيار") is part of what was reported."""
        if self.raw[j] not in OPENERS:
            return False
        start, end = self.spans[j]
        if any(b <= start and not self.text[b:start].strip() for _, b in self.quoted):
            return False  # the closing mark of a quotation inside the clause
        if not self.keys[j - 1][:1].isalnum():
            return True
        inner = next(((a, b) for a, b in self.quoted if a >= end and not self.text[end:a].strip()), None)
        return inner is None or len(self.text[inner[0] : inner[1]].split()) >= LONG_QUOTE_WORDS

    def _own_words(self, statement: _Statement) -> bool:
        """Whether a reported clause has words of its own before the quotation its cue introduces (تعهد بإنهاء
        الأعمال العدائية … والعمل نحو "نزع السلاح"): then it is a statement as well as the quotation."""
        first = self._token_at(statement.start)
        own = 0
        for j in range(first, self._token_at(statement.end - 1) + 1):
            if self.raw[j] in OPENERS or self._inside_quote(self.spans[j][0]):
                break
            own += self.keys[j][:1].isalnum()
        return own >= OWN_WORDS

    def _content_preposition(self, cue: int) -> str | None:
        """The preposition that opens the content of the cue when no complementiser does ("" for a direct object),
        or None for a cue whose content is always a clause."""
        if self.preps[cue]:
            return None  # للمطالبة بـ: a noun of purpose, not a statement
        if cue > 0 and self.keys[cue - 1] in WHAT_WORDS:
            return None  # وفقا لما أعلنته الوزارة، ما نفته الإمارات: what was said stands before
        key = self.keys[cue]
        preposition = self.lexicon.content_prepositions.get(key)
        if preposition is None and key[:1] in ("و", "ف"):
            preposition = self.lexicon.content_prepositions.get(key[1:])
        return preposition

    def _object_start(self, begin: int, last: int, preposition: str | None) -> tuple[int | None, bool]:
        """Where the content of a cue whose content may be an object starts (its subject ending before ``begin``),
        and whether at its preposition: there (تعهدت الشركات بتحسين …، حث الأوروبيين على …), else right after the
        subject (نفت روسيا أي علاقة …، أعلن وزير الدفاع، أفيغدور ليبرمان، الجمعة، وقفا …). None for other cues."""
        if preposition is None:
            return None, False
        if preposition:
            for j in range(begin, min(begin + OBJECT_WINDOW, last)):
                if self.raw[j] in CLAUSE_ENDS:
                    break
                if self.preps[j] == preposition:
                    return j, True  # بتحسين: the content starts with the preposition written on it
                if self.keys[j] == preposition:
                    return j + 1, True
        return (begin if begin < last and self.keys[begin][:1].isalnum() else None), False

    def _after_subject(self, cue: int, last: int) -> tuple[int, bool]:
        """The first token after a verb's subject (its title, its name, the names set beside it by a comma or و, and
        the time words news puts in between: أعلن وزير الدفاع الإسرائيلي، أفيغدور ليبرمان، الجمعة، …; أكد X، ووزير
        خارجية العراق فؤاد حسين، على …), and whether a name was that subject."""
        j, subject, named = cue + 1, self._plural_verb(cue), False
        while j < last:
            if self.raw[j] in (",", "،") or j in self.time_tokens or self.keys[j] in SUBJECT_FILLERS or self._in_it(j):
                j += 1
                continue
            open_slot = not subject or self.raw[j - 1] in (",", "،") or self.conj[j]
            mention = self._mention_of_token(j)
            if mention is not None and open_slot:
                j, subject, named = self._token_at(mention.end - 1) + 1, True, True
                continue
            if not open_slot or self.keys[j] not in self.office_words:
                break
            j, subject = self._after_title(j, last), True
        return j, named

    def _after_title(self, j: int, last: int) -> int:
        """The token after the title starting at ``j``: its name when one follows closely (وزير خارجية العراق فؤاد
        حسين), else its definite words (المسؤول الأممي)."""
        for k in range(j + 1, min(j + 1 + TITLE_WORDS, last)):
            if self.raw[k] in CLAUSE_ENDS:
                break
            mention = self._mention_of_token(k)
            if mention is not None and mention.type == "PER":
                return self._token_at(mention.end - 1) + 1
        j += 1
        while j < last and (self._mention_of_token(j) or self._definite(j)):
            j += 1
        return j

    def _reporter_aside(self, j: int) -> bool:
        """The reporter's own words after a comma: what the speaker did not say (دون أن يحدد عددهم، ولم يقدم مزيدا من
        التفاصيل، فيما لم ترد أنباء عن …), how the speaker put it (على حد تعبيره), or a new saying (بقولها إن …)."""
        key = self.keys[j]
        following = self.keys[j + 1] if j + 1 < len(self.keys) else ""
        if key == WITHOUT_KEY or (key == FROM_KEY and following == WITHOUT_KEY):
            return True
        if key == ON_KEY and following == EXTENT_KEY:  # على حد تعبيره
            return True
        if key == WHILE_KEY and following in NEGATIONS:  # فيما لم ترد أنباء
            return True
        if key in SAYING_KEYS:  # …، بقولها إن …: another statement of the speaker begins
            return True
        # ولم يقدم / يذكر / يوضح مزيدا من التفاصيل: the reporter says what was left out
        return self.raw[j] in ("ولم", "ولا") and following in DETAIL_VERBS

    def _complementiser_at(self, j: int) -> bool:
        """أن، إن، بأن opening a reported clause: not لأن/وأن, not إن كان "whether", not part of a name (مون جيه إن)."""
        return (
            self.keys[j] in self.lexicon.complementisers
            and not self.raw[j].startswith(("ل", "و"))
            and not self._whether(j)
            and self._mention_of_token(j) is None
        )

    def _after_named_place(self, preposition: int, scan_end: int) -> int | None:
        """Where a clause starts after a preposition that says where the words were said, not what: a name and then a
        complementiser (قال عبر حسابه على تويتر إن …، قال في بيان على موقع الوزارة إن …), or who they come from
        (قالت الوكالة، نقلا عن النائب الأول لوزير الخارجية، كيم كاي جوان، إن …)."""
        j = preposition + 1
        # نقلا عن X، title، إن: the ones relayed, with their titles, before what they said
        relayed = preposition > 0 and self._attribution_at(preposition - 1) == preposition + 1
        named = False
        while j < scan_end and (relayed or j - preposition <= NAMED_PLACE_WORDS):
            if self._complementiser_at(j):
                return j + 1 if named else None
            if self.raw[j] in CLAUSE_ENDS:
                return None
            if not relayed and self._mention_of_token(j) is None and self.raw[j] not in HASHTAG_MARKS:
                return None
            named = True
            j += 1
        return None

    def _preposition_at(self, j: int) -> bool:
        """إلى، على، عن، من opening a cue's content (أشار إلى، شدد على): not a name that folds to one (العلي)."""
        return self.keys[j] in PREPOSITIONS and not self.view.forms[j].article and self._mention_of_token(j) is None

    def _whether(self, j: int) -> bool:
        """إن كان: "whether it was" (دون توضيح إن كان يقصد …), not the complementiser of a statement."""
        return self.raw[j] == "إن" and j + 1 < len(self.keys) and self.keys[j + 1] in WHETHER_VERBS

    def _in_it(self, j: int) -> bool:
        """فيه، فيها: "in it", pointing back to the statement a cue belongs to (تغريدة أكد فيها …)."""
        return self.raw[j] in IN_IT

    def _plural_verb(self, cue: int) -> bool:
        """A verb that carries its plural subject (وطالبوا، يقولون): the names after it are its objects (in
        verb-first order the verb of a named subject stays singular)."""
        stem = self.raw[cue]
        return self.keys[cue] not in self.lexicon.participles and stem.endswith(("وا", "ون"))

    def _mention_of_token(self, i: int) -> Mention | None:
        start = self.spans[i][0]
        k = bisect_left(self.mention_starts, start + 1) - 1
        while k >= 0 and self.mentions[k].end > start:
            if self.mentions[k].start <= start:
                return self.mentions[k]
            k -= 1
        return None

    # --- speakers

    def _subject(self, statement: _Statement) -> Mention | None:
        """The named or described speaker of a statement, in its own sentence."""
        sentence = self.sentences[statement.sentence]
        if statement.cue is None:
            return self._cueless_speaker(statement)
        cue_start, cue_end = self.spans[statement.cue]
        after = _outermost(
            [m for m in self._mentions_between(cue_end, self._subject_end(statement)) if self._may_speak(m, statement)]
        )
        close_after = self._subject_names(
            [m for m in after if self._token_at(m.start) - statement.cue <= SUBJECT_WINDOW]
        )
        if self._plural_verb(statement.cue):
            close_after = []
        if statement.cue + 1 < len(self.keys) and self._in_it(statement.cue + 1):
            issuer = self._issuer(statement)  # أصدر X بيانا اعتبر فيه تعليق عباس …: the statement's, not عباس's
            if issuer is not None:
                return issuer
        opening = self._opening_subject(statement) or self._clause_subject(statement)
        if opening is not None:  # صندوق النقد يحذر ترامب: a name opening the sentence right before its verb
            return opening
        relayed = self._relayed_speaker(statement)
        if relayed is not None:  # قالت الوكالة، نقلا عن النائب الأول للوزير، X، إن: X spoke, the agency relays
            return relayed
        if not any(m.type == "PER" for m in close_after):
            named = self._named_after_title(statement, after)
            if named is not None:  # طالب رئيس المجلس الرئاسي لحكومة الوفاق الوطني فائز السراج: the holder
                return named
            holder = self._title_holder(statement)
            if holder is not None:
                statement.carried = True  # named before, not here
                return holder
        if close_after:
            people = [m for m in close_after if m.type == "PER" and m.entity is not None]
            # a joint statement names its speakers side by side: X، وY (not دعا X، Y إلى …, Y being the object)
            joined = people[:1]
            for mention in people[1:]:
                gap = range(self._token_at(joined[-1].end - 1) + 1, self._token_at(mention.start) + 1)
                if any(self.conj[i] for i in gap):
                    joined.append(mention)
            statement.joint = tuple(dict.fromkeys(m.entity for m in joined)) if len(joined) > 1 else ()
            return _prefer_person(close_after)
        before = _outermost(
            [
                m
                for m in self._mentions_between(max(sentence.start, self.dateline_end), cue_start)
                if m.type in SPEAKER_TYPES and m.subtype != "demonym"  # اليمني: an adjective, never a subject
            ]
        )
        if before:
            apposed = self._apposed_name(before, statement.cue)
            if apposed is not None:
                return apposed
            after_subject = self._token_at(before[-1].end - 1) + 1
            # الأمين العام لحلف الناتو، أكد: the subject ends just before the verb (a comma, كان or قد between)
            gap = range(after_subject, statement.cue)
            if self._relative_aside(after_subject, statement.cue):
                gap = range(0)  # لكن الحكومة، التي عارضت الحظر، ترى أنه: a relative clause set off by commas
            joined = all(self.raw[i] in ("،", ",") or self.keys[i] in GAP_WORDS for i in gap)
            # سارع ترامب إلى الرد: a verbal noun after إلى, the verb before the name
            joined = joined or (len(gap) == 1 and self.keys[gap[0]] == TO_KEY and self._definite(statement.cue))
            # not a name behind a preposition (وعلى حسابه في تويتر، ذكر …): that is where, not who
            if len(gap) <= SUBJECT_GAP and joined and self._ungoverned(before[-1]):
                return before[-1]
            described = self._described_subject(before, statement.cue)
            if described is not None:
                return described
        # وأصدر البيت الأبيض بيانا … وأشار البيان إلى: the statement speaks for who issued it
        issuer = self._issuer(statement)
        if issuer is not None:
            return issuer
        if before:
            # وتدرس المستشارة أنجيلا ميركل الوضع، وقالت إن …: a verb joined by و shares the subject of the verb
            # before it in its sentence, the person named there
            continued = self._continued_subject(statement, before)
            if continued is not None:
                return continued
            people = [m for m in before if m.type == "PER" and m.entity is not None and self._ungoverned(m)]
            if self._joined(statement.cue) and people:
                return people[0]  # التقى X بـY، وقال: the first, the subject, not a later object
            bodies = [m for m in before if m.type == "ORG" and m.entity is not None and self._ungoverned(m)]
            if self._joined(statement.cue) and bodies:
                return bodies[0]  # ويسيطر الحوثيون على …، وقالوا: an organisation when no person is named
            if self._is_participle(statement.cue):
                # نفت الإمارات التقارير، مشيرة إلى أن …: a participle shares the subject of its sentence's verb
                subjects = [m for m in before if m.entity is not None and self._ungoverned(m)]
                if subjects:
                    return _prefer_person(subjects[:1] + [m for m in subjects if m.type == "PER"][:1])
        return None

    def _subject_names(self, names: list[Mention]) -> list[Mention]:
        """The names after a verb up to a preposition or time word after the first one (قالت وزارة التجارة قبل قرار
        ترامب: ترامب is not in the subject)."""
        if not names:
            return names
        kept = names[:1]
        for mention in names[1:]:
            gap = range(self._token_at(kept[-1].end - 1) + 1, self._token_at(mention.start) + 1)
            if any(self.keys[i] in BARRIER_WORDS or (self.preps[i] and i not in self.time_tokens) for i in gap):
                break
            kept.append(mention)
        return kept

    def _opening_subject(self, statement: _Statement) -> Mention | None:
        """A person or organisation that opens its sentence (or line) right before the cue, with nothing between:
        the subject of a subject-first sentence or headline (صندوق النقد يحذر ترامب: …)."""
        assert statement.cue is not None
        cue = statement.cue
        first, _ = self._sentence_tokens(statement.sentence)
        if cue == first or self.conj[cue] or self._is_participle(cue):
            return None
        line = self.text.rfind("\n", 0, self.spans[cue][0]) + 1
        mention = self._mention_of_token(cue - 1)
        if mention is None or mention.type not in ("PER", "ORG") or self.spans[cue - 1][1] != mention.end:
            return None
        opening = self._token_at(mention.start)
        if opening != first and self.spans[opening][0] != line:
            return None
        return mention if self._ungoverned(mention) else None

    def _relayed_speaker(self, statement: _Statement) -> Mention | None:
        """The person an attribution phrase cites between a speech verb and its clause (قالت وكالة الأنباء، نقلا عن
        النائب الأول لوزير الخارجية، كيم كاي جوان، إن …): the words are that person's."""
        assert statement.cue is not None
        begin = self._token_at(statement.start)
        for j in range(statement.cue + 1, min(begin, statement.cue + 1 + SUBJECT_WINDOW)):
            phrase_end = self._attribution_at(j)
            if phrase_end is None or self.keys[j] in self.lexicon.agency_verbs:
                continue
            window = self._mentions_between(self.name_starts[phrase_end], self.spans[begin - 1][1])
            people = [m for m in _outermost(window) if m.type == "PER" and m.entity is not None]
            return people[0] if people else None
        return None

    def _clause_subject(self, statement: _Statement) -> Mention | None:
        """A reported clause whose subject comes first: a name right after its complementiser, then only its title,
        then the verb (قال البيت الأبيض إن مايك بنس نائب الرئيس الأمريكي أبلغ السيسي بأن …: Pence told, not Sisi)."""
        cue = statement.cue
        assert cue is not None
        if self.conj[cue] or self._is_participle(cue):
            return None
        k = cue - 1
        # يذكر أن زعيم حزب الله، حسن نصرالله، كان قد اتهم: past قد, كان and the comma closing an apposition
        while k >= 0 and cue - k <= SUBJECT_GAP and (self.keys[k] in GAP_WORDS or self.raw[k] in ("،", ",")):
            k -= 1
        while k >= 0 and cue - k <= TITLE_HOLDER_WINDOW:
            mention = self._mention_of_token(k)
            if mention is not None and mention.subtype != "demonym":
                break
            if self.preps[k] or not (mention is not None or self._title_or_definite(k)):
                return None
            k -= 1
        else:
            return None
        if mention.type not in ("PER", "ORG") or mention.entity is None:
            return None
        opening = self._token_at(mention.start)
        if self.preps[opening]:
            return None
        if opening > 0 and self.raw[opening - 1] in ("،", ","):
            opening = self._apposed_title_start(opening - 1)
        if opening == 0 or self.keys[opening - 1] != THAT_KEY:
            return None
        return mention

    def _apposed_title_start(self, comma: int) -> int:
        """Where the title a name is set in apposition to starts (أن زعيم حزب الله، حسن نصرالله: at زعيم): back from
        the comma before the name over title words, definite words and the names in the title, to a title word;
        the comma itself when there is none."""
        start = comma
        k = comma - 1
        while k >= 0 and comma - k <= TITLE_HOLDER_WINDOW and self.raw[k] not in CLAUSE_ENDS | {"،", ","}:
            mention = self._mention_of_token(k)
            if mention is not None and mention.type == "PER":
                break
            if mention is None and not self._title_or_definite(k):
                break
            if self.keys[k] in self.office_words:
                start = k
            k -= 1
        return start

    def _continued_subject(self, statement: _Statement, before: list[Mention]) -> Mention | None:
        """لكنه أشار، قبل أن تعلن، بعدما أكد: a verb that goes on with the subject of its sentence's first clause,
        the first name outside a preposition, and outside an opening phrase set off by a comma (منذ وصول X، …)."""
        cue = statement.cue
        assert cue is not None
        first, _ = self._sentence_tokens(statement.sentence)
        continues = (cue > first and self._but_it(cue - 1)) or (
            cue - 2 >= first and self.keys[cue - 1] == THAT_KEY and self.keys[cue - 2] in BEFORE_AFTER
        )
        if cue > first and self.keys[cue - 1] in BEFORE_AFTER and self.keys[cue - 1].endswith("ما"):
            continues = True
        if not continues:
            return None
        opening_end = first
        if self.preps[first] or self.keys[first] in BARRIER_WORDS:  # an opening phrase: up to its comma
            opening_end = next((k for k in range(first, cue) if self.raw[k] in ("،", ",")), first)
        for mention in before:
            if self._token_at(mention.start) < opening_end or mention.subtype == "demonym":
                continue
            if mention.type in SPEAKER_TYPES and mention.entity is not None and self._ungoverned(mention):
                return mention
        return None

    def _but_it(self, i: int) -> bool:
        """لكنه، لكنها، ولكنهم: "but he/she/they", going on with the subject before."""
        return self.keys[i] == BUT_KEY and self.raw[i].endswith(("ه", "ها", "هم"))

    def _definite(self, i: int) -> bool:
        return self.text.startswith("ال", self.name_starts[i])

    def _title_or_definite(self, i: int) -> bool:
        """A title word or a definite word: what stands between a verb and its subject's name (الرئيس التركي X)."""
        return self.keys[i] in self.office_words or self._definite(i)

    def _named_after_title(self, statement: _Statement, after: list[Mention]) -> Mention | None:
        """The person named at the end of a title that opens the verb's subject, past the bodies the title names
        (طالب رئيس المجلس الرئاسي لحكومة الوفاق الوطني الليبية فائز السراج): only title words, definite words and
        names between the verb and the person, the first of them a title word."""
        assert statement.cue is not None
        k = statement.cue + 1
        while k < len(self.keys) and (k in self.time_tokens or self.keys[k] in SUBJECT_FILLERS):
            k += 1
        if k >= len(self.keys) or self.keys[k] not in self.person_titles or self.preps[k]:
            return None
        for mention in after:
            first = self._token_at(mention.start)
            if first - k > TITLE_HOLDER_WINDOW:
                return None
            if mention.type == "PER" and mention.entity is not None:
                # the word right before the name may be its given name, untagged (فائز of فائز السراج)
                between = range(k, first - 1 if first - 1 > k and not self.preps[first - 1] else first)
                if all(self._title_or_definite(i) or self._mention_of_token(i) is not None
                       or self.raw[i] in ("،", ",") for i in between):  # fmt: skip
                    return mention
                return None
        return None

    def _title_holder(self, statement: _Statement) -> Mention | None:
        """وشدد وزير الخارجية الفرنسي على أن …، ولفت الوزير الفرنسي إلى أن …: a title with no name after it, as the
        verb's subject, stands for the person the article named with that title before (وزير الخارجية الفرنسي، جون
        إيف لودريان). Several people named with the title: the one whose title shares the word after it (الخارجية),
        else none (never a guess)."""
        assert statement.cue is not None
        last = self._token_at(statement.start)
        j = statement.cue + 1
        while j < last and (self.raw[j] in (",", "،") or j in self.time_tokens or self.keys[j] in SUBJECT_FILLERS):
            j += 1
        if j >= last or self.keys[j] not in self.person_titles or self.preps[j]:
            return None
        key, following = self.keys[j], self.keys[j + 1] if j + 1 < last else None
        cue_start = self.spans[statement.cue][0]
        holders: dict[str, tuple[Mention, bool]] = {}  # entity → its latest mention, and whether `following` matched
        starts, people = self._titled_people().get(key, ([], []))
        before = bisect_left(starts, cue_start)
        for mention, titled, first in people[max(before - TITLE_HOLDER_LOOKBACK, 0) : before]:
            shares = following is not None and any(following in self.keys[k + 1 : first] for k in titled)
            holders[mention.entity] = (mention, shares or holders.get(mention.entity, (mention, False))[1])
        if len(holders) > 1:
            holders = {e: h for e, h in holders.items() if h[1]}
        return next(iter(holders.values()))[0] if len(holders) == 1 else None

    def _titled_people(self) -> dict[str, tuple[list[int], list[tuple[Mention, list[int], int]]]]:
        """Per word key, the people named with it a few words before their name, in the same sentence, in text
        order: where each person mention starts, and the mention with where the word stands and its first token
        (worked out once per article)."""
        if self._titled is None:
            self._titled = {}
            for mention in self.mentions:
                if mention.type != "PER" or mention.entity is None or mention.subtype is not None:
                    continue
                first = self._token_at(mention.start)
                sentence = self._sentence_at(mention.start)
                window = [
                    k
                    for k in range(max(first - TITLE_HOLDER_WINDOW, 0), first)
                    if self._sentence_at(self.spans[k][0]) == sentence
                ]
                after = self._title_after(mention)  # جون فامفاكاتيس مدير غوغل للتعليم: the title after the name
                for key in dict.fromkeys(self.keys[k] for k in [*window, *range(*after)]):
                    starts, people = self._titled.setdefault(key, ([], []))
                    starts.append(mention.start)
                    if any(self.keys[k] == key for k in window):
                        people.append((mention, [k for k in window if self.keys[k] == key], first))
                    else:
                        people.append((mention, [k for k in range(*after) if self.keys[k] == key], after[1]))
        return self._titled

    def _title_after(self, mention: Mention) -> tuple[int, int]:
        """``[first, end)`` tokens of a title right after a person's name (past one comma), up to a preposition word,
        a verb of saying, a complementiser or a sentence end; empty when no title word opens it."""
        k = self._token_at(mention.end - 1) + 1
        if k < len(self.keys) and self.raw[k] in ("،", ","):
            k += 1
        if k >= len(self.keys) or self.keys[k] not in self.person_titles or self.preps[k]:
            return k, k
        end = k + 1
        while (
            end < min(len(self.keys), k + TITLE_HOLDER_WINDOW)
            and self.keys[end] not in BARRIER_WORDS
            and self.raw[end] not in CLAUSE_ENDS | {"،", ","}
            and not self._is_cue(end)
            and not self._complementiser_at(end)
        ):
            end += 1
        return k, end

    def _described_subject(self, before: list[Mention], cue: int) -> Mention | None:
        """وكانت القوات المسلحة الإماراتية، العاملة ضمن قوات التحالف …، أعلنت: a subject set apart from its verb by a
        description that opens with a comma and a definite adjective or participle (no other comma, no verb of
        speech in it); the names inside the description are not the subject."""
        first = self._sentence_tokens(self._sentence_at(self.spans[cue][0]))[0]
        for k in range(cue - 2, first, -1):
            if self.raw[k] not in ("،", ","):
                continue
            opener = k + 1
            if (
                self._mention_of_token(opener) is not None
                or not self._definite(opener)
                or self.keys[opener] in RELATIVES
                or self._verb_between(opener, cue)
                or any(self.raw[i] in ("،", ",") for i in range(opener, cue - 1))
            ):
                return None
            subject = next((m for m in reversed(before) if m.end <= self.spans[k][0]), None)
            if subject is None or self._token_at(subject.end - 1) != k - 1 or not self._ungoverned(subject):
                return None
            return subject if subject.type in ("PER", "ORG") else None
        return None

    def _apposed_name(self, before: list[Mention], cue: int) -> Mention | None:
        """وكان عادل الجبير، وزير الخارجية السعودي، قد قال: a title set off by commas between a person's name and
        the verb is that name's apposition, and the person speaks, not the office in the title (nor whoever else
        the title was linked to). The title opens with a person's title word and holds no comma; only قد or كان
        between its closing comma and the verb, which is not joined by و."""
        if self.conj[cue]:
            return None
        close = cue - 1
        while close > 0 and self.keys[close] in GAP_WORDS:
            close -= 1
        if close <= 0 or self.raw[close] not in (",", "،"):
            return None
        comma = next(
            (k for k in range(close - 1, max(close - TITLE_HOLDER_WINDOW, 0) - 1, -1) if self.raw[k] in (",", "،")),
            None,
        )
        if (
            comma is None
            or comma + 1 >= close
            or self.keys[comma + 1] not in self.person_titles
            or self.preps[comma + 1]
        ):
            return None
        name = next((m for m in reversed(before) if m.end <= self.spans[comma][0]), None)
        if (
            name is None
            or name.type != "PER"
            or name.entity is None
            or self._token_at(name.end - 1) != comma - 1
            or not self._ungoverned(name)
        ):
            return None
        return name

    def _relative_aside(self, start: int, end: int) -> bool:
        """Whether tokens ``[start, end)`` are a relative clause set off by commas (، التي عارضت الحظر،)."""
        return (
            end - start >= 3
            and self.raw[start] in ("،", ",")
            and self.keys[start + 1] in RELATIVES
            and self.raw[end - 1] in ("،", ",")
            and not any(self.raw[i] in ("،", ",") for i in range(start + 1, end - 1))
        )

    def _cueless_speaker(self, statement: _Statement) -> Mention | None:
        """The speaker of a quotation with no speech word: who its sentence cites (بحسب شركة X، فإن "…"؛ "…"، وفقا
        لما أعلنه X؛ نقلت الوكالة عن X), else who issued the statement it quotes (أصدر البيت الأبيض بيانا يثني فيه
        على "…"), else a person named just before it (ليؤكد misspelt)."""
        first, last = self._sentence_tokens(statement.sentence)
        quote_first = self._token_at(statement.start)
        for i in range(first, last):
            if self.spans[i][0] >= statement.start and self.spans[i][1] <= statement.end:
                continue  # inside the quotation: the quoted speaker's own words
            phrase_end = self._attribution_at(i)
            if phrase_end is None:
                continue
            cited = self._cited_speaker(phrase_end, last)
            if cited is not None:
                return cited
        for j in range(quote_first - 1, first - 1, -1):
            if self._statement_noun(j):
                issuer = self._issuer_of(j)
                if issuer is not None:
                    return issuer
                break
        window_start = self.spans[max(quote_first - CUELESS_WINDOW, 0)][0]
        near = _outermost(self._mentions_between(max(self.sentences[statement.sentence].start, window_start),
                                                 statement.start))  # fmt: skip
        people = [m for m in near if m.type == "PER"]
        return people[-1] if people else None

    def _one_word_or_none(self, j: int) -> bool:
        """Whether token ``j`` is in no name, or is a name of its own alone (السورية, tagged a place)."""
        mention = self._mention_of_token(j)
        return mention is None or (mention.start >= self.spans[j][0] and mention.end <= self.spans[j][1])

    def _cited_speaker(self, first: int, last: int) -> Mention | None:
        """The name an attribution phrase cites (بحسب شركة X، وفقا لما أعلنه X), or who an agency quotes (ذكرت وكالة
        فرانس برس عن X: X)."""
        window = self._mentions_between(self.name_starts[first], self.spans[min(first + CITED_WINDOW, last - 1)][1])
        named = [m for m in _outermost(window) if m.type in ("PER", "ORG")]
        if not named:
            return None
        cited = named[0]
        after = self._token_at(cited.end - 1) + 1
        if cited.type == "ORG":  # وفقا لما ذكره الأمين العام للأمم المتحدة أنطونيو غوتيريس: the holder, not the body
            holder = self._title_holder_after(cited, after, last)
            if holder is not None:
                return holder
        for _ in range(DESCRIBING_WORDS):  # وكالة الأنباء السورية الرسمية على لسان X: past the agency's description
            one_word = after < last and self._one_word_or_none(after)
            if one_word and self.view.forms[after].article:
                after += 1
        if after + 1 < last and self.keys[after] == ON_KEY and self.keys[after + 1] == TONGUE_KEY:
            after += 1  # نقلت الوكالة على لسان X: as عن X
        if after + 1 < last and self.keys[after] in (ABOUT_KEY, TONGUE_KEY):  # نقلت الوكالة عن X: X is who spoke
            quoted = [m for m in self._mentions_between(self.spans[after][1], self.spans[min(after + 3, last - 1)][1])
                      if m.type in ("PER", "ORG")]  # fmt: skip
            if quoted:
                return _outermost(quoted)[0]
        return cited

    def _title_holder_after(self, body: Mention, after: int, last: int) -> Mention | None:
        """The person named right after (or set off by a comma from) a title that names ``body``, whose last token
        is ``after - 1``: الأمين العام للأمم المتحدة أنطونيو غوتيريس, المتحدث باسم الحكومة، X."""
        first = self._token_at(body.start)
        if not any(self.keys[k] in self.office_words for k in range(max(first - TITLE_WORDS, 0), first)):
            return None
        if after < last and self.raw[after] in ("،", ","):
            after += 1
        person = self._mention_of_token(after) if after < last else None
        if person is None or person.type != "PER" or person.entity is None or person.start < self.spans[after][0]:
            return None
        return person

    def _cited_after(self, statement: _Statement) -> Mention | None:
        """A person an attribution phrase after a statement cites (أعلنت الأمم المتحدة أن …، وفقا لما ذكره أمينها العام
        X): who said the words, more precisely than the verb's subject."""
        _, last = self._sentence_tokens(self._last_sentence(statement))
        j = bisect_left(self.starts, statement.end)
        while j < last and (self.raw[j] in ("،", ",") or QUOTATION_MARKS.fullmatch(self.raw[j])):
            j += 1
        phrase_end = self._attribution_at(j) if j < last else None
        if phrase_end is None or self.keys[j] in self.lexicon.agency_verbs:
            return None
        cited = self._cited_speaker(phrase_end, last)
        return cited if cited is not None and cited.type == "PER" and cited.entity is not None else None

    def _subject_end(self, statement: _Statement) -> int:
        """Where the subject of a cue can end: at the statement, or before a complementiser that opens the reported
        clause first (وقال بسيط إن قوات الأمن تمشط "…": قوات الأمن is in what he said)."""
        assert statement.cue is not None
        if statement.subject_end is not None:
            return statement.subject_end
        for j in range(statement.cue + 1, min(self._token_at(statement.start), len(self.keys))):
            if self._complementiser_at(j) and self.spans[j][1] <= statement.start:
                return self.spans[j][0]
        return statement.start

    def _issuer(self, statement: _Statement) -> Mention | None:
        """Who issued the statement a cue belongs to: one named just before it (أصدرت الوزارة بيانا تؤكد فيه), or the
        cue's subject (قال البيان، وأشار التقرير) when it was named before (see :meth:`_issuer_of`)."""
        cue = statement.cue
        if cue is None:
            return None
        first, _ = self._sentence_tokens(statement.sentence)
        for j in range(cue - 1, max(first, cue - 1 - ISSUER_GAP) - 1, -1):
            if self._statement_noun(j):  # أصدرت الوزارة بيانا الأحد تؤكد فيه: the statement's own verb
                return self._issuer_of(j)
        if cue + 1 >= len(self.keys) or self.keys[cue + 1] not in self.lexicon.statement_nouns:
            return None
        if not self._definite(cue + 1):
            return self._issuer_of(cue + 1, gap=ISSUER_GAP + 1)  # وقال بيان علمي من جمعية القلب: named after it
        positions, latest, single = self._noun_issuers(_without_tanween(self.keys[cue + 1]))
        first_token = self._token_at(self.sentences[max(statement.sentence - ISSUER_SENTENCES, 0)].start)
        before = bisect_left(positions, cue)
        # the latest mention of the noun with an issuer, in the sentences just before (بحسب البيان gives none; في
        # بيانه after وأوضح X does)
        if before and latest[before - 1] is not None and positions[latest[before - 1][0]] >= first_token:
            return latest[before - 1][1]
        # وأوضح البلاغ far from أكد بلاغ لوكالة الجمهورية: the one issuer the article gave that noun earlier
        earlier = bisect_left(positions, first_token)
        return single[earlier - 1] if earlier else None

    def _noun_issuers(self, noun: str) -> tuple[list[int], list[tuple[int, Mention] | None], list[Mention | None]]:
        """Where a statement noun (or its possessed form, بيانه) stands in the article, and after each of those: the
        latest one with an issuer (its index and issuer), and the one issuer named with it so far (None when none
        or several). Made once per noun and article, so that a long text full of وقال البيان stays linear."""
        cached = self._issuers.get(noun)
        if cached is None:
            positions = [
                j
                for j, key in enumerate(self.keys)
                if _without_tanween(key) == noun
                or (key.startswith(noun) and self._possessed(j) and word_key(self.raw[j]).startswith(noun))
            ]
            latest: list[tuple[int, Mention] | None] = []
            single: list[Mention | None] = []
            named: dict[str | None, Mention] = {}
            for n, j in enumerate(positions):
                issuer = self._issuer_of(j)
                if issuer is not None:
                    named.setdefault(issuer.entity, issuer)
                latest.append((n, issuer) if issuer is not None else (latest[-1] if latest else None))
                single.append(next(iter(named.values())) if len(named) == 1 and None not in named else None)
            cached = self._issuers[noun] = (positions, latest, single)
        return cached

    def _statement_noun(self, j: int) -> bool:
        nouns = self.lexicon.statement_nouns
        return self.keys[j] in nouns or _without_tanween(self.keys[j]) in nouns

    def _issuer_of(self, j: int, gap: int = ISSUER_GAP) -> Mention | None:
        """Who issued the statement named at token ``j``: a name starting at most ``gap`` tokens after it (بيان
        الخارجية، بيان علمي من جمعية القلب) or the subject just before it (أصدر البيت الأبيض بيانا)."""
        after = self._mentions_starting(self.spans[j][1], self.spans[min(j + gap, len(self.spans) - 1)][1])
        named = [
            m
            for m in _outermost(after)
            if m.type in ("ORG", "PER")
            and (not self._addressee(m) or self._issuer_with_l(m))
            and not self._on_medium(m)  # تغريدة على تويتر: where it was posted, not who posted it
            # في بيان أن الوكالة …: a name after the complementiser is in what the statement said
            and not any(self._complementiser_at(k) for k in range(j + 1, self._token_at(m.start)))
        ]
        if named and not self._possessed(j):  # بيانه: his statement; the name after it is in what it said
            return named[0]
        # names ending in the few tokens before it (نشر مكتب الاتصال الحكومي في قطر بيانا: a long name starts earlier)
        start = self.spans[max(j - ISSUER_GAP, 0)][0]
        window = self._mentions_between(self.spans[max(j - ISSUER_GAP - TITLE_HOLDER_WINDOW, 0)][0], self.spans[j][0])
        before = [m for m in _outermost(window) if m.type in ("ORG", "PER") and m.end > start]
        if before and self._ungoverned(before[-1]):
            return before[-1]
        return None

    def _on_medium(self, mention: Mention) -> bool:
        """Whether a name comes after على، في or عبر (a platform or place: على تويتر، على موقع تويتر)."""
        i = self._token_at(mention.start) - 1
        while i > 0 and (self.raw[i] in HASHTAG_MARKS or self.keys[i] in MEDIUM_NOUNS):
            i -= 1
        return i >= 0 and self.keys[i] in MEDIUM_PREPOSITIONS

    def _issuer_with_l(self, mention: Mention) -> bool:
        """A name with ل after a statement noun is who issued it (التقرير السنوي لـ #هيئة_السوق_المالية), not who
        was told."""
        i = self._token_at(mention.start)
        before = i - 1
        while before > 0 and self.raw[before] in HASHTAG_MARKS:
            before -= 1
        return self.preps[i] == "ل" or (before >= 0 and self.raw[before] in ("ل", "لـ"))

    def _possessed(self, j: int) -> bool:
        """Whether the noun at ``j`` carries a possessive pronoun (بيانه، تصريحاتها)."""
        raw = self.raw[j]
        return raw.endswith(("ه", "ها", "هم", "هما")) and not self.keys[j].endswith(raw[-1])

    def _may_speak(self, mention: Mention, statement: _Statement) -> bool:
        """A name after the verb that can be its subject: a person, an organisation, or a place as the verb's
        very next word (أعلنت كوريا الشمالية), not where it was said (في النجف) nor who was told (لبي بي سي)."""
        if mention.type not in SPEAKER_TYPES or self._addressee(mention):
            return False
        before = self._token_at(mention.start) - 1
        while before > 0 and self.raw[before] in HASHTAG_MARKS:
            before -= 1
        if before >= 0 and self.keys[before] in BARRIER_WORDS:
            return False  # وكتب على حسابه في تويتر، قال خلال كلمته أمام الأمم المتحدة: where, not who
        between = range(statement.cue + 1, self._token_at(mention.start))
        if self._in_phrase_after_verb(between):
            return False  # وأكدت في لقاء مع شبكة أيه بي سي نيوز أن: the network is in where it was said
        if any(self._is_cue(k) or self._attribution_at(k) is not None for k in between):
            return False  # وقالت الخارجية في رسالة … وفق ما نقلت وكالة الأنباء: another verb's subject, a source
        if mention.type != "LOC" or all(self.raw[i] in HASHTAG_MARKS for i in between):
            return True
        if (
            2 <= len(between) <= 4
            and self.keys[between[-1]] in EXAMPLE_WORDS
            and not any(self.preps[i] for i in between)
        ):
            return True  # تعهدت مدن مثل باريس ومدريد: the places given as examples of the subject
        # ذكر مطار أبوظبي: a place named by the one noun before it (its airport, its government)
        return len(between) == 1 and not self.preps[between[0]] and self.keys[between[0]] in self.lexicon.place_bodies

    def _in_phrase_after_verb(self, between: range) -> bool:
        """Whether the words between the verb and a name open with a preposition, and no title comes before the name
        (وأكدت في لقاء مع شبكة أيه بي سي نيوز أن; not وقال في بيان وزير الخارجية X, nor المسؤول في قسم …، X, whose
        preposition is in the subject's description)."""
        words = [k for k in between if k not in self.time_tokens and self.keys[k] not in SUBJECT_FILLERS]
        if not words or not (self.keys[words[0]] in BARRIER_WORDS or self.preps[words[0]]):
            return False
        return not any(self.keys[k] in self.office_words for k in words)

    def _addressee(self, mention: Mention) -> bool:
        """قال لبي بي سي، أكد للصحفيين: a name with ل after the verb is who was told, not who spoke."""
        i = self._token_at(mention.start)
        before = i - 1
        while before > 0 and self.raw[before] in HASHTAG_MARKS:  # عبر "تويتر": the mark is not a word
            before -= 1
        if self.preps[i] == "ل" and before >= 0 and self._statement_noun(before):
            return False  # حذر بيان للبرلمان اليمني: the statement's issuer, not who was told
        return self.preps[i] == "ل" or (before >= 0 and self.keys[before] in ADDRESS_WORDS)

    def _ungoverned(self, mention: Mention) -> bool:
        """No preposition before the name (على لسان X، بـY، مع Z): it can be a subject."""
        i = self._token_at(mention.start)
        return (
            not self.preps[i] and (i == 0 or self.keys[i - 1] not in PREPOSITION_WORDS) and not self._on_medium(mention)
        )

    def _verb_between(self, first: int, last: int) -> bool:
        return any(self._is_cue(i) for i in range(first, last))

    def _speakers(self, statements: list[_Statement]) -> None:
        previous: _Statement | None = None
        done: list[_Statement] = []
        for statement in statements:
            if statement.attributed:  # …، بحسب ما أعلنه X: X, named after the verb, or a description (no one)
                assert statement.cue is not None
                _, last = self._sentence_tokens(statement.sentence)
                statement.speaker = self._cited_speaker(statement.cue + 1, last)
                done.append(statement)
                previous = statement if statement.speaker is not None else previous
                continue
            participle = statement.cue is not None and self._is_participle(statement.cue)
            # مبيناً أن …: a participle goes on with the speaker of the statement it follows, unless a verb of its own
            # sentence names another (كما حذر لايتهايزر قبل مغادرته واشنطن قائلا: "…")
            statement.speaker = None if participle else self._subject(statement)
            if statement.cue is not None and (statement.speaker is None or statement.speaker.type != "PER"):
                statement.speaker = self._cited_after(statement) or statement.speaker
            if participle and (previous is None or self._last_sentence(previous) != statement.sentence):
                statement.speaker = self._verb_subject(statement)
            described = self._described_by_speaker(statement, done)
            if described is not None:  # مما وصفه بـ"…": inside another statement, its speaker's words
                statement.speaker, statement.carried = described, True
            agent = self._noun_agent(statement)
            if agent is not None:  # أشاد X بـY بعد تحذير الأخير بأن …: the statement is the noun's, its agent speaks
                statement.speaker, statement.carried = agent, False
            done.append(statement)
            if statement.speaker is None and not participle and self._unnamed_subject(statement):
                previous = statement  # وقال مصدر مطلع: a speaker left unnamed, and what goes on with it too
                continue
            if (
                statement.speaker is None
                and statement.cue is not None
                and (previous is None or self._last_sentence(previous) < statement.sentence)
            ):
                # وكان الرئيس X قد توعد …، حيث قال إن …: a verb inside a sentence with no subject of its own has the
                # sentence's subject, before any speaker of an earlier sentence
                statement.speaker = self._sentence_subject(statement)
            if (
                statement.speaker is None
                and statement.cue is not None
                and previous is not None
                and (statement.sentence - self._last_sentence(previous) <= CARRY_SENTENCES)
            ):
                statement.speaker = previous.speaker
                statement.carried = statement.speaker is not None
            elif (
                participle and statement.speaker is None
            ):  # none to follow: the subject of its sentence's verb (نفت الإمارات …، مشيرة إلى أن)
                statement.speaker = self._subject(statement)
            if statement.speaker is None and statement.cue is not None:
                statement.speaker = self._previous_subject(statement)
                statement.carried = statement.speaker is not None
            if statement.speaker is not None:
                previous = statement

    def _unnamed_subject(self, statement: _Statement) -> bool:
        """Whether the verb's subject is an indefinite noun for an unnamed speaker (وقال مصدر مطلع، أفاد شهود عيان،
        وذكر مسؤول في الوزارة), after the times and fillers that may come first."""
        if statement.cue is None:
            return False
        j = statement.cue + 1
        while j < len(self.keys) and (j in self.time_tokens or self.keys[j] in SUBJECT_FILLERS | GAP_WORDS
                                      or self.raw[j] in ("،", ",")):  # fmt: skip
            j += 1
        return (
            j < len(self.keys)
            and self.spans[j][0] < statement.start
            and self.keys[j] in self.lexicon.unnamed_sources
            and not self.preps[j]
            and not self.view.forms[j].article
        )

    def _noun_agent(self, statement: _Statement) -> Mention | None:
        """A speech noun right before the statement with its agent after it, and only then the reported words
        (تحذير الأخير بأن …، مطالبات الرئيس الأمريكي، دونالد ترامب، للمملكة بـ"…"): the agent is the speaker, not the
        subject of the sentence's verb. The agent is a name or anaphor with no preposition before it."""
        if statement.cue is None:
            return None
        first = statement.cue + 1
        last = self._token_at(statement.start)
        for j in range(last - 1, first - 1, -1):
            if self.keys[j] not in SPEECH_NOUN_KEYS or self.preps[j] == "ل":
                continue
            mention = self._mention_of_token(j + 1)
            if mention is None or mention.type not in ("PER", "ORG") or mention.entity is None:
                return None
            if self.preps[j + 1] or self.spans[j + 1][0] > mention.start:
                return None
            between = range(self._token_at(mention.end - 1) + 1, last)
            if any(self._is_cue(i) or self.raw[i] in CLAUSE_ENDS for i in between):
                return None
            return mention
        return None

    def _last_sentence(self, statement: _Statement) -> int:
        """The sentence a statement ends in (a long quotation runs over several)."""
        return self._sentence_at(max(statement.end - 1, statement.start))

    def _verb_subject(self, statement: _Statement) -> Mention | None:
        """The name right after a speech verb earlier in a participle's sentence (كما حذر لايتهايزر … قائلا)."""
        assert statement.cue is not None
        first, _ = self._sentence_tokens(statement.sentence)
        for j in range(statement.cue - 1, first - 1, -1):
            phrase_end = None if self.keys[j] in self.lexicon.agency_verbs else self._attribution_at(j)
            if phrase_end is not None and phrase_end < statement.cue:
                # وجاء إعلان الحكومة على لسان المتحدثة باسمها، X، قائلة إن: the person it cites goes on speaking
                cited = self._cited_speaker(phrase_end, statement.cue)
                if cited is not None and cited.type == "PER" and cited.entity is not None:
                    return cited
            if not self._is_cue(j) or self._is_participle(j) or self._inside_quote(self.spans[j][0]):
                continue
            if self._plural_verb(j) or (j > first and self.keys[j - 1] in RELATIVES | WHAT_WORDS):
                return None
            # its subject: the first person or organisation after it, past a title (حذر رئيس الوزراء الكندي X)
            for k in range(j + 1, min(j + 1 + TITLE_HOLDER_WINDOW, statement.cue)):
                mention = self._mention_of_token(k)
                if mention is not None and mention.type in ("PER", "ORG"):
                    return mention if self._ungoverned(mention) else None
                titled = self._title_or_definite(k)
                if self.preps[k] or not (titled or mention is not None or k in self.time_tokens):
                    return None
            return None
        return None

    def _described_by_speaker(self, statement: _Statement, done: list[_Statement]) -> Mention | None:
        """ما وصفه بـ"…"، مما سماه "…": a cue after ما inside another statement's clause is that speaker's."""
        cue = statement.cue
        if cue is None or cue == 0 or self.keys[cue - 1] not in WHAT_WORDS or self._is_participle(cue):
            return None
        at = self.spans[cue][0]
        for other in reversed(done):
            if other.start <= at < other.end and other.speaker is not None:
                return other.speaker
        return None

    def _sentence_subject(self, statement: _Statement) -> Mention | None:
        """The subject of the verb that opens a statement's sentence, for a speech verb later in that sentence with
        no subject of its own: the first person or organisation after the opening verb, past its title and the
        particles before it (وكان الرئيس التركي رجب طيب أردوغان قد توعد …). None when the cue opens the sentence, or
        another speech verb or a sentence break comes first."""
        assert statement.cue is not None
        first, _ = self._sentence_tokens(statement.sentence)
        if statement.cue - first <= 1:
            return None
        titled = False
        for k in range(first + 1, min(first + 1 + TITLE_HOLDER_WINDOW, statement.cue)):
            if self._is_cue(k) or self.raw[k] in CLAUSE_ENDS:
                return None
            mention = self._mention_of_token(k)
            if mention is not None and mention.subtype != "demonym":  # الرئيس التركي: part of the title
                # after a title only its holder (not وحمل مدير الشركة إدارة الموانئ …: the object)
                kinds = ("PER",) if titled else ("PER", "ORG")
                if mention.type in kinds and mention.entity is not None and self._ungoverned(mention):
                    return mention
                return None
            if mention is not None:
                continue
            titled = titled or self.keys[k] in self.office_words
            if titled and self.raw[k] in ("،", ","):
                continue  # وجه رئيس الوزراء العراقي الأسبق، نوري المالكي، نداء: the name set off after its title
            if self.preps[k] or not (self._title_or_definite(k) or self.keys[k] in GAP_WORDS):
                return None
        return None

    def _previous_subject(self, statement: _Statement) -> Mention | None:
        """أبقى الرئيس الأميركي، دونالد ترامب، الباب مفتوحا … وقال في كلمة: "…": a verb opening its sentence with no
        subject, and no statement before it to go on with, has the subject of the sentence before: the one person
        named there, outside a preposition. None when that sentence names no person or several."""
        assert statement.cue is not None
        first, _ = self._sentence_tokens(statement.sentence)
        if statement.sentence == 0 or statement.cue - first > 1 or self._plural_verb(statement.cue):
            return None
        sentence = self.sentences[statement.sentence - 1]
        people = [
            m
            for m in _outermost(self._mentions_between(sentence.start, sentence.end))
            if m.type == "PER" and m.entity is not None and not m.refers
        ]
        if len({m.entity for m in people}) == 1 and self._ungoverned(people[0]):
            return people[0]
        # وينشط عبد العظيم على تويتر … منتقدا سياسات الرئيس المصري. وكتب: several people, the opening verb's subject
        opening = people[0] if people else None
        if opening is None or self._token_at(opening.start) != self._token_at(sentence.start) + 1:
            return None
        verb = self._token_at(sentence.start)
        if self.preps[verb] or self._title_or_definite(verb) or self.keys[verb] in BARRIER_WORDS | GAP_WORDS:
            return None
        return opening if self._ungoverned(opening) else None

    def _quote(self, number: int, statement: _Statement) -> Quote:
        speaker = statement.speaker
        speakers: tuple[str, ...] = ()
        entity = None
        if speaker is not None:
            if speaker.refers:
                speakers = speaker.refers
                entity = speaker.refers[0]
            else:
                entity = speaker.entity
                speakers = statement.joint
        cue = None
        if statement.cue is not None:
            a, b = self.spans[statement.cue]
            cue = Span(a, b, self.text[a:b])
        return Quote(
            statement.start,
            statement.end,
            self.text[statement.start : statement.end],
            id=f"q{number}",
            kind=statement.kind,
            speaker=entity,
            cue=cue,
            speakers=speakers if len(speakers) > 1 else (),
            speaker_mention=speaker.id if speaker is not None and not statement.carried else None,
        )

    # --- sources

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


def _without_tanween(key: str) -> str:
    """بيانا → بيان: the accusative ending, so that a noun is found again in another case."""
    return key[:-1] if len(key) > 3 and key.endswith("ا") else key


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """The mentions not inside another one (الناتو inside the title الأمين العام لحلف الناتو), in their order; two
    with the same span are each inside the other. One sweep by start (a sentence may hold thousands of mentions)."""
    if len(mentions) < 2:
        return list(mentions)
    spans = Counter((m.start, m.end) for m in mentions)
    inside = [False] * len(mentions)
    reach = -1  # the furthest end of the mentions starting at or before the current one
    for i in sorted(range(len(mentions)), key=lambda i: (mentions[i].start, -mentions[i].end)):
        mention = mentions[i]
        inside[i] = reach >= mention.end or spans[(mention.start, mention.end)] > 1
        reach = max(reach, mention.end)
    return [m for m, covered in zip(mentions, inside, strict=True) if not covered]


def _prefer_person(mentions: list[Mention]) -> Mention:
    """Of the names after a verb, the first person (or title, or pair), else organisation, else place."""
    for kind in SPEAKER_TYPES:
        for mention in mentions:
            if mention.type == kind:
                return mention
    return mentions[0]
