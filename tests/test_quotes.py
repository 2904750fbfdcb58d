"""Who said what: direct and indirect quotes, cues, speakers, and the sources a story cites."""

from __future__ import annotations

import pytest

from khabar import Document, analyze


def speaker_names(doc: Document) -> list[str | None]:
    """The name of each quote's speaker (None where it is unknown), in order."""
    names = {e.id: e.name for e in doc.entities}
    return [names.get(q.speaker) for q in doc.quotes]


def said_by(doc: Document) -> dict[str, str | None]:
    """Each quote's text and the name of its speaker."""
    names = {e.id: e.name for e in doc.entities}
    return {q.text: names.get(q.speaker) for q in doc.quotes}


def speaker_name(doc: Document, quote) -> str | None:
    names = {e.id: e.name_latn or e.name for e in doc.entities}
    return names.get(quote.speaker) if quote.speaker else None


def check_spans(doc: Document) -> None:
    for quote in doc.quotes:
        assert doc.text[quote.start : quote.end] == quote.text
        paragraph = next(p for p in doc.paragraphs if p.start <= quote.start < p.end)
        assert quote.end <= paragraph.end, "a quote never runs past its paragraph"
        if quote.cue is not None:
            assert doc.text[quote.cue.start : quote.cue.end] == quote.cue.text


@pytest.fixture(scope="module")
def seed(seed_text: str) -> Document:
    return analyze(seed_text, "2021-03-10", id="seed")


def test_seed_every_statement_is_attributed(seed: Document) -> None:
    check_spans(seed)
    by_start = {q.text[:20]: q for q in seed.quotes}
    expected = {
        "ضرورة استمرار التنسي": "Jens Stoltenberg",
        "عديد أفراده يقتصر عل": "Jens Stoltenberg",  # الأمين العام لحلف الناتو، أكد أن “…”
        "وجود البعثة جاء بطلب": None,  # بدوره، أكد قائد بعثة الناتو، أن … → Per Olsen (Latin name below)
        "العراق ليس جزءاً من ": "Qasim al-Araji",
        "قرّرنا رفع عديد قوات": "Jens Stoltenberg",
        "سيتم تعزيز البعثة في": "Jens Stoltenberg",  # وقال “…” with no subject of its own
    }
    for prefix, name in expected.items():
        assert prefix in by_start, f"no quote starting {prefix!r}: {list(by_start)}"
        if name is not None:
            assert speaker_name(seed, by_start[prefix]) == name, prefix
    olsen = next(e for e in seed.entities if e.name == "بيير أولسن")
    assert by_start["وجود البعثة جاء بطلب"].speaker == olsen.id
    assert by_start["سيتم تعزيز البعثة في"].kind == "direct"
    assert by_start["ضرورة استمرار التنسي"].kind == "indirect"


def test_seed_joint_statements_name_both_speakers(seed: Document) -> None:
    names = {e.id: e.name_latn for e in seed.entities}
    joint = [q for q in seed.quotes if q.speakers]
    assert joint
    for quote in joint:
        assert sorted(names[s] for s in quote.speakers) == ["Fuad Hussein", "Jens Stoltenberg"]


def test_seed_phone_call_source_is_the_iraqi_foreign_ministry(seed: Document) -> None:
    ministry = next(e for e in seed.entities if e.name == "الخارجية العراقية")
    first = seed.sources[0]
    assert (first.text, first.kind, first.entity) == ("بيان الخارجية العراقية", "attribution", ministry.id)
    assert first.cue is not None and first.cue.text == "وفقاً"
    assert all(s.entity == ministry.id for s in seed.sources)


def test_indirect_quote_with_its_speaker_and_cue() -> None:
    doc = analyze("أكد وزير الخارجية الفرنسي جان إيف لودريان أن بلاده ستواصل دعم الحوار في المنطقة.")
    (quote,) = doc.quotes
    assert quote.kind == "indirect" and quote.cue.text == "أكد"
    assert quote.text == "بلاده ستواصل دعم الحوار في المنطقة"
    assert speaker_name(doc, quote) is not None
    check_spans(doc)


def test_interrupted_quote_is_two_quotes_of_one_speaker() -> None:
    doc = analyze(
        "قال المتحدث باسم الحكومة سامي الخطيب \u201cسنعمل مع جميع الأطراف\u201d، "
        "وأضاف \u201cلن نقبل بأي تدخل خارجي\u201d."
    )
    direct = [q for q in doc.quotes if q.kind == "direct"]
    assert [q.text for q in direct] == ["سنعمل مع جميع الأطراف", "لن نقبل بأي تدخل خارجي"]
    assert direct[0].speaker is not None and direct[0].speaker == direct[1].speaker


def test_omitted_subject_carries_the_previous_speaker() -> None:
    doc = analyze("وقال وزير المالية خالد العمري إن الموازنة ستقر قريبا. وأضاف أن العجز سينخفض هذا العام.")
    first, second = doc.quotes
    assert first.speaker is not None and second.speaker == first.speaker
    assert second.speaker_mention is None  # carried over, not named in its sentence


def test_unknown_speaker_stays_null() -> None:
    doc = analyze("وقيل في الأوساط السياسية إن الحكومة ستستقيل. وأضاف أن الأزمة طويلة.")
    assert all(q.speaker is None for q in doc.quotes)
    doc = analyze("قال مسؤول عراقي إن الحكومة ستعمل على حل الأزمة.")
    assert [q.speaker for q in doc.quotes] == [None]


def test_short_quoted_titles_are_not_statements() -> None:
    doc = analyze('شارك الفنان في برنامج "ذا فويس" على قناة "إم بي سي".')
    assert doc.quotes == ()


def test_unbalanced_and_unclosed_marks_stay_inside_their_paragraph() -> None:
    text = "قال الوزير \u201cإن الوضع خطير جدا ولا يحتمل أي تأجيل في المنطقة\nفقرة أخرى لا علاقة لها بالتصريح أبدا."
    doc = analyze(text)
    check_spans(doc)
    assert doc.quotes and doc.quotes[0].end <= text.index("\n")


def test_an_attribution_that_ends_the_text_names_no_one() -> None:
    """… حسبما أفاد, the last words of the text (a case the property-based test found): no speaker, no crash."""
    doc = analyze("وقتل عشرة أشخاص حسبما أفاد")
    check_spans(doc)
    assert [(q.text, q.speaker) for q in doc.quotes] == [("وقتل عشرة أشخاص", None)]


def test_nested_quotes_give_the_outer_quote() -> None:
    doc = analyze("قال المدير \u00abنحن نرفض ما سماه \u201cالتسوية المؤقتة\u201d ولن نوقع على أي اتفاق\u00bb.")
    (quote,) = doc.quotes
    assert quote.text.startswith("نحن نرفض") and quote.text.endswith("اتفاق")


def test_fifty_quotes_in_one_article() -> None:
    text = "\n".join(
        f"وقال المتحدث \u201cهذا هو التصريح رقم {i} في هذا المؤتمر الصحفي الطويل\u201d." for i in range(50)
    )
    doc = analyze(text)
    check_spans(doc)
    assert len([q for q in doc.quotes if q.kind == "direct"]) == 50


@pytest.mark.parametrize(
    ("text", "source", "kind"),
    [
        ("بغداد - (أ ف ب) قال مسؤول إن الحكومة ستعمل.", "أ ف ب", "dateline"),
        ("ارتفعت الأسعار بنسبة كبيرة، بحسب وكالة رويترز.", "وكالة رويترز", "attribution"),
        ("وذكرت وكالة رويترز أن الاجتماع انتهى دون اتفاق.", "وكالة رويترز", "attribution"),
        ("وقتل ثلاثة أشخاص، نقلا عن مصادر طبية في المدينة.", "مصادر طبية في", "attribution"),
    ],
)
def test_sources(text: str, source: str, kind: str) -> None:
    doc = analyze(text)
    assert any(s.text.startswith(source) and s.kind == kind for s in doc.sources), doc.sources
    for item in doc.sources:
        assert doc.text[item.start : item.end] == item.text


# The gold set's floors are pinned in tests/quality/baseline.toml (the quality gate).


def test_eval_quotes_prints_the_figures() -> None:
    from pathlib import Path

    from typer.testing import CliRunner

    from khabar.cli import app

    gold = Path(__file__).resolve().parent / "data" / "quotes_gold.jsonl"
    printed = CliRunner().invoke(app, ["eval", "quotes", str(gold), "--split", "test"])
    assert printed.exit_code == 0 and "speaker accuracy" in printed.stdout


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        ("وأصدر البيت الأبيض بيانا السبت. وأشار البيان إلى أن الإدارة ستتخذ إجراءات.", "البيت الأبيض"),
        ("نشرت وزارة الخارجية الفرنسية بيانا أمس. وقال البيان إن باريس تدين الهجوم.", "وزارة الخارجية الفرنسية"),
    ],
)
def test_a_statement_speaks_for_its_issuer(text: str, issuer: str) -> None:
    doc = analyze(text, "2021-03-10")
    assert speaker_names(doc) == [issuer]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('وبحسب وزارة الصحة الفلسطينية، فإن المستشفيات "تعمل بأقل من نصف طاقتها منذ أسابيع طويلة".', "وزارة الصحة"),
        ('وقررت الحكومة رفع الدعم عن الوقود بهدف "حماية المالية العامة من العجز المتزايد في الموازنة"، وفقا لما'
         " أعلنته وزارة المالية المغربية في بيان.", "وزارة المالية"),
        ('ونقلت وكالة رويترز عن حلف شمال الأطلسي في بيان أن الاجتماع "سيبحث تعزيز الدفاعات في شرق أوروبا خلال'
         ' الشهر المقبل".', "حلف شمال الأطلسي"),
        ('وأصدرت وزارة الخارجية الأردنية بيانا الأحد تؤكد فيه "ضرورة احترام الوضع القانوني والتاريخي للقدس'
         ' والمقدسات".', "وزارة الخارجية"),
    ],
)  # fmt: skip
def test_a_quotation_without_a_speech_verb_is_said_by_who_its_sentence_cites(text: str, speaker: str) -> None:
    doc = analyze(text, "2021-03-10")
    names = {e.id: e.name for e in doc.entities}
    # (…، وفقا لما أعلنته X: the clause before the attribution is X's statement too, with its own cue)
    quotations = [q for q in doc.quotes if q.kind == "direct"]
    assert len(quotations) == 1 and speaker in (names.get(quotations[0].speaker) or ""), [
        (q.text, names.get(q.speaker)) for q in doc.quotes
    ]


def test_a_speech_verb_joined_by_wa_takes_the_subject_of_the_verb_before_it() -> None:
    doc = analyze('وتدرس المستشارة الألمانية أنجيلا ميركل الوضع، وقالت إن القرار يتعلق فقط "بمدن فردية".', "2021-03-10")
    assert [speaker_name(doc, q) for q in doc.quotes] == ["Angela Merkel"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وقال بيان صادر عن منظمة الصحة العالمية إن الوباء ينحسر في معظم المناطق.", "منظمة الصحة العالمية"),
        ('وقالت الباحثة سعاد المنصوري التي كتبت التقرير الأخير لمنظمة العفو الدولية "إن الأوضاع تزداد سوءا في'
         ' السجون".', "سعاد المنصوري"),
        ("ويسيطر الحوثيون على أغلب الشمال اليمني وقالوا إن العاصمة هدف لصواريخهم.", "الحوثي"),
    ],
)  # fmt: skip
def test_the_speaker_of_a_statement_noun_a_relative_clause_or_a_joined_verb(text: str, speaker: str) -> None:
    doc = analyze(text, "2021-03-10")
    names = {e.id: e.name for e in doc.entities}
    assert doc.quotes and speaker in (names.get(doc.quotes[0].speaker) or ""), [
        (q.text, names.get(q.speaker)) for q in doc.quotes
    ]


def test_a_name_in_the_reported_clause_is_not_the_speaker() -> None:
    doc = analyze('وقال إن قوات الأمن تمشط الكنيسة الآن "للاطمئنان من أن لا شيء يهدد المصلين في الداخل".', "2021-03-10")
    assert doc.quotes and all(q.speaker is None for q in doc.quotes), [(q.text, q.speaker) for q in doc.quotes]


def test_a_name_behind_a_preposition_before_the_verb_is_not_its_subject() -> None:
    doc = analyze("وعلى حسابه الرسمي في تويتر، ذكر في تغريدة أن الرحلات تسير بشكل طبيعي في المطار.", "2021-03-10")
    names = {e.id: e.name for e in doc.entities}
    assert doc.quotes and all(names.get(q.speaker) != "تويتر" for q in doc.quotes), [
        (q.text, names.get(q.speaker)) for q in doc.quotes
    ]


