"""Organisations as speakers (issue #4): Latin names with their short forms, bodies referred to by a generic word
("в компании", "в профсоюзе"), and the issuer of a document named in the sentences before the quote."""
from __future__ import annotations

from presssearch.quotes import extract_quotes

from .conftest import speakers_of


def test_latin_abbreviation_gets_the_full_name() -> None:
    text = ("Рейтинговое агентство Standard & Poor’s (S&P) ухудшило прогноз. Прогноз плохой.\n«Финансовые механизмы "
            "ЕС сложны. Его обязательства превышают его активы», – отмечается в отчете S&P.")
    assert speakers_of(text) == ["Standard & Poor’s"]


def test_latin_company_named_with_a_plural_verb_is_the_company() -> None:
    text = ("Ранее в ведомстве предупредили, что компании МТС, «ВымпелКом» и Tele2 нарушили закон.\nВ Tele2 "
            "заявили, что не согласны с предупреждением ФАС.\n«Мы его внимательно изучили, проверили свои тарифы и "
            "пришли к выводу», — рассказали RT в компании.")
    assert speakers_of(text) == ["Tele2"]


def test_union_named_in_latin_is_what_the_union_points_back_to() -> None:
    text = ("Представитель профсоюза пилотов Vereinigung Cockpit в Германии рассказала, что работники несут убытки. "
            "В профсоюзе отметили, что пилоты хотят «справедливой оплаты труда для всех».")
    assert speakers_of(text) == ["Vereinigung Cockpit"]


def test_latin_bracket_that_is_not_the_initials_is_no_alias() -> None:
    text = ("Компания Siemens Energy (Германия) заявила о поставках. Поставки начнутся весной.\n«Мы выполним все "
            "обязательства перед заказчиком», — говорится в сообщении Siemens Energy.")
    assert speakers_of(text) == ["Siemens Energy"]


def test_body_that_holds_a_view_issued_the_statement_after() -> None:
    text = ("В Министерстве обороны России считают, что разгром станет поражением.\n«Разгром ИГИЛ в районе Дейр "
            "эз-Зора станет стратегическим поражением», — говорится в заявлении.")
    assert speakers_of(text) == ["Министерство обороны России"]


def test_body_relayed_with_kak_issued_the_message() -> None:
    text = ("Как сообщает Минздрав РФ, вакцина позволяет сформировать иммунитет.\n\n\"Двукратная схема введения "
            "вакцины позволяет сформировать длительный иммунитет\", - отмечается в сообщении.")
    assert speakers_of(text) == ["Минздрав РФ"]


def test_body_whose_site_tells_issued_the_message() -> None:
    text = ("На сайте Кремля сообщается, что президент РФ также поздравил коллегу.\n\n«Президенты выразили "
            "удовлетворение в связи с обменом нотами», — говорится в сообщении.")
    assert speakers_of(text) == ["Кремль"]


def test_office_of_a_person_named_on_its_twitter_issued_the_statement() -> None:
    text = ("Назначен новый министр. Об этом сообщается в Тwitter канцелярии премьер-министра страны Терезы Мэй. "
            "\"Королева с удовольствием одобрила назначение нового министра\", - говорится в заявлении.")
    assert speakers_of(text) == ["Канцелярия премьер-министра Терезы Мэй"]


def test_outlet_relayed_with_kak_is_no_issuer() -> None:
    text = ("Как сообщает ТАСС, вакцина позволяет сформировать иммунитет.\n\n\"Двукратная схема введения вакцины "
            "позволяет сформировать длительный иммунитет\", - отмечается в сообщении.")
    assert speakers_of(text) == [None]


def test_body_named_after_a_comma_and_a_verb_issued_the_release() -> None:
    text = ("Центр примирения направляет в город гуманитарную помощь, сообщили в Минобороны. Жителям подвозят "
            "продукты.\n«Центр примирения экстренно направляет жителям продукты питания», — уточняется в "
            "пресс-релизе, поступившем в распоряжение RT.")
    assert speakers_of(text) == ["Минобороны"]


def test_alliance_is_a_body() -> None:
    text = ("Ну, не обошлось и без НАТО.\n«Соединенное Королевство подтвердило использование военного "
            "нервнопаралитического вещества», – говорится в заявлении Североатлантического альянса.")
    assert speakers_of(text) == ["Североатлантический альянс"]


def test_quoted_name_after_a_legal_form_names_the_body() -> None:
    text = ("Эта группа и ГУП «Водоканал» утверждают, что мёртвой рыбы они не нашли:\n«В устье реки был проведен "
            "рейд по поиску масляных пятен на воде, таковых не обнаружилось».")
    assert speakers_of(text) == ["Водоканал"]


def test_generic_word_points_back_to_the_body_the_lead_names() -> None:
    text = ("Жители города получили помощь.\n«Уничтожено более 200 боевиков и большегрузные автомобили с "
            "боеприпасами», — уточнили в ведомстве.")
    quotes = extract_quotes(text, lead="Самолёты уничтожили колонну. Об этом сообщили в Минобороны России.")
    assert [q.speaker for q in quotes] == ["Минобороны России"]


def test_body_named_before_in_the_text_wins_over_the_lead() -> None:
    text = ("Об этом сообщили в МВД России.\n«Задержаны двое подозреваемых в краже автомобилей», — уточнили в "
            "ведомстве.")
    quotes = extract_quotes(text, lead="Об этом сообщили в Минобороны России.")
    assert [q.speaker for q in quotes] == ["МВД России"]


def test_bare_press_service_is_the_one_named_before() -> None:
    text = ("Об этом сообщили Интерфаксу в пресс-службе МВД РФ. По данным ведомства, все входили в группу.\n"
            "\"Все преступники уничтожены в ходе спецоперации\", - сообщили в пресс-службе.")
    assert speakers_of(text) == ["Пресс-служба МВД РФ"]


