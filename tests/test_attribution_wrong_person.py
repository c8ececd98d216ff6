"""Quotes given to another person than the one who speaks: one short example per cause fixed."""
from __future__ import annotations

from presssearch.quotes import extract_quotes

from .conftest import speaker_of


def test_the_subject_of_a_contrasted_clause_speaks() -> None:
    text = ("Переговоры сорвались. Кристиан Линднер заявил, что лучше вообще не руководить правительством, "
            "а его коллега Фолькер Виссинг обвинил канцлера в «абсолютно неправильной оценке ситуации».")
    assert speaker_of(text, "абсолютно неправильной") == "Фолькер Виссинг"


def test_a_role_named_subject_after_however_speaks() -> None:
    text = ("Журналисты искали, где живёт бывший президент Украины Виктор Янукович. Сам политик утверждал, что "
            "переехал в Ростов-на-Дону, однако бывший московский чиновник Олег Митволь сообщил, что «группа "
            "украинских граждан» приобрела для Януковича дом.")
    assert speaker_of(text, "группа украинских") == "Олег Митволь"


def test_a_surname_with_a_verb_of_the_other_gender_is_the_namesake() -> None:
    text = ("Суд лишил Мару Багдасарян прав. «Имя этой проблемы — Мара Багдасарян», — сказал представитель ведомства.\n"
            "На заседании присутствовал её отец, предприниматель Эльмар Багдасарян. «Речь шла о подозрении на "
            "эпилепсию», — пояснил Багдасарян суду.\n"
            "Сама Багдасарян прокомментировала решение суда в Instagram: «да нету такого закона это очередное шоу».")
    assert speaker_of(text, "да нету") == "Мара Багдасарян"


def test_a_newcomer_named_in_the_paragraph_before_speaks_after_the_pronoun() -> None:
    text = ("«Сохранить влияние в НАТО крайне важно для Берлина», — пояснил политолог Филипп Батлер.\n"
            "Стратегический аналитик Уильям Энгдаль также считает, что планы немцев далеки от реальности.\n"
            "«Это определённо нужно канцлеру, чтобы поднять свои шансы», — сказал он.")
    assert speaker_of(text, "Это определённо") == "Уильям Энгдаль"


def test_a_person_named_inside_what_the_last_speaker_said_does_not_speak() -> None:
    text = ("«Ребята воплотили все ожидания», — рассказал Никита Крюков.\n"
            "Он также добавил, что нельзя винить во всём Алексея Червоткина.\n"
            "«Это был его первый старт на Олимпиаде», — отметил он.")
    assert speaker_of(text, "Это был его") == "Никита Крюков"


def _quote(text: str, start: str, **kw: str):
    from presssearch.quotes import extract_quotes

    found = [q for q in extract_quotes(text, **kw) if q.text.startswith(start)]
    assert found, f"no quote starts with {start!r}"
    return found[0]


def test_a_role_with_a_country_adjective_is_no_holder_for_another_country() -> None:
    text = ("Путин также рассказал о сирийском конфликте. Президент подчеркнул, что до начала операции ВКС России "
            "состоялся диалог с сирийским лидером Башаром Асадом.\n"
            "Кроме того, Путин назвал примерную численность «Исламского государства».\n"
            "«Примерное число террористов в рамках ИГ — 80 тыс. человек. 30 тыс. — это иностранные наёмники», — "
            "подчеркнул российский лидер.")
    q = _quote(text, "Примерное число")
    assert q.text == "Примерное число террористов в рамках ИГ — 80 тыс. человек. 30 тыс. — это иностранные наёмники"
    assert q.speaker == "Путин"


def test_the_lead_lends_its_role_to_a_person_the_text_names_without_one() -> None:
    lead = "Третья часть интервью президента России Владимира Путина Оливеру Стоуну посвящена ситуации на Украине."
    text = ("Российские власти неоднократно обращались к новому президенту Украины Петру Порошенко с просьбой "
            "«воздержаться от крайних действий», однако тот их не услышал.\n"
            "«И если мы видим угрозу для своей территории, мы будем защищать нашу территорию всеми доступными нам "
            "средствами», — подчеркнул Владимир Путин.\n"
            "«Но здесь, слава богу, мы до такого ситуацию не довели», — отметил президент.")
    q = _quote(text, "Но здесь", lead=lead)
    assert q.text == "Но здесь, слава богу, мы до такого ситуацию не довели"
    assert q.speaker == "Владимир Путин"


def test_whose_point_of_view_the_sentence_gives_speaks_next() -> None:
    text = ("«Трамп и его команда собирали фактуру о нарушениях», — отметил аналитик Константин Блохин.\n"
            "Однако, с точки зрения Сергея Ермакова, шансы на то, что договор удастся сохранить, всё же есть. "
            "«Я думаю, что шансы на сохранение РСМД остаются», — считает политолог.")
    q = _quote(text, "Я думаю")
    assert q.text == "Я думаю, что шансы на сохранение РСМД остаются"
    assert q.speaker == "Сергей Ермаков"