def test_a_partial_quote_of_one_word_but_not_a_quoted_name() -> None:
    doc = analyze(
        'وقال الرئيس الإيراني حسن روحاني إن مصير إسرائيل هو "الزوال"، وفقا لوكالة أنباء "تسنيم".', "2021-03-10"
    )
    direct = [q.text for q in doc.quotes if q.kind == "direct"]
    assert direct == ["الزوال"], [(q.kind, q.text) for q in doc.quotes]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("وتعهدت الحكومة الألمانية بخفض الضرائب على الوقود.", "بخفض الضرائب على الوقود", None),
        ("وحث الرئيس الفرنسي إيمانويل ماكرون الأوروبيين على الدفاع عن الديمقراطية.", "الدفاع عن الديمقراطية",
         "Emmanuel Macron"),
        ("واتهمت إسرائيل حركة حماس بلعب دور بارز في إشعال الاحتجاجات.", "بلعب دور بارز في إشعال الاحتجاجات", "Israel"),
        ("نفت روسيا أي علاقة لها بالهجوم على المطار.", "أي علاقة لها بالهجوم على المطار", "Russia"),
        ("أعلن وزير الدفاع الإسرائيلي، أفيغدور ليبرمان، الجمعة، وقفا فوريا لتسليم شحنات الوقود.",
         "وقفا فوريا لتسليم شحنات الوقود", "Avigdor Lieberman"),
    ],
)  # fmt: skip
def test_the_content_of_a_cue_may_be_its_object(text: str, content: str, speaker: str | None) -> None:
    """With no complementiser, the content starts at the cue's preposition, or after its subject (a direct object)."""
    doc = analyze(text, "2021-03-10")
    (quote,) = doc.quotes
    assert quote.kind == "indirect" and quote.text == content
    assert speaker is None or speaker_name(doc, quote) == speaker


def test_no_content_after_a_cue_of_an_attribution() -> None:
    """وفقا لما أعلنته الوزارة في بيان: what the ministry announced is the clause before (with its partial quote),
    nothing after the verb."""
    text = (
        'رفعت الحكومة الدعم بهدف "حماية المالية العامة من العجز المتزايد في الموازنة"، وفقا لما أعلنته الوزارة في بيان.'
    )
    doc = analyze(text, "2021-03-10")
    assert [(q.kind, q.end) for q in doc.quotes] == [("indirect", text.index("،")), ("direct", text.index("،") - 1)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a relative clause set off by commas between the subject and the verb
        ("لكن الحكومة الألمانية، التي عارضت الحظر، ترى أنه ما زال يمكن تجنب تطبيقه.", "Government of Germany"),
        # a body named by its place, right after the verb
        ("وعلى حسابه الرسمي في تويتر، ذكر مطار أبوظبي في تغريدة أن حادثة وقعت في المطار.", "Abuzabi"),
        # a participle with no statement to follow shares the subject of its sentence's verb
        ("نفت الحكومة المصرية يوم الخميس تقارير إعلامية عن انقطاع الكهرباء في القاهرة لساعات طويلة، مشيرة إلى أن "
         "الشبكة تعمل بشكل طبيعي.", "Government of Egypt"),
    ],
)  # fmt: skip
def test_subjects_set_apart_from_their_verb(text: str, speaker: str) -> None:
    doc = analyze(text, "2018-07-27")
    assert doc.quotes and speaker_name(doc, doc.quotes[-1]) == speaker, [
        (q.text, speaker_name(doc, q)) for q in doc.quotes
    ]


def test_plural_participles_and_more_speech_verbs() -> None:
    doc = analyze("ونفى المسؤولون أي تغيير في القرار، قائلين إنه قد يؤدي إلى خطوات مماثلة.", "2021-03-10")
    assert [q.text for q in doc.quotes][-1] == "قد يؤدي إلى خطوات مماثلة"
    assert doc.quotes[0].text.endswith("أي تغيير في القرار") and doc.quotes[1].cue.text == "قائلين"
    doc = analyze("ولاحظت الوزيرة أن الإصلاحات تتقدم ببطء، فيما أوردت الصحيفة أن الحكومة ستستقيل.", "2021-03-10")
    assert [q.cue.text for q in doc.quotes] == ["ولاحظت", "أوردت"], [(q.text, q.cue) for q in doc.quotes]


def test_in_it_is_not_the_content() -> None:
    doc = analyze("ونشر المطار تغريدة أكد فيها وقوع حادث لم يؤثر على سير الرحلات.", "2021-03-10")
    assert [q.text for q in doc.quotes] == ["وقوع حادث لم يؤثر على سير الرحلات"]


def test_whether_is_no_complementiser() -> None:
    doc = analyze("وأكدت الشرطة المصرية وقوع حادث في المدرج، دون توضيح إن كان يقصد الهجوم ذاته.", "2021-03-10")
    assert [q.text for q in doc.quotes] == ["وقوع حادث في المدرج"], [q.text for q in doc.quotes]


def test_a_complementiser_inside_a_name_is_part_of_the_name() -> None:
    text = "وطالب الرئيس الكوري الجنوبي، مون جيه إن، الاثنين، بمنح جائزة نوبل للسلام للرئيس الأمريكي."
    doc = analyze(text, "2018-04-30")
    assert [(q.text, speaker_name(doc, q)) for q in doc.quotes] == [
        ("بمنح جائزة نوبل للسلام للرئيس الأمريكي", "Moon Jae-in")
    ]


def test_a_surname_alone_after_a_name_set_apart_by_a_title() -> None:
    text = (
        "أما راعي كنيسة العذراء، القمص عبد المسيح بسيط، فقد قال إن التفجير وقع قرب الكنيسة. وقال بسيط إن الأمن مستتب."
    )
    doc = analyze(text, "2018-08-12")
    assert speaker_names(doc) == ["عبد المسيح بسيط", "عبد المسيح بسيط"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وأدان وزير الخارجية المصري، سامح شكري، الهجوم بشدة. وشدد وزير الخارجية المصري على أن بلاده ستواصل"
         " جهودها مع شركائها.", "سامح شكري"),
        ("وأدان وزير الخارجية المصري، سامح شكري، الهجوم بشدة. ولفت الوزير المصري إلى أن القاهرة تتابع التحقيق.",
         "سامح شكري"),
        ("قالت المتحدثة باسم الوزارة، ماريا فرنانديز، إن الاجتماع انتهى. وأضافت المتحدثة أن البيان سيصدر غدا.",
         "ماريا فرنانديز"),
    ],
)  # fmt: skip
def test_a_title_without_a_name_speaks_for_who_the_article_named_with_it(text: str, speaker: str) -> None:
    doc = analyze(text, "2021-03-10")
    assert speaker_names(doc)[-1] == speaker, list(zip([q.text for q in doc.quotes], speaker_names(doc), strict=True))


def test_a_title_held_by_two_people_names_nobody() -> None:
    doc = analyze(
        "التقى وزير الخارجية الأردني، أيمن الصفدي، وزير الخارجية المصري، سامح شكري، في عمان."
        " وقال الوزير إن المحادثات كانت بناءة.",
        "2021-03-10",
    )
    assert [q.speaker for q in doc.quotes] == [None]


def test_a_statement_with_its_issuer_after_la_is_the_issuers() -> None:
    doc = analyze("وحذر بيان للبرلمان الأردني، الأحد، الحكومة من رفع الأسعار في الأشهر المقبلة.", "2021-03-10")
    assert speaker_names(doc) == ["برلمان الأردني"], [(m.text, m.type) for m in doc.mentions]


def test_a_platform_in_quotation_marks_after_abr_is_not_the_speaker() -> None:
    doc = analyze('وكتب الرئيس جو بايدن عبر "تويتر": "سنعيد بناء البنية التحتية في كل الولايات".', "2021-03-10")
    assert [speaker_name(doc, q) for q in doc.quotes] == ["Joe Biden"]


def test_a_verb_opening_a_sentence_without_subject_takes_the_one_person_of_the_sentence_before() -> None:
    doc = analyze(
        "زار الرئيس الفرنسي، إيمانويل ماكرون، الثلاثاء، مدينة مرسيليا.\n"
        'وقال في كلمة بالمناسبة: "سنستثمر في هذه المدينة أكثر من أي وقت مضى".',
        "2021-03-10",
    )
    assert [speaker_name(doc, q) for q in doc.quotes] == ["Emmanuel Macron"]


def test_two_people_in_the_sentence_before_leave_a_subjectless_verb_unknown() -> None:
    doc = analyze(
        "التقى الرئيس الفرنسي إيمانويل ماكرون المستشارة الألمانية أنجيلا ميركل في برلين.\n"
        'وقال في كلمة: "سنعمل معا من أجل أوروبا أقوى وأكثر تضامنا".',
        "2021-03-10",
    )
    assert [q.speaker for q in doc.quotes] == [None]


def test_who_an_agency_quotes_ala_lisan_is_the_speaker() -> None:
    doc = analyze(
        'ونقلت وكالة الأنباء الفرنسية على لسان ماكرون قوله: "لن نتراجع عن الإصلاحات مهما كانت الضغوط".', "2021-03-10"
    )
    assert [speaker_name(doc, q) for q in doc.quotes] == ["Emmanuel Macron"]


def test_a_newspaper_named_before_speaks_as_the_newspaper() -> None:
    doc = analyze(
        "وحسب جريدة لوموند تستعد الحكومة لخفض الضرائب. وتضيف الجريدة أن القرار سيعلن في الأسبوع المقبل.", "2021-03-10"
    )
    assert speaker_name(doc, doc.quotes[-1]) == "Le Monde", [(m.text, m.type) for m in doc.mentions]


def test_a_kingdom_speaks_through_its_name_and_criticism_reports_its_object() -> None:
    doc = analyze("رحبت مملكة البحرين، الثلاثاء، بقرار مجلس الأمن الأخير بشأن اليمن.", "2021-03-10")
    assert speaker_names(doc) == ["البحرين"]
    doc = analyze("انتقد رئيس الوزراء الكندي جاستن ترودو، الثلاثاء، القرار الأمريكي الأخير بفرض رسوم.", "2021-03-10")
    expected = [("القرار الأمريكي الأخير بفرض رسوم", "Justin Trudeau")]
    assert [(q.text, speaker_name(doc, q)) for q in doc.quotes] == expected


def test_bayna_between_is_not_a_speech_verb() -> None:
    doc = analyze("واندلعت اشتباكات عنيفة بين الجيش والمسلحين على أطراف المدينة الشمالية منذ الصباح.", "2021-03-10")
    assert doc.quotes == ()
    doc = analyze("وبين الوزير أن الحكومة ستخفض أسعار الوقود في الشهر المقبل.", "2021-03-10")
    assert [q.text for q in doc.quotes] == ["الحكومة ستخفض أسعار الوقود في الشهر المقبل"]


def test_a_participle_takes_the_subject_of_the_speech_verb_of_its_sentence() -> None:
    doc = analyze(
        'وقال وزير الخارجية الفرنسي جان إيف لودريان إن "المحادثات صعبة وطويلة جدا ولن تنتهي قريبا".\n'
        'كما حذر رئيس الوزراء الكندي جاستن ترودو قبل مغادرته باريس قائلا: "لن نقبل بأي اتفاق لا يحمي عمالنا".',
        "2021-03-10",
    )
    assert speaker_name(doc, doc.quotes[-1]) == "Justin Trudeau"


def test_a_long_quotation_counts_from_its_last_sentence_for_carrying_its_speaker() -> None:
    long_quote = " ".join(f"هذه هي الجملة رقم {n} من الخطاب." for n in range(1, 6))
    doc = analyze(
        f'وقال رئيس الوزراء الكندي جاستن ترودو: "{long_quote}"\nوتابع قائلا: "سنواصل العمل مع شركائنا في أوروبا".',
        "2021-03-10",
    )
    assert [speaker_name(doc, q) for q in doc.quotes] == ["Justin Trudeau", "Justin Trudeau"]


def test_what_the_speaker_called_inside_a_reported_clause_is_the_speaker_s() -> None:
    doc = analyze(
        'وقال رئيس الوزراء الكندي جاستن ترودو إن الشركات تعاني كثيرا مما وصفه بـ"الحرب التجارية" مع جيرانها.',
        "2021-03-10",
    )
    direct = next(q for q in doc.quotes if q.kind == "direct")
    assert direct.text == "الحرب التجارية"
    assert speaker_name(doc, direct) == "Justin Trudeau"


def test_a_short_quoted_name_does_not_end_the_reported_clause() -> None:
    doc = analyze('وقال الوزير إن حركة "النهضة" الإسلامية فازت بأغلبية المقاعد في الانتخابات الأخيرة.', "2021-03-10")
    assert [q.text for q in doc.quotes] == ['حركة "النهضة" الإسلامية فازت بأغلبية المقاعد في الانتخابات الأخيرة']


