"""Finding who made each statement: the verb's subject, a title's holder, an issuer, who an attribution cites, or
the speaker carried over from the statement before."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from khabar.document import Mention
from khabar.quotes.common import (
    ABOUT_KEY,
    ADDRESS_WORDS,
    ANTECEDENT_WORDS,
    ASIDE_OPENING,
    BARRIER_WORDS,
    BEFORE_AFTER,
    BUT_KEY,
    CARRY_SENTENCES,
    CITED_WINDOW,
    CLAUSE_ENDS,
    CUELESS_WINDOW,
    DEMONSTRATIVES,
    DESCRIBING_WORDS,
    EACH_KEY,
    EXAMPLE_WORDS,
    FEMININE_RELATIVES,
    FROM_KEY,
    GAP_WORDS,
    HASHTAG_MARKS,
    ISSUER_GAP,
    ISSUER_SENTENCES,
    L_KEY,
    MAY_KEY,
    MEDIUM_NOUNS,
    MEDIUM_PREPOSITIONS,
    ON_KEY,
    OPENERS,
    OPENING_PARTICLES,
    OPENING_WORDS,
    PERSON_NOUNS,
    QUOTATION_MARKS,
    RELATIVES,
    SAYING_NOUNS,
    SIDE_WORDS,
    SOCIAL_WORDS,
    SPEAKER_TYPES,
    SPEECH_NOUN_KEYS,
    SUBJECT_GAP,
    SUBJECT_WINDOW,
    THAT_KEY,
    TITLE_HOLDER_LOOKBACK,
    TITLE_HOLDER_WINDOW,
    TITLE_JOINERS,
    TITLE_WORDS,
    TO_KEY,
    TONGUE_KEY,
    WAS_KEYS,
    WHAT_WORDS,
    Statement,
    outermost,
    prefer_person,
    without_tanween,
)
from khabar.resolve.names import word_key


class _Reach:
    """Statements met so far, in order of start, with the furthest end each prefix of them reaches: whether a later
    statement lies inside one of them, or a point does, by bisection (a text of thousands of statements stays fast)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.reach: list[int] = []

    def add(self, statement: Statement) -> None:
        self.starts.append(statement.start)
        self.reach.append(max(statement.end, self.reach[-1]) if self.reach else statement.end)

    def covers(self, end: int, at: int) -> bool:
        """Whether a statement met before the latest one reaches ``end`` (the latest starts after it, so lies inside
        it when it ends by then) or holds offset ``at``."""
        before = len(self.reach) - 1  # the latest is the one asked about
        if before <= 0:
            return False
        if self.reach[before - 1] >= end:
            return True
        k = bisect_right(self.starts, at, 0, before)
        return k > 0 and self.reach[k - 1] > at


