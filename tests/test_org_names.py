"""Canonical names of organisation speakers (session 12): the long or short name of one body as the text introduces
it, a registered name that a short name ends, kinds kept with a quoted name, the capital's body under its place, a
mayoralty's city, a quoted alias in brackets."""
from __future__ import annotations

import pytest

from presssearch.quotes import extract_quotes
from presssearch.quotes.orgs import OrgRegistry


def _only(text: str) -> tuple[str, str | None]:
    """The first quote's text and speaker."""
    q = extract_quotes(text)[0]
    return q.text, q.speaker


def test_long_name_introduced_first_names_the_ministry() -> None:
    """rt-03861: "в заявлении Министерства иностранных дел КНР", then "в МИД страны"."""
    text = ("«США нарушили суверенитет Китая», — говорится в заявлении Министерства иностранных дел КНР.\n"
            "«Китай настоятельно призывает США немедленно прекратить подобные провокационные операции», — отметили "
            "в МИД страны.")
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Министерство иностранных дел КНР"] * 2
    assert quotes[1].text == "Китай настоятельно призывает США немедленно прекратить подобные провокационные операции"


def test_short_name_introduced_first_stays_short() -> None:
    """bsnlp-asia_bibi-ru-2019-4: "заявили в МИД Пакистана" comes before "в Министерстве иностранных дел
    Пакистана"; the gold names "МИД Пакистана"."""
    text = ("Христианка Асия Биби может пользоваться полной свободой передвижения, заявили в МИД Пакистана. Отметив, "
            "что Асия Биби освобождена, в Министерстве иностранных дел Пакистана заявили о свободе передвижения.\n"
            "«Она может выехать за пределы страны, когда захочет», — подчеркнули в Министерстве иностранных дел "
            "Пакистана.")
    assert _only(text) == ("Она может выехать за пределы страны, когда захочет", "МИД Пакистана")


def test_long_and_short_name_share_one_key() -> None:
    reg = OrgRegistry.build("Министерство обороны Российской Федерации сообщило о потерях. Позже Минобороны РФ "
                            "уточнило данные.")
    names = {o.key: o.name() for o in reg.orgs.values()}
    assert names == {"минобороны россии": "Министерство обороны Российской Федерации"}


def test_acronym_of_a_long_name_is_that_body() -> None:
    """rt-02936: "в Министерстве обороны России …", then "говорится в заявлении МО"."""
    text = ("В Министерстве обороны России сообщили, что вертолёт Ми-24 потерпел крушение.\n«Вертолёт разрушен из-за "
            "технической неисправности», — говорится в заявлении МО.")
    assert _only(text) == ("Вертолёт разрушен из-за технической неисправности", "Министерство обороны России")


def test_short_name_ending_a_registered_name_takes_it() -> None:
    """c5-267: "банк ВТБ", "ВТБ уверен", and ОАО "Банк ВТБ" further on."""
    text = ('В свою очередь банк ВТБ выразил удовлетворение в связи с возвращением М.Кузовлева. "ВТБ уверен, что '
            'приход М.Кузовлева приведет к скорым и качественным изменениям", - говорится в сообщении кредитной '
            'организации.\r\n\r\nПакет акций перешел в собственность ОАО "Банк ВТБ".')
    assert _only(text) == ("ВТБ уверен, что приход М.Кузовлева приведет к скорым и качественным изменениям",
                           "Банк ВТБ")


def test_state_institution_keeps_its_form_and_quoted_name() -> None:
    """golunov-004: the ГКУ's reception answered; the gold names "ГКУ «Московский центр „Открытое правительство“»"."""
    text = ("«Мы\xa0не\xa0имеем опыта работы с\xa0журналистами. Отправляйте запрос\xa0в\xa0аппарат мэра»,\xa0— заявили "
            "«Медузе» в\xa0приемной государственного казенного учреждения (ГКУ) «Московский центр „Открытое "
            "правительство“», которое администрирует портал «Наш город».")
    assert _only(text) == ("Мы\xa0не\xa0имеем опыта работы с\xa0журналистами. Отправляйте запрос\xa0в\xa0аппарат мэра",
                           "ГКУ «Московский центр „Открытое правительство“»")


def test_association_keeps_its_kind_and_adjective() -> None:
    """rt-04727: "культурная ассоциация «Ломбардия — Россия»", then its site's document."""
    text = ("Визит организует культурная ассоциация «Ломбардия — Россия».\n«Здесь необходимо вмешательство "
            "зарубежных инвесторов», — говорится в документе, представленном на официальном сайте ассоциации "
            "«Ломбардия — Россия».")
    assert _only(text) == ("Здесь необходимо вмешательство зарубежных инвесторов",
                           "Культурная ассоциация «Ломбардия — Россия»")


