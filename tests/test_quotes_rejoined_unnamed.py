"""Quote rules: re-joined quotations, unnamed sources, relayed roles, lone interview dashes."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from presssearch.quotes import extract_quotes
from presssearch.quotes.extract import join_lone_dashes


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes(text)]


def test_quote_opening_with_a_quoted_name_keeps_its_attribution() -> None:
    text = ("В случае агрессии ВМС Украины планируют применять тактику «волчья стая», говорится в сюжете канала ТСН.\n"
            "«Волчья стая» означает, что мы можем вшестером броситься на большой корабль противника. Одновременно он "
            "не в состоянии вести много целей», — заявил в интервью телеканалу командир бронекатера Александр Регула.\n")
    quotes = extract_quotes(text)
    assert len(quotes) == 1
    q = quotes[0]
    assert q.text.startswith("Волчья стая» означает") and q.text.endswith("много целей")
    assert q.speaker == "Александр Регула"


def test_quote_whose_inner_name_is_followed_by_a_dash_is_one_quote() -> None:
    text = ("Аналогичной точки зрения придерживается и завкафедрой Олег Соскин.\n"
            "«Контроль над «Укрспиртом» — это огромные теневые доходы, — отметил он в беседе с RT. — Украинские "
            "спиртовые заводы всегда производили огромное количество неучтённой продукции».\n")
    quotes = extract_quotes(text)
    assert len(quotes) == 1
    assert quotes[0].text.startswith("Контроль над «Укрспиртом» — это") and quotes[0].text.endswith("продукции")
    assert quotes[0].speaker == "Олег Соскин"


def test_sentence_opening_pair_is_preferred_over_the_paragraph_start() -> None:
    text = ("Член комитета Совета Федерации Ольга Ковитиди считает смешными намерения ВМС Украины.\n"
            "«Украинская военная мысль опять превзошла себя. «Волчья стая» — это тактика преследования кораблей "
            "подводными лодками. Поэтому мы можем в очередной раз улыбнуться», — сказала сенатор в разговоре с RT.\n")
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Ольга Ковитиди"]
    assert quotes[0].text.startswith("Украинская военная мысль")


def test_a_title_with_an_orphan_closing_mark_is_no_quote() -> None:
    assert extract_quotes("«Багаж Аленичева»? Не понимаю, о чём речь»\nВообще-то у вас есть право вето.\n") == []


def test_attribution_clause_reads_past_a_quoted_outlet() -> None:
    text = ('Бартез покинул поле на 88-й минуте матча, в котором "Олимпик" переиграл "Сент-Этьенн".\n'
            '"Мы пока не знаем, серьезна ли травма, но у него уже было растяжение мышцы в том же месте", - говорится '
            'в сообщении тренера "Олимпика" Жана Фернандеса на веб-сайте клуба.\n')
    assert [q.speaker for q in extract_quotes(text)] == ["Жан Фернандес"]


def test_unnamed_source_in_someones_circle_has_no_speaker() -> None:
    text = ('Экс-президент Киргизии Курманбек Бакиев, находящийся сейчас в Белоруссии, даст пресс-конференцию.\n'
            '"Курманбек Салиевич имеет намерение рассказать о закулисных нюансах событий, произошедших в Киргизии", '
            '- сообщил "Интерфаксу" источник в ближайшем окружении Бакиева.\n')
    assert [q.speaker for q in extract_quotes(text)] == [None]


def test_named_representative_after_the_one_represented_speaks() -> None:
    text = ('Специальный представитель Владимира Путина по правам человека в Чечне Владимир Каламанов выступил '
            'в среду. "Я готов подать в суд на мэра Грозного, если он не извинится", - заявил представитель '
            'Владимира Путина в Чечне Владимир Каламанов.\n')
    assert [q.speaker for q in extract_quotes(text)] == ["Владимир Каламанов"]


def test_head_doctor_is_the_chief_physician_named_before() -> None:
    text = ('Главный врач больницы Михаил Афанасьев говорит, что возмущен бестактностью депутатов.\n\n'
            '"Как бы там ни было - да, там не было криков, но там ходьба, открывание, закрывание дверей. Это все '
            'слышно в отделении реанимации", - приводит "Интерфакс" слова главврача.\n')
    assert [q.speaker for q in extract_quotes(text)] == ["Михаил Афанасьев"]


def test_relayed_role_in_the_accusative_after_the_outlet() -> None:
    text = ("Выступая на банкете лорд-мэра Сити, премьер-министр Великобритании Тереза Мэй обрушилась на Москву.\n"
            "«Британский флот находится в плачевном состоянии», — подытожил военный эксперт Алексей Леонков.\n"
            "«Мы должны внимательно следить за действиями враждебных государств, таких как Россия», — цитирует ТАСС "
            "британского премьера.\n")
    assert [q.speaker for q in extract_quotes(text)] == ["Алексей Леонков", "Тереза Мэй"]


def test_relayed_feminine_noun_is_not_the_outlet() -> None:
    text = ("Дарья Шмелёва после победы призналась, что просила тренеров не говорить ей результаты соперниц.\n"
            "«К этому чемпионату мира я готовилась показать хороший результат в гите», — цитирует чемпионку мира "
            "в гите «Р-Спорт».\n")
    assert [q.speaker for q in extract_quotes(text)] == ["Дарья Шмелёва"]


def test_unnamed_representative_before_a_colon_is_not_the_topic() -> None:
    text = ("Свергнутый президент Египта Мухаммед Мурси задержан военными.\n"
            "Ранее эту же информацию сообщал представитель движения «Братья-мусульмане»: «Мурси изолировали от его "
            "помощников, он помещен в здание министерства обороны».\n")
    assert [q.speaker for q in extract_quotes(text)] == [None]


def test_role_word_points_to_the_name_right_after_its_last_use() -> None:
    text = ("«Президент Украины на законодательном уровне залепил глаза и уши обществу», — сказал депутат Госдумы "
            "Руслан Бальбек агентству РИА Новости.\n"
            "На Украине предложили ввести уголовную ответственность за отрицание «российской агрессии». Об этом "
            "сообщил депутат и член коллегии украинского МВД Антон Геращенко.\n"
            "«Я сегодня подписал законопроект о дополнении Уголовного кодекса Украины новой статьёй», — написал "
            "депутат на своей странице в Facebook.\n")
    assert [q.speaker for q in extract_quotes(text)] == ["Руслан Бальбек", "Антон Геращенко"]


def test_question_on_a_line_after_a_lone_dash_keeps_the_interview_together() -> None:
    answer = ("Она уже приближается. Конечно, перед самым чемпионатом, после жеребьёвки, когда люди узнают, в каком "
              "городе будет играть их сборная, многое изменится. Город наводнят болельщики, которые приедут сюда.")
    text = ("— Сборная Аргентины провела в Москве около недели. Насколько столица готова к ЧМ по футболу?\n"
            "— Я считаю, что очень хорошо готова. Москва — прекрасный во всех отношениях город, очень безопасный. "
            "Здесь царят спокойствие и уют, заметны улучшения инфраструктуры, которые провела Россия.\n"
            "— \nНа скольких чемпионатах мира побывали вы?\n"
            "— Я посетил три последних мундиаля, которые прошли в Германии, ЮАР и Бразилии, но в качестве "
            "президента федерации буду смотреть футбол на ЧМ впервые.\n"
            "— Как вам российские футбольные арены?\n"
            f"— {answer}\n")
    quotes = extract_quotes(text)
    assert [q.rule for q in quotes] == ["interview_question", "interview_answer"] * 3
    assert quotes[2].text == "На скольких чемпионатах мира побывали вы?"
    assert quotes[-1].text == answer


@given(st.text(alphabet="—– \nАБв«»\"a.?", max_size=60))
@settings(max_examples=200, deadline=None)
def test_joining_lone_dashes_keeps_offsets(text: str) -> None:
    joined = join_lone_dashes(text)
    assert len(joined) == len(text)
    assert all(a == b or (a, b) == ("\n", " ") for a, b in zip(text, joined))


def test_namesake_with_another_first_name_is_another_person() -> None:
    text = ("48-летняя певица Уитни Хьюстон утонула в ванне, сообщил коронер.\n\n"
            "Менеджер Хьюстон Патриша Хьюстон заявила прессе: «Мы скорбим, узнав результаты токсикологических "
            "тестов, но в то же время мы рады тому, что расследование теперь завершено».\n")
    assert [q.speaker for q in extract_quotes(text)] == ["Патриша Хьюстон"]


def test_speaker_line_with_a_long_description_opens_a_monologue() -> None:
    text = ("Виталий Егоров, организатор проекта по созданию частного микроспутника, сотрудник компании «Даурия "
            "Аэроспейс», научно-популярный блогер:\n"
            "— Если любителю космоса лет 12—15, то он может усердно готовиться к тому, чтобы связать с космосом "
            "свою жизнь.\n"
            "Станислав Короткий, научный руководитель обсерватории «Ка-Дар», создатель проектов \n"
            "Science & Travel и AstroAlert, астрофотограф:\n"
            "— Для меня всё началось в возрасте 12 лет. Я ходил в кружки, участвовал и побеждал в олимпиадах.\n")
    quotes = extract_quotes(text)
    assert [(q.speaker, q.rule) for q in quotes] == [("Виталий Егоров", "interview_turn"),
                                                      ("Станислав Короткий", "interview_turn")]
    assert quotes[1].text.startswith("Для меня всё началось")


def test_narrated_speaker_line_with_a_verb_is_not_a_label() -> None:
    text = ("Иван Петров, глава комитета по транспорту, заявил журналистам:\n"
            "— Мы не видим причин менять расписание электричек в этом году.\n")
    assert all(q.rule != "interview_turn" for q in extract_quotes(text))


def test_minister_is_the_head_of_the_ministry_named_last() -> None:
    text = ("«Страны-гаранты согласились подписать меморандум», — заявил министр иностранных дел Казахстана "
            "Кайрат Абдрахманов.\n"
            "Глава МИД Ирана Мохаммад Джавад Зариф прокомментировал подписание документа.\n"
            "«Мы убеждены, что никакие конфликты, в частности военные, не приносят пользы», — добавил министр.\n")
    assert [q.speaker for q in extract_quotes(text)] == ["Кайрат Абдрахманов", "Мохаммад Джавад Зариф"]


def test_medium_relaying_a_statement_is_not_its_speaker() -> None:
    text = ("Дамаск поддержал предложение Москвы по зонам деэскалации в Сирии. Об этом говорится в заявлении "
            "сирийского МИД.\n"
            "«Дамаск поддерживает предложение России по созданию зон деэскалации и обязуется придерживаться "
            "соглашения о прекращении огня», — говорится в заявлении, которое приводит агентство SANA.\n")
    assert [q.speaker for q in extract_quotes(text)] == ["МИД Сирии"]


def test_shouted_words_after_a_colon_are_a_quote() -> None:
    text = "Казашки разом закричали нам: «Купите дыню у бабушки». Я подошел и спросил, сколько она стоит.\n"
    assert [q.text for q in extract_quotes(text)] == ["Купите дыню у бабушки"]