def test_a_reported_clause_with_words_of_its_own_before_a_partial_quote_is_also_a_statement() -> None:
    doc = analyze(
        'وتعهد الرئيسان الجمعة بإنهاء الأعمال العدائية بين البلدين والعمل نحو "نزع السلاح النووي" من شبه الجزيرة.',
        "2021-03-10",
    )
    assert sorted(q.kind for q in doc.quotes) == ["direct", "indirect"]


def test_his_statement_is_issued_by_who_made_it_not_by_a_name_in_what_it_said() -> None:
    doc = analyze(
        "وأوضح المتحدث باسم الوكالة كريم العلوي في بيان أن الوكالة ستسرح مئة موظف. وانتقد العلوي في بيانه "
        "القرار الأمريكي.\nوأوضح البيان أن الوكالة تسعى إلى حماية الخدمات الأساسية للاجئين.",
        "2021-03-10",
    )
    assert speaker_names(doc)[-1] == "كريم العلوي"


def test_a_name_opening_a_headline_before_its_verb_is_the_speaker() -> None:
    doc = analyze("صندوق النقد يحذر الحكومة المصرية: رفع الدعم عن الوقود يضر بالفقراء كثيرا", "2021-03-10")
    assert speaker_names(doc) == ["صندوق النقد"]


def test_a_name_behind_a_preposition_after_the_subject_is_not_the_speaker() -> None:
    doc = analyze(
        "من جانبها قالت وزارة الخارجية الروسية قبل زيارة بوتين أن موسكو مستعدة للحوار مع جميع الأطراف.", "2021-03-10"
    )
    assert speaker_names(doc) == ["وزارة الخارجية الروسية"]


def test_a_speech_noun_after_ila_has_the_subject_of_the_verb_before() -> None:
    doc = analyze(
        'وسارع ماكرون إلى الرد على منتقديه عبر "تويتر": "لن نتراجع عن الإصلاحات مهما كانت الضغوط".', "2021-03-10"
    )
    assert [speaker_name(doc, q) for q in doc.quotes] == ["Emmanuel Macron"]


def test_but_it_and_before_it_go_on_with_the_subject_of_the_first_clause() -> None:
    doc = analyze(
        "ونفت وزارة الخارجية الروسية أي اتفاق مع المعارضة، لكنها أشارت إلى استمرار المفاوضات مع الوسطاء.",
        "2021-03-10",
    )
    names = {e.id: e.name for e in doc.entities}
    assert [(q.text, names.get(q.speaker)) for q in doc.quotes] == [
        ("أي اتفاق مع المعارضة", "وزارة الخارجية الروسية"),
        ("استمرار المفاوضات مع الوسطاء", "وزارة الخارجية الروسية"),
    ]
    doc = analyze(
        "منذ وصول كيم جونغ أون إلى السلطة، كثفت كوريا الشمالية تجاربها الصاروخية، قبل أن تعلن أنها ستغلق موقع "
        "التجارب النووية.",
        "2021-03-10",
    )
    assert speaker_names(doc) == ["كوريا الشمالية"]


def test_places_given_as_examples_of_the_subject_speak() -> None:
    doc = analyze("كما تعهدت مدن مثل برلين وروما بحظر السيارات التي تعمل بالديزل من وسط المدن.", "2021-03-10")
    assert speaker_names(doc) == ["برلين"]


def test_armed_groups_named_by_a_head_noun_speak() -> None:
    doc = analyze("ونفى جيش الإسلام التوصل إلى أي اتفاق مع روسيا لخروج مقاتليه من المدينة.", "2021-03-10")
    assert speaker_names(doc) == ["جيش الإسلام"]
    doc = analyze("وتقول قوات التحالف إنها تعمل على إغلاق الممرات لمنع تهريب الأسلحة إلى اليمن.", "2021-03-10")
    assert speaker_names(doc) == ["قوات التحالف"]


def test_a_subject_set_apart_from_its_verb_by_a_description_speaks() -> None:
    doc = analyze(
        "وكانت وزارة الدفاع البريطانية، المسؤولة عن قوات حلف الناتو في المنطقة أعلنت، الأربعاء أن سفينتين ستصلان "
        "إلى البحر الأسود.",
        "2021-03-10",
    )
    assert speaker_names(doc) == ["وزارة الدفاع البريطانية"]


def test_the_latter_is_the_last_person_named_before_it() -> None:
    doc = analyze(
        "التقى وزير الخارجية الأمريكي مايك بومبيو نظيره الروسي سيرغي لافروف. وقال الأخير إن المحادثات كانت صريحة.",
        "2021-03-10",
    )
    assert speaker_names(doc) == ["سيرغي لافروف"]


def test_the_latter_as_an_adjective_is_no_mention() -> None:
    doc = analyze("وفي المرحلة الأخيرة قال ترامب إن الاتفاق قريب.", "2021-03-10")
    assert not any("الأخيرة" in m.text for m in doc.mentions)
    assert speaker_names(doc) == ["دونالد ترامب"]


def test_a_speech_noun_with_its_agent_after_it_gives_the_speaker() -> None:
    doc = analyze(
        "أشاد ولي العهد السعودي، الأمير محمد بن سلمان، بعلاقته بالرئيس الأمريكي، دونالد ترامب، بعد أيام من تحذير "
        'الأخير بأن قيادة المملكة قد لا تدوم "أسبوعين" دون دعم أمريكي.',
        "2021-03-10",
    )
    names = {e.id: e.name for e in doc.entities}
    speakers = {q.text: names.get(q.speaker) for q in doc.quotes}
    assert speakers["أسبوعين"] == "دونالد ترامب"
    assert [s for t, s in speakers.items() if t.startswith("بعلاقته")] in ([], ["محمد بن سلمان"])


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وكان سامي الحداد، وزير الخارجية الأردني، قد قال إن المفاوضات متعثرة.", "سامي الحداد"),
        ("وقال سامي الحداد، وزير الخارجية الأردني، إن المفاوضات متعثرة.", "سامي الحداد"),
        (
            "قال رئيس الوزراء أحمد كمال إن المفاوضات متعثرة. وكان سامي الحداد، رئيس الوزراء السابق، قد أكد أن الحل "
            "بعيد.",
            "سامي الحداد",
        ),
    ],
)
def test_a_name_with_its_title_in_apposition_before_the_verb_speaks(text: str, speaker: str) -> None:
    assert speaker_names(analyze(text, "2021-03-10"))[-1] == speaker


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (
            "أعلنت وكالة الطاقة الذرية اليوم أن المفتشين وصلوا. وقالت الوكالة الرسمية إن الزيارة تستمر يومين.",
            ["وكالة الطاقة الذرية", "وكالة الطاقة الذرية"],
        ),
        (
            "قالت منظمة العفو الدولية إن السجناء يتعرضون للتعذيب. وأضافت المنظمة أن التحقيق ضروري.",
            ["منظمة العفو الدولية", "منظمة العفو الدولية"],
        ),
        # no agency named before: the agency stays unknown, never a guess
        ("قال المتحدث إن الوضع هادئ. وقالت الوكالة الرسمية إن الزيارة تستمر يومين.", [None, None]),
    ],
)
def test_a_definite_organisation_noun_is_the_organisation_named_before_with_that_head(
    text: str, speakers: list[str | None]
) -> None:
    assert speaker_names(analyze(text, "2021-03-10")) == speakers


@pytest.mark.parametrize(
    "text",
    [
        "أكد محمد العلي، رئيس شركة النفط، أن الإنتاج سيرتفع في العام المقبل.",  # العلي folds to على
        "وأكد وزير النفط محمد العلي، أن الإنتاج سيرتفع في العام المقبل.",
    ],
)
def test_a_name_that_folds_to_a_preposition_does_not_open_the_content(text: str) -> None:
    doc = analyze(text, "2021-03-10")
    assert [q.text for q in doc.quotes] == ["الإنتاج سيرتفع في العام المقبل"]
    assert speaker_names(doc) == ["محمد العلي"]


def test_a_preposition_written_without_hamza_still_opens_the_content() -> None:
    doc = analyze("وأشار الوزير الى أن الإنتاج سيرتفع في العام المقبل.", "2021-03-10")
    assert [q.text for q in doc.quotes] == ["الإنتاج سيرتفع في العام المقبل"]


def test_a_preposition_naming_where_the_words_were_said_does_not_open_the_content() -> None:
    """قال عبر حسابه على تويتر إن …: على تويتر says where; the content follows إن. شدد على ضرورة أن …: على opens it."""
    doc = analyze(
        "وقال الرئيس جو بايدن عبر حسابه على تويتر إن الاتفاق سيحمي الوظائف. وشدد بايدن على ضرورة أن يصوت الكونغرس.",
        "2021-03-10",
    )
    assert [(q.text, speaker_name(doc, q)) for q in doc.quotes] == [
        ("الاتفاق سيحمي الوظائف", "Joe Biden"),
        ("ضرورة أن يصوت الكونغرس", "Joe Biden"),
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وقالت تويتر إن تحليلاتها لحسابات روسية اكتملت.", "Twitter"),
        ("وأعلنت شركة أبل أن هواتفها الجديدة ستباع الشهر المقبل.", "Apple"),
    ],
)
def test_companies_speak_as_organisations(text: str, speaker: str) -> None:
    doc = analyze(text, "2021-03-10")
    assert [speaker_name(doc, q) for q in doc.quotes] == [speaker]
    assert {m.type for m in doc.mentions if m.entity == doc.quotes[0].speaker} == {"ORG"}


def test_a_speech_verb_inside_a_sentence_has_the_subject_of_its_opening_verb() -> None:
    """حيث قال: the sentence's subject (أردوغان), not the speaker of the sentence before (بوزداج); after a title
    without a name, the organisation that follows is the object, not the subject."""
    doc = analyze(
        "قال بكر بوزداج المتحدث باسم الحكومة التركية، الاثنين، إن لأنقرة الحق في شن عمليات. وكان الرئيس التركي رجب"
        " طيب أردوغان قد توعد المسلحين بعملية عسكرية، خلال كلمة ألقاها في ديار بكر، حيث قال إن الموعد سيكون يوما"
        " جديدا.",
        "2018-06-04",
    )
    said = {q.text: speaker_name(doc, q) for q in doc.quotes}
    assert said["الموعد سيكون يوما جديدا"] == "Recep Tayyip Erdoğan"
    # توعد: a threat, his statement too, up to حيث قال (a statement of its own)
    assert said["بعملية عسكرية، خلال كلمة ألقاها في ديار بكر"] == "Recep Tayyip Erdoğan"
    assert speaker_name(doc, doc.quotes[0]) != "Recep Tayyip Erdoğan"


def test_an_agency_described_by_adjectives_quoting_someone_on_the_tongue_of() -> None:
    """نقلت وكالة الأنباء السورية الرسمية على لسان شعبان قولها: "…": Shaaban speaks, past the agency's adjectives."""
    doc = analyze(
        "قالت المستشارة السياسية للرئيس السوري بثينة شعبان إن القوات ستدخل. ونقلت وكالة الأنباء السورية الرسمية على"
        ' لسان شعبان قولها: "إن العدوان التركي على سورية غير شرعي".',
        "2018-02-19",
    )
    assert len({q.speaker for q in doc.quotes}) == 1 and len(doc.quotes) == 2


def test_a_name_after_a_preposition_following_the_verb_is_not_its_subject() -> None:
    """وكتب على حسابه في تويتر "…": Twitter is where, the writer is the person of the sentence before."""
    doc = analyze(
        "وينشط حازم عبد العظيم على تويتر منتقدا سياسات الحكومة. وكتب معرفا نفسه على حسابه في تويتر"
        ' "دخلت في خلاط السياسة بعد الثورة".',
        "2018-05-28",
    )
    assert speaker_names(doc) == ["حازم عبد العظيم"]


def test_a_reported_clause_with_its_subject_first_is_said_by_that_subject() -> None:
    """إن مايك بنس نائب الرئيس الأمريكي أبلغ السيسي بأن …: Pence told; Sisi, after the verb, was told."""
    doc = analyze(
        "وقال البيت الأبيض يوم الخميس إن مايك بنس نائب الرئيس الأمريكي أبلغ السيسي في اتصال هاتفي بأن الولايات"
        " المتحدة قلقة.",
        "2018-05-28",
    )
    told = [q for q in doc.quotes if q.cue and q.cue.text == "أبلغ"]
    assert [speaker_name(doc, q) for q in told] == ["Mike Pence"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("وقال الوزير إن تكلفة هذه السياسة عالية، على حد تعبيره.", "تكلفة هذه السياسة عالية"),
        ("وأعلن الجيش أن صاروخا سقط قرب المطار، فيما لم ترد أنباء عن سقوط قتلى.", "صاروخا سقط قرب المطار"),
        ("وقال المتحدث إن التحقيق جار، ولم يقدم مزيدا من التفاصيل.", "التحقيق جار"),
        ("وأكدت الوزيرة أن الخطة جاهزة، بقولها إن التنفيذ يبدأ غدا.", "الخطة جاهزة"),
    ],
)
def test_the_reporters_own_words_after_a_comma_end_the_reported_clause(text: str, content: str) -> None:
    doc = analyze(text, "2018-05-11")
    assert doc.quotes and doc.quotes[0].text == content, [q.text for q in doc.quotes]


