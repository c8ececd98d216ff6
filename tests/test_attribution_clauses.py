"""Speaker attribution: experiencers, reply clauses, role appositions, people described before a colon."""
from __future__ import annotations

import pytest

from presssearch.quotes import extract_quotes


def _speaker_of(text: str, snippet: str) -> str | None:
    """The speaker of the innermost quote holding the snippet (fails when no quote holds it)."""
    at = text.index(snippet)
    quote = min((q for q in extract_quotes(text) if q.start <= at < q.end), key=lambda q: q.end - q.start)
    return quote.speaker


CASES = [
    pytest.param(  # a person described right before the name, no speech verb: trusted though nobody else names him
        "Французы выбирают президента. Например, военный в отставке Жером свое мнение обосновал так: "
        "«Из двух кандидатов Фийон моложе и энергичнее, он справится с задачами».",
        "Из двух кандидатов", "Жером", id="described-before-colon"),
    pytest.param(  # "на что магнат ответил": the one who answers, by the role he was introduced with
        "Американский магнат Роберт Бигелоу дал интервью телеканалу CBS. Ведущая спросила у Бигелоу, не боится "
        "ли он насмешек, на что магнат ответил, что его не интересует мнение окружающих, так как оно "
        "«не меняет суть дела и мои планы на будущее».",
        "не меняет суть", "Роберт Бигелоу", id="reply-clause"),
    pytest.param(  # an experiencer in the accusative of a person just named
        "Об этом рассказал политолог Борис Долгов. Долгова смущает участие в переговорах третьих стран: "
        "«Дело в том, что эти страны преследуют собственные интересы в регионе».",
        "Дело в том", "Борис Долгов", id="experiencer-name"),
    pytest.param(  # the same with a pronoun
        "Об этом рассказал политолог Борис Долгов. Его беспокоит участие в переговорах третьих стран: "
        "«Дело в том, что эти страны преследуют собственные интересы в регионе».",
        "Дело в том", "Борис Долгов", id="experiencer-pronoun"),
    pytest.param(  # a name after a genitive role noun that cannot be genitive, agreeing with the verb
        "Представитель администрации президента Радж Шах также пояснил, что «президент намерен добиться "
        "соглашения в ближайшее время».",
        "президент намерен", "Радж Шах", id="apposition-after-oblique-role"),
    pytest.param(  # a pronoun pointing to a role subject that names nobody: not the person named before
        "Светская львица Пэрис Хилтон вышла замуж. Модный блогер из Лондона открывает свой бизнес. "
        "В интервью журналу он заявил, что «очень много работает и не тратит деньги родителей».",
        "очень много работает", None, id="pronoun-to-unnamed-role"),
    pytest.param(  # a role nobody holds right after a sentence whose speech verb has one named subject without a role
        "Похожим образом говорит об Улюкаеве и Сергей Жаворонков, работавший с будущим министром в Институте "
        "экономических проблем. «Он был человеком довольно открытым, четко сформулировал вопросы, — рассказывает "
        "старший научный сотрудник института. — Он интеллектуал, автор нескольких очень неплохих книжек».",
        "Он был человеком", "Сергей Жаворонков", id="role-after-speaking-subject"),
    pytest.param(  # "и" joining two place names inside an apposition
        "Калифорния голосует.\n«Приход к власти Трампа стал спусковым крючком для сепаратизма в Калифорнии, — "
        "заявил RT политолог, специалист по США и Латинской Америке Алексей Черняев. — Очевидно, что радикальные "
        "либералы вполне были готовы мириться с властью США».",
        "Приход к власти", "Алексей Черняев", id="apposition-with-and"),
    pytest.param(  # initials after "им." do not end the attribution, and the name after "им." is not the speaker
        "Учёные оценили работу.\n«Теперь дело за учёными, которые возьмут на себя ответственность провести "
        "эксперименты», — сообщил RT профессор физического факультета МГУ им. М.В. Ломоносова Владимир Бушуев.\n"
        "Текст.",
        "Теперь дело", "Владимир Бушуев", id="initials-in-role"),
    pytest.param(  # "им. Тараса Шевченко" names a university, not a speaker: the university's message is its own
        "Студенты останутся дома.\n«Второй семестр начинается с 24 января, но занятия пройдут дистанционно», — "
        "говорится в официальном сообщении Киевского национального университета им. Тараса Шевченко.",
        "Второй семестр", "Киевский национальный университет", id="named-after-is-no-speaker"),
    pytest.param(  # "как сказал X," inside another person's quote: X's own quote
        "«Ссылки на западный опыт некорректны, – считает историк Олег Морозов. – Правительство запретило "
        "преподавать философию. Как сказал тогда министр народного просвещения Платон Ширинский-Шихматов, "
        "«польза философии не доказана, а вред от нее возможен». Не начнется ли то же самое?»",
        "польза философии", "Платон Ширинский-Шихматов", id="nested-according-to"),
]


