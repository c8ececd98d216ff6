"""Quote rules: interview turns over the quotes they retell, interviewees named once in the title."""
from __future__ import annotations

from presssearch.quotes import extract_quotes
from presssearch.quotes.interviews import title_interviewee

DUTERTE_TITLE = "«Мы не будем поклоняться США»: полная версия интервью с президентом Филиппин Дутерте"
DUTERTE = (
    "— Господин президент, вы приобрели мировую известность благодаря ряду резких заявлений. Почему вы избрали "
    "такой стиль в международной политике? И считаете ли вы его эффективным?\n"
    "— У меня не было амбиций, я не стремился стать фигурой на международной арене, а лишь хотел быть мэром здесь. "
    "Но некоторые события просто изменили ход моей жизни.\n"
    "— Как прошла ваша встреча с Владимиром Путиным на саммите АТЭС?\n"
    "— Конференция завершилась, мы встали, я сказал, что должен идти. Путин тоже общался с кем-то. Но когда пора "
    "было уходить, я сказал ему: «Господин президент, я пойду». И тогда он улыбнулся мне и сказал: «Жду вас в "
    "гости в России!» Я ответил: «Да, конечно, только не сейчас. Я холод не переношу». В наших беседах я никогда "
    "не подчёркивал, что хочу того или иного.\n"
)


def test_title_names_the_interviewee_by_a_single_name() -> None:
    assert title_interviewee(DUTERTE_TITLE) == "Дутерте"
    assert title_interviewee("«С гордостью говорю о Месси, так как знал его ещё ребёнком»: Роналдиньо дал интервью RT") \
        == "Роналдиньо"


def test_title_without_an_interview_or_a_single_name_names_nobody() -> None:
    assert title_interviewee("«Москва готова принять чемпионат мира»: президент Федерации футбола Аргентины в "
                             "интервью RT") is None
    assert title_interviewee("Роналдиньо забил гол в ворота «Барселоны»") is None  # no interview
    assert title_interviewee("Елена Вяльбе и Никита Крюков в интервью RT") is None  # more than one name


def test_interview_answers_go_to_the_one_the_title_names() -> None:
    quotes = extract_quotes(DUTERTE, title=DUTERTE_TITLE)
    answers = [q for q in quotes if q.rule == "interview_answer"]
    assert len(answers) == 2
    assert all(q.speaker == "Дутерте" for q in answers)
    assert answers[1].text.startswith("Конференция завершилась") and answers[1].text.endswith("того или иного.")


def test_interview_turn_replaces_the_quotes_it_retells() -> None:
    quotes = extract_quotes(DUTERTE, title=DUTERTE_TITLE)
    texts = [q.text for q in quotes]
    assert "Господин президент, я пойду" not in texts  # the interviewee's own words, inside his turn
    assert "Да, конечно, только не сейчас. Я холод не переношу" not in texts
    inner = [q for q in quotes if q.text == "Жду вас в гости в России!"]  # another's words inside the turn
    assert len(inner) == 1 and inner[0].speaker == "Владимир Путин"
    spans = [(q.start, q.end) for q in quotes]
    for q in quotes:
        assert DUTERTE[q.start:q.end] == q.text
        assert all(not (s < q.end and q.start < e) or (s <= q.start and q.end <= e) or (q.start <= s and e <= q.end)
                   for s, e in spans)


def test_saying_brought_in_by_the_author_is_no_quote() -> None:
    text = ("Правда, доходы падают уже пятый год (в общей сложности на 11,5%). Как гласит пословица, «у кого суп "
            "жидкий, а у кого жемчуг мелкий».\n"
            "Триллер тут тоже, если подумать, комедийный, но, как известно, «в каждой шутке есть доля правды». Тем "
            "более что саспенса нет.\n")
    assert extract_quotes(text) == []


def test_saying_inside_a_source_s_words_leaves_the_block_whole() -> None:
    text = ("Ранее Коммерсантъ писал, что президент Франции Эмманюэль Макрон попросил не проводить встречу.\n"
            "Источник издания сказал:\n"
            "Пока все задаются вопросом, с чем связано изменение формата встречи, все оказалось банально: Макрон "
            "попросил Москву и Вашингтон не проводить полноформатные переговоры в Париже. Казалось бы, в 2018 году "
            "сложно представить, что стиль «Король-солнце» еще жив. Но, как говорится, «се ля ви».\n")
    quotes = extract_quotes(text)
    assert len(quotes) == 1
    assert quotes[0].text.startswith("Пока все задаются") and quotes[0].text.endswith("«се ля ви».")


def test_document_quote_after_kak_govoritsya_v_stays() -> None:
    text = ("Как говорится в официальном коммюнике правительства, \"приблизительно в 15:09 по московскому времени "
            "морское ведомство Антигуа и Барбуды получило сообщение о нападении на танкер\".\n")
    quotes = extract_quotes(text)
    assert len(quotes) == 1 and quotes[0].text.startswith("приблизительно в 15:09")


