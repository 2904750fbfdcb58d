"""Finding statements: quotations between marks, reported clauses after speech verbs, and clauses an attribution
after them reports."""

from __future__ import annotations

from bisect import bisect_left
from itertools import pairwise

from khabar.document import Mention, Span
from khabar.quotes.common import (
    BARRIER_WORDS,
    CLAUSE_ENDS,
    CLAUSE_JOINERS,
    CLAUSE_ONLY_REACH,
    CLOSERS,
    CONTRAST_OPENERS,
    DETAIL_VERBS,
    EACH_KEY,
    EXTENT_KEY,
    FROM_KEY,
    HASHTAG_MARKS,
    HEADLINE_NAME_WORDS,
    HEADLINE_WORDS,
    IN_IT,
    LONG_QUOTE_WORDS,
    MAX_CONTENT_TOKENS,
    MIN_INDIRECT_TOKENS,
    NAMED_PLACE_WORDS,
    NEGATIONS,
    NOUN_CUES,
    OBJECT_WINDOW,
    ON_KEY,
    OPENERS,
    OWN_WORDS,
    PREPOSITIONS,
    QUOTATION_MARKS,
    RELATIVES,
    RESPONSIBILITY_KEYS,
    SAYING_KEYS,
    SPEAKER_TYPES,
    SUBJECT_WINDOW,
    THAT_ONE_KEY,
    TIME_CONJUNCTIONS,
    TITLE_JOINERS,
    TITLE_WORDS,
    WHAT_WORDS,
    WHETHER_VERBS,
    WHILE_KEY,
    WITHOUT_KEY,
    Statement,
)