def test_an_agency_relaying_a_person_gives_the_person_as_speaker() -> None:
    """قالت الوكالة، نقلا عن النائب الأول لوزير الخارجية، X، إن …: X spoke; the clause starts after إن."""
    doc = analyze(
        "وقالت وكالة الأنباء المركزية الكورية، نقلا عن النائب الأول لوزير الخارجية، كيم كاي جوان، إن بلاده لن تشارك"
        " في المحادثات.",
        "2018-05-16",
    )
    (quote,) = doc.quotes
    names = {e.id: e for e in doc.entities}
    assert quote.text == "بلاده لن تشارك في المحادثات"
    assert names[quote.speaker].type == "PER"


def test_a_subject_first_clause_after_yudhkar_anna_with_its_title_in_apposition() -> None:
    """يذكر أن زعيم حزب الله، حسن نصرالله، كان قد اتهم …: the name set between commas after its title, past كان قد,
    is the subject, not a name in the object."""
    doc = analyze(
        "يذكر أن زعيم حزب الله، حسن نصرالله، كان قد اتهم منذ أيام المرشحين ضد لائحة حزبه بأنهم أنصار داعش.",
        "2018-03-23",
    )
    assert speaker_names(doc) == ["حسن نصر الله"]


def test_an_attribution_after_the_clause_names_the_person_the_verb_only_stood_for() -> None:
    """أعلنت الأمم المتحدة أن …، وفقاً لما ذكره الأمين العام للأمم المتحدة X: X, the title's holder, not the body."""
    doc = analyze(
        "أعلنت الأمم المتحدة بأن الحرب اليمنية تعتبر أسوأ أزمة إنسانية يشهدها العالم حالياً، وفقاً لما ذكره الأمين"
        " العام للأمم المتحدة أنطونيو غوتيريس خلال اجتماع في جنيف.",
        "2018-04-04",
    )
    assert [speaker_name(doc, q) for q in doc.quotes] == ["António Guterres"]


def test_a_participle_after_ala_lisan_goes_on_with_the_person_cited() -> None:
    """وجاء إعلان الحكومة على لسان المتحدثة باسمها، X، قائلة إن …: X speaks, not the government of the statement
    before."""
    doc = analyze(
        'وأعلنت الحكومة الأردنية مقتل 3 من "الإرهابيين". وجاء إعلان الحكومة الأحد على لسان المتحدثة الرسمية'
        " باسمها، جمانة غنيمات، قائلة إن المداهمة انتهت.",
        "2018-08-13",
    )
    said = [q for q in doc.quotes if q.cue is not None and q.cue.text == "قائلة"]
    assert [speaker_names(doc)[doc.quotes.index(q)] for q in said] == ["جمانة غنيمات"]


def test_a_verb_opening_its_sentence_takes_the_subject_of_the_sentence_before() -> None:
    """وينشط X … سياسات الرئيس المصري. وكتب "…": two people named before, the opening verb's subject writes."""
    doc = analyze(
        "وينشط حازم عبد العظيم بصفة خاصة على تويتر ويكتب بانتظام منتقدا سياسات الرئيس المصري عبد الفتاح السيسي."
        ' وكتب معرفا نفسه على حسابه "دخلت في خلاط السياسة بعد الثورة".',
        "2018-05-28",
    )
    assert speaker_names(doc)[-1] == "حازم عبد العظيم"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "منعت الحكومة القطرية التجار من بيع السلع بطريقة غير مباشرة، وفقا لما أعلنه مكتب الاتصال الحكومي القطري"
            " في بيان.",
            "منعت الحكومة القطرية التجار من بيع السلع بطريقة غير مباشرة",
            "مكتب الاتصال الحكومي القطري",
        ),
        (
            "وفي وقت سابق الجمعة، قتل ستة فلسطينيين على الأقل في قطاع غزة، وفق ما أفادت وزارة الصحة في القطاع.",
            "قتل ستة فلسطينيين على الأقل في قطاع غزة",
            "وزارة الصحة",
        ),
        (
            "أمرت النيابة بحبس الناشط السياسي 15 يوما وذلك حسبما ذكرت مصادر قضائية.",
            "أمرت النيابة بحبس الناشط السياسي 15 يوما",
            None,
        ),
        (
            "قتل نائب عميد الجامعة واثنان من الأساتذة في الهجوم، على ما أعلنت وزارة الداخلية التركية.",
            "قتل نائب عميد الجامعة واثنان من الأساتذة في الهجوم",
            "وزارة الداخلية التركية",
        ),
    ],
)
def test_a_clause_before_an_attribution_with_a_speech_verb_is_a_statement(
    text: str, content: str, speaker: str | None
) -> None:
    """…، بحسب ما أعلنه X: the clause is what X said (no one, for a source the text leaves unnamed)."""
    doc = analyze(text, "2018-05-27")
    quote = next(q for q in doc.quotes if q.text == content)
    assert quote.kind == "indirect"
    assert speaker_names(doc)[doc.quotes.index(quote)] == speaker


@pytest.mark.parametrize(
    "text",
    [
        "ووفق ما قاله مسؤول بنقابة الممثلين فإن الفنانة حريصة على الصيام.",  # it opens what follows
        "وأورد المحامي في نص الشكوى بعض العبارات المسيئة، وفق ما ذكر.",  # a statement of its own speech verb
    ],
)
def test_no_clause_is_taken_for_an_attribution_that_governs_what_follows_or_repeats_the_verb(text: str) -> None:
    doc = analyze(text, "2018-05-27")
    assert not any(q.text.startswith(("ووفق", "وأورد")) for q in doc.quotes), [q.text for q in doc.quotes]


def test_an_unnamed_source_is_no_one_and_ends_the_carrying_over() -> None:
    """وقال مصدر مطلع …، لافتا إلى …: the speaker is left unknown, not the one of the sentence before."""
    doc = analyze(
        "وقال وزير التجارة أحمد علي إن الأسعار ستنخفض. وقال مصدر مطلع، الأحد، إن البضائع تصل عبر طرف ثالث، لافتا"
        " إلى أن هذه البضائع لا تخضع للرقابة.",
        "2018-05-27",
    )
    assert speaker_names(doc) == ["أحمد علي", None, None]


def test_a_description_of_a_company_followed_by_its_name_in_quotation_marks_is_one_organisation() -> None:
    doc = analyze(
        'اعتقل مؤسس شركة التجارة الإلكترونية الصينية "JD.com" في الولايات المتحدة. وقالت الشركة إن الاتهام باطل.',
        "2018-09-03",
    )
    company = next(m for m in doc.mentions if m.text.startswith("شركة"))
    assert company.text.endswith('"JD.com"') and company.type == "ORG"
    assert [q.speaker for q in doc.quotes] == [company.entity]


def test_a_definite_statement_noun_far_from_its_issuer_is_the_one_issuer_the_article_gave_it() -> None:
    """أكد بلاغ لوكالة الجمهورية … (first paragraph) … وأوضح البلاغ أنه …: the prosecutor's office, named once."""
    doc = analyze(
        "أكد بلاغ لوكالة الجمهورية لدى المحكمة الابتدائية بتونس أن الانفجار ناتج عن عملية انتحارية. وتم فتح تحقيق"
        " في العملية. وشارك في المعاينة أعوان الأمن. وتم نقل الجرحى إلى المستشفى. وقد تم تطويق المكان. وأوضح البلاغ"
        " أنه تم التعرف على هويات الضحايا.",
        "2015-11-25",
    )
    issuer = {e.id: e.name for e in doc.entities}[doc.quotes[0].speaker]
    assert issuer.startswith("وكالة الجمهورية")
    assert len({q.speaker for q in doc.quotes}) == 1 and len(doc.quotes) == 2


def test_a_report_speaks_for_who_issued_it() -> None:
    """التقرير السنوي لـ #هيئة_السوق_المالية … ذكر التقرير أنها …: the report's issuer, after ل."""
    doc = analyze(
        "ووفقا لأرقام التقرير السنوي لـ #هيئة_السوق_المالية لعام 2017، استحوذ كبار التنفيذيين على معظم الغرامات."
        " فقد ذكر التقرير أنها توزعت على 15 نوعا من المخالفات.",
        "2018-04-14",
    )
    said = next(q for q in doc.quotes if q.cue is not None and q.cue.text == "ذكر")
    assert {e.id: e.name for e in doc.entities}[said.speaker] == "هيئة السوق المالية"


def test_a_quotation_after_a_question_takes_the_speech_verb_left_open_before_it() -> None:
    """وأضافت لدى سؤالها إذا كانت ستطيع أوامر الرئيس ترامب؟ "…": her words (carried over), not the president's."""
    doc = analyze(
        'وقالت جينا هاسبل "يمكنني أن أؤكد لكم التزامي الشخصي".\nيشار إلى أن المرشحة تورطت في استجوابات.\n'
        'وأضافت لدى سؤالها إذا كانت ستطيع أوامر الرئيس دونالد ترامب إذا طلب ذلك؟ "لن أسمح بمتابعة أنشطة غير أخلاقية".',
        "2018-05-11",
    )
    assert [q.cue.text for q in doc.quotes if q.cue] == ["وقالت", "وأضافت"]
    assert speaker_names(doc) == ["جينا هاسبل", "جينا هاسبل"]


def test_a_name_after_a_preposition_like_word_of_place_or_time_is_not_the_subject() -> None:
    """قال خلال كلمته أمام الأمم المتحدة: the body he spoke before, not who spoke (the subject came first)."""
    doc = analyze(
        "لكن وزير الخارجية السعودي عادل الجبير قال خلال كلمته أمام الأمم المتحدة في نيويورك، إن ممارسات قطر جعلت"
        " مقاطعتها خيارا لا مفر منه.",
        "2018-09-29",
    )
    assert speaker_names(doc) == ["عادل الجبير"]


def test_a_verb_pointing_back_to_a_statement_is_said_by_its_issuer() -> None:
    """أصدر X بيانا اعتبر فيه تعليق الرئيس الفلسطيني محمود عباس "…": X, not عباس after the verb."""
    doc = analyze(
        "أصدر المبعوث الأمريكي إلى الشرق الأوسط جيسون غرينبلات بيانا الاثنين اعتبر فيه تعليق الرئيس الفلسطيني محمود"
        ' عباس "غير ملائم تماما".',
        "2018-03-20",
    )
    assert set(speaker_names(doc)) == {"جيسون غرينبلات"}


def test_nawwaha_is_a_speech_verb_not_a_word_with_a_pronoun() -> None:
    """ونوه المتحدث … إلى أن …: نوه "pointed out", which the clitic analyser must not read as نو + ه."""
    doc = analyze(
        "ونوه المتحدث باسم وزارة الخارجية الإيرانية بهرام قاسمي إلى أن زيارة روحاني إلى أوروبا مهمة.", "2018-07-03"
    )
    assert [(q.cue.text, speaker_names(doc)[0]) for q in doc.quotes] == [("ونوه", "بهرام قاسمي")]


def test_a_relative_clause_with_a_subject_of_its_own_gives_its_speaker() -> None:
    """بالاتفاقات التي وصف رئيس الوزراء نتنياهو توقيعها بأنه "يوم عيد" مضيفا …: Netanyahu's words, not Israel's."""
    doc = analyze(
        'ورحبت إسرائيل بالاتفاقات التي وصف رئيس الوزراء الإسرائيلي بنيامين نتنياهو توقيعها بأنه "يوم عيد" مضيفا'
        " أنها ستعزز الاقتصاد الإسرائيلي.",
        "2018-08-05",
    )
    by_text = dict(zip([q.text for q in doc.quotes], speaker_names(doc), strict=True))
    assert by_text["يوم عيد"] == "بنيامين نتنياهو"
    assert by_text["ستعزز الاقتصاد الإسرائيلي"] == "بنيامين نتنياهو"


def test_the_agency_of_the_dateline_is_not_the_subject_of_the_sentence_it_opens() -> None:
    """دبي (CNN) – اعتبرت إيران أن …، ورأت أن هذه الخطوة تشكل "مكيدة": Iran, not CNN."""
    doc = analyze(
        "دبي، الإمارات العربية المتحدة (CNN) – اعتبرت إيران أن المعلومات غير مطابقة للواقع، ورأت أن هذه الخطوة تشكل"
        ' "مكيدة" من قبل الغرب.',
        "2018-04-08",
    )
    assert set(speaker_names(doc)) == {"إيران"}