def test_company_kind_is_still_left_out() -> None:
    reg = OrgRegistry.build("По\xa0телефонам компании «Стройтеплосервис» заявили, что ничего не знают.")
    assert [o.name() for o in reg.orgs.values()] == ["Стройтеплосервис"]


def test_capital_adjective_is_the_body_with_its_city() -> None:
    """nerel-141724_text: "департамента транспорта Москвы", then "Столичный департамент транспорта сообщает:"."""
    text = ("По заявлениям департамента транспорта Москвы, ДТП случилось, так как машина врезалась в автобус.\n\n"
            "Столичный департамент транспорта сообщает:\n\nУ водителя автобуса ни одного нарушения ПДД с 2015 года.\n")
    quotes = [q for q in extract_quotes(text) if q.speaker]
    assert [(q.text, q.speaker) for q in quotes] == [
        ("У водителя автобуса ни одного нарушения ПДД с 2015 года.", "Департамент транспорта Москвы")]


def test_mayoralty_takes_the_mayors_city() -> None:
    """golunov-007: "мэр Москвы Сергей Собянин", then "— сообщала пресс-служба мэрии"."""
    text = ("Еще 16\xa0декабря мэр Москвы Сергей Собянин открыл новогодний фестиваль. «Вместе с\xa0детьми и\xa0Дедом "
            "Морозом мэр зажег праздничные огни над столицей»,\xa0—  сообщала  пресс-служба мэрии.")
    assert _only(text) == ("Вместе с\xa0детьми и\xa0Дедом Морозом мэр зажег праздничные огни над столицей",
                           "Пресс-служба мэрии Москвы")


def test_mayoralty_of_two_cities_is_left_alone() -> None:
    reg = OrgRegistry.build("Сайт мэра Москвы работает. Она работала в мэрии Перми. Пресс-служба мэрии сообщила.")
    assert "Пресс-служба мэрии" in [o.name() for o in reg.orgs.values()]


def test_quoted_alias_in_brackets_points_back_to_the_full_name() -> None:
    """rt-01284: "Ассоциация эксплуатантов … («Аэронет»)", then "— пояснили RT в «Аэронет»"."""
    text = ("Проект сформировала Ассоциация эксплуатантов и разработчиков беспилотных авиационных систем («Аэронет»).\n"
            "«Беспилотные аппараты используют для мониторинга трубопроводов», — пояснили RT в «Аэронет».")
    assert _only(text) == ("Беспилотные аппараты используют для мониторинга трубопроводов",
                           "Ассоциация эксплуатантов и разработчиков беспилотных авиационных систем")


def test_place_after_the_acronym_in_brackets_completes_the_name() -> None:
    """rucoco-2016_world_savchenkolist_001: "Совет национальной безопасности и обороны (СНБО) Украины"."""
    for text, name in (("Совет национальной безопасности и обороны (СНБО) Украины утвердил санкции.",
                        "Совет национальной безопасности и обороны Украины"),
                       ("Об этом сообщили в Следственном комитете (СК) России.", "Следственный комитет России")):
        reg = OrgRegistry.build(text)
        assert {reg.orgs[m.key].name() for m in reg.mentions} == {name}


def test_words_other_than_a_place_after_the_acronym_stay_out_of_the_name() -> None:
    text = "Президент Европейского центрального банка (ЕЦБ) Марио Драги заявил о снижении ставки."
    reg = OrgRegistry.build(text)
    assert all("Марио" not in reg.orgs[m.key].name() for m in reg.mentions)


def test_verkhovna_rada_in_lowercase_is_a_body() -> None:
    text = "«Решение окончательное», — говорится в постановлении Верховной рады."
    assert _only(text) == ("Решение окончательное", "Верховная рада")
    assert not OrgRegistry.build("Она рада Анне и её детям.").mentions


def test_bank_heads_a_name_only_after_capitalised_adjectives() -> None:
    reg = OrgRegistry.build("Эксперты Всемирного банка и акционеры Банка Москвы обсудили прогноз.")
    assert {reg.orgs[m.key].name() for m in reg.mentions} == {"Всемирный банк"}


@pytest.mark.parametrize("clause, body", [
    ("— говорится в сообщении Европейского центрального банка.", "Европейский центральный банк"),
    ("— заявили в Национальном антитеррористическом комитете.", "Национальный антитеррористический комитет"),
], ids=["bank", "committee"])
def test_a_capitalised_adjective_then_lowercase_ones_open_a_bodys_name(clause: str, body: str) -> None:
    from presssearch.quotes import extract_quotes
    text = "«Мы ожидаем роста цен на нефть в следующем году», " + clause
    assert [q.speaker for q in extract_quotes(text)] == [body]