def test_a_place_after_a_place_noun_is_no_part_of_the_name_after_it() -> None:
    text = ("Бёрр отчитался, что разбирательство было начато 23 января 2017 года.\n"
            "Американский политик, член сената штата Вирджиния Ричард Блэк в эфире RT заявил, что одной из причин "
            "расследования стали попытки подорвать деятельность администрации Дональда Трампа.\n"
            "Комментируя расследование вокруг инвестирования $100 тыс. в рекламные объявления в соцсетях, "
            "республиканец назвал эту сумму «каплей в море».")
    q = _quote(text, "каплей")
    assert q.text == "каплей в море"
    assert q.speaker == "Ричард Блэк"


def test_a_surname_of_someone_named_elsewhere_is_no_part_of_the_full_name_after_it() -> None:
    text = ("Антон Шипулин не пришёл на церемонию.\n"
            "Между тем сестра Шипулина Анастасия Кузьмина, выступающая за Словакию, уверена, что её брат не "
            "помирится с Фуркадом.\n"
            "«Думаю, в Хохфильцене этого не случится. Тут дело принципа», — сказала спортсменка «СЭ».")
    q = _quote(text, "Думаю")
    assert q.text == "Думаю, в Хохфильцене этого не случится. Тут дело принципа"
    assert q.speaker == "Анастасия Кузьмина"


def test_a_place_named_elsewhere_is_no_part_of_the_full_name_after_it() -> None:
    text = ("Финальная серия Кубка Стэнли приехала в Нэшвилл при счёте 2:0. Мэр Нэшвилла Меган Бэрри, "
            "которая заключила пари с коллегой, провозгласила 5 июня днём гордости за команду.\n"
            "«Мы просим, чтобы все жители в этот день облачились в золотистые цвета», — сказала Бэрри.")
    q = _quote(text, "Мы просим")
    assert q.text == "Мы просим, чтобы все жители в этот день облачились в золотистые цвета"
    assert q.speaker == "Меган Бэрри"


def test_a_place_after_a_place_noun_is_no_part_of_the_name_also_after_a_quoted_name() -> None:
    text = ("Руководитель оркестра «Мехтер» турецкого города Изник Кадыр Акчалан, работавший с ансамблем в 2014 году, "
            "рассказал, что члены его коллектива восприняли случившееся как личную трагедию.\n"
            "«Потому что они по-братски принимали нас в России. Нам очень жаль», — сказал Акчалан.")
    q = _quote(text, "Потому что")
    assert q.text == "Потому что они по-братски принимали нас в России. Нам очень жаль"
    assert q.speaker == "Кадыр Акчалан"


def test_pronoun_after_impersonal_that_is_who_is_described() -> None:
    """rt-05268: "Про Сигала же говорится, что он «…»" — "он" is the subject of the reported clause, not the one
    who speaks (the site's text is quoted, its author not named here)."""
    text = ("Во «враги Украины» записали и иностранных граждан. Среди них — Стивен Сигал и Жерар Депардье. Про Сигала "
            "же говорится, что он «пособник российских оккупантов и пророссийских террористов», а также фанат России.")
    (q,) = extract_quotes(text)
    assert (q.text, q.speaker) == ("пособник российских оккупантов и пророссийских террористов", None)


def test_body_after_impersonal_that_still_speaks() -> None:
    """"Отмечается, что в ведомстве считают «…»": the clause after "что" has its own speech verb and names the body."""
    text = ("Министерство обороны России провело учения. Отмечается, что в ведомстве считают учения «полностью "
            "успешными и своевременными».")
    (q,) = extract_quotes(text)
    assert q.speaker == "Министерство обороны России"


def test_a_name_in_the_genitive_after_a_person_noun_is_whose_that_person_is() -> None:
    """"— заявил адвокат Абызова": the lawyer speaks, unnamed; not Абызов (rucoco-2020_russia_mabyzov)."""
    text = ("Бывший министр Михаил Абызов арестован по делу о мошенничестве.\n"
            "«Прошу обратить внимание, что прокуратура провела проверку в 2015 году в отношении Абызова, не выявив "
            "нарушений с его стороны», — заявил адвокат Абызова.")
    q = _quote(text, "Прошу обратить")
    assert q.text.endswith("нарушений с его стороны")
    assert q.speaker is None


def test_a_kin_noun_before_a_womans_indeclinable_surname_keeps_the_namesake() -> None:
    """"— отметила супруга Винника" after "Александра Винник": "Винника" is not her form, so she may speak."""
    text = ("В Греции задержан россиянин Александр Винник. RT пообщался с его супругой Александрой Винник.\n"
            "«Дети каждый день спрашивают, когда вернётся папа», — отметила супруга Винника.")
    assert _quote(text, "Дети каждый").speaker == "Александра Винник"


