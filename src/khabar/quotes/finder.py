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

The article pass (:class:`_Article`) is made of three parts: :mod:`khabar.quotes.statements` finds the statements,
:mod:`khabar.quotes.speakers` their speakers and :mod:`khabar.quotes.sources` the sources; :mod:`khabar.quotes.common`
holds the word lists and limits they share.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection
from functools import cache

from khabar.document import Document, Mention, Quote, Span
from khabar.quotes.common import (
    AMONG_KEY,
    CLAUSE_ENDS,
    CLAUSE_OPENERS,
    NAME_WORDS,
    NOT_BEFORE_VERBS,
    REQUEST_KEY,
    REQUEST_KEYS,
    SUBJECT_FILLERS,
    THAT_KEY,
    TOLD_PRONOUNS,
    Statement,
)
from khabar.quotes.lexicon import SpeechLexicon, speech_lexicon
from khabar.quotes.sources import SourceFinding
from khabar.quotes.speakers import SpeakerFinding
from khabar.quotes.statements import StatementFinding
from khabar.resolve.kb import knowledge_base
from khabar.resolve.names import word_key
from khabar.text.tokens import FormCache, TokenView

NOTABLE_KEYS = frozenset(word_key(w) for w in ("لافتا", "لافتة"))  # "pointing out", also "remarkable", "a banner"
# nouns of saying that report a clause only when one follows them (مع التأكيد على أن، تحذيرا من أن); not في إشارة
# إلى, mostly the reporter's gloss
CLAUSE_NOUN_KEYS = frozenset(word_key(w) for w in ("التأكيد", "تأكيدا", "تحذيرا", "التحذير"))
CLAUSE_NOUN_PREPOSITIONS = frozenset(("على", "من", "إلى", "الى"))


def _elative(word: str) -> bool:
    """أفعل written alone (أبرز، أكثر): the form of the comparative and superlative of adjectives."""
    return len(word) == 4 and word[0] in "أا" and not word.startswith("ال")


@cache
def person_title_keys() -> frozenset[str]:
    """Stem keys of the titles that name a person's office (وزير، المتحدث، الرئيسة، مستشار، المفوض، آمر …): the
    first words of the knowledge base's titles and ranks (not of its institutions: الحكومة، الجيش)."""
    kb = knowledge_base()
    return frozenset(key.split()[0] for key in [*kb.titles, *kb.ranks])


class QuoteFinder:
    """Sets a document's ``quotes`` and ``sources`` layers; needs tokens, sentences, paragraphs and mentions."""

    def __init__(self, lexicon: SpeechLexicon | None = None) -> None:
        self.lexicon = lexicon or speech_lexicon()
        self.forms = FormCache()
        self.person_titles = person_title_keys()

    def __call__(self, doc: Document) -> None:
        _Article(doc, self).run()

    def is_cue_key(self, key: str) -> bool:
        """Whether a token with this stem key is a speech verb or participle (وأشار too)."""
        return key in self.lexicon.cue_forms