class StatementFinding:
    """Statements of an article: quotations, reported clauses, and clauses an attribution after them reports. A
    part of the article pass of :class:`khabar.quotes.finder.QuoteFinder`, which sets the token and mention lists
    its methods read."""

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

    def _headlines(self, statements: list[Statement]) -> list[Statement]:
        """Lines that give a name, a colon and what was said, as headlines and teasers do (نتنياهو: إيران تسعى إلى
        "السيطرة على العالم"؛ قد يهمك: جيش الإسلام لـCNN: نتفاوض مع الروس): a direct quotation with no cue, of the
        line after the colon, where no statement was found already."""
        found = []
        taken = sorted((s.start, s.end) for s in statements)
        for first, end in self._lines():
            colon = self._headline_colon(first, end)
            if colon is None or end - colon - 1 < HEADLINE_WORDS:
                continue
            start, stop = self.spans[colon + 1][0], self.spans[end - 1][1]
            if any(a < stop and start < b for a, b in taken):
                continue
            found.append(Statement(start, stop, "direct", None, self._sentence_at(start), headline=True))
        return found

    def _lines(self) -> list[tuple[int, int]]:
        """``[first, end)`` token indices of each line of the text."""
        firsts = {0}
        newline = self.text.find("\n")
        while newline != -1:
            firsts.add(bisect_left(self.starts, newline))
            newline = self.text.find("\n", newline + 1)
        bounds = [*sorted(f for f in firsts if f < len(self.spans)), len(self.spans)]
        return list(pairwise(bounds))

    def _line_start(self, i: int) -> int:
        """The first token of the line of token ``i``."""
        newline = self.text.rfind("\n", 0, self.spans[i][0])
        return 0 if newline == -1 else bisect_left(self.starts, newline)

    def _headline_colon(self, first: int, end: int) -> int | None:
        """The colon of a line that opens with a name and a colon (after a teaser's قد يهمك: or اقرأ أيضا:): the name
        ends right before it (a mention, or لـ and one: روبرت باير لـCNN), and no speech word comes first."""
        colons = [k for k in range(first, min(first + 2 * HEADLINE_NAME_WORDS + 2, end)) if self.raw[k] == ":"]
        opening = first
        for colon in colons[:2]:
            if colon > opening and not any(self._is_cue(k) for k in range(opening, colon)):
                mention = self._headline_name(colon)
                # a person or a body, with nothing but its title before it (not a place: مصر: حبس …, a topic; not
                # الانتخابات اللبنانية: نسبة الإقبال …)
                if (
                    mention is not None
                    and mention.type in ("PER", "ORG")
                    and self._token_at(mention.start) - opening <= HEADLINE_NAME_WORDS
                    and all(
                        self.keys[k] in self.office_words or self._mention_of_token(k) is not None
                        for k in range(opening, self._token_at(mention.start))
                    )
                ):
                    return colon
            opening = colon + 1  # قد يهمك: …: the teaser's words, then the headline
        return None

    def _headline_name(self, colon: int) -> Mention | None:
        """The name right before a headline's colon (جيش الإسلام for جيش الإسلام لـCNN:, the outlet it spoke to
        aside), or None."""
        mention = self._mention_of_token(colon - 1) if colon > 0 else None
        if mention is None:
            return None
        name_first = self._token_at(mention.start)
        before = None
        if self.preps[name_first] == "ل":
            before = name_first - 1
        elif name_first > 0 and self.raw[name_first - 1] in ("ل", "لـ"):
            before = name_first - 2
        if before is not None:  # … لـCNN: the one who spoke to the outlet
            mention = self._mention_of_token(before) if before >= 0 and self.raw[before] != ":" else None
        return mention if mention is not None and mention.type in SPEAKER_TYPES else None

    def _relayed_after_colon(self, offset: int) -> int | None:
        """The verb of an outlet carrying the quotation at ``offset`` after a colon (ونقلت وكالة الأنباء الإماراتية
        الرسمية: "…"، وأوردت الصحيفة: "…"): نقل، أورد، بث and the like, which report only with عن or a colon."""
        i = self._token_at(offset) - 1
        while i >= 0 and self.raw[i] in OPENERS:
            i -= 1
        if i < 1 or self.raw[i] != ":":
            return None
        first, _ = self._sentence_tokens(self._sentence_at(offset))
        for j in range(i - 1, max(first, i - 1 - SUBJECT_WINDOW) - 1, -1):
            named = self._named_next(j) or (j + 1 < len(self.keys) and self._head_of_name(j + 1))
            if self.keys[j] in self.lexicon.agency_verbs and named and not self._attribution_verb(j):
                return j
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

    def _direct(self) -> list[Statement]:
        statements = []
        self.quoted = sorted(self._quoted())  # apart from each other, in text order
        self.quoted_starts = [a for a, _ in self.quoted]
        for start, end in self.quoted:
            words = len(self.text[start:end].split())
            cue, subject_end, sentence = self._cue_before(start), None, self._sentence_at(start)
            if cue is None:
                cue = self._relayed_after_colon(start)
            if cue is None:
                cue = self._cue_left_open(start)
                if cue is not None:  # the verb's sentence is the statement's; its subject is before what that
                    sentence = self._sentence_at(self.spans[cue][0])  # sentence goes on with (لدى سؤالها …)
                    k = next((k for k in range(cue + 1, self._token_at(start)) if self._barrier(k)), cue + 1)
                    subject_end = self.spans[k][0]
            if words >= LONG_QUOTE_WORDS or (cue is not None and not self._quoted_name(start, end)):
                statements.append(Statement(start, end, "direct", cue, sentence, subject_end=subject_end))
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

    def _agent_then_object(self, cue: int, statement: Statement) -> bool:
        """Whether a noun of announcing is followed by its agent's name and then, with no preposition, what was
        announced (بعد إعلان الولايات المتحدة تقليص مساهمتها)."""
        agent = self._mention_of_token(cue + 1)
        if agent is None or agent.type not in ("PER", "ORG", "LOC") or self.preps[cue + 1]:
            return False
        after = self._token_at(agent.end - 1) + 1
        return after < len(self.spans) and self.spans[after][0] == statement.start and not self.preps[after]

    def _in_quoted_name(self, j: int) -> bool:
        """Whether token ``j`` is a quotation mark or a word of a name in quotation marks ("هيئة تحرير الشام")."""
        start, end = self.spans[j]
        quoted = self._quote_before(start + 1)  # the one holding the token, or closed by it
        if quoted is None or not (start < quoted[1] or not self.text[quoted[1] : start].strip()):
            quoted = self._quote_after(end)  # the one it opens
            if quoted is not None and self.text[end : quoted[0]].strip():
                quoted = None
        return quoted is not None and self._quoted_name(*quoted)

    def _quote_before(self, offset: int) -> tuple[int, int] | None:
        """The last quotation starting before ``offset``."""
        k = bisect_left(self.quoted_starts, offset) - 1
        return self.quoted[k] if k >= 0 else None

    def _quote_after(self, offset: int) -> tuple[int, int] | None:
        """The first quotation starting at or after ``offset``."""
        k = bisect_left(self.quoted_starts, offset)
        return self.quoted[k] if k < len(self.quoted) else None

    def _inside_quote(self, offset: int) -> bool:
        quoted = self._quote_before(offset + 1)
        return quoted is not None and offset < quoted[1]

    def _indirect(self) -> list[Statement]:
        statements = []
        for sentence in range(len(self.sentences)):
            first, last = self._sentence_tokens(sentence)
            i = first
            while i < last:
                if not self._is_cue(i) or self._inside_quote(self.spans[i][0]):
                    i += 1
                    continue
                statement = self._content_after(i, last, sentence)
                if statement is not None and self.keys[i] in NOUN_CUES and not self._agent_then_object(i, statement):
                    statement = None  # إعلان النتائج، وجاء إعلان الحكومة على لسان …: no one's words reported
                # وأضاف قائلا إن …: the participle goes on with the verb's statement, not a second one
                repeated = (
                    statement is not None
                    and bool(statements)
                    and (statements[-1].start, statements[-1].end) == (statement.start, statement.end)
                )
                if statement is not None and not repeated and (i not in self.direct_cues or self._own_words(statement)):
                    statements.append(statement)
                i += 1
        return statements

    def _content_after(self, cue: int, last: int, sentence: int) -> Statement | None:
        """The reported clause of the speech word at ``cue`` (None when there is none)."""
        begin = None
        preposition = self._content_preposition(cue)
        # where the subject ends, for the cues whose content may be an object (read once: it takes a scan)
        after, named = self._after_subject(cue, last) if preposition is not None else (last, False)
        object_begin, at_preposition = self._object_start(after, last, preposition)
        if not at_preposition and self.keys[cue] in self.lexicon.preposition_only:
            object_begin = None  # دافع عن …, never an object: وكان دافع الجريمة "the motive" reports nothing
        clause_only = self.keys[cue] in self.lexicon.clause_only
        # قال إلوود، الذي فقد شقيقه في هجوم …، إنه: a verb reporting only a clause looks further for its complementiser
        scan_end = min(cue + 1 + SUBJECT_WINDOW * (CLAUSE_ONLY_REACH if clause_only else 1), last)
        # a cue with a direct object takes a preposition only right after its subject (أكد الوزير على …), not in its
        # object (نفت روسيا أي علاقة لها بالهجوم على المطار)
        object_limit = after if preposition == "" else last
        if at_preposition and object_begin is not None:  # اتهمت إسرائيل حماس بلعب دور …، كما … بأنهم: the
            scan_end = min(scan_end, object_begin)  # content preposition comes before a later complementiser
        for j in range(cue + 1, scan_end):
            if self._inside_quote(self.spans[j][0]) or self.raw[j] in OPENERS:
                if self._in_quoted_name(j):
                    continue  # وقالت حركة "حماس" إن: a name in quotation marks, the subject
                return None  # a quotation follows: it is the statement (direct), not a paraphrase
            if self._complementiser_at(j):
                begin = j + 1
                break
            if (
                self._preposition_at(j)
                and not self._is_participle(cue)
                and (preposition != "" or j <= object_limit)
                and not clause_only
                and not (preposition is not None and j < after)  # المبعوث الخاص إلى سوريا، X: inside the subject
            ):
                begin = self._after_named_place(j, scan_end) or j + 1
                if begin < last and self.keys[begin] in self.lexicon.complementisers:  # أشار إلى أن
                    begin += 1
                break
            if j > cue + 1 and self._is_cue(j):
                break  # another speech word first: only an object may be this cue's content
        subject_end = None
        if begin is None and object_begin is not None:
            begin = object_begin
            if self._complementiser_at(begin):
                begin += 1  # طالبت …، فرانسيس أوغرادي، بأن يعود: the clause after بأن
            if named:  # اتهمت إسرائيل حماس بـ…: the subject is the first name; the second is the object
                subject_end = self.spans[after - 1][1]
        if begin is None:
            return None
        end = min(last, begin + MAX_CONTENT_TOKENS)
        for j in range(begin + 1, end):
            after_comma = self.raw[j - 1] in ("،", ",")
            starts_statement = self._is_cue(j) and (after_comma or self._is_participle(j))
            # …، حيث قال إن: a statement of its own, where the words it reports are said
            starts_statement = starts_statement or (
                after_comma and self.raw[j] == "حيث" and j + 1 < end and self._is_cue(j + 1)
            )
            attribution = after_comma and self._attribution_at(j) is not None  # …، بحسب مصدر أمني
            aside = after_comma and self._reporter_aside(j)  # …، دون توضيح إن كان: the reporter's own words
            # …، لكن مكتب التخطيط في شنغهاي قال إن: another speaker's statement opened by a contrast
            starts_statement = starts_statement or (after_comma and self._contrast_then_cue(j, end))
            if starts_statement or attribution or aside or self._quotation_ends_clause(j):
                end = j
                break
            if self._is_cue(j) and j - 2 > begin and self.raw[j - 2] in ("،", ",") and self._but_it(j - 1):
                end = j - 1  # …، لكنها أشارت إلى: a new statement of the same subject
                break
            if self._is_cue(j) and self.raw[j - 1] == "مع" and j - 1 > begin:
                end = j - 1  # …، مع التأكيد على أن: what is stressed with it, a statement of its own
                break
        while end > begin and not self.keys[end - 1][:1].isalnum():
            end -= 1
        if end - begin < MIN_INDIRECT_TOKENS:
            return None
        start = self.spans[begin][0]
        return Statement(start, self.spans[end - 1][1], "indirect", cue, sentence, subject_end=subject_end)

    def _attributed(self, statements: list[Statement]) -> list[Statement]:
        """Clauses that an attribution with a speech verb after them reports (منعت الحكومة القطرية التجار …، وفقا لما
        أعلنه مكتب الاتصال الحكومي؛ … وذلك حسبما ذكرت مصادر قضائية؛ …، على ما أعلنت الشرطة): from the clause's start
        (after an opening phrase set off by a comma, after فيما) to the attribution; none where another statement
        covers them."""
        found: list[Statement] = []
        taken = [(s.start, s.end, s.kind) for s in statements]
        firsts = self.lexicon.attribution_by_first
        done_sentence = -1
        for i in [i for i, key in enumerate(self.keys) if key in firsts or self._as_what(i)]:
            sentence = self._sentence_at(self.spans[i][0])
            first, last = self._sentence_tokens(sentence)
            if sentence == done_sentence or i < first + MIN_INDIRECT_TOKENS or i >= last - 1:
                continue
            phrase_end = i + 1 if self._as_what(i) else self._attribution_at(i)
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
            found.append(Statement(start, stop, "indirect", cue, sentence, attributed=True))
            done_sentence = sentence  # one clause per sentence
        return found

    def _as_what(self, i: int) -> bool:
        """على ما "as" before a speech verb (… ، على ما أعلنت الشرطة): an attribution of what comes before, only in
        a statement (على ما يبدو "apparently" has no speech verb)."""
        return self.raw[i] == "على" and i + 1 < len(self.raw) and self.raw[i + 1] == "ما"

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
        before = self._quote_before(start + 1)
        if before is not None and before[1] <= start and not self.text[before[1] : start].strip():
            return False  # the closing mark of a quotation inside the clause
        if not self.keys[j - 1][:1].isalnum():
            return True
        inner = self._quote_after(end)
        if inner is not None and self.text[end : inner[0]].strip():
            inner = None
        return inner is None or len(self.text[inner[0] : inner[1]].split()) >= LONG_QUOTE_WORDS

    def _own_words(self, statement: Statement) -> bool:
        """Whether a reported clause has words of its own before the quotation its cue introduces (تعهد بإنهاء
        الأعمال العدائية … والعمل نحو "نزع السلاح"): then it is a statement as well as the quotation."""
        first, last = self._token_at(statement.start), self._token_at(statement.end - 1)
        own = 0
        for j in range(first, last + 1):
            if self.raw[j] in OPENERS or self._inside_quote(self.spans[j][0]):
                break
            own += self.keys[j][:1].isalnum()
        if own >= OWN_WORDS:
            return True
        # إنها "تعمل عن قرب" مع خبراء أمنيين من الأمم المتحدة: words of its own after the quotation (up to an
        # attribution, another speech word or clause: "…،" وفقا لما نقلته الهيئة is no word of the clause)
        closing = max((k for k in range(first, last + 1) if self._inside_quote(self.spans[k][0])), default=None)
        if closing is None:
            return False
        after = 0
        resume = closing + 1
        while resume <= last and not self.keys[resume][:1].isalnum():
            resume += 1  # the closing mark and punctuation
        for j in range(resume, last + 1):
            if self._attribution_at(j) is not None or self._is_cue(j) or self.raw[j] in OPENERS:
                break
            if self._complementiser_at(j) or (self.raw[j - 1] in ("،", ",") and self.conj[j]):
                break  # …"، ورفع صورا: the reporter goes on
            after += self.keys[j][:1].isalnum()
        return after >= OWN_WORDS

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
                    if self._by_way_of(j):
                        break  # عبر الحدود عن طريق البحر: the way, not what was expressed
                    if j > begin and self.keys[j - 1] in RESPONSIBILITY_KEYS:
                        return j - 1, True  # أعلن التنظيم مسؤوليته عن الهجوم: a claim, the responsibility with it
                    return j + 1, True
        return (begin if begin < last and self.keys[begin][:1].isalnum() else None), False

    def _after_subject(self, cue: int, last: int) -> tuple[int, bool]:
        """The first token after a verb's subject (its title, its name, the names set beside it by a comma or و, and
        the time words news puts in between: أعلن وزير الدفاع الإسرائيلي، أفيغدور ليبرمان، الجمعة، …; أكد X، ووزير
        خارجية العراق فؤاد حسين، على …), and whether a name was that subject."""
        j, subject, named = cue + 1, self._plural_verb(cue), False
        while j < last:
            if self.raw[j] in (",", "،") or j in self.time_tokens or self._filler(j) or self._in_it(j):
                j += 1
                continue
            open_slot = not subject or self.raw[j - 1] in (",", "،") or self.conj[j]
            mention = self._mention_of_token(j)
            if mention is None and open_slot and self._head_of_name(j):
                mention = self._mention_of_token(j + 1)  # أعلن نادي باريس سان جرمان تعيين …: the head, then the name
            if mention is not None and open_slot:
                j, subject, named = self._token_at(mention.end - 1) + 1, True, True
                continue
            if not open_slot or self.keys[j] not in self.office_words:
                break
            j, subject = self._after_title(j, last), True
        return j, named

    def _head_of_name(self, j: int) -> bool:
        """Whether token ``j`` is an organisation's head noun, without the article, right before an organisation's name
        that the tagger found without it (نادي [باريس سان جرمان]، شركة [أبل])."""
        if self.keys[j] not in self.organisation_heads or self.view.forms[j].article or j + 1 >= len(self.keys):
            return False
        mention = self._mention_of_token(j + 1)
        return mention is not None and mention.type == "ORG" and self._token_at(mention.start) == j + 1

    def _after_title(self, j: int, last: int) -> int:
        """The token after the title starting at ``j``: its name when one follows closely (وزير خارجية العراق فؤاد
        حسين), else its definite words (المسؤول الأممي)."""
        # قائد القوة الثانية بجهاز مكافحة الإرهاب في كركوك، معن السعدي،: the holder set off after a long title
        reach = min(j + 1 + 2 * TITLE_WORDS, last - 1)
        comma = next((k for k in range(j + 1, reach) if self.raw[k] in (",", "،")), None)
        for _ in range(2):  # … في دولة الإمارات، حاكم دبي، الشيخ محمد بن راشد: a second title set off before the name
            if comma is None:
                break
            holder = self._set_off_holder(j + 1, comma)
            if holder is not None:
                return self._token_at(holder.end - 1) + 1
            if comma + 1 >= last or self.keys[comma + 1] not in self.office_words:
                break
            ahead = min(comma + 2 + TITLE_WORDS, last - 1)
            comma = next((k for k in range(comma + 2, ahead) if self.raw[k] in (",", "،")), None)
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

    def _set_off_holder(self, first: int, comma: int) -> Mention | None:
        """The person named after the comma at ``comma`` (an honorific before the name aside: الشيخ محمد بن راشد) when
        tokens ``[first, comma)`` are the rest of a title: definite words, names, title words, a unit's number and the
        word after it, words with ل or ب, في / إلى / لدى and the other joiners of titles, and nouns before a definite
        word (مكافحة الإرهاب); else None."""
        start = comma + 1
        if start < len(self.keys) and self.keys[start] in self.office_words and self._mention_of_token(start) is None:
            start += 1
        mention = self._mention_of_token(start) if start < len(self.keys) else None
        if mention is None or mention.type != "PER" or self._token_at(mention.start) != start:
            return None
        rest_of_title = all(
            self._definite(i)
            or self._mention_of_token(i) is not None
            or self.keys[i] in self.office_words  # a second title: …، حاكم دبي،
            or self.raw[i].isdigit()  # قائد اللواء 84 مشاة: a unit's number and the word after it
            or (i > first and self.raw[i - 1].isdigit())
            or self.preps[i] in ("ل", "ب")
            or self.raw[i] in TITLE_JOINERS
            or self._definite(i + 1)
            for i in range(first, comma)
        )
        return mention if rest_of_title else None

    def _contrast_then_cue(self, j: int, end: int) -> bool:
        """Whether لكن، ولكن، فيما or بينما at ``j`` opens a clause whose subject then speaks: a speech verb within
        :data:`SUBJECT_WINDOW` words and in the same sentence, not one of what was said (فيما وصفته، مما قاله)."""
        if self.raw[j] not in CONTRAST_OPENERS:
            return False
        for k in range(j + 1, min(j + 1 + SUBJECT_WINDOW, end)):
            if self._is_cue(k) and not (k - 1 > j and self.raw[k - 1].endswith("ما")):
                return not self._inside_quote(self.spans[k][0])
            if self.raw[k] in CLAUSE_ENDS:
                return False
        return False

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
        """أن، إن، بأن opening a reported clause: not لأن/وأن, not إن كان "whether", not part of a name (مون جيه إن),
        not أن of منذ أن، بعد أن، قبل أن "since, after, before" (تعهد ترامب منذ أن تولى السلطة باتخاذ …)."""
        return (
            self.keys[j] in self.lexicon.complementisers
            and not self.raw[j].startswith(("ل", "و"))
            and not self._whether(j)
            and not (j > 0 and self.raw[j] == "أن" and self.keys[j - 1] in TIME_CONJUNCTIONS)
            and not self.raw[j].startswith(("أل", "ال"))  # ألان "Alan", read as ال + أن
            and self._mention_of_token(j) is None
            and not self.view.hyphen_joins(j - 2)  # مون جيه-إن: the end of a name
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
        """إلى، على، عن، من opening a cue's content (أشار إلى، شدد على): not a name that folds to one (العلي), nor عن
        of عن طريق "by way of"."""
        if self._by_way_of(j) or (j > 1 and self.keys[j - 1] == EACH_KEY and self._is_cue(j - 2)):
            return False  # أعلنت كل من ألمانيا وفرنسا أن: "each of" right after the verb, the subject
        return self.keys[j] in PREPOSITIONS and not self.view.forms[j].article and self._mention_of_token(j) is None

    def _by_way_of(self, j: int) -> bool:
        """عن طريق "by way of": no preposition of a statement's content."""
        return self.raw[j] == "عن" and j + 1 < len(self.raw) and self.raw[j + 1] == "طريق"

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