@pytest.mark.parametrize(("text", "snippet", "speaker"), CASES)
def test_speaker(text: str, snippet: str, speaker: str | None) -> None:
    assert _speaker_of(text, snippet) == speaker


def test_apposition_needs_verb_agreement() -> None:
    """The apposition rule takes only names that cannot be genitive ("Клаудио Браво", "Путина" can)."""
    from presssearch.quotes.rules import _nominative_only
    assert _nominative_only("Шах", "masc")
    assert not _nominative_only("Браво", "masc")
    assert not _nominative_only("Путина", "femn")


def test_a_role_phrase_listing_fields_with_commas_still_ends_in_the_name() -> None:
    # rt-03826: the commas list the committee's fields; the speaker is the name that ends the phrase
    text = ("«Это наша точка зрения», — добавил Песков.\n"
            "«CAS уже подтвердил, что российские спортсмены чисты и не принимали допинг», — заявил зампред комитета "
            "Госдумы по физической культуре, спорту, туризму и молодёжной политике Валерий Газзаев в интервью RT.")
    assert _speaker_of(text, "CAS уже") == "Валерий Газзаев"


def test_a_speech_verb_after_a_colon_starts_the_clause_whose_subject_speaks() -> None:
    from presssearch.quotes import extract_quotes
    text = ("Историк Павел Гнилорыбов и профессор МАРХИ Алексей Мусатов осмотрели фонтан.\nОднако и Гнилорыбов, и "
            "Мусатов отмечают, что фонтан тоже выглядел аляповато: в сталинскую эпоху, говорит Гнилорыбов, подобная "
            "сочная яркость затушевывала серую действительность, а ВДНХ «мыслилась моделью империи в миниатюре».")
    assert [q.speaker for q in extract_quotes(text)] == ["Павел Гнилорыбов"]


def test_a_colon_of_a_time_does_not_open_a_clause() -> None:
    from presssearch.quotes import extract_quotes
    text = ("Иван Петров выступил утром. «Всё хорошо», — сказал Иван Петров.\nМинистерство обороны России в 17:00 по "
            "московскому времени сообщило, что «подразделения полностью выполнили все поставленные задачи».")
    assert [q.speaker for q in extract_quotes(text)] == ["Иван Петров", "Министерство обороны России"]


@pytest.mark.parametrize("opening", ["По словам Швабского", "Как отметил Швабский"], ids=["po-slovam", "kak-otmetil"])
def test_a_lone_adjective_shaped_surname_holds_the_words(opening: str) -> None:
    from presssearch.quotes import extract_quotes
    text = opening + ", «фантазия авторов мифов многообразна и безгранична»."
    assert [q.speaker for q in extract_quotes(text)] == ["Швабский"]


def _only_quote(text: str) -> tuple[str, str | None]:
    (quote,) = extract_quotes(text)
    return quote.text, quote.speaker


@pytest.mark.parametrize("text, speaker", [
    pytest.param("Заслуживает внимания структура изложения мифов об армейских собаках. Как пишет В. Швабский, "
                 "«фантазия авторов мифов многообразна и безгранична», и в этом мы видим его обращение к авторам.",
                 "Швабский", id="kak-pishet-initial-space"),
    pytest.param("Иными словами, на войне может быть огромная дистанция.\nПо мнению академика РАН А.А. Кокошина, "
                 "«огромное значение для понимания войны имеет феномен трения войны».",
                 "Кокошин", id="po-mneniyu-two-initials"),
    pytest.param("Такая работа должна проводиться в комплексе мер.\nПо мнению генерал-полковника Л.Г. Ивашова, "
                 "«сегодня военная наука действительно должна совершать прорыв».",
                 "Ивашов", id="initials-no-space"),
    pytest.param("Клаузевиц писал о трении. Как заявил В. Петров, «трение войны неустранимо в принципе».",
                 "Петров", id="initial-v-not-a-preposition"),
])
def test_an_initial_before_a_surname_neither_ends_the_sentence_nor_reads_as_a_preposition(text: str,
                                                                                          speaker: str) -> None:
    quoted, who = _only_quote(text)
    assert quoted == text[text.index("«") + 1:text.index("»")]
    assert who == speaker