def test_bare_press_service_follows_the_latest_one() -> None:
    text = ("Пресс-служба МВД Киргизии сообщила о расследовании. Об этом сообщил представитель пресс-службы "
            "посольства США.\n\"Дом и оборудование находились под защитой местных властей\", - отмечает пресс-служба.")
    assert speakers_of(text) == ["Пресс-служба посольства США"]


def test_press_service_of_a_quoted_body_is_not_bare() -> None:
    from presssearch.quotes.orgs import OrgRegistry
    text = "В пресс-службе ВГТРК сообщили новость. Как говорится в сообщении пресс-службы «Краснодара», всё решено."
    reg = OrgRegistry.build(text)
    at = text.index("пресс-службы «")
    found = reg.at(at, at + 5)
    assert found is None or found.name() == "Краснодар"  # the club's press service, not ВГТРК's


def test_latin_outlet_ending_the_clause_is_the_speaker() -> None:
    lead = "Об этом сообщили журналисты.\n«Огласка численности войск затянулась на месяцы», — "
    assert speakers_of(lead + "пишет Bloomberg. Ранее Минсельхоз сообщил об этом.\n") == ["Bloomberg"]
    assert speakers_of(lead + "сообщило Reuters.\n") == ["Reuters"]
    assert speakers_of(lead + "отмечает телеканал CNN.\n") == ["CNN"]


def test_latin_outlet_told_or_relaying_is_not_the_speaker() -> None:
    lead = "Об этом сообщили журналисты.\n«Огласка численности войск затянулась на месяцы», — "
    assert speakers_of(lead + "сообщил CNN.\n") == [None]  # "he told CNN" as well
    assert speakers_of(lead + "рассказал RT.\n") == [None]
    assert speakers_of(lead + "пишет Bloomberg со ссылкой на источники.\n") == [None]
    assert speakers_of("Итоги подвели модельеры.\n\"Мы бы наняли атлетов из Казахстана\", - заявили дизайнеры в интервью "
                     "итальянской газете La Stampa.\n") == [None]


def test_quoted_party_name_after_its_kind_issues_the_party_s_message() -> None:
    text = ("Стоит отметить, что иного гражданства, кроме украинского, у Саакашвили не было.\n"
            "Это решение украинских властей раскритиковала партия «Батькивщина». «Лишение Михаила Саакашвили "
            "украинского гражданства — ещё один шаг к установлению диктатуры», — говорится в сообщении партии в "
            "Facebook.")
    quotes = extract_quotes(text)
    assert [(text[q.start:q.end][:6], q.speaker) for q in quotes] == [("Лишени", "Батькивщина")]


def test_quoted_company_name_after_its_kind_is_the_company_of_the_site() -> None:
    text = ("В компании «Штрих-М», в чьих аппаратах произошёл сбой, уже принесли свои извинения за инцидент. "
            "Разработчик также пообещал исключить вероятность подобных проблем в будущем.\n«Сегодня, 20 декабря, "
            "часть фискальных регистраторов производства «Штрих-М» вошла в некорректный режим работы», — "
            "отмечается на сайте компании.")
    assert [q.speaker for q in extract_quotes(text)] == ["Штрих-М"]


def test_bare_press_service_after_a_quoted_company_s_press_service() -> None:
    text = ("Правда, в пресс-службе «Нафтогаза» уточняли, что переговоры пройдут в ближайшие дни. «Стороны обсудят "
            "предложение «Нафтогаза» о пересмотре транзитного тарифа», – поясняли в пресс-службе.")
    assert [q.speaker for q in extract_quotes(text)] == ["Нафтогаз"]


def test_person_named_inside_a_quoted_body_name_in_the_clause_is_not_the_speaker() -> None:
    text = ("Также Евгений Касперский заявлял о готовности раскрыть код.\n«Что касается российского законодательства, то "
            "оно трактуется неверно в плане правоприменения к деятельности компании», — подчеркнули в «Лаборатории "
            "Касперского».")
    quotes = extract_quotes(text)
    assert [q.text[:28] for q in quotes] == ["Что касается российского зак"]
    assert speakers_of(text) == ["Лаборатория Касперского"]


def test_quoted_name_located_with_a_plural_verb_is_a_body_a_generic_word_points_back_to() -> None:
    text = ("В «Лаборатории Касперского» назвали шаг американских властей попыткой втянуть компанию в борьбу. В "
            "компании добавили, что «обвинения вредят самим американским властям».")
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == ["обвинения вредят самим американским властям"]
    assert speakers_of(text) == ["Лаборатория Касперского"]


def test_bare_press_service_after_a_located_speaking_body_is_that_body() -> None:
    text = ("В «Лаборатории Касперского» назвали шаг американских властей попыткой втянуть компанию в геополитическую "
            "борьбу.\n«Судя по всему, компания оказалась втянутой в геополитическую борьбу», — подчеркнули в "
            "пресс-службе.")
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == ["Судя по всему, компания оказалась втянутой в геополитическую борьбу"]
    assert speakers_of(text) == ["Лаборатория Касперского"]


def test_located_name_in_straight_quotes_after_a_plural_speech_verb_is_a_body() -> None:
    text = ("Ранее \"Правозащита Открытки\" сообщила, что в квартире Воронцова снова проходит обыск.\n\n\"Пока неизвестно, "
            "в рамках какого дела проводятся следственные действия. Дверь в квартиру Воронцова выпилили\", - отмечали "
            "в \"Правозащите Открытки\".")
    quotes = extract_quotes(text)
    assert [q.text[:30] for q in quotes] == ["Пока неизвестно, в рамках како"]
    assert speakers_of(text) == ["Правозащита Открытки"]