def test_a_verb_inside_a_sentence_takes_the_name_set_off_after_the_opening_verbs_title() -> None:
    """وجه رئيس الوزراء العراقي الأسبق، نوري المالكي، نداء … يطالب فيها الحكومة بـ…: Maliki."""
    doc = analyze(
        "قالت السفيرة نيكي هايلي إن الوضع خطير. وجه رئيس الوزراء العراقي الأسبق، نوري المالكي، نداء إلى سكان البصرة"
        " التي تشهد احتجاجات واسعة يطالب فيها الحكومة بسرعة الاستجابة إلى مطالب المحتجين.",
        "2018-09-06",
    )
    assert speaker_names(doc)[-1] == "نوري المالكي"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # who is addressed is not who speaks
        ('قال أردوغان إن العملية ستتوسع. وقال مخاطبا الحكومة العراقية "إذا كنتم ستقومون بها فقوموا".',
         "رجب طيب أردوغان"),
        # a name inside a phrase opened by a preposition right after the verb is where it was said
        ("قالت ميلانيا ترامب إن الأمر انتهى. وأكدت في لقاء مع شبكة أيه بي سي نيوز أن المعطف يحمل رسالة.",
         "ميلانيا ترامب"),
        # a name after an attribution phrase is the source that relays, not the subject
        (
            'وقالت الخارجية السورية في رسالة وجهتها إلى الأمم المتحدة وفق ما نقلت وكالة الأنباء السورية، "سوريا تدين'
            ' الاحتلال التركي لعفرين".',
            "الخارجية السورية",
        ),
    ],
)  # fmt: skip
def test_addressees_places_and_relaying_sources_after_the_verb_do_not_speak(text: str, speaker: str) -> None:
    doc = analyze(text, "2018-03-19")
    names = speaker_names(doc)
    assert set(names) == {speaker}, list(zip([q.text for q in doc.quotes], names, strict=True))


@pytest.mark.parametrize(
    "text",
    [
        "وتعهدت الصين بالرد على كل خطوة تتخذها الولايات المتحدة.",
        "ونقوم بعدها برد هذه الرسوم المجمعة إلى المستورد داخل بريطانيا.",
        "وهو برأيها برنامج جميل يستحق المتابعة.",
    ],
)
def test_a_speech_word_after_bi_or_ka_is_a_noun_and_no_cue(text: str) -> None:
    """ب and ك go before nouns: بالرد، برد، برأيها are "with a reply", "by returning", "in her view", not verbs."""
    doc = analyze(text, "2018-07-09")
    assert not [q for q in doc.quotes if q.cue is not None and q.cue.text.startswith(("ب", "ك"))]


def test_a_stray_closing_quotation_mark_opens_nothing() -> None:
    """ورادارات" في قاعدة "الشعيرات": a mark written on the word before it with an opening one next closes nothing,
    so the statement after it is not swallowed by a quotation running to the end of the paragraph."""
    doc = analyze(
        'واستهدفت الصواريخ مخازن للذخيرة ورادارات" في قاعدة "الشعيرات" الجوية. وكان المرصد السوري لحقوق الإنسان قد'
        " أكد أمس أن المطار أصبح خارج الخدمة.",
        "2017-04-08",
    )
    said = [q for q in doc.quotes if q.cue is not None and q.cue.text == "أكد"]
    assert [q.text for q in said] == ["المطار أصبح خارج الخدمة"]
    assert speaker_names(doc)[doc.quotes.index(said[0])] == "المرصد السوري لحقوق الإنسان"


def test_a_closing_shaped_mark_before_another_closing_one_still_opens() -> None:
    doc = analyze('وقال الأسقف إن الرجل كان يتخفى في زي عامل وإن" التشديدات الأمنية حالت دون اقترابه".', "2018-08-11")
    assert "التشديدات الأمنية حالت دون اقترابه" in [q.text for q in doc.quotes]


@pytest.mark.parametrize(
    "text",
    [
        'ونشر دونالد ترامب تغريدة على حسابه على موقع تويتر وصف فيها اجتماعه بكارداشيان بأنه "اجتماع كبير".',
        "وجاء تعليق من وزير التعليم نفتالي بينيت، في تغريدة على تويتر، أكد فيها على أن إسرائيل لن تفرق بين الدولة"
        " اللبنانية وحزب الله.",
    ],
)
def test_the_platform_a_statement_was_posted_on_does_not_speak(text: str) -> None:
    """تغريدة على تويتر، على موقع تويتر: where it was posted, not who posted it."""
    doc = analyze(text, "2018-05-31")
    assert doc.quotes and "تويتر" not in speaker_names(doc), speaker_names(doc)


def test_a_bare_title_stands_for_the_person_whose_name_it_followed() -> None:
    """أكد جون فامفاكاتيس مدير غوغل للتعليم أن … وأشار مدير غوغل للتعليم إلى …: the title after the name counts."""
    doc = analyze(
        "أكد جون فامفاكاتيس مدير غوغل للتعليم في مقابلة أن التعليم التقني مهم. كما أشار مدير غوغل للتعليم إلى تجربة"
        " ثالثة مع مدرسة فنلندية.",
        "2018-02-21",
    )
    assert set(speaker_names(doc)) == {"جون فامفاكاتيس"}, speaker_names(doc)


def test_the_person_named_at_the_end_of_a_title_naming_bodies_speaks() -> None:
    """طالب رئيس المجلس الرئاسي لحكومة الوفاق الوطني الليبية فائز السراج، …: Sarraj, not the council."""
    doc = analyze(
        'طالب رئيس المجلس الرئاسي لحكومة الوفاق الوطني الليبية فائز السراج، منظمات المجتمع الدولي بـ"التدخل العاجل"'
        " لوقف التصعيد العسكري.",
        "2017-04-15",
    )
    names = {e.id: e for e in doc.entities}
    assert doc.quotes and {names[q.speaker].type for q in doc.quotes if q.speaker} == {"PER"}


@pytest.mark.parametrize(
    "text",
    [
        # أفعل after a preposition is "most", not the verb أبرز "highlighted"
        "واعتمد الاتحاد الدولي التقنية في أبرز بطولاته، بدعم مباشر من رئيسه جاني إنفانتينو.",
        # أقر and تابع with an object: "passed" and "followed", not "admitted" and "went on"
        "أقر البرلمان الأردني قانون الانتخاب الجديد بعد نقاش طويل في جلسة مسائية.",
        "وتابع رجال الشرطة وصول السفينة بينما كان مسؤولون يستقبلون أول مجموعة من المهاجرين.",
    ],
)
def test_words_that_only_look_like_speech_verbs_report_nothing(text: str) -> None:
    assert analyze(text).quotes == ()


def test_admitting_and_going_on_report_a_clause_once() -> None:
    doc = analyze("أقر وزير المالية بأن العجز سيرتفع هذا العام. وتابع قائلا إن الحكومة ستخفض النفقات.")
    assert [(q.text, q.cue.text) for q in doc.quotes] == [
        ("العجز سيرتفع هذا العام", "أقر"),
        ("الحكومة ستخفض النفقات", "وتابع"),  # one statement: قائلا goes on with وتابع
    ]


def test_a_relative_clause_without_a_subject_is_said_by_the_name_before_it() -> None:
    doc = analyze(
        "وجاءت تصريحات المدرب متفقة مع تصريحات جوزيه مورينيو، الذي قال قبل أيام إن اللاعب لم يكن جاهزا بدنيا."
        " وانتقد وزير المالية خالد العلي سياسة الحكومة الأردنية التي قال إنها تقتل الاقتصاد الوطني ببطء شديد."
    )
    said = said_by(doc)
    assert said["اللاعب لم يكن جاهزا بدنيا"] == "جوزيه مورينيو"
    # التي with a masculine verb: the government is what was spoken of; the minister speaks
    assert said["تقتل الاقتصاد الوطني ببطء شديد"] == "خالد العلي"


def test_the_platform_of_a_tweet_is_not_what_it_said() -> None:
    doc = analyze('وسبق للرئيس أن غرد على "تويتر" في فبراير 2017، قائلا: "وسائل الإعلام ليست عدوا لي".')
    assert [(q.kind, q.text) for q in doc.quotes] == [("direct", "وسائل الإعلام ليست عدوا لي")]


def test_said_reports_a_clause_however_far_its_complementiser() -> None:
    doc = analyze(
        "وقال إلوود، الذي فقد شقيقه في هجوم إرهابي في بالي عام 2002، وكان موجودا بنفسه في مسرح هجوم وستمنستر العام"
        " الماضي، إنه ينبغي محاكمة المتهمين في لاهاي."
    )
    assert [q.text for q in doc.quotes] == ["ينبغي محاكمة المتهمين في لاهاي"]
    doc = analyze("قال لاعب خيتافي الإسباني والبالغ من العمر 31 عاما، إن هذه الخسارة لا تطاق.")
    assert [q.text for q in doc.quotes] == ["هذه الخسارة لا تطاق"]  # not from من العمر on


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("قال رئيس الهيئة الوطنية لحماية المعطيات الشخصية، شوقي قداس إن الهيئة ستراقب المؤسسات.", "شوقي قداس"),
        ("وقال مدير العمليات في شركة (ديستريس أليرت) للإسعاف، غيريت برادنيك إنه لا يوجد دليل.", "غيريت برادنيك"),
    ],
)
def test_the_person_after_a_title_that_names_a_body_and_its_purpose(text: str, speaker: str) -> None:
    assert speaker_names(analyze(text)) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the body of a title, with a preposition on it (المسؤول بالأمم المتحدة)
        (
            "وقال مازن أبو شنب، المسؤول في المفوضية، إن المخيم أغلق. وأشار المسؤول بالأمم المتحدة، خلال لقاء صحفي"
            " بالعاصمة، إلى أن اللاجئين تلقوا الدعم اللازم.",
            "مازن أبو شنب",
        ),
        # the club of the player who speaks (لاعب خيتافي)
        (
            "وقال فيصل فجر إن المنتخب جاهز. وردا على أسئلة وسائل الإعلام قبيل حصة تدريبية، قال لاعب خيتافي الإسباني"
            " والبالغ من العمر 31 عاما، إن هذه الخسارة لا تطاق.",
            "فيصل فجر",
        ),
    ],
)
def test_the_body_named_after_a_title_or_a_trade_does_not_speak(text: str, speaker: str) -> None:
    assert speaker_names(analyze(text)) == [speaker, speaker]


def test_the_addressee_set_off_after_a_title_does_not_speak() -> None:
    doc = analyze(
        "وكان الرئيس يوري موسفني قد طالب بفرض الضريبة، إذ كتب رسالة إلى وزير المالية، ماتيا كاسايجا، يشدد فيها على"
        " أن الأموال ستساعد البلاد."
    )
    assert said_by(doc)["الأموال ستساعد البلاد"] == "يوري موسفني"  # the writer, not the addressee


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("أكد المبعوث الخاص للرئيس الروسي إلى سوريا، ألكسندر لافرينتييف، أن موسكو تدعم الحل.", "ألكسندر لافرينتييف"),
        # told to the station's correspondent: the station does not speak
        (
            "وقال غازي الجريبي إن القانون سيعدل. وبين الجريبي، في تصريح لمراسل الجوهرة أف أم، أن القانون سيعدل قريبا.",
            "غازي الجريبي",
        ),
    ],
)
def test_who_speaks_past_a_title_or_a_correspondent(text: str, speaker: str) -> None:
    assert set(speaker_names(analyze(text))) == {speaker}


def test_the_holder_set_off_after_a_long_title_is_the_subject() -> None:
    doc = analyze("نفى قائد القوة الثانية بجهاز مكافحة الإرهاب في كركوك، معن السعدي، وجود أي اتفاقات برعاية التحالف.")
    assert [(q.text, speaker_names(doc)[0]) for q in doc.quotes] == [("وجود أي اتفاقات برعاية التحالف", "معن السعدي")]
    doc = analyze("طالبت الأمينة العامة لمؤتمر الاتحاد التجاري، فرانسيس أوغرادي، بأن يعود النفع على الموظفين.")
    assert [q.text for q in doc.quotes] == ["يعود النفع على الموظفين"]


def test_defending_reports_what_it_defends_and_a_motive_reports_nothing() -> None:
    doc = analyze('دافع وزير الخارجية الأميركي مايك بومبيو عن "دبلوماسية قوية". وكان دافع الجريمة غامضا.')
    assert [(q.kind, q.text, q.cue.text) for q in doc.quotes] == [("direct", "دبلوماسية قوية", "دافع")]
    assert speaker_names(doc) == ["مايك بومبيو"]


def test_alan_is_no_complementiser() -> None:
    doc = analyze("ويقول ألان جونسون، محرر شؤون الشرق الأوسط في الخدمة العالمية، إن إيران تمنع النساء من الملاعب.")
    assert [q.text for q in doc.quotes] == ["إيران تمنع النساء من الملاعب"]