def test_of_two_subjects_in_the_sentence_before_the_one_who_speaks_is_meant() -> None:
    """rt-00619: "вернулся … Игорь Акинфеев, а … Станислав Черчесов заявил, что …" then "— рассказал тренер" (a role
    nobody was given): the subject of the speech verb, not the sentence's first name."""
    text = ("«Какие могут быть опасения? Не было опасений», — рассказал полузащитник Магомед Оздоев.\n"
            "В воскресенье вернулся в общую группу Игорь Акинфеев, а на пресс-конференции Станислав Черчесов заявил, "
            "что Денис Глушаков тоже сможет выйти на поле.\n"
            "«Денис уже практически всю тренировку проводит в общей группе. Сегодня ещё подумаем», — рассказал тренер.")
    q = _quote(text, "Денис уже")
    assert q.text.endswith("Сегодня ещё подумаем")
    assert q.speaker == "Станислав Черчесов"


def test_a_subject_set_off_by_a_parenthetical_still_speaks() -> None:
    """rucoco-2017_russia_ostryakov: "Сын Валерия Острякова, Дмитрий, в свою очередь, сообщил, что …"."""
    from presssearch.quotes.speakers import _speaks_at

    text = "Сын Валерия Острякова, Дмитрий, в свою очередь, сообщил, что суд рассмотрит дело в мае."
    assert _speaks_at(text, text.index("Дмитрий"), [text.index("Валерия"), text.index("Дмитрий")])
    assert not _speaks_at(text, text.index("Валерия"), [text.index("Валерия"), text.index("Дмитрий")])


def test_a_person_named_in_a_photo_caption_is_not_who_speaks_next() -> None:
    """rt-03346: the caption " Лидер … Чак Шумер \\n Reuters \\n © …" between the expert's sentence and his quote."""
    text = ("Ситуация является лишь взаимной игрой на нервах, рассказал в разговоре с RT ведущий научный сотрудник "
            "Института США и Канады РАН Владимир Васильев.\n"
            " Лидер демократического меньшинства в сенате Чак Шумер \n Reuters \n © Joshua Roberts \n"
            "«Это вопрос чисто политической игры на нервах. Трамп в который раз пытается взять верх», — "
            "подчеркнул эксперт.")
    q = _quote(text, "Это вопрос")
    assert q.text.endswith("пытается взять верх")
    assert q.speaker == "Владимир Васильев"


def test_a_paragraph_before_a_picture_credit_is_still_narrative() -> None:
    """rt-06788: a paragraph ending in a full stop, then a credit of a picture without caption."""
    text = ("Пресс-секретарь президента РФ Дмитрий Песков при этом уточнил, что указ не распространяется на томаты.\n"
            " globallookpress.com \n © Piers Cavendish \n"
            "«В данном случае это не касается этих самых пресловутых помидоров», — рассказал он журналистам.")
    assert _quote(text, "В данном случае").speaker == "Дмитрий Песков"


def test_a_pronoun_after_an_unnamed_person_of_someone_is_that_person() -> None:
    """rt-03343: "… уже приветствовал адвокат Ассанжа.\\nОн заявил, что … «…»": the lawyer, unnamed; not Ассанж."""
    text = ("Сам Джулиан Ассанж называет дело сфабрикованным.\n"
            "Предложение эквадорских властей уже приветствовал адвокат Ассанжа.\n"
            "Он заявил, что его клиент имеет право на убежище, а риск преследования Ассанжа «возрос в последние "
            "месяцы в связи с войной администрации Трампа с WikiLeaks».")
    q = _quote(text, "возрос")
    assert q.text == "возрос в последние месяцы в связи с войной администрации Трампа с WikiLeaks"
    assert q.speaker is None


def test_a_pronoun_after_a_role_and_a_nominative_name_is_that_person() -> None:
    """rt-03908: "… сообщил … генерал-полковник Сергей Рудской. … — заявил он": the name is written in the nominative."""
    text = ("Об этом сообщил начальник Главного оперативного управления Генштаба ВС России генерал-полковник Сергей "
            "Рудской.\n«В ходе операции получили ранения трое военнослужащих ССО», — заявил он.")
    assert _quote(text, "В ходе операции").speaker == "Сергей Рудской"


def test_a_full_name_in_the_genitive_after_a_relational_role_is_the_owner_not_the_speaker() -> None:
    """"— сказал адвокат Анны Политковской Тоби Иди": the lawyer (a name the morphology does not know) speaks, not
    Политковская; the one named in the genitive only says whose lawyer."""
    text = ("Анна Политковская работала над книгой до последних дней.\n"
            "«Книга выйдет весной», — сказал адвокат Анны Политковской Тоби Иди.")
    assert speaker_of(text, "Книга выйдет") is None
    text = "«Книга выйдет весной», — сказал адвокат Михаила Ходорковского Вадим Клювгант."
    assert speaker_of(text, "Книга выйдет") == "Вадим Клювгант"