class _Article(StatementFinding, SpeakerFinding, SourceFinding):
    """One article's pass: its token and mention lists, read by the statement, speaker and source parts."""

    def __init__(self, doc: Document, finder: QuoteFinder) -> None:
        self.doc = doc
        self.text = doc.text
        self.lexicon = finder.lexicon
        view = self.view = TokenView.of(doc, finder.forms)
        self.spans, self.starts, self.raw, self.keys = view.spans, view.starts, view.raw, view.keys
        self.preps, self.conj, self.name_starts = view.preps, view.conj, view.name_starts
        self.sentences = view.sentences
        self.sentence_starts = view.sentence_starts
        # ب and ك go before nouns, never a verb: بالرد، برأيها, and بحثت is not ب + حثت "urged"; after a preposition
        # written apart, أفعل is the adjective "most" (في أبرز بطولاته), not the verb أبرز "highlighted"
        self.cues = [
            finder.is_cue_key(key)
            and not self._between(i)
            and self.preps[i] not in ("ب", "ك")
            # a word with the article is a noun (الأبرز، التابع، الرأي، الداعية), not a verb; only the verbal noun after
            # إلى goes on with a verb before it (سارع ترامب إلى الرد)
            and not (view.forms[i].article and not (i > 0 and self.raw[i - 1] in ("إلى", "الى")))
            and not self._through(i)
            and not self._no_request(i)
            and not self._adjective(i)
            and not self._no_topic(i)
            and not (i > 0 and self.raw[i - 1] in NOT_BEFORE_VERBS and _elative(self.raw[i]))
            for i, key in enumerate(self.keys)
        ]
        for i in [i for i, key in enumerate(self.keys) if key in CLAUSE_NOUN_KEYS]:
            self.cues[i] = self.cues[i] or self._noun_before_clause(i)
        self.mentions = sorted(doc.mentions, key=lambda m: m.start)
        self.mention_starts = [m.start for m in self.mentions]
        self.longest_ending: dict[int, Mention] = {}  # the longest name ending at each offset
        for mention in self.mentions:  # by start: the first to end at an offset is the longest
            self.longest_ending.setdefault(mention.end, mention)
        self.office_words = knowledge_base().office_first_words
        self.title_first_words = knowledge_base().title_first_words
        self.organisation_heads = knowledge_base().organisation_heads
        self.person_titles = finder.person_titles
        self._titled: dict[str, tuple[list[int], list[tuple[Mention, list[int], int]]]] | None = None
        self.time_tokens = {i for t in doc.times for i in range(view.token_at(t.start), view.token_at(t.end - 1) + 1)}
        self._issuers: dict[str, tuple[list[int], list[tuple[int, Mention] | None], list[Mention | None]]] = {}
        self.dateline = self._dateline()  # دبي، الإمارات (CNN) –: no subject of the sentence it opens
        self.dateline_end = self.dateline[0].end + 1 if self.dateline else 0

    def _noun_before_clause(self, i: int) -> bool:
        """Whether a noun of saying (التأكيد، تحذيرا) is followed by the clause it reports: a complementiser
        right after it or after its preposition (مع التأكيد على أن، تحذيرا من أن)."""
        k = i + 1
        if k < len(self.raw) and self.raw[k] in CLAUSE_NOUN_PREPOSITIONS:
            k += 1
        return k < len(self.keys) and self.keys[k] == THAT_KEY

    def _through(self, i: int) -> bool:
        """عبر "through" (قال عبر حسابه، عبر الحدود), not the verb عبّر "expressed": the bare form is the verb only
        opening a clause (after و, a comma, كما or the sentence start)."""
        if self.raw[i] != "عبر":
            return False
        return not self._after_opener(i, ("،", ",", "كما", "فيما", "بينما"))

    def _no_topic(self, i: int) -> bool:
        """تحدث عن، تطرق إلى "spoke about, touched on" report a topic only as a plain verb: not تُحدث "cause" with
        a pronoun (ستحدثه), not a future (ستتطرق), and not a conversation (تحدث هاتفيا مع، تحدث مع)."""
        key = self.keys[i]
        if key not in self.lexicon.topic_verbs and key[1:] not in self.lexicon.topic_verbs:
            return False  # (وتحدث: the و the clitic analyser may leave on)
        form = self.view.forms[i]
        following = self.raw[i + 1] if i + 1 < len(self.raw) else ""
        return form.fut or form.pronoun or following == "مع" or following.startswith("هاتفي")

    def _adjective(self, i: int) -> bool:
        """A participle read as an adjective: after غير (غير مؤكدة "unconfirmed"), and لافت "remarkable" or a banner
        right after a word (تطورات لافتة، تجاوبا لافتا، ونشرت لافتة عملاقة) unless إلى or على follows it (لافتا إلى
        أن)."""
        if not self._is_participle(i) or i == 0 or self.conj[i]:
            return False
        if self.raw[i - 1] == "غير":
            return True
        following = self.raw[i + 1] if i + 1 < len(self.raw) else ""
        return self.keys[i] in NOTABLE_KEYS and self.raw[i - 1].isalpha() and following not in ("إلى", "الى", "على")

    def _no_request(self, i: int) -> bool:
        """طلب "a request" (تقديم طلب، بناء على طلب، لطلب اللجوء), not the verb "asked", a request not to be named
        (الذي طلب عدم ذكر اسمه) and a speech word before a name or identity (رفض ذكر اسمه): no statement. The bare
        طلب is the verb only with و or ف on it or opening a clause (after a comma, كما، قد، كان، الذي …, or at the
        sentence start)."""
        if i + 1 < len(self.raw) and self.raw[i + 1] in NAME_WORDS:
            return True  # رفض ذكر اسمه، طلب عدم الكشف عن هويته: not naming, no statement
        if self.keys[i] not in REQUEST_KEYS:
            return False
        if i + 1 < len(self.raw) and self.raw[i + 1] == "عدم":
            return True
        if self.keys[i] != REQUEST_KEY or self.conj[i]:
            return False
        if self.preps[i]:
            return True
        return not self._after_opener(i, CLAUSE_OPENERS)

    def _after_opener(self, i: int, openers: Collection[str]) -> bool:
        """Whether the word at ``i`` opens its sentence or comes right after one of ``openers`` (as written): where a
        bare form that is also a noun or a preposition is the verb."""
        first = self.view.sentence_tokens(self.view.sentence_at(self.spans[i][0]))[0]
        return i == first or self.raw[i - 1] in openers

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

    def _filler(self, i: int) -> bool:
        """A word that may stand between a verb and its subject: أيضا، بدوره، اليوم …, or a pronoun told (قال له)."""
        return self.keys[i] in SUBJECT_FILLERS or self.raw[i] in TOLD_PRONOUNS

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

    def run(self) -> None:
        if not self.spans:
            self.doc.set_layer("quotes", [])
            self.doc.set_layer("sources", self._sources())
            return
        statements = self._direct() + self._indirect()
        statements += self._attributed(statements)
        statements += self._headlines(statements)
        statements.sort(key=lambda s: s.start)
        self._speakers(statements)
        self.doc.set_layer("quotes", [self._quote(n, s) for n, s in enumerate(statements, start=1)])
        self.doc.set_layer("sources", self._sources())

    def _quote(self, number: int, statement: Statement) -> Quote:
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