@pytest.mark.parametrize(
    "text",
    [
        # the participle's own sentence names its subject, after an opening "for his part"
        "ذكرت الصحيفة أن الصفقة كبيرة. من جهته علق رئيس الوزراء الكندي، جاستن ترودو، مؤكدا أن الصفقة مفيدة.",
        # or after an opening phrase set off by a comma
        "ذكرت الصحيفة أن الصفقة كبيرة. إلى جانب ذلك، سخر جاستن ترودو من المنتقدين، قائلا إن الصفقة مفيدة.",
    ],
)
def test_a_participle_has_the_subject_of_its_own_sentence_before_an_earlier_speaker(text: str) -> None:
    assert said_by(analyze(text))["الصفقة مفيدة"] == "جاستن ترودو"


def test_a_feminine_verb_does_not_go_on_with_a_man() -> None:
    doc = analyze("قال الرئيس التونسي الباجي قائد السبسي إن البلاد آمنة. وقالت إن الحدود مغلقة. وأضاف أن الوضع هادئ.")
    # she is not named; "he added" goes on with him
    president = "الباجي قائد السبسي"
    assert said_by(doc) == {"البلاد آمنة": president, "الحدود مغلقة": None, "الوضع هادئ": president}


def test_an_office_whose_holder_is_not_named_is_no_earlier_speaker() -> None:
    doc = analyze(
        "قال الرئيس العراقي برهم صالح إن الحل قريب. وقال وزير الخارجية التركي إن الوضع صعب. وأضاف أن الحدود مغلقة."
    )
    assert speaker_names(doc) == ["برهم صالح", None, None]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a ministry by its word alone, of the country the story is about
        ("غرق مركب قبالة سواحل تونس. وأكدت الداخلية أنها تلقت نداء استغاثة.", "وزارة الداخلية (تونس)"),
        # an institution "in" a country, whose name the tagger may have cut (جنوب السودان, not السودان)
        ("قالت الرئاسة في جنوب السودان اليوم الأحد إن الاتفاق سيوقع.", "الرئاسة في جنوب السودان"),
        # the regime of a country is its government
        ("دعا النظام السوري الثلاثاء منظمة حظر الأسلحة الكيميائية إلى إرسال بعثة.", "النظام السوري"),
        # a country that spoke first goes on speaking with the verb joined to it (not the regime it talks about)
        ("اعتبرت إيران أن الاتهامات عن استخدام النظام السوري للأسلحة باطلة، ورأت أن الخطوة مكيدة.", "إيران"),
    ],
)
def test_institutions_and_countries_that_speak(text: str, speaker: str) -> None:
    assert set(speaker_names(analyze(text))) == {speaker}


def test_the_end_of_a_hyphenated_name_is_no_complementiser() -> None:
    doc = analyze("وقال الرئيس الكوري الجنوبي مون جيه-إن إن القمة ستعقد في سول.")
    assert [(q.text, speaker_name(doc, q)) for q in doc.quotes] == [("القمة ستعقد في سول", "Moon Jae-in")]


def test_a_clause_with_words_of_its_own_after_its_quotation_is_a_statement_too() -> None:
    doc = analyze('وأكدت المنظمة إنها "تعمل عن قرب" مع خبراء أمنيين من الأمم المتحدة لتقييم الوضع في المدينة.')
    assert [(q.kind, q.text) for q in doc.quotes] == [
        ("indirect", '"تعمل عن قرب" مع خبراء أمنيين من الأمم المتحدة لتقييم الوضع في المدينة'),
        ("direct", "تعمل عن قرب"),
    ]
    # an attribution after the quotation is no word of the clause
    doc = analyze('ووصفها الوزير بأنها "ستجعل البلاد لاعبا في المنطقة،" وفقا لما نقلته هيئة البث الإسرائيلية.')
    assert [q.kind for q in doc.quotes] == ["direct"]


def test_a_word_with_the_article_is_no_speech_verb() -> None:
    doc = analyze('حذر الرئيس الأمريكي دونالد ترامب روسيا الداعمة الأبرز لنظام بشار الأسد من أن الصواريخ "قادمة".')
    assert [(q.text, speaker_names(doc)[n]) for n, q in enumerate(doc.quotes)] == [("قادمة", "دونالد ترامب")]


@pytest.mark.parametrize(
    "text",
    [
        "قال ناشر ورئيس تحرير صحيفة التيار السودانية إن جهاز الأمن صادر الصحيفة.",
        "قالت عارضة مجلة بلاي بوي السابقة إن الصفقة تمت.",
    ],
)
def test_the_body_a_title_or_trade_names_does_not_speak(text: str) -> None:
    assert speaker_names(analyze(text)) == [None]


def test_a_team_after_a_verb_speaks_though_its_head_is_also_a_rank() -> None:
    doc = analyze("أعلن فريق سكاي لركوب الدراجات، في بيان، الأربعاء، أن الكأس ستقام.")
    assert [q.text for q in doc.quotes] == ["الكأس ستقام"]
    assert speaker_names(doc) != [None]


def test_a_name_inside_an_aside_about_the_subject_does_not_speak() -> None:
    doc = analyze("وكان المرصد السوري لحقوق الإنسان، ومقره بريطانيا، قد أعلن مقتل 14 من قوات الجيش السوري.")
    assert speaker_names(doc) == ["المرصد السوري لحقوق الإنسان"]
    # an aside that does not open with a noun about the subject is no such aside
    doc = analyze("وعند سؤاله عن اغتيال خاشقجي، وما إذا كانت العقوبات إحداها، قال ترامب إن هناك وسائل أخرى.")
    assert speaker_names(doc) == ["دونالد ترامب"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("ونقلت رويترز عن وزير الخارجية الفرنسي جان إيف لودريان قوله إن الهجوم مرفوض تماما.", "جان إيف لودريان"),
        ('ونقلت وكالة الأنباء السورية الرسمية على لسان بثينة شعبان قولها: "إن العدوان التركي مرفوض".', "بثينة شعبان"),
        ("ونقلت وكالة فرانس برس عن مصادر طبية وعسكرية قولها إن أكثر من 100 شخص قتلوا.", None),
    ],
)
def test_an_agency_relaying_someones_saying_gives_that_ones_words(text: str, speaker: str | None) -> None:
    doc = analyze(text)
    assert len(doc.quotes) == 1 and doc.quotes[0].cue.text.startswith("قول")
    assert speaker_names(doc) == [speaker]


def test_expressed_is_a_speech_verb_but_through_and_by_way_of_are_not() -> None:
    doc = analyze("وعبرت خديجة جنكيز عن حزنها بسبب اختفاء خطيبها.")
    assert [(q.text, q.cue.text, speaker_names(doc)[0]) for q in doc.quotes] == [
        ("حزنها بسبب اختفاء خطيبها", "وعبرت", "خديجة جنكيز")
    ]
    assert [q.cue.text for q in analyze("وقال الرئيس عبر حسابه على تويتر إن الاتفاق جيد.").quotes] == ["وقال"]
    assert not analyze("عبر المهاجرون الحدود عن طريق البحر.").quotes


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("وأعلن تنظيم داعش مسؤوليته عن الهجوم.", "مسؤوليته عن الهجوم"),
        ("وقتل 36 شخصا في الهجوم الذي أعلن تنظيم داعش مسؤوليته عنه.", "مسؤوليته عنه"),
    ],
)
def test_a_claim_of_responsibility_is_a_statement_of_its_claimant(text: str, claim: str) -> None:
    doc = analyze(text)
    assert [(q.text, speaker_name(doc, q)) for q in doc.quotes] == [(claim, "Islamic State (ISIS)")]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("وقال الجيش السوري إن المطار خرج من الخدمة، مؤكدا مقتل 6 من عناصره في الهجوم.", "مقتل 6 من عناصره في الهجوم"),
        ("وقال الوزير إن الأسعار ستنخفض، مشيرا إلى تحسن العلاقات مع بكين.", "تحسن العلاقات مع بكين"),
    ],
)
def test_a_participle_reports_its_object_or_what_its_preposition_opens(text: str, content: str) -> None:
    assert content in [q.text for q in analyze(text).quotes]


@pytest.mark.parametrize(
    "text",
    [
        "وشهدت الساعات الأخيرة تطورات لافتة حيث تفيد المعلومات باستدعاء السفير.",
        "ونشرت على المقر لافتة عملاقة تضمنت صورة الصحفي.",
        "لا تزال عودة المالك إلى لندن غير مؤكدة فيما تزيد الضغوط عليه لبيع ناديه.",
    ],
)
def test_a_participle_read_as_an_adjective_reports_nothing(text: str) -> None:
    assert not analyze(text).quotes


def test_speaking_about_a_topic_is_a_statement_but_causing_and_a_conversation_are_not() -> None:
    doc = analyze("وتحدث وزير الخارجية المصري سامح شكري عن خطة لإعادة إعمار غزة.")
    assert [(q.cue.text, q.text, speaker_names(doc)[0]) for q in doc.quotes] == [
        ("وتحدث", "خطة لإعادة إعمار غزة", "سامح شكري")
    ]
    for text in (
        "وتريد الحكومة إظهار التأثير الذي ستحدثه رواتب الرؤساء التنفيذيين وما ينوب عليه من إعلان للمساهمين.",
        'وقال مكتب رئيس الوزراء إن نتنياهو تحدث هاتفياً مع موريسون و"أعرب عن تقديره للقرار".',
    ):
        assert all(not q.cue.text.endswith(("تحدثه", "تحدث")) for q in analyze(text).quotes), text


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("حذرت مجدداً إسرائيل من أنها ستضرب أي موقع إيراني في سوريا.", "إسرائيل"),  # a place past a filler
        ('وأدانت تونس الهجوم الإرهابي. وشدد بيان الخارجية على "ضرورة التعاون الدولي".', "وزارة الخارجية (تونس)"),
        ("وذكر نيبينزيا بان الهجوم مفبرك.", "نيبينزيا"),  # بان: بأن without its hamza, no part of the name
        # بلاغ "a communiqué" (Tunisian), like بيان: the ministry word before في بلاغ speaks
        ("شهدت تونس هجوما. وأوضحت الداخلية في بلاغ لها أن الأمن أوقف المشتبه به.", "وزارة الداخلية (تونس)"),
        # the person named before the title a body completes issued the statement, not the body
        (
            "وكان مسعود البارزاني زعيم الحزب الديمقراطي الكردستاني قد أصدر بيانا انتقد فيه عملية الاختيار قال فيه"
            ' "ما يجري الآن غير مقبول".',
            "مسعود بارزاني",
        ),
        # عبر as the verb of its own statement, not "through" before who was addressed
        ('من جهته، عبر الحزب الدستوري الحر، عن تعاطفه مع "من تسلط عليهم الحكم القاسي".', "الحزب الدستوري الحر"),
    ],
)
def test_the_speaker_of_a_statement_named_in_the_usual_ways(text: str, speaker: str) -> None:
    assert speaker_names(analyze(text))[-1] == speaker


def test_a_feminine_verb_is_not_the_masculine_opening_verbs_subject() -> None:
    """شارك أتالاي في تظاهرة … تطالب: the demonstration demands, and أتالاي, who spoke before, goes on speaking."""
    doc = analyze(
        "وبعد ساعات من خروجه من السجن ليل الأربعاء إلى الخميس، شارك أكين أتالاي في تظاهرة بإسطنبول تطالب بالعدالة"
        ' وحرية الصحافة. وقال: "حاليا أنا حر".'
    )
    assert said_by(doc) == {"بالعدالة وحرية الصحافة": None, "حاليا أنا حر": "أكين أتالاي"}


def test_a_contrast_opening_another_speakers_statement_ends_the_reported_clause() -> None:
    doc = analyze("وأعلنت تسلا أنها حصلت على قطعة الأرض، لكن مكتب التخطيط في شنغهاي قال إن الصفقة لم تكتمل.")
    assert [q.text for q in doc.quotes] == ["حصلت على قطعة الأرض", "الصفقة لم تكتمل"]


def test_as_apparently_is_no_attribution() -> None:
    assert not analyze("وتراجعت الأسعار، على ما يبدو، بسبب تراجع الطلب على النفط.").quotes


def test_asked_is_a_speech_verb_but_a_request_and_asking_not_to_be_named_are_not() -> None:
    doc = analyze("وطلبت قطر من محكمة العدل الدولية إتاحة اتخاذ إجراءات طارئة لرفع القيود.")
    assert [(q.cue.text, speaker_names(doc)[0]) for q in doc.quotes] == [("وطلبت", "قطر")]
    assert not analyze("ويقلص القانون فترة تقديم طلب اللجوء من 30 يوما إلى 15 يوما.").quotes
    for text in ("وقال مسؤول، طلب عدم ذكر اسمه، إن الوفد وصل.", "وقال مسؤول، رفض ذكر اسمه، إن الوفد وصل."):
        assert [(q.cue.text, q.text) for q in analyze(text).quotes] == [("وقال", "الوفد وصل")], text