def test_an_initial_tells_father_and_son_namesakes_apart() -> None:
    text = ("В середине марта у столичного банка появился еще один акционер – Виталий Юсуфов, сын недавно уволенного "
            "специального представителя президента РФ по международному энергетическому сотрудничеству Игоря Юсуфова. "
            "Бизнесмен является совладельцем компании.\n\nПри этом В.Юсуфов отметил, что действовал \"как частный предприниматель и только в своих интересах\", "
            "а не в интересах банка ВТБ.")
    assert _only_quote(text) == ("как частный предприниматель и только в своих интересах", "Виталий Юсуфов")


def test_words_held_by_a_list_of_people_have_no_single_speaker() -> None:
    text = ("По оценке немецких исследователей Эрнста Ульриха фон Вайцзеккера, Эймори Блок Ловинса и Л. Хантер "
            "Ловинса, «93% материалов, которые мы покупаем и расходуем, вообще никогда не воплощаются в продукцию».")
    assert _only_quote(text) == ("93% материалов, которые мы покупаем и расходуем, вообще никогда не воплощаются в "
                                 "продукцию", None)


@pytest.mark.parametrize("text", [
    "Сборная России выступала в группе А. Сборная Испании играла в группе Б.",
])
def test_a_letter_label_still_ends_its_sentence(text: str) -> None:
    from presssearch.quotes.text import sentence_start
    assert sentence_start(text, 0, text.index("Испании")) == text.index("Сборная Испании")


def test_a_father_named_after_a_kin_noun_stays_apart_from_his_namesake_son() -> None:
    text = ("Путин напомнил, что в 1941 году его отец добровольцем ушёл на фронт. «Я вспоминаю о том, что мой отец "
            "Владимир Спиридонович Путин, имея на руках бронь, ушёл добровольцем», — сказал президент Владимир Путин. "
            "«Великая история России — героический порыв добровольцев», — сказал Путин.")
    assert [q.speaker for q in extract_quotes(text)] == ["Владимир Путин", "Владимир Путин"]


def test_a_patronymic_written_again_finds_the_same_person() -> None:
    from presssearch.quotes.speakers import Registry, find_groups
    text = ("Президент Владимир Путин вспомнил отца: его отец Владимир Спиридонович Путин воевал под Ленинградом. "
            "Владимира Спиридоновича Путина тяжело ранили.")
    reg = Registry.build(text)
    father = [g for g in find_groups(text) if "Спиридоновича" in g.tokens][0]
    assert reg.lookup(father).name() == "Владимир Спиридонович Путин"
    assert len(reg.people) == 2


@pytest.mark.parametrize("text, speaker", [
    pytest.param("Министр энергетики Александр Новак встретился с коллегой. Позже выступил Дмитрий Песков. "
                 "«Рынок стабилен и будет стабилен», — сказал глава Минэнерго.", "Александр Новак",
                 id="glava-minenergo-is-the-minister"),
    pytest.param("Глава МИД России Сергей Лавров встретился с коллегой. Позже выступил Дмитрий Песков. "
                 "«Мы готовы к диалогу с партнёрами», — заявил министр иностранных дел.", "Сергей Лавров",
                 id="minister-is-glava-mid"),
    pytest.param("Он полагает, что именно из-за ареста сына Арсен Аваков неожиданно снял охрану с парламентского "
                 "квартала. Министр внутренних дел Украины Арсен Аваков ранее уже делал такие заявления. Об этом "
                 "рассказал Михаил Саакашвили.\n«Тратить государственные ресурсы и охранять дальше этот хлам под Радой "
                 "больше не намерены», — написал на своей странице в Facebook глава украинского МВД.",
                 "Арсен Аваков", id="glava-mvd-is-the-minister"),
])
def test_an_office_named_by_its_ministry_is_the_minister_s(text: str, speaker: str) -> None:
    quoted, who = _only_quote(text)
    assert quoted == text[text.index("«") + 1:text.index("»")]
    assert who == speaker


def test_a_plural_role_word_in_a_body_s_name_refers_to_no_minister() -> None:
    text = ("Глава МИД ДНР Наталья Никонорова встретилась с коллегой. Паспорта в Донецке начали выдавать в марте "
            "прошлого года.\n«Число желающих получить паспорта с каждым днём растёт, особенно после признания "
            "документов», — говорится на официальном сайте Совета министров ДНР.")
    assert _only_quote(text)[1] == "Совет министров ДНР"