class SpeakerFinding:
    """Who made each statement of an article. A part of the article pass of
    :class:`khabar.quotes.finder.QuoteFinder`, which sets the token and mention lists its methods read."""

    def _without_title_complement(self, after: list[Mention]) -> list[Mention]:
        """Names after the verb, less the person a title is of when its holder is set off after him by commas (وقال
        محامي ترامب، رودي جولياني، إن: the lawyer speaks, not Trump)."""
        if len(after) < 2 or after[0].type != "PER" or after[1].type != "PER":
            return after
        first, last = self._token_at(after[0].start), self._token_at(after[0].end - 1)
        title = first - 1
        if title < 0 or self.keys[title] not in self.office_words or self.view.forms[title].article:
            return after
        if last + 2 >= len(self.raw) or self.raw[last + 1] not in (",", "،"):
            return after
        return after[1:] if self._token_at(after[1].start) == last + 2 else after

    def _subject(self, statement: Statement) -> Mention | None:
        """The named or described speaker of a statement, in its own sentence."""
        sentence = self.sentences[statement.sentence]
        if statement.cue is None:
            return self._cueless_speaker(statement)
        cue_start, cue_end = self.spans[statement.cue]
        if self.keys[statement.cue] in SAYING_NOUNS:
            relayed = self._relayed_before(statement.cue)
            if relayed is not None:  # نقلت رويترز عن لودريان قوله إن: the one it quotes, not the agency
                return relayed
        after = outermost(
            [
                m
                for m in self._mentions_between(cue_end, self._subject_end(statement))
                if self._may_speak(m, statement) and not self._in_quoted_words(m)  # وقال "لا توجد أي معارضة" …
            ]
        )
        after = self._without_title_complement(after)
        close_after = self._subject_names(
            [m for m in after if self._token_at(m.start) - statement.cue <= SUBJECT_WINDOW]
        )
        if close_after and not self._inside_quote(close_after[0].start):
            # دعت الولايات المتحدة "تحالف دعم الشرعية" إلى: a name in quotation marks after the subject is the object
            close_after = [m for m in close_after if not self._inside_quote(m.start)]
        named_before = self._named_before_particle(statement.cue)
        if self._plural_verb(statement.cue) or named_before or self._statement_subject(statement.cue):
            close_after = []
        if self._joined(statement.cue) and statement.cue > self._sentence_tokens(statement.sentence)[0]:
            # نددت الخارجية بـ… وطالبت "القوات الغازية" بالانسحاب: a verb joined inside its sentence shares the subject
            # before it; a name in quotation marks after it is its object, and so is the one name before the
            # preposition of its content (وتنفي موسكو أي تورط … وتتهم بريطانيا بـ)
            close_after = [m for m in close_after if not self._inside_quote(m.start)]
            if len(close_after) == 1 and self._object_before_content(statement, close_after[0]):
                close_after = []
        if statement.cue + 1 < len(self.keys) and self._in_it(statement.cue + 1):
            issuer = self._issuer(statement)  # أصدر X بيانا اعتبر فيه تعليق عباس …: the statement's, not عباس's
            if issuer is not None:
                return issuer
        antecedent = None if close_after else self._relative_antecedent(statement.cue)
        if antecedent is not None:  # جوزيه مورينيو، الذي قال قبل أيام إن: the name the relative clause is about
            return antecedent
        opening = self._opening_subject(statement) or self._clause_subject(statement)
        if opening is not None:  # صندوق النقد يحذر ترامب: a name opening the sentence right before its verb
            return opening
        relayed = self._relayed_speaker(statement)
        if relayed is not None:  # قالت الوكالة، نقلا عن النائب الأول للوزير، X، إن: X spoke, the agency relays
            return relayed
        if not named_before and not any(m.type == "PER" for m in close_after):
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
            return prefer_person(close_after)
        before = outermost(
            [
                m
                for m in self._mentions_between(max(sentence.start, self.dateline_end), cue_start)
                if m.type in SPEAKER_TYPES
                and m.subtype != "demonym"  # اليمني: an adjective, never a subject
                and not self._in_quoted_words(m)  # وأشاد بـ"… اللاجئين الفلسطينيين" ووصفها: not who described
            ]
        )
        if before and self._joined(statement.cue):
            # وكانت الخارجية الأمريكية قد حملت النظام السوري، المسؤولية …، وقالت: the subject named before قد
            # of the sentence's first verb, not the object after that verb
            shared = self._named_before_first_particle(statement)
            if shared is not None:
                return shared
        if before:
            apposed = self._apposed_name(before, statement.cue)
            if apposed is not None:
                return apposed
            subject = before[-1]
            aside = self._aside_before(statement.cue)
            if aside is not None and self._token_at(subject.start) > aside:
                # وكان المرصد السوري، ومقره بريطانيا، قد أعلن: the name before the aside, not the one inside it
                subject = next((m for m in reversed(before) if self._token_at(m.end - 1) < aside), subject)
            after_subject = self._token_at(subject.end - 1) + 1
            while after_subject < statement.cue and QUOTATION_MARKS.fullmatch(self.raw[after_subject]):
                after_subject += 1  # the mark closing a quoted name ("المجلس الوطني"، الذي …، أكد)
            # الأمين العام لحلف الناتو، أكد: the subject ends just before the verb (a comma, كان or قد between)
            gap = range(after_subject, statement.cue)
            if self._relative_aside(after_subject, statement.cue) or aside == after_subject:
                gap = range(0)  # لكن الحكومة، التي عارضت الحظر، ترى أنه: a relative clause set off by commas
            joined = all(self.raw[i] in ("،", ",") or self.keys[i] in GAP_WORDS for i in gap)
            # سارع ترامب إلى الرد: a verbal noun after إلى, the verb before the name
            joined = joined or (len(gap) == 1 and self.keys[gap[0]] == TO_KEY and self._definite(statement.cue))
            # not a name behind a preposition (وعلى حسابه في تويتر، ذكر …): that is where, not who
            if len(gap) <= SUBJECT_GAP and joined and self._ungoverned(subject):
                return subject
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
            bodies = [m for m in before if m.type in ("ORG", "LOC") and m.entity is not None and self._ungoverned(m)]
            if self._joined(statement.cue) and bodies:
                # ويسيطر الحوثيون على …، وقالوا; اعتبرت إيران أن …، ورأت: a body or a country when no person is named
                return bodies[0]
            if self._is_participle(statement.cue):
                # نفت الإمارات التقارير، مشيرة إلى أن …: a participle shares the subject of its sentence's verb
                subjects = [m for m in before if m.entity is not None and self._ungoverned(m)]
                if subjects:
                    return prefer_person(subjects[:1] + [m for m in subjects if m.type == "PER"][:1])
        return None

    def _object_before_content(self, statement: Statement, name: Mention) -> bool:
        """Whether ``name`` is followed right away by the preposition that opens the verb's content (اتهم X بـ،
        طالب X بـ، دعا X إلى): for a verb that takes an object, the one name before it is that object."""
        preposition = self.lexicon.content_prepositions.get(self.keys[statement.cue])
        after = self._token_at(name.end - 1) + 1
        if not preposition or after >= len(self.keys) or self.spans[after][0] > statement.start:
            return False
        return self.preps[after] == preposition or self.keys[after] == word_key(preposition)

    def _statement_subject(self, cue: int) -> bool:
        """Whether a statement noun is the verb's subject (واتهم البيان الختامي الرئيس الأمريكي بـ): the names after it
        are the verb's objects; the statement speaks for who issued it."""
        j = cue + 1
        while j < len(self.keys) and (j in self.time_tokens or self._filler(j)):
            j += 1
        return j < len(self.keys) and not self.preps[j] and self.view.forms[j].article and self._statement_noun(j)

    def _named_before_particle(self, cue: int) -> bool:
        """Whether the subject came before the verb, so that the names after it are its objects: a name ending right
        before the قد of the cue, past كان (وكان نائب الرئيس الأمريكي قد حذر الزعيم الكوري الشمالي كيم جونغ أون من …),
        or between كان and the cue (وكانت البحرين اتهمت إيران بـ)."""
        k = cue - 1
        if k < 0 or self.keys[k] != MAY_KEY:
            return self._between_was_and(cue)
        while k > 0 and self.keys[k - 1] in GAP_WORDS:
            k -= 1
        if k == 0:
            return False
        name = self._name_ending_at(k - 1)
        return name is not None and name.type in SPEAKER_TYPES and not self._inside_quote(name.start)

    def _named_before_first_particle(self, statement: Statement) -> Mention | None:
        """The name right before the first قد of a statement's sentence (past كان), when that قد comes before the
        cue: the subject of the sentence's first verb."""
        assert statement.cue is not None
        first, _ = self._sentence_tokens(statement.sentence)
        particle = next((k for k in range(first + 1, statement.cue - 1) if self.keys[k] == MAY_KEY), None)
        if particle is None:
            return None
        k = particle
        while k > first and self.keys[k - 1] in GAP_WORDS:
            k -= 1
        name = self._name_ending_at(k - 1) if k > first else None
        if name is None or name.type not in SPEAKER_TYPES or name.entity is None or self._inside_quote(name.start):
            return None
        return name if self._ungoverned(name) else None

    def _between_was_and(self, cue: int) -> bool:
        """Whether a person's or a body's name stands alone between كان and the cue (وكانت البحرين اتهمت)."""
        name = self._name_ending_at(cue - 1) if cue > 0 else None
        if name is None or name.type not in SPEAKER_TYPES:
            return False
        first = self._token_at(name.start)
        return first > 0 and self.keys[first - 1] in WAS_KEYS and not self._inside_quote(name.start)

    def _name_ending_at(self, k: int) -> Mention | None:
        """The longest name that ends with token ``k``."""
        return self.longest_ending.get(self.spans[k][1])

    def _in_quoted_words(self, mention: Mention) -> bool:
        """Whether a name lies inside quoted words longer than itself (not a name in quotation marks, "داعش")."""
        quoted = self._quote_before(mention.start + 1)
        return (
            quoted is not None and mention.end <= quoted[1] and quoted[1] - quoted[0] > mention.end - mention.start + 2
        )

    def _subject_names(self, names: list[Mention]) -> list[Mention]:
        """The names after a verb up to a preposition or time word after the first one (قالت وزارة التجارة قبل قرار
        ترامب: ترامب is not in the subject)."""
        if not names:
            return names
        kept = names[:1]
        for mention in names[1:]:
            gap = range(self._token_at(kept[-1].end - 1) + 1, self._token_at(mention.start) + 1)
            if any(
                self.keys[i] in BARRIER_WORDS | RELATIVES or (self.preps[i] and i not in self.time_tokens) for i in gap
            ):
                break  # …، الذي تقود قواته السعودية: a name in a relative clause is not in the subject
            kept.append(mention)
        return kept

    def _opening_subject(self, statement: Statement) -> Mention | None:
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

    def _relayed_before(self, cue: int) -> Mention | None:
        """The name after عن or على لسان before a noun of saying (نقلت الوكالة عن مصادر طبية قولها، على لسان شعبان
        قولها): who said the words an agency relays."""
        first, _ = self._sentence_tokens(self._sentence_at(self.spans[cue][0]))
        for k in range(cue - 1, max(first, cue - 1 - CITED_WINDOW * 2) - 1, -1):
            opens = self.keys[k] == ABOUT_KEY or (self.keys[k] == TONGUE_KEY and k > 0 and self.keys[k - 1] == ON_KEY)
            if not opens:
                continue
            cited = [m for m in outermost(self._mentions_between(self.spans[k][1], self.spans[cue][0]))
                     if m.type in SPEAKER_TYPES and m.entity is not None and m.subtype != "demonym"]  # fmt: skip
            return prefer_person(cited) if cited else None  # عن وزير الخارجية الفرنسي X: the minister
        return None

    def _relayed_speaker(self, statement: Statement) -> Mention | None:
        """The person an attribution phrase cites between a speech verb and its clause (قالت وكالة الأنباء، نقلا عن
        النائب الأول لوزير الخارجية، كيم كاي جوان، إن …): the words are that person's."""
        assert statement.cue is not None
        begin = self._token_at(statement.start)
        for j in range(statement.cue + 1, min(begin, statement.cue + 1 + SUBJECT_WINDOW)):
            phrase_end = self._attribution_at(j)
            if phrase_end is None or self.keys[j] in self.lexicon.agency_verbs:
                continue
            named = self._mentions_between(self.spans[statement.cue][1], self.spans[j][0])
            if any(m.type == "PER" and m.entity is not None for m in named):
                return None  # وأضاف طيلب، وفق ما نقلت عنه فرانس برس، أن: the subject named, the agency relays him
            window = self._mentions_between(self.name_starts[phrase_end], self.spans[begin - 1][1])
            people = [m for m in outermost(window) if m.type == "PER" and m.entity is not None]
            return people[0] if people else None
        return None

    def _clause_subject(self, statement: Statement) -> Mention | None:
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

    def _continued_subject(self, statement: Statement, before: list[Mention]) -> Mention | None:
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

    def _named_after_title(self, statement: Statement, after: list[Mention]) -> Mention | None:
        """The person named at the end of a title that opens the verb's subject, past the bodies the title names
        (طالب رئيس المجلس الرئاسي لحكومة الوفاق الوطني الليبية فائز السراج): only title words, definite words, names,
        words with ل (رئيس الهيئة الوطنية لحماية المعطيات، شوقي قداس), heads of bodies, في, commas and brackets
        (مدير العمليات في شركة (ديستريس أليرت) للإسعاف، غيريت برادنيك) between the verb and the person, the first of
        them a title word."""
        assert statement.cue is not None
        k = statement.cue + 1
        while k < len(self.keys) and (k in self.time_tokens or self._filler(k)):
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
                       or self.raw[i] in TITLE_JOINERS or self.preps[i] == "ل"
                       or self.keys[i] in self.organisation_heads for i in between):  # fmt: skip
                    return mention
                return None
        return None

    def _title_holder(self, statement: Statement) -> Mention | None:
        """وشدد وزير الخارجية الفرنسي على أن …، ولفت الوزير الفرنسي إلى أن …: a title with no name after it, as the
        verb's subject, stands for the person the article named with that title before (وزير الخارجية الفرنسي، جون
        إيف لودريان). Several people named with the title: the one whose title shares the word after it (الخارجية),
        else none (never a guess)."""
        assert statement.cue is not None
        last = self._token_at(statement.start)
        j = statement.cue + 1
        while j < last and (self.raw[j] in (",", "،") or j in self.time_tokens or self._filler(j)):
            j += 1
        if j >= last or self._title_key(j) not in self.person_titles or self.preps[j]:
            return None
        return self._holder_of_title_at(j, last, self.spans[statement.cue][0])

    def _title_key(self, j: int) -> str:
        """The key of a title word, its ة restored before a pronoun (مراسلتنا "our correspondent": مراسلة)."""
        key = self.keys[j]
        if key.endswith("ت") and key[:-1] + "ه" in self.person_titles and self.raw[j] != key:
            return key[:-1] + "ه"
        return key

    def _holder_of_title_at(self, j: int, last: int, cue_start: int) -> Mention | None:
        """The person the article named before ``cue_start`` with the title word at token ``j`` (the title's words
        end before token ``last``); of several, the one whose title shares the word after it, else none."""
        key, following = self._title_key(j), self.keys[j + 1] if j + 1 < last else None
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

    def _relative_antecedent(self, cue: int) -> Mention | None:
        """The name right before the relative pronoun that opens the cue's clause (X، الذي قال; X التي أكدت; X الذي كان
        يطالب), when the clause has no subject of its own: the one who speaks."""
        relative = cue - 1
        while relative > 0 and self.keys[relative] in GAP_WORDS:
            relative -= 1  # ترامب الذي كان يطالب: past كان or قد
        if relative < 1 or self.keys[relative] not in RELATIVES:
            return None
        verb = self.raw[cue][1:] if self.conj[cue] else self.raw[cue]
        feminine = verb.endswith("ت") or verb.startswith("ت")
        if feminine != (self.keys[relative] in FEMININE_RELATIVES):
            return None  # استراتيجية ماي التي قال إنها: the verb does not agree with the pronoun, has another subject
        end = relative - 1 if self.raw[relative - 1] in ("،", ",") else relative
        if end < 1:
            return None
        last_end = self.spans[end - 1][1]
        window_start = self.spans[max(end - ANTECEDENT_WORDS, 0)][0]
        names = [m for m in self._mentions_between(window_start, last_end) if m.end == last_end]
        names = [m for m in outermost(names) if m.type in SPEAKER_TYPES and m.entity is not None]
        return names[-1] if names else None

    def _aside_before(self, cue: int) -> int | None:
        """The comma opening an aside that ends right before a cue (its closing comma, then only كان or قد) and
        starts with و and a noun or pronoun about the name before it (، ومقره بريطانيا،، وهو …،) or with a relative
        pronoun (، الذي …،): where it starts, else None."""
        k = cue - 1
        while k >= 0 and self.keys[k] in GAP_WORDS:
            k -= 1
        if k < 2 or self.raw[k] not in ("،", ","):
            return None
        for j in range(k - 1, max(k - TITLE_HOLDER_WINDOW, 0) - 1, -1):
            if self.raw[j] in ("،", ","):
                opens = j + 1 < k and (
                    (self.conj[j + 1] and ASIDE_OPENING.fullmatch(self.raw[j + 1]))
                    or self.keys[j + 1] in RELATIVES  # ، الذي تنضوي تحته منظمة مجاهدي خلق،
                    or (self.view.forms[j + 1].article and not self.preps[j + 1])  # ، الفصيل الأقوى في الغوطة،
                )
                return j if opens else None
            if self.raw[j] in CLAUSE_ENDS:
                return None
        return None

    def _relative_aside(self, start: int, end: int) -> bool:
        """Whether tokens ``[start, end)`` are a relative clause set off by commas (، التي عارضت الحظر،)."""
        return (
            end - start >= 3
            and self.raw[start] in ("،", ",")
            and self.keys[start + 1] in RELATIVES
            and self.raw[end - 1] in ("،", ",")
            and not any(self.raw[i] in ("،", ",") for i in range(start + 1, end - 1))
        )

    def _cueless_speaker(self, statement: Statement) -> Mention | None:
        """The speaker of a quotation with no speech word: who its sentence cites (بحسب شركة X، فإن "…"؛ "…"، وفقا
        لما أعلنه X؛ نقلت الوكالة عن X), else who issued the statement it quotes (أصدر البيت الأبيض بيانا يثني فيه
        على "…"), else a person named just before it (ليؤكد misspelt)."""
        first, last = self._sentence_tokens(statement.sentence)
        quote_first = self._token_at(statement.start)
        opener = quote_first - 1
        while opener > 0 and self.raw[opener] in OPENERS:
            opener -= 1
        if opener > 0 and self.raw[opener] == ":" and self._headline_colon(self._line_start(opener), last) == opener:
            return self._headline_name(opener)  # نتنياهو: إيران تسعى إلى "…"
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
        near = outermost(self._mentions_between(max(self.sentences[statement.sentence].start, window_start),
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
        if first >= last:
            return None  # the attribution ends its sentence (… حسبما أفاد): no one named after it
        window = self._mentions_between(self.name_starts[first], self.spans[min(first + CITED_WINDOW, last - 1)][1])
        named = [m for m in outermost(window) if m.type in ("PER", "ORG")]
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
                return outermost(quoted)[0]
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

    def _cited_after(self, statement: Statement) -> Mention | None:
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

    def _subject_end(self, statement: Statement) -> int:
        """Where the subject of a cue can end: at the statement, or before a complementiser that opens the reported
        clause first (وقال بسيط إن قوات الأمن تمشط "…": قوات الأمن is in what he said)."""
        assert statement.cue is not None
        if statement.subject_end is not None:
            return statement.subject_end
        for j in range(statement.cue + 1, min(self._token_at(statement.start), len(self.keys))):
            if self._complementiser_at(j) and self.spans[j][1] <= statement.start:
                return self.spans[j][0]
        return statement.start

    def _issuer(self, statement: Statement) -> Mention | None:
        """Who issued the statement a cue belongs to: one named just before it (أصدرت الوزارة بيانا تؤكد فيه), or the
        cue's subject (قال البيان، وأشار التقرير) when it was named before (see :meth:`_issuer_of`)."""
        cue = statement.cue
        if cue is None:
            return None
        first, _ = self._sentence_tokens(statement.sentence)
        # فيه، فيها after the cue (or حيث before it) points back to the statement noun however far before it in the
        # sentence (في تغريدة للسفير على صفحته بموقع التواصل الاجتماعي، تويتر، قال فيها)
        pointing = (cue + 1 < len(self.keys) and self._in_it(cue + 1)) or (cue > 0 and self.raw[cue - 1] == "حيث")
        reach = first if pointing else max(first, cue - 1 - ISSUER_GAP)
        for j in range(cue - 1, reach - 1, -1):
            if self._statement_noun(j):  # أصدرت الوزارة بيانا الأحد تؤكد فيه: the statement's own verb
                return self._issuer_of(j)
        if cue + 1 >= len(self.keys) or self.keys[cue + 1] not in self.lexicon.statement_nouns:
            return None
        if not self._definite(cue + 1):
            return self._issuer_of(cue + 1, gap=ISSUER_GAP + 1)  # وقال بيان علمي من جمعية القلب: named after it
        positions, latest, single = self._noun_issuers(without_tanween(self.keys[cue + 1]))
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
                if without_tanween(key) == noun
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
        return self.keys[j] in nouns or without_tanween(self.keys[j]) in nouns

    def _issuer_of(self, j: int, gap: int = ISSUER_GAP) -> Mention | None:
        """Who issued the statement named at token ``j``: a name starting at most ``gap`` tokens after it (بيان
        الخارجية، بيان علمي من جمعية القلب) or the subject just before it (أصدر البيت الأبيض بيانا)."""
        after = self._mentions_starting(self.spans[j][1], self.spans[min(j + gap, len(self.spans) - 1)][1])
        named = [
            m
            for m in outermost(after)
            if m.type in ("ORG", "PER")
            # not who was told (إلى، عبر), but ل: who issued it (بيان للبرلمان، التقرير السنوي لـ #هيئة_السوق_المالية)
            and self._address_word(m) in (None, L_KEY)
            and not self._on_medium(m)  # تغريدة على تويتر: where it was posted, not who posted it
            # في بيان أن الوكالة …: a name after the complementiser is in what the statement said
            and not any(self._complementiser_at(k) for k in range(j + 1, self._token_at(m.start)))
        ]
        if named and not self._possessed(j):  # بيانه: his statement; the name after it is in what it said
            return named[0]
        holder = self._issuing_title_holder(j)
        if holder is not None:  # في تغريدة للسفير السعودي: the ambassador the article named
            return holder
        # names ending in the few tokens before it (نشر مكتب الاتصال الحكومي في قطر بيانا: a long name starts earlier)
        start = self.spans[max(j - ISSUER_GAP, 0)][0]
        window = self._mentions_between(self.spans[max(j - ISSUER_GAP - TITLE_HOLDER_WINDOW, 0)][0], self.spans[j][0])
        before = [m for m in outermost(window) if m.type in ("ORG", "PER") and m.end > start]
        if before and self._ungoverned(before[-1]):
            return self._titled_holder(before[-1]) or before[-1]
        return None

    def _titled_holder(self, body: Mention) -> Mention | None:
        """The person named right before the title a body's name completes (مسعود البارزاني زعيم الحزب الديمقراطي
        الكردستاني: Barzani, not his party), else None."""
        if body.type == "PER":
            return None
        title = self._token_at(body.start) - 1
        if title < 1 or self.keys[title] not in self.office_words:
            return None
        person = self._name_ending_at(title - 1)
        return person if person is not None and person.type == "PER" and person.entity is not None else None

    def _issuing_title_holder(self, j: int) -> Mention | None:
        """The person the article named before with the title that follows a statement noun at ``j`` with ل and no
        name after it (تغريدة للسفير السعودي، بيان للوزير القطري: of two ministers, the Qatari one)."""
        k = j + 1
        if k >= len(self.keys) or self.preps[k] != "ل" or self.keys[k] not in self.person_titles:
            return None
        named = self._mention_of_token(k + 1)
        if named is not None and named.type == "PER":
            return None  # a name after the title: the name itself is the issuer
        return self._holder_of_title_at(k, min(k + TITLE_HOLDER_WINDOW, len(self.keys)), self.spans[j][0])

    def _on_medium(self, mention: Mention) -> bool:
        """Whether a name comes after على، في or عبر, or a medium with ب (a platform or place: على تويتر، على موقع
        تويتر، بموقع التواصل الاجتماعي، تويتر)."""
        i = self._token_at(mention.start) - 1
        while i > 0 and (self.raw[i] in HASHTAG_MARKS | {"،", ","} or self.keys[i] in MEDIUM_NOUNS | SOCIAL_WORDS):
            if self.keys[i] in MEDIUM_NOUNS and self.preps[i] == "ب":
                return True
            i -= 1
        return i >= 0 and self.keys[i] in MEDIUM_PREPOSITIONS

    def _possessed(self, j: int) -> bool:
        """Whether the noun at ``j`` carries a possessive pronoun (بيانه، تصريحاتها)."""
        raw = self.raw[j]
        return raw.endswith(("ه", "ها", "هم", "هما")) and not self.keys[j].endswith(raw[-1])

    def _may_speak(self, mention: Mention, statement: Statement) -> bool:
        """A name after the verb that can be its subject: a person, an organisation, or a place as the verb's
        very next word (أعلنت كوريا الشمالية), not where it was said (في النجف) nor who was told (لبي بي سي)."""
        if mention.type not in SPEAKER_TYPES or self._addressee(mention):
            return False
        first = self._token_at(mention.start)
        if (
            mention.type != "PER"
            and first == statement.cue + 2
            and self.keys[first - 1] in PERSON_NOUNS
            and not self.view.forms[first - 1].article
        ):
            return False  # قال لاعب خيتافي: the club of the player who speaks
        if mention.type != "PER" and self._titled_body(statement.cue + 1, first):
            return False  # قال رئيس تحرير صحيفة التيار إن: the newspaper of the editor who speaks
        if self.preps[first] in ("ب", "ك") and mention.start > self.spans[first][0] and first > statement.cue + 1:
            # وأشار المسؤول بالأمم المتحدة: a subject takes no preposition (right after the verb, قال بريان هاس may be
            # a name the clitic analyser split)
            return False
        lead = self._past_each_of(first)
        before = self._word_before(lead)
        if before >= 0 and self.keys[before] in BARRIER_WORDS:
            return False  # وكتب على حسابه في تويتر، قال خلال كلمته أمام الأمم المتحدة: where, not who
        if before >= 0 and self.raw[before] == "باسم" and (mention.type != "PER" or mention.subtype == "title"):
            return False  # قال المتحدث باسم رئيس الوزراء: the spokesman speaks, for the one he is named after
        between = range(statement.cue + 1, lead)
        if self._in_phrase_after_verb(between):
            return False  # وأكدت في لقاء مع شبكة أيه بي سي نيوز أن: the network is in where it was said
        if any(self._is_cue(k) or self._attribution_at(k) is not None for k in between):
            return False  # وقالت الخارجية في رسالة … وفق ما نقلت وكالة الأنباء: another verb's subject, a source
        if mention.type != "LOC" or all(
            self.raw[i] in HASHTAG_MARKS or self._filler(i) or i in self.time_tokens for i in between
        ):
            return True  # حذرت مجددا إسرائيل، أعلنت الأحد كوريا الشمالية: past what may stand before the subject
        if (
            2 <= len(between) <= 4
            and self.keys[between[-1]] in EXAMPLE_WORDS
            and not any(self.preps[i] for i in between)
        ):
            return True  # تعهدت مدن مثل باريس ومدريد: the places given as examples of the subject
        # ذكر مطار أبوظبي: a place named by the one noun before it (its airport, its government)
        return len(between) == 1 and not self.preps[between[0]] and self.keys[between[0]] in self.lexicon.place_bodies

    def _titled_body(self, start: int, first: int) -> bool:
        """Whether tokens ``[start, first)`` are a person's title in construct (no article, no preposition) naming the
        body that follows them (رئيس تحرير صحيفة، الأمين العام لـ is not: ل names it as the title's own)."""
        between = range(start, first)
        return (
            len(between) > 0
            # an office, not a rank (فريق سكاي is a team, لواء القدس a brigade)
            and (self.keys[start] in self.title_first_words or self.keys[start] in PERSON_NOUNS)
            and not self.view.forms[start].article
            and not any(self.preps[k] or self.raw[k] in ("،", ",") for k in between)
            and not self.view.forms[first - 1].article
        )

    def _in_phrase_after_verb(self, between: range) -> bool:
        """Whether the words between the verb and a name open with a preposition, and no title comes before the name
        (وأكدت في لقاء مع شبكة أيه بي سي نيوز أن; not وقال في بيان وزير الخارجية X, nor المسؤول في قسم …، X, whose
        preposition is in the subject's description)."""
        words = [
            k for k in between if k not in self.time_tokens and not self._filler(k) and self.raw[k] not in ("،", ",")
        ]
        if not words or not (self.keys[words[0]] in BARRIER_WORDS or self.preps[words[0]]):
            return False
        # كما أكد، خلال اتصاله بمحافظ الحديدة X، أن: a title with a preposition on it is in the phrase too
        return not any(self.keys[k] in self.office_words and not self.preps[k] for k in words)

    def _addressee(self, mention: Mention) -> bool:
        """قال لبي بي سي، أكد للصحفيين: a name with ل after the verb is who was told, not who spoke."""
        i = self._token_at(mention.start)
        if self.preps[i] == "ل" and i > 0 and self._statement_noun(self._word_before(i)):
            return False  # حذر بيان للبرلمان اليمني: the statement's issuer, not who was told
        return self._address_word(mention) is not None

    def _address_word(self, mention: Mention) -> str | None:
        """The key of the word that marks a name as addressed (ل written on it or before it, إلى، عبر، مع، مخاطبا),
        also before a title the name is set off after (كتب رسالة إلى وزير المالية، ماتيا كاسايجا), else None."""
        i = self._token_at(mention.start)
        if self.preps[i] == "ل":
            return L_KEY
        before = self._word_before(i)
        if before >= 0 and self.preps[before] == "ل" and not self.view.forms[before].article:
            return L_KEY  # في تصريح لمراسل الجوهرة أف أم: told to the station's correspondent
        if before > 0 and self.raw[before] in ("،", ","):
            first = before - 1  # the title's first word, read back over its title and definite words
            while first > 0 and before - first < TITLE_HOLDER_WINDOW and self._title_or_definite(first - 1):
                first -= 1
            if self.keys[first] in self.person_titles:
                if self.preps[first] == "ل":
                    return L_KEY
                before = first - 1
        if before < 0 or self.keys[before] not in ADDRESS_WORDS or self._expressed(before):
            return None
        return self.keys[before]

    def _expressed(self, i: int) -> bool:
        """An address word at ``i`` that opens its sentence with و (وعبر: the verb "expressed", not "through"), or عبر
        read as a cue of its own (من جهته، عبر الحزب الدستوري الحر عن تعاطفه: the party expressed)."""
        if self.conj[i] and i == self._sentence_tokens(self._sentence_at(self.spans[i][0]))[0]:
            return True
        return self.raw[i] == "عبر" and self._is_cue(i)

    def _word_before(self, i: int) -> int:
        """The token before ``i``, past hashtag and quotation marks (عبر "تويتر": the mark is not a word); -1 at
        the start."""
        before = i - 1
        while before > 0 and self.raw[before] in HASHTAG_MARKS:
            before -= 1
        return before

    def _past_each_of(self, i: int) -> int:
        """Token ``i``, or the كل of كل من right before it (أعلنت كل من ألمانيا وفرنسا: "each of", the subject)."""
        if i > 1 and self.keys[i - 1] == FROM_KEY and self.keys[i - 2] == EACH_KEY and not self.preps[i - 2]:
            return i - 2
        return i

    def _ungoverned(self, mention: Mention) -> bool:
        """No preposition before the name (على لسان X، بـY، مع Z، إلى وزير المالية، Z): it can be a subject."""
        i = self._token_at(mention.start)
        if i > 0 and self.keys[i - 1] in DEMONSTRATIVES and not self.preps[i]:
            i -= 1  # من هذه الشركة: the preposition is before the demonstrative
        i = self._past_each_of(i)
        start = mention.start
        # من روسيا والصين وسنغافورة: names joined by و share the first one's preposition
        while i > 0 and not self.preps[i] and (self.conj[i] or self.text[self.spans[i][0] : start] == "و"):
            joined = self._name_ending_at(i - 1)
            if joined is None or joined.type not in SPEAKER_TYPES:
                break
            i, start = self._token_at(joined.start), joined.start
        return (
            not self.preps[i]
            and (i == 0 or self.keys[i - 1] not in BARRIER_WORDS)  # في، ضد، بعد …: where, against whom, when
            and not self._on_medium(mention)
            and self._address_word(mention) is None
        )

    def _verb_between(self, first: int, last: int) -> bool:
        return any(self._is_cue(i) for i in range(first, last))

    def _speakers(self, statements: list[Statement]) -> None:
        previous: Statement | None = None
        reporting: Statement | None = None  # the latest one not inside another
        done: list[Statement] = []
        seen = _Reach()  # the statements met so far, as done
        for statement in statements:
            if previous is not None:
                previous = self._going_on_with(previous, reporting, statement)
            if statement.headline:  # نتنياهو: إيران تسعى …, a headline or teaser: its name, and the story goes on
                colon = self._token_at(statement.start) - 1
                statement.speaker = self._headline_name(colon)
                done.append(statement)
                seen.add(statement)
                continue
            if statement.attributed:  # …، بحسب ما أعلنه X: X, named after the verb, or a description (no one)
                assert statement.cue is not None
                _, last = self._sentence_tokens(statement.sentence)
                statement.speaker = self._cited_speaker(statement.cue + 1, last)
                done.append(statement)
                seen.add(statement)
                if statement.speaker is not None:
                    previous = reporting = statement
                continue
            participle = statement.cue is not None and self._is_participle(statement.cue)
            # مبيناً أن …: a participle goes on with the speaker of the statement it follows, unless a verb of its own
            # sentence names another (كما حذر لايتهايزر قبل مغادرته واشنطن قائلا: "…")
            statement.speaker = None if participle else self._subject(statement)
            if statement.cue is not None and (statement.speaker is None or statement.speaker.type != "PER"):
                statement.speaker = self._cited_after(statement) or statement.speaker
            if participle and (previous is None or self._last_sentence(previous) != statement.sentence):
                statement.speaker = self._verb_subject(statement)
                if statement.speaker is None and previous is not None:
                    # من جهته علق رئيس الوزراء، بنيامين نتنياهو، مؤكدا أن: the subject of the verb opening its own
                    # sentence, before the speaker of an earlier sentence
                    statement.speaker = self._sentence_subject(statement)
            described = self._described_by_speaker(statement, done)
            if described is not None:  # مما وصفه بـ"…": inside another statement, its speaker's words
                statement.speaker, statement.carried = described, True
            agent = self._noun_agent(statement)
            if agent is not None:  # أشاد X بـY بعد تحذير الأخير بأن …: the statement is the noun's, its agent speaks
                statement.speaker, statement.carried = agent, False
            done.append(statement)
            seen.add(statement)
            if statement.speaker is None and not participle and self._unnamed_subject(statement):
                # وقال مصدر مطلع: a speaker left unnamed, and what goes on with it too
                previous = reporting = statement
                continue
            if (
                statement.speaker is None
                and statement.cue is not None
                and (previous is None or self._last_sentence(previous) < statement.sentence)
            ):
                # وكان الرئيس X قد توعد …، حيث قال إن …: a verb inside a sentence with no subject of its own has the
                # sentence's subject, before any speaker of an earlier sentence
                statement.speaker = self._sentence_subject(statement)
            agrees = previous is None or self._agrees(previous, statement)
            if (
                statement.speaker is None
                and statement.cue is not None
                and previous is not None
                and self._last_sentence(previous) < statement.sentence - 1
            ):
                # a sentence with no statement in between, whose subject is a person: that person goes on speaking
                statement.speaker = self._previous_subject(statement)
                statement.carried = statement.speaker is not None
            if (
                statement.speaker is None
                and statement.cue is not None
                and previous is not None
                and (statement.sentence - self._last_sentence(previous) <= CARRY_SENTENCES)
                and agrees
            ):
                statement.speaker = previous.speaker
                statement.carried = statement.speaker is not None
            elif (
                participle and statement.speaker is None
            ):  # none to follow: the subject of its sentence's verb (نفت الإمارات …، مشيرة إلى أن)
                statement.speaker = self._subject(statement)
            if statement.speaker is None and statement.cue is not None:
                subject = self._previous_subject(statement)
                if not agrees and previous is not None and previous.speaker is not None and subject is not None:
                    # the person who spoke before, whom the verb's gender rules out
                    subject = None if subject.entity == previous.speaker.entity else subject
                statement.speaker = subject
                statement.carried = statement.speaker is not None
            if statement.speaker is not None:
                previous = statement
                # not inside an earlier statement, nor its cue (وقال إن الوزارة ترى أن …؛ قالت X إن ترامب أكد، في
                # كلمته، "…": the quotation is what X reported)
                cue_at = self.spans[statement.cue][0] if statement.cue is not None else statement.start
                if not seen.covers(statement.end, cue_at):
                    reporting = statement

    def _going_on_with(self, previous: Statement, reporting: Statement | None, statement: Statement) -> Statement:
        """The statement a verb with no subject goes on with: the one before, or, when that one was reported inside
        another and the verb agrees with the reporter's verb, the reporter's (قال X إن الوزارة ترى أن …. وأضاف: X,
        not the ministry; وأضاف X أن الشاهد عبّر عن …. وبيّن: X; but اشترطوا … وطالبوا goes on with those
        reported)."""
        if reporting is None or reporting is previous or None in (previous.cue, reporting.cue, statement.cue):
            return previous
        assert previous.cue is not None and reporting.cue is not None and statement.cue is not None
        gender = self.lexicon.gender
        now = gender(self.keys[statement.cue])
        if now is not None and gender(self.keys[reporting.cue]) == now:
            return reporting
        return previous

    def _agrees(self, previous: Statement, statement: Statement) -> bool:
        """Whether a statement's verb may go on with the person who made the one before: not قال X … وقالت, a feminine
        verb after a masculine one, nor the reverse (its subject, left out or a noun, is someone else)."""
        if previous.cue is None or statement.cue is None or previous.speaker is None or previous.speaker.type != "PER":
            return True
        if self._is_participle(statement.cue) or statement.cue != self._sentence_tokens(statement.sentence)[0]:
            return True  # تونس مطالبة بـ، بلاده اقترحت: a verb inside its sentence may agree with a noun before it
        before, now = self.lexicon.gender(self.keys[previous.cue]), self.lexicon.gender(self.keys[statement.cue])
        return before is None or now is None or before == now

    def _unnamed_subject(self, statement: Statement) -> bool:
        """Whether the verb's subject is an indefinite noun for an unnamed speaker (وقال مصدر مطلع، أفاد شهود عيان،
        وذكر مسؤول في الوزارة) or an office whose holder is not named, after the times and fillers that may come
        first."""
        if statement.cue is None:
            return False
        j = statement.cue + 1
        while j < len(self.keys) and (j in self.time_tokens or self._filler(j) or self.keys[j] in GAP_WORDS
                                      or self.raw[j] in ("،", ",")):  # fmt: skip
            j += 1
        if j >= len(self.keys) or self.spans[j][0] >= statement.start or self.preps[j] or self.view.forms[j].article:
            return False
        if self.keys[j] in self.lexicon.unnamed_sources:
            return True
        # وقال وزير الخارجية التركي إن: an office whose holder the article does not name (a title in construct,
        # with the words after it that make it one office, not الوزير, which may be the one who spoke before)
        return self.keys[j] in self.person_titles and j + 1 < len(self.keys) and self._definite(j + 1)

    def _noun_agent(self, statement: Statement) -> Mention | None:
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

    def _last_sentence(self, statement: Statement) -> int:
        """The sentence a statement ends in (a long quotation runs over several)."""
        return self._sentence_at(max(statement.end - 1, statement.start))

    def _opens_clause(self, j: int, first: int) -> bool:
        """Whether token ``j`` is the verb of a clause that بينما، فيما or كما opens (a bare word, no name)."""
        return (
            j > first
            and self.raw[j - 1] in OPENING_PARTICLES
            and not self.preps[j]
            and not self.view.forms[j].article
            and self._mention_of_token(j) is None
        )

    def _verb_subject(self, statement: Statement) -> Mention | None:
        """The name right after a speech verb earlier in a participle's sentence (كما حذر لايتهايزر … قائلا), or after
        the verb of a clause opened by بينما، فيما or كما (بينما يرفض حزب النهضة ذلك، مطالبا بـ)."""
        assert statement.cue is not None
        first, _ = self._sentence_tokens(statement.sentence)
        for j in range(statement.cue - 1, first - 1, -1):
            phrase_end = None if self.keys[j] in self.lexicon.agency_verbs else self._attribution_at(j)
            if phrase_end is not None and phrase_end < statement.cue:
                # وجاء إعلان الحكومة على لسان المتحدثة باسمها، X، قائلة إن: the person it cites goes on speaking
                cited = self._cited_speaker(phrase_end, statement.cue)
                if cited is not None and cited.type == "PER" and cited.entity is not None:
                    return cited
            if not (self._is_cue(j) or self._opens_clause(j, first)) or self._is_participle(j):
                continue
            if self._inside_quote(self.spans[j][0]):
                continue
            if self._plural_verb(j) or (j > first and self.keys[j - 1] in RELATIVES | WHAT_WORDS):
                return None
            named = self._named_right_before(j, first)
            if named is not None:  # لكن محامي X، توماس برين، أشار …، قائلا: the subject before its verb
                return named
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

    def _named_right_before(self, verb: int, first: int) -> Mention | None:
        """A person or organisation named right before a verb without و, or set off by a comma before it (X، أشار):
        the verb's subject, in a sentence that names it first."""
        if self.conj[verb] or verb - 1 <= first:
            return None
        end = verb - 2 if self.raw[verb - 1] in ("،", ",") else verb - 1
        name = self._name_ending_at(end) if end >= first else None
        if name is None or name.type not in ("PER", "ORG") or name.entity is None or self._inside_quote(name.start):
            return None
        return name if self._ungoverned(name) else None

    def _described_by_speaker(self, statement: Statement, done: list[Statement]) -> Mention | None:
        """ما وصفه بـ"…"، مما سماه "…": a cue after ما inside another statement's clause is that speaker's."""
        cue = statement.cue
        if cue is None or cue == 0 or self.keys[cue - 1] not in WHAT_WORDS or self._is_participle(cue):
            return None
        at = self.spans[cue][0]
        for other in reversed(done):
            if other.start <= at < other.end and other.speaker is not None:
                return other.speaker
        return None

    def _sentence_subject(self, statement: Statement) -> Mention | None:
        """The subject of the verb that opens a statement's sentence, for a speech verb later in that sentence with
        no subject of its own: the first person or organisation after the opening verb, past its title and the
        particles before it (وكان الرئيس التركي رجب طيب أردوغان قد توعد …). None when the cue opens the sentence, or
        another speech verb or a sentence break comes first."""
        assert statement.cue is not None
        first = self._opening_verb(statement)
        if statement.cue - first <= 1:
            return None
        cue_gender = self.lexicon.gender(self.keys[statement.cue])
        if cue_gender is not None and self._verb_gender(first) not in (None, cue_gender):
            return None  # شارك أتالاي في تظاهرة … تطالب: a feminine verb, not the masculine verb's subject
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
        # وكان آمر القاعدة البحرية قال: a title with no name between the opening verb and the cue, its holder
        title = next((k for k in range(first + 1, statement.cue) if self.keys[k] in self.person_titles), None)
        if title is None or self.preps[title] or statement.cue > first + TITLE_HOLDER_WINDOW:
            return None
        return self._holder_of_title_at(title, statement.cue, self.spans[first][0])

    def _verb_gender(self, i: int) -> str | None:
        """The gender a verb at ``i`` shows, read from its form alone: a past ending in ت is feminine, a present with
        ي masculine, a bare past of three or four letters masculine; None when the form does not tell."""
        word = self.raw[i][1:] if self.raw[i][:1] in ("و", "ف") and len(self.raw[i]) > 3 else self.raw[i]
        if word.endswith("ت"):
            return "f"
        if word.startswith("ي") or (3 <= len(word) <= 4 and word[:1] not in ("ت", "ن", "أ", "ا")):
            return "m"
        return None

    def _opening_verb(self, statement: Statement) -> int:
        """The token where a statement's sentence starts, past an opening phrase before its verb: من جهته، من جانبه
        ("for his part"), كما، فيما, or a phrase with a preposition set off by a comma (إلى جانب ذلك، سخر ترامب)."""
        assert statement.cue is not None
        first, _ = self._sentence_tokens(statement.sentence)
        if first + 2 < statement.cue and self.raw[first] == "من" and self.raw[first + 1] in SIDE_WORDS:
            return first + 3 if self.raw[first + 2] in ("،", ",") else first + 2
        if first + 1 < statement.cue and self.raw[first] in OPENING_PARTICLES:
            return first + 1  # كما شكر البابا فرنسيس المنظمة، مؤكدا
        if self.preps[first] or self.keys[first] in BARRIER_WORDS:
            for k in range(first + 1, min(first + OPENING_WORDS + 1, statement.cue)):
                if self.raw[k] in ("،", ","):
                    return k + 1
        return first

    def _previous_subject(self, statement: Statement) -> Mention | None:
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
            for m in outermost(self._mentions_between(sentence.start, sentence.end))
            if m.type == "PER" and m.entity is not None and not m.refers
        ]
        if len({m.entity for m in people}) == 1 and self._ungoverned(people[0]):
            return people[0]
        # وينشط عبد العظيم على تويتر … منتقدا سياسات الرئيس المصري. وكتب: several people, the opening verb's subject
        # (كان's too: وكانت هيلي … من معارضي ترامب. وقالت)
        opening = people[0] if people else None
        if opening is None or self._token_at(opening.start) != self._token_at(sentence.start) + 1:
            return None
        verb = self._token_at(sentence.start)
        if self.preps[verb] or self._title_or_definite(verb) or self.keys[verb] in BARRIER_WORDS:
            return None
        return opening if self._ungoverned(opening) else None