# who said a clause, each case a rule of the speaker finder; the id says which
@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        pytest.param(
            "وقال آمر القاعدة البحرية في صفاقس العقيد علي المرزوقي إن عمليات البحث انطلقت صباحا. وترأس رئيس"
            " الحكومة يوسف الشاهد جلسة وزارية، وأكد أن الشبكات ستفكك. وكان آمر القاعدة البحرية قال في تصريح الأحد"
            " إن المركب غرق.",
            "المركب غرق",
            "علي المرزوقي",
            id="a_title_before_the_verb_after_kana_stands_for_its_holder",
        ),
        pytest.param(
            "أعرب مفوض الأمم المتحدة لحقوق الإنسان زيد بن رعد الحسين عن قلقه. وقال البيت الأبيض إن الانتخابات"
            " حرة. وأكد المفوض السامي أن الانتخابات لم تكن حرة.",
            "الانتخابات لم تكن حرة",
            "زيد بن رعد الحسين",
            id="a_commissioner_is_a_title_whose_holder_speaks_again",
        ),
        pytest.param(
            "قال وزير المالية المصري، عمرو الجارحي، إن العجز انخفض. وقال إن وزارة المالية ترى أن التضخم ينخفض."
            " وأضاف أن بلاده تستهدف العودة إلى الأسواق.",
            "بلاده تستهدف العودة إلى الأسواق",
            "عمرو الجارحي",
            id="a_verb_goes_on_with_the_reporter_not_with_what_was_reported",
        ),
        pytest.param(
            "قال روني الطرابلسي عضو لجنة التنظيم إن زيارة رئيس الحكومة يوسف الشاهد نجحت. وأضاف أن الشاهد عبّر عن"
            " مساندته للموسم، مشيرا إلى أن تونس تولي أهمية بالغة للزيارة. وبيّن أن جربة أصبحت مثالا للتعايش.",
            "جربة أصبحت مثالا للتعايش",
            "روني الطرابلسي",
            id="a_verb_agreeing_with_both_goes_on_with_the_reporter",
        ),
        pytest.param(
            "ويؤيد الرئيس التونسي الباجي قائد السبسي التغيير الشامل، بينما يرفض حزب النهضة الإسلامي، أكبر حزب في"
            " البرلمان، ذلك مطالبا بتغيير جزئي.",
            "بتغيير جزئي",
            "حزب النهضة الإسلامي",
            id="a_participle_takes_the_subject_of_the_clause_bainama_opens",
        ),
        pytest.param(
            "وكانت الخارجية الأمريكية قد حملت النظام السوري، المسؤولية عن الهجوم، وقالت في بيان لها إن للنظام"
            " تاريخا في استخدام الأسلحة الكيميائية.",
            "للنظام تاريخا في استخدام الأسلحة الكيميائية",
            "وزارة الخارجية الأمريكية",
            id="a_joined_verb_shares_the_subject_named_before_qad_not_the_object_after_the_verb",
        ),
        pytest.param(
            "وقال المتحدث باسم تنسيقية الأطباء، محمد طيلب، إن الإضراب مستمر. وأضاف طيلب، وفق ما نقل عنه الصحفي"
            " أحمد سالم، أن المضربين يهدفون إلى التنديد بالصمت.",
            "المضربين يهدفون إلى التنديد بالصمت",
            "محمد طيلب",
            id="a_subject_named_before_an_attribution_is_the_one_it_relays",
        ),
        pytest.param(
            "وقال جورج بابادوبولوس إنه بريء. لكن محامي بابادوبولوس، توماس برين، أشار بأصابع الاتهام إلى ترامب، قائلا:"
            ' "إنه المسؤول".',
            "إنه المسؤول",
            "توماس برين",
            id="a_participle_takes_the_subject_named_before_its_sentences_verb",
        ),
        pytest.param(
            'يقول ميدان الحمداني (40 عاما) "منذ متى ونحن نرى الوجوه نفسها". وأمام تلك اللافتات في شارع السعدون الشهير'
            ' وسط بغداد، يقف حيدر الشمري (35 عاما) وتعلو ملامح الغضب وجهه قائلا "كلها للوجوه السابقة نفسها".',
            "كلها للوجوه السابقة نفسها",
            "حيدر الشمري",
            id="a_participle_takes_the_subject_of_its_sentences_verb_after_a_long_opening_phrase",
        ),
        pytest.param(
            "وكانت نيكي هيلي، وهي من عائلة هاجرت من الهند، من معارضي دونالد ترامب في حملته الانتخابية. وقالت في"
            " ديسمبر 2017 إنه ينبغي أن نستمع للنساء.",
            "ينبغي أن نستمع للنساء",
            "نيكي هيلي",
            id="the_subject_after_kana_opening_the_sentence_before_goes_on_speaking",
        ),
        pytest.param(
            'وأشار رامي عبد الرحمن إلى أن القصف هو "الأعنف منذ عام". لقي 30 مدنيا مصرعهم في قصف على إدلب، وفق ما'
            " أعلن المرصد السوري لحقوق الإنسان. وقال إن البراميل ألقتها مروحيات.",
            "البراميل ألقتها مروحيات",
            "المرصد السوري لحقوق الإنسان",
            id="a_verb_goes_on_with_the_source_an_attribution_names",
        ),
        pytest.param(
            'كتب الرئيس عبد الفتاح السيسي في صفحته "الشعب قال كلمته". ووصل رئيس الهيئة الوطنية للانتخابات'
            ' المستشار لاشين إبراهيم إلى مقر الهيئة مساء. وقال في مؤتمر صحفي "أعلنوا للعالم أن مصر تصنع التاريخ".',
            "أعلنوا للعالم أن مصر تصنع التاريخ",
            "لاشين إبراهيم",
            id="a_person_who_acts_in_the_sentence_between_goes_on_speaking",
        ),
        pytest.param(
            "أشاد الأمين العام للمنظمة يوسف العثيمين بجهود الحكومة وقال إنها ممتازة. كما شكر الرئيس الفرنسي"
            " إيمانويل ماكرون المنظمة على موقفها، مؤكدا أنه لا علاقة بين الإسلام والإرهاب.",
            "لا علاقة بين الإسلام والإرهاب",
            "إيمانويل ماكرون",
            id="a_participle_after_kama_has_the_subject_of_its_sentence",
        ),
        pytest.param(
            "نشر وزير الخارجية القطري، الشيخ محمد بن عبدالرحمن آل ثاني، صورة للوزراء. وقال وزير الخارجية السعودي"
            ' عادل الجبير إن بلاده ستساعد. جاء ذلك في تغريدة للوزير القطري على صفحته بموقع تويتر، حيث قال: "سوريا'
            ' كارثة".',
            "سوريا كارثة",
            "محمد بن عبدالرحمن آل ثاني",
            id="a_tweet_by_the_minister_of_a_country_is_that_ministers",
        ),
        pytest.param(
            "قالت ميركل أن دول التكتل ستصدر بيانات. وعبر وزير البيئة البريطاني، مايكل غوف، عن تأييده لماي وقال"
            " إنه لن يستقيل.",
            "لن يستقيل",
            "مايكل غوف",
            id="a_sentence_opening_with_wa_abbara_is_the_verb_not_through",
        ),
        pytest.param(
            "وكتبت مراسلة بي بي سي، كاترين بياروهانغا، أن الخبراء قلقون. وقال الوزير ديفيد باهاتي إن البلاد بحاجة"
            " للضريبة. وتقول مراسلتنا إن وسائل التواصل أصبحت أداة سياسية.",
            "وسائل التواصل أصبحت أداة سياسية",
            "كاترين بياروهانغا",
            id="our_correspondent_is_the_correspondent_named_before",
        ),
        pytest.param(
            "طالب الادعاء العام التركي بإلغاء منع السفر عن القس. وأثارت قضية القس أزمة بين الرئيس الأمريكي دونالد ترامب"
            " الذي كان يطالب بإطلاق سراحه بسرعة كبيرة.",
            "بإطلاق سراحه بسرعة كبيرة",
            "دونالد ترامب",
            id="a_relative_clause_past_kana_is_its_antecedents",
        ),
        pytest.param(
            "وقال رئيس الوزراء الإسرائيلي بنيامين نتنياهو إن العملية ناجحة. بدوره قال المتحدث باسم رئيس الوزراء"
            " الإسرائيلي، أوفير جندلمان، إن الاتفاق لم يحظ بالكثير من التقدم.",
            "الاتفاق لم يحظ بالكثير من التقدم",
            "أوفير جندلمان",
            id="the_spokesman_speaks_not_the_one_he_speaks_for",
        ),
        pytest.param(
            "استقبل وزير الخارجية الفرنسي جان إيف لودريان وفدا من المعارضة. وكان الوزير الفرنسي قد حذر الرئيس السوري "
            'بشار الأسد من "عواقب وخيمة" إذا استمر القصف.',
            "عواقب وخيمة",
            "جان إيف لودريان",
            id="a_subject_named_before_qad_keeps_the_names_after_the_verb_as_its_objects",
        ),
        pytest.param(
            "أجرى رئيس الوزراء البريطاني بوريس جونسون زيارة إلى كييف. وأشاد بـ"
            '"الشجاعة التي أظهرها الشعب الأوكراني في وجه روسيا" ووصفها بأنها "ملهمة".',
            "ملهمة",
            "بوريس جونسون",
            id="a_name_inside_quoted_words_is_not_the_subject_of_the_verb_after_them",
        ),
        pytest.param(
            'نددت وزارة الخارجية السورية بالهجوم وطالبت "القوات الغازية" بالانسحاب الفوري من الأراضي السورية.',
            "بالانسحاب الفوري من الأراضي السورية",
            "وزارة الخارجية السورية",
            id="a_name_in_quotation_marks_after_a_verb_joined_inside_its_sentence_is_its_object",
        ),
        pytest.param(
            "نفى الرئيس البيروفي بيدرو بابلو كوتشينسكي تلقي أموال من منظمة الصحة العالمية. وبالرغم من نفيه تلقي"
            " أموال من هذه المنظمة، اعتبر أن استقالته هي أفضل ما يمكن فعله.",
            "استقالته هي أفضل ما يمكن فعله",
            "بيدرو بابلو كوتشينسكي",
            id="a_name_after_a_preposition_and_a_demonstrative_is_not_the_subject",
        ),
        pytest.param(
            "التقى رئيس الوزراء اليمني أحمد بن دغر وفدا من التجار في عدن. كما أكد، خلال اتصاله بمحافظ شبوة علي بن"
            " راشد، أن الحكومة ستدعم الميناء.",
            "الحكومة ستدعم الميناء",
            "أحمد بن دغر",
            id="a_title_with_a_preposition_in_a_phrase_after_the_verb_does_not_make_its_holder_the_subject",
        ),
        pytest.param(
            "فرضت وزارة الخزانة الأمريكية عقوبات على شركات من الهند وماليزيا تتهمها بمساعدة إيران في تفادي العقوبات.",
            "بمساعدة إيران في تفادي العقوبات",
            "وزارة الخزانة الأمريكية",
            id="names_joined_by_wa_share_the_preposition_of_the_first",
        ),
        pytest.param(
            "وقال المجلس الوطني للمقاومة الإيرانية في بيان إن الاتهامات باطلة. وكان المجلس الوطني للمقاومة"
            " الإيرانية، الذي تنضوي تحته منظمة مجاهدي خلق، أكد أن المؤتمر سيعقد في باريس.",
            "المؤتمر سيعقد في باريس",
            "المجلس الوطني للمقاومة الإيرانية",
            id="a_name_inside_a_relative_clause_set_off_before_the_verb_is_not_its_subject",
        ),
        pytest.param(
            'واعتبر وزير الخارجية السعودي عادل الجبير أن الإصلاحات تحظى بالتأييد. وقال "عمليا لا توجد أي معارضة" بوجه '
            'هذه الإصلاحات "الجميع يؤيدها".',
            "الجميع يؤيدها",
            "عادل الجبير",
            id="a_name_inside_a_quotation_after_the_verb_is_not_its_subject",
        ),
        pytest.param(
            'وقال مدير المرصد رامي عبد الرحمن إن القصف مستمر. لكن "جيش الإسلام"، الفصيل الأقوى في الغوطة، ينفي أي وجود '
            "لمقاتليه في المنطقة.",
            "أي وجود لمقاتليه في المنطقة",
            "جيش الإسلام",
            id="a_description_set_off_by_commas_before_the_verb_is_an_aside_about_the_name_before_it",
        ),
        pytest.param(
            "وشنت إسرائيل غارات ضد حماس واعتبرت أن الرد كان ضروريا.",
            "الرد كان ضروريا",
            "إسرائيل",
            id="a_name_after_didd_against_is_not_the_subject",
        ),
        pytest.param(
            "وتنفي موسكو أي تورط لها في الاعتداء ضد سكريبال وتتهم بريطانيا بشن حملة ضدها.",
            "بشن حملة ضدها",
            "موسكو",
            id="a_verb_joined_inside_its_sentence_takes_the_one_name_before_its_content_as_its_object",
        ),
        pytest.param(
            "وتطرق الإعلامي عمرو أديب إلى قضية المدينة، مؤكدا أنه وجه سؤالا مباشرة للأمير محمد بن سلمان خلال لقائه في"
            ' القاهرة حول الاتفاقية، فرد عليه الأمير السعودي بنفي "شراء أرض" من مصر، وإنما الشراكة في المشروع.',
            "شراء أرض",
            "محمد بن سلمان",
            id="the_one_told_as_a_pronoun_stands_between_the_verb_and_its_subject",
        ),
        pytest.param(
            'دعت الولايات المتحدة الأمريكية "تحالف دعم الشرعية في اليمن"، الذي تقود قواته السعودية، إلى "تحقيق شامل"'
            " في الهجوم.",
            "تحقيق شامل",
            "الولايات المتحدة",
            id="a_quoted_name_after_the_subject_and_a_name_in_a_relative_clause_are_not_the_subject",
        ),
    ],
)
def test_who_said_the_clause(text: str, clause: str, speaker: str) -> None:
    assert said_by(analyze(text))[clause] == speaker