def test_a_sentences_first_word_does_not_open_a_bodys_name() -> None:
    from presssearch.quotes import extract_quotes
    text = "Новый большой центр откроется в мае. «Мы ожидаем роста цен на нефть в следующем году», — заявили в центре."
    assert [q.speaker for q in extract_quotes(text)] == [None]


def test_name_opening_with_a_capitalised_adjective_keeps_its_lowercase_ones() -> None:
    text = ("Под утро управление ФСБ сообщило о завершении операции. В 02:50 Национальный антитеррористический "
            "комитет (НАК) заявил, что оперативники заблокировали группу бандитов.\n«Заблокированным в доме бандитам "
            "предложено сложить оружие и сдаться», — говорилось в сообщении.")
    assert _only(text)[1] == "Национальный антитеррористический комитет"
    reg = OrgRegistry.build("Кроме того, Национальный научный фонд Америки учредил стипендию.")
    assert [reg.orgs[m.key].name() for m in reg.mentions] == ["Национальный научный фонд Америки"]


def test_lowercase_adjectives_after_a_sentence_initial_capital_need_a_proper_name_after_the_head() -> None:
    reg = OrgRegistry.build("Новый научный центр открылся в Казани.")
    assert [reg.orgs[m.key].name() for m in reg.mentions] == []
    reg = OrgRegistry.build("Национальный научный фонд США заявил о новой программе.")
    assert [reg.orgs[m.key].name() for m in reg.mentions] == ["Национальный научный фонд США"]


def test_a_descriptive_phrase_before_an_acronym_name_opening_a_sentence_is_no_name() -> None:
    reg = OrgRegistry.build("Американское правительственное агентство USAID объявило тендер.")
    assert "Американское правительственное агентство USAID" not in [reg.orgs[m.key].name() for m in reg.mentions]


def test_regional_branch_keeps_the_region_it_serves() -> None:
    """golunov-003: "— сообщило ГУ МВД по региону"; the region after "по" is part of the branch's name."""
    text = ("Роспотребнадзор и полиция нашли более ста точек продажи «Боярышника» в Иркутске. «Изъято порядка двух "
            "тысяч бутылок косметического средства „Боярышник“», — сообщило ГУ МВД по региону.")
    assert _only(text) == ("Изъято порядка двух тысяч бутылок косметического средства „Боярышник“",
                           "ГУ МВД по региону")


@pytest.mark.parametrize("name", ["УФСБ по Москве и Московской области", "ГУ МЧС по Республике Крым",
                                  "УМВД России по Курской области"])
def test_regional_branch_names(name: str) -> None:
    text = f"«Задержаны двое подозреваемых в краже», — сообщили в {name}."
    assert extract_quotes(text)[0].speaker == name


def test_po_that_names_no_region_is_no_part_of_the_name() -> None:
    """"МВД по факту кражи": "по" with no region after it ends the name."""
    reg = OrgRegistry.build("Дело возбудили в МВД по факту кражи.")
    assert [reg.orgs[m.key].name() for m in reg.mentions] == ["МВД"]


def test_bare_acronym_is_the_federal_body_not_its_branch() -> None:
    """rt-04103: "ФСБ" with "ФСБ России" and "ФСБ России по Курской области" in the text is "ФСБ России"."""
    text = ("«Сотрудниками пограничного управления ФСБ России по Курской области задержан гражданин Украины», — "
            "говорится в заявлении. Боец ВСУ, которого задержали сотрудники ФСБ России, покинул часть. «В ходе "
            "перестрелки он получил огнестрельные ранения средней степени тяжести», — добавили в ФСБ.")
    assert extract_quotes(text)[-1].speaker == "ФСБ России"


@pytest.mark.parametrize("name", ["Минздрав региона", "Генпрокуратура России"])
def test_proper_head_opening_a_sentence_is_a_body(name: str) -> None:
    """"Минздрав региона сообщил: «…»": a head that is a name by itself is one where a sentence opens too, with
    the words that complete it."""
    text = f"{name} сообщил: «Все пострадавшие получают необходимую помощь»."
    assert _only(text) == ("Все пострадавшие получают необходимую помощь", name)


def test_place_adjective_reading_as_surname_stays_in_the_name() -> None:
    """rt-06088: "Московской" also reads as a surname, but before "железной дороги" it is the railway's adjective;
    the press service's message is quoted next."""
    text = ("Наземный транспорт справляется с ударом стихии. В пресс-службе Московской железной дороги сообщили, что "
            "снегопад не повлиял на расписание движения поездов.\n"
            "«Поезда на полигоне МЖД отправляются в рейсы по графику. Ночью на полигоне МЖД работало 45 единиц "
            "спецтехники», — говорится в сообщении.")
    assert _only(text) == ("Поезда на полигоне МЖД отправляются в рейсы по графику. Ночью на полигоне МЖД работало "
                           "45 единиц спецтехники", "Пресс-служба Московской железной дороги")