def test_quote_broken_by_ne_soglashaetsya_is_attributed() -> None:
    text = ("Рост цен, по данным компании, происходит в основном на потребительские товары.\n"
            "«Подорожание товаров из-за таких расходов — голословное утверждение, — не соглашается Владимир Матягин. "
            "— У нас сегодня цены на перевозки и так находятся на уровне 2010 года. Более вероятно, что цены "
            "задирают ретейлеры, а не транспортные компании».\n")
    quotes = extract_quotes(text)
    assert len(quotes) == 1
    assert quotes[0].speaker == "Владимир Матягин"
    assert quotes[0].text.startswith("Подорожание") and quotes[0].text.endswith("транспортные компании")


def test_present_tense_answer_verb_attributes_a_nested_quote() -> None:
    text = ("\"Сын сам по молодости не знает, что получил СССР. Я ему говорю, что у тебя все примерно несчастны. Он "
            "отвечает: «Я тоже так думаю, но интересно попробовать». Вот и весь разговор\", - пишет политолог "
            "Глеб Кузнецов в Facebook.\n")
    quotes = extract_quotes(text)
    inner = [q for q in quotes if q.text == "Я тоже так думаю, но интересно попробовать"]
    assert len(inner) == 1 and inner[0].rule == "nested_quote"


def test_colon_reaches_its_quotation_over_a_box_of_related_links() -> None:
    text = ("Владимир Путин также рассказал о своём отношении к деятельности Иосифа Сталина. Президент назвал его "
            "сложной фигурой:\n"
            " Также по теме \n"
            " «Россия даст адекватный ответ»: Путин о развитии американской системы ПРО \n"
            " Телеканал Showtime показал вторую часть фильма «Интервью с Путиным». В ней президент раскритиковал "
            "решение США развернуть ПРО у... \n"
            "«Можно сколько угодно его демонизировать и сколько угодно, с другой стороны, говорить о его заслугах в "
            "победе над нацизмом».\n")
    quotes = extract_quotes(text)
    assert [(q.text[:30], q.speaker) for q in quotes] == [("Можно сколько угодно его демон", "Владимир Путин")]


def test_headline_quote_then_a_surname_about_names_the_interviewee() -> None:
    assert title_interviewee("«Испытывают давление из-за допингового скандала»: Алябьев о результатах российских "
                             "биатлонистов") == "Алябьев"
    assert title_interviewee("«Трамп не оставил попыток вести диалог»: профессор Принстона об отношениях США и "
                             "России") is None  # a role and a place, no one's name
    assert title_interviewee("«Черчесов настраивает нас на победу»: защитники сборной России о подготовке") is None


ROUDS = (
    "— Господин Роудс, процесс расщепления атомного ядра был открыт совершенно случайно двумя немецкими "
    "радиохимиками. Однако нацистская Германия не бросилась сразу же разрабатывать ядерное оружие. Почему? Разве "
    "Гитлеру не хотелось иметь подобное оружие?\n"
    "— В то время в Германии царил бюрократический хаос. Предпринимались попытки начать самые разные программы. Но в "
    "итоге всё сводится к тому, что Гитлер неплохо разбирался в вопросах, связанных с оружием.\n"
    "— Если бы Япония не сдалась, Трумэн продолжил бы сбрасывать на страну атомные бомбы?\n"
    "— Трумэна потрясла разрушительная мощь этого оружия, и он распорядился больше не применять его без приказа.\n"
)


def test_interviewer_addressing_by_a_polite_title_names_the_interviewee() -> None:
    title = "«Учёные допустили глупые ошибки»: почему Гитлер так и не завладел ядерным оружием"
    answers = [q for q in extract_quotes(ROUDS, title=title) if q.rule == "interview_answer"]
    assert len(answers) == 2 and {q.speaker for q in answers} == {"Роудс"}


TOMASKY = (
    "На этой неделе Хиллари Клинтон почти официально стала кандидатом в президенты США. О том, как работают "
    "праймериз и сможет ли Клинтон победить Дональда Трампа, журналист «Медузы» Константин Бенюмов поговорил с "
    "американским журналистом и политологом Майклом Томаски.\n"
    "— Как вообще устроены праймериз в США? Кто их придумал?\n"
    "— Праймериз появились в начале XX века. До этого кандидатов выбирали партийные боссы в закрытых комнатах, и "
    "избиратели никак на это не влияли.\n"
    "— Почему Хиллари Клинтон так долго не могла победить Сандерса?\n"
    "— Потому что у Сандерса очень преданные сторонники, а Клинтон не вызывает у молодых избирателей энтузиазма.\n"
    "Хиллари Клинтон — вероятный кандидат на выборах президента США Фото: EPA\n"
    "— Кто победит в ноябре, как вы считаете?\n"
    "— Я думаю, что Клинтон, хотя у Трампа есть шансы, если экономика вдруг начнёт буксовать к осени.\n"
    "— А что будет с Республиканской партией после выборов?\n"
    "— Её ждёт долгий и болезненный раскол, и я не вижу, кто мог бы сейчас собрать её обратно.\n"
)


def test_person_named_after_an_interview_cue_answers_every_run() -> None:
    answers = [q for q in extract_quotes(TOMASKY, title="Американские выборы - это хаос")
               if q.rule == "interview_answer"]
    assert len(answers) == 4
    assert {q.speaker for q in answers} == {"Майкл Томаски"}