def test_a_quotation_whose_cue_is_inside_a_statement_was_reported_by_its_speaker() -> None:
    doc = analyze(
        'وقالت المتحدثة باسم البيت الأبيض، سارة ساندرز، إن ترامب أكد، في كلمته أمام القمة، "أقترح أن تحترم الدول'
        ' التزاماتها". وأوضحت أن ترامب "كان أثار الأمر نفسه في السنة الماضية"، مشيرة إلى أنه يريد أن يساهم الشركاء.'
    )
    assert said_by(doc)["كان أثار الأمر نفسه في السنة الماضية"] == "سارة ساندرز"  # she goes on, not Trump


def test_istadraka_and_khataba_are_speech_verbs() -> None:
    doc = analyze(
        'وقال رئيس الوزراء الأردني عمر الرزاز في لقاء مع الشباب: "الحكومة لن تتراجع"، قبل أن يستدرك: "لكننا سنسمع '
        'الجميع". وخاطب الحاضرين: "أنتم أمل البلد".',
        "2018-06-07",
    )
    cues = {q.text: q.cue.text if q.cue else None for q in doc.quotes}
    assert cues == {"الحكومة لن تتراجع": "وقال", "لكننا سنسمع الجميع": "يستدرك", "أنتم أمل البلد": "وخاطب"}
    assert set(said_by(doc).values()) == {"عمر الرزاز"}


@pytest.mark.parametrize(
    ("text", "statements"),
    [
        pytest.param(
            "نشر سفير المملكة العربية السعودية في أمريكا، الأمير خالد بن سلمان، تصريحات لقائد إيراني. جاء ذلك في"
            ' تغريدة للسفير السعودي على صفحته بموقع التواصل الاجتماعي، تويتر، قال فيها: "القائد يعترف بكل وقاحة".',
            {"القائد يعترف بكل وقاحة": "خالد بن سلمان"},
            id="a_tweet_by_a_title_is_its_holders",
        ),
        pytest.param(
            "من جهته نشر الحرس الرئاسي الأمريكي، تغريدة على صفحته بموقع التواصل الاجتماعي، تويتر، قال فيها: "
            '"الحرس يستجيب لتقارير إصابة شخص".',
            {"الحرس يستجيب لتقارير إصابة شخص": "الحرس الرئاسي الأمريكي"},
            id="a_tweet_on_a_page_is_its_posters_not_the_platforms",
        ),
        pytest.param(
            'وقالت حركة "حماس" إن مقاتليها صدوا الهجوم. وقال "حزب الله" في بيان إن الغارة استهدفت موقعا.',
            {"مقاتليها صدوا الهجوم": "حماس", "الغارة استهدفت موقعا": "حزب الله"},
            id="a_name_in_quotation_marks_after_the_verb_is_its_subject_and_the_clause_its_statement",
        ),
        pytest.param(
            "وأكدت كل من مصر والأردن أنهما ترفضان نقل السفارة.",
            {"ترفضان نقل السفارة": "مصر"},  # the first of the joint speakers
            id="each_of_right_after_the_verb_opens_its_subject_the_first_of_them",
        ),
        pytest.param(
            "وكانت مصر اتهمت إثيوبيا بالمماطلة في مفاوضات السد.",
            {"بالمماطلة في مفاوضات السد": "مصر"},
            id="a_name_between_kana_and_the_verb_is_its_subject_and_the_name_after_its_object",
        ),
        pytest.param(
            "وأصدرت منظمة التعاون الإسلامي بيانا في ختام القمة. واتهم البيان الرئيس الأمريكي دونالد ترامب بتوفير الدعم "
            "لإسرائيل.",
            {"بتوفير الدعم لإسرائيل": "منظمة التعاون الإسلامي"},
            id="a_statement_noun_as_the_subject_speaks_for_its_issuer_and_the_name_after_it_is_the_object",
        ),
        pytest.param(
            "وتوعد زعيم الحركة محمد الضيف بالرد على الغارة، مؤكدا أن المقاومة لن تسكت.",
            {"بالرد على الغارة": "محمد الضيف", "المقاومة لن تسكت": "محمد الضيف"},
            id="tawaad_vows_with_bi_and_a_participle_after_it_goes_on_with_its_subject",
        ),
        pytest.param(
            "وهدد الرئيس الأمريكي دونالد ترامب بفرض رسوم جديدة على الصين. واستبعد وزير الخزانة ستيفن منوتشين حدوث حرب "
            "تجارية. ونبه البنك الدولي إلى أن النمو سيتباطأ. وأوصى صندوق النقد الدولي بتشديد الرقابة.",
            {
                "بفرض رسوم جديدة على الصين": "دونالد ترامب",
                "حدوث حرب تجارية": "ستيفن منوتشين",
                "النمو سيتباطأ": "البنك الدولي",
                "بتشديد الرقابة": "صندوق النقد الدولي",
            },
            id="threats_rulings_out_warnings_and_recommendations_are_statements",
        ),
        pytest.param(
            "وجاء ذلك بعد إعلان الولايات المتحدة تقليص مساهمتها في ميزانية الأونروا. واحتفلت البلاد بذكرى إعلان "
            "الاستقلال. وجاء إعلان الحكومة على لسان المتحدثة باسمها.",
            {"تقليص مساهمتها في ميزانية الأونروا": "الولايات المتحدة"},
            id="an_announcement_by_noun_is_a_statement_only_with_its_agent_named_and_then_what_was_announced",
        ),
    ],
)
def test_the_statements_of_a_text_and_their_speakers(text: str, statements: dict[str, str]) -> None:
    assert said_by(analyze(text)) == statements


def test_an_organisations_head_and_name_right_after_the_verb_are_its_subject_not_what_was_said() -> None:
    """أعلنت شركة أبل إطلاق …: the company speaks, and what it announced starts after its name."""
    doc = analyze("أعلنت شركة أبل إطلاق هاتف جديد. وأعلن الأحد نادي ليفربول تعيين مدرب جديد.", "2018-05-14")
    names = {e.id: e.name_latn for e in doc.entities}
    assert [(q.text, names.get(q.speaker)) for q in doc.quotes] == [
        ("إطلاق هاتف جديد", "Apple"),
        ("تعيين مدرب جديد", "Liverpool FC"),
    ]


def test_the_holder_of_a_title_set_off_after_the_person_it_is_of_speaks() -> None:
    """وقال محامي ترامب، رودي جولياني، إن: the lawyer, not his client; مستشار ترامب، جون بولتون likewise."""
    doc = analyze(
        "وقال محامي ترامب، رودي جولياني، إن الرئيس لن يدلي بشهادته. وأكد مستشار ترامب، جون بولتون، أن العقوبات ستستمر.",
        "2018-05-14",
    )
    names = {e.id: e.name for e in doc.entities}
    assert [names.get(q.speaker) for q in doc.quotes] == ["رودي جولياني", "جون بولتون"]


def test_a_holder_named_after_a_second_title_and_an_honorific_is_the_subject() -> None:
    """أعلن رئيس مجلس الوزراء في …، حاكم دبي، الشيخ X، الأحد، عن …: X, and what he announced after عن, not after في."""
    doc = analyze(
        "أعلن رئيس مجلس الوزراء في دولة الإمارات العربية المتحدة، حاكم دبي، الشيخ محمد بن راشد آل مكتوم، الأحد، عن"
        " خطة لتطوير المطارات.",
        "2018-05-20",
    )
    names = {e.id: e.name for e in doc.entities}
    assert [(q.text, names.get(q.speaker)) for q in doc.quotes] == [("خطة لتطوير المطارات", "محمد بن راشد")]


def test_an_outlet_carrying_a_quotation_after_a_colon_is_its_speaker() -> None:
    """ونقلت صحيفة الغارديان: "…": نقل reports with a colon as it does with عن; the paper goes on speaking."""
    doc = analyze('ونقلت صحيفة الغارديان: "الوضع خطير جدا في المدينة". وأضافت أن الجيش انسحب.', "2018-03-26")
    names = {e.id: e.name for e in doc.entities}
    assert [(q.kind, q.cue.text, names.get(q.speaker)) for q in doc.quotes] == [
        ("direct", "ونقلت", "صحيفة الغارديان"),
        ("indirect", "وأضافت", "صحيفة الغارديان"),
    ]


def test_a_noun_of_saying_before_a_clause_reports_it() -> None:
    """مع التأكيد على أن …، تحذيرا من أن …: statements of their own, ending the clause before them; a bare التأكيد
    (أهمية التأكيد) reports nothing."""
    doc = analyze(
        "وأعلنت وزارة الصحة الفرنسية تمديد المهلة، مع التأكيد على أن عدم الرد يعد موافقة. وشدد الطبيب على أهمية"
        " التأكيد.",
        "2018-03-26",
    )
    names = {e.id: e.name for e in doc.entities}
    found = [(q.cue.text, q.text, names.get(q.speaker)) for q in doc.quotes]
    assert found[:2] == [
        ("وأعلنت", "تمديد المهلة", "وزارة الصحة الفرنسية"),
        ("التأكيد", "عدم الرد يعد موافقة", "وزارة الصحة الفرنسية"),
    ], found
    assert not [q for q in doc.quotes if q.cue.text == "التأكيد" and q.start > 80]


def test_a_headline_giving_a_name_a_colon_and_what_was_said_is_a_quotation() -> None:
    """نتنياهو: إيران تسعى …، قد يهمك: جيش الإسلام لـCNN: نتفاوض …: direct quotations with no cue, the story's
    speaker unchanged after them; a place or a topic before the colon (سوريا: …، الانتخابات اللبنانية: …) is no
    speaker."""
    text = (
        "قال رئيس الوزراء الإسرائيلي بنيامين نتنياهو إن إيران خطيرة.\n"
        "قد يهمك: جيش الإسلام لـCNN: نتفاوض مع الروس للبقاء في الغوطة\n"
        "وأضاف أن إسرائيل لن تسمح بذلك.\n"
        'نتنياهو: إيران تسعى إلى "السيطرة على العالم"\n'
        "سوريا: بعد إخلاء البلدتين إدلب بلا مقاتلين\n"
        "الانتخابات اللبنانية: نسبة الإقبال تصل إلى 49 في المئة"
    )
    doc = analyze(text, "2018-03-26")
    names = {e.id: e.name for e in doc.entities}
    found = [(q.kind, q.cue.text if q.cue else None, q.text, names.get(q.speaker)) for q in doc.quotes]
    assert found == [
        ("indirect", "قال", "إيران خطيرة", "بنيامين نتنياهو"),
        ("direct", None, "نتفاوض مع الروس للبقاء في الغوطة", "جيش الإسلام"),
        ("indirect", "وأضاف", "إسرائيل لن تسمح بذلك", "بنيامين نتنياهو"),
        ("direct", None, 'إيران تسعى إلى "السيطرة على العالم"', "بنيامين نتنياهو"),
    ], found


def test_a_units_number_in_a_title_keeps_the_holder_set_off_after_it() -> None:
    """وأكد قائد اللواء ٨٤ مشاة في الجيش اليمني، العميد X، على …: X, and what he stressed after على."""
    doc = analyze(
        "وأكد قائد اللواء ٨٤ مشاة في الجيش اليمني، العميد رداد الهاشمي، على أهمية الجهود التي بذلتها القوات.",
        "2018-06-01",
    )
    names = {e.id: e.name for e in doc.entities}
    assert [(q.text, names.get(q.speaker)) for q in doc.quotes] == [("أهمية الجهود التي بذلتها القوات", "رداد الهاشمي")]
