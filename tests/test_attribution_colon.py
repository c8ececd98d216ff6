"""Speaker attribution after a colon: undeclined surnames as subjects, short whole sentences after a speech verb,
people named as the object of "назвать" rather than as speakers."""
from __future__ import annotations

import pytest

from .conftest import speaker_of, speakers_of
from presssearch.quotes import extract_quotes

DUTERTE = "Президентом Филиппин стал Родриго Дутерте, бывший мэр Давао. "

CASES = [
    pytest.param(  # a narrative clause, no speech verb: the undeclined surname is its subject
        DUTERTE + "В ходе предвыборной кампании Родриго Дутерте не изменил себе: «Забудьте эти законы о правах "
        "человека. Я захожу в президентский дворец».", "Забудьте", "Родриго Дутерте", id="narrative-undeclined"),
    pytest.param(
        DUTERTE + "Журналисты спросили, не боится ли он разрыва отношений. В ответ на это Дутерте бросил: «Если я "
        "стану президентом, валяйте — разорвите их».", "Если я стану", "Родриго Дутерте", id="brosil"),
    pytest.param(  # "интервью" before the surname: his interview, not an outlet; not the woman named before
        DUTERTE + "В 1989 году в тюрьме была убита австралийская миссионерка Жаклин Хэмил. В одном из интервью "
        "Дутерте так прокомментировал этот случай: «Я разозлился, что её изнасиловали. Но она была такой "
        "красавицей!»", "Я разозлился", "Родриго Дутерте", id="interview-undeclined"),
    pytest.param(
        DUTERTE + "Но Дутерте категорически отрицает подобные параллели и не щадит своего коллегу: «Он изувер, а я "
        "нет». Дальше текст.", "Он изувер", "Родриго Дутерте", id="adverb-before-verb"),
    pytest.param(  # a quote about a person is not that person's
        DUTERTE + "Дутерте рассказал о Жаклин Хэмил: «Она была красавицей, и я её уважал».", "Она была",
        "Родриго Дутерте", id="about-person"),
    pytest.param(
        "Президент Аргентины Кристина Фернандес де Киршнер перенесла операцию. Однако пресс-секретарь президента "
        "Альфредо Скоссимарро заявил, что рака нет: «Врачи сообщили, что последние исследования не выявили "
        "раковых клеток».", "Врачи сообщили", "Альфредо Скоссимарро", id="spokesman-undeclined"),
]


@pytest.mark.parametrize("text, start, speaker", CASES)
def test_colon_speaker(text: str, start: str, speaker: str | None) -> None:
    assert speaker_of(text, start) == speaker


def test_short_whole_sentence_after_speech_verb() -> None:
    text = DUTERTE + "На вопрос, что он сделает, узнав о наркотиках у сына, Дутерте отрезал: «Я убью его». На этом фоне."
    assert speaker_of(text, "Я убью его") == "Родриго Дутерте"


def test_short_phrase_after_colon_without_speech_verb_is_no_quote() -> None:
    text = ("О которой пишут «Нью-Йорк таймс» и другие, толпа ворвалась в здание Конгресса под лозунгом: "
            "«Остановите кражу!» Эти люди были явно вдохновлены выступлением.")
    assert not [q for q in extract_quotes(text) if q.text.startswith("Остановите")]


def test_short_title_after_colon_is_no_quote() -> None:
    text = "Режиссёр Алексей Учитель снял новый фильм. Он рассказал о названии: «Время первых». Премьера весной."
    assert not [q for q in extract_quotes(text) if q.text.startswith("Время первых")]


def test_name_after_naming_verb_is_not_the_speaker() -> None:
    text = ("Историки спорят о прошлом. Более того, кремлевская пропаганда уже назвала Сталина «самым успешным "
            "советским лидером».")
    assert speaker_of(text, "самым успешным") is None


def test_subject_after_naming_verb_still_speaks() -> None:
    text = ("Президент России Владимир Путин провёл совещание. Ситуацию абсурдной назвал Владимир Путин: «Так "
            "работать нельзя, надо всё менять».")
    assert speaker_of(text, "Так работать") == "Владимир Путин"


def test_name_and_role_label_before_colon() -> None:
    text = ("Иосиф Линдер, президент международной контртеррористической ассоциации: «Великобритания является "
            "основным союзником США. Нельзя исключать, что это может служить причиной теракта».")
    assert speaker_of(text, "Великобритания") == "Иосиф Линдер"


def test_label_names_its_own_person_not_a_namesake_by_first_name() -> None:
    text = ("В очереди на прививку старейший врач-психиатр. Олегу Мееровичу 80 лет, он трудится на скорой помощи.\n\n"
            "Олег Аронович, врач городской станции скорой помощи: «Я работаю врачом на скорой помощи, поэтому для "
            "нас прививка наиболее актуальна».")
    assert speaker_of(text, "Я работаю") == "Олег Аронович"



def test_saying_after_govoryat_is_no_quote() -> None:
    text = ("Спасатели восстановили хронологию событий. В случае ЧП выжить могли только счастливчики, про которых в "
            "народе говорят: «Родился в рубашке». Расследование продолжается.")
    assert not [q for q in extract_quotes(text) if q.text.startswith("Родился")]


def test_speaker_citing_unnamed_sources_is_named() -> None:
    text = ("Председатель комитета по разведке Девин Нунес выступил перед журналистами. В ответ на вопрос журналистов, "
            "откуда он получил эти сведения, конгрессмен сослался на неназванные источники: «Информация была "
            "предоставлена мне на законных основаниях».")
    assert speakers_of(text) == ["Девин Нунес"]


def test_an_opinion_holder_before_a_colon_ending_the_paragraph_speaks_the_next() -> None:
    from presssearch.quotes import extract_quotes
    text = ("Историк Фёдор Гайда рассказал RT о событиях 1916 года. Депутат Павел Милюков выступил с речью.\n"
            "«Сигнальный выстрел»\n"
            "По мнению кандидата исторических наук Фёдора Гайда, речь Милюкова была направлена исключительно на "
            "улучшение положения оппозиции:\n«Павлу Милюкову нужно было спасать единство рядов либеральной оппозиции. "
            "Оппозиционный фронт на то время разваливался».")
    q = next(q for q in extract_quotes(text) if q.text.startswith("Павлу"))
    assert q.text == ("Павлу Милюкову нужно было спасать единство рядов либеральной оппозиции. Оппозиционный фронт на то "
                      "время разваливался")
    assert q.speaker is not None and q.speaker.startswith("Фёдор Гайд")  # (the form of "Гайда" is another matter)


def test_an_opinion_holder_set_off_inside_the_clause_before_a_colon_speaks_the_next() -> None:
    from presssearch.quotes import extract_quotes
    text = ("Директор Международной ассоциации юристов против ядерного оружия Райнер Браун рассказал RT о докладе. "
            "«НАТО ежегодно тратит $800 млрд на вооружения», — заявил он.\n"
            "Что касается нападок со стороны альянса на RT и Sputnik, то это, по мнению Брауна, можно объяснить "
            "стремлением руководства организации доминировать в информационном пространстве:\n"
            "«Чтобы добиться гегемонии, альянсу нужно в том числе и завладеть умами. Для этого требуется узаконить "
            "агрессивное поведение».")
    q = next(q for q in extract_quotes(text) if q.text.startswith("Чтобы"))
    assert q.text == ("Чтобы добиться гегемонии, альянсу нужно в том числе и завладеть умами. Для этого требуется "
                      "узаконить агрессивное поведение")
    assert q.speaker == "Райнер Браун"


BROTHERS = ("Книга включает две части: автор одной Василий Рысенков, другой — Михаил Рысенков. "
            "В стихах Василия Рысенкова отчетлив вызов.\n")


@pytest.mark.parametrize("line, speaker", [
    ("Василий: «Дублей не будет. Экспромтов не будет. Жить только набело!»", "Василий Рысенков"),
    ("Михаил: «Как на цыпочках, мальчик, пройди по судьбе…»", "Михаил Рысенков"),
    ("Василий сказал: «Дублей не будет. Экспромтов не будет. Жить только набело!»", "Василий Рысенков"),
], ids=["label-first", "label-second", "verb"])
def test_a_first_name_alone_before_the_colon_is_the_person_named_in_full(line: str, speaker: str) -> None:
    # the first name is not another case form of the surname (an oblique mention), nor the last person named
    assert speaker_of(BROTHERS + line, line.split("«")[1][:12]) == speaker


def test_a_first_name_inside_a_quoted_title_is_not_the_subject() -> None:
    text = ("Вениамин Блаженный писал о Марине Цветаевой. В стихотворении «Моя заботушка, Марина» он обращается к "
            "Богу с прошением: «Прости, Господь, свою дуреху, прости, Господь, меня, горюху».")
    assert speaker_of(text, "Прости, Господь, свою") != "Марина Цветаева"


def test_po_slovam_with_a_colon_names_the_holder() -> None:
    text = ("В этот же день состоялась интронизация нового Патриарха Болгарского.\n"
            "По словам протоиерея Игоря Якимчука: «Интронизация прошла торжественно и с большим воодушевлением. "
            "Новый патриарх способен ко многому».")
    assert speaker_of(text, "Интронизация прошла") == "Игорь Якимчук"


def test_a_surname_after_the_verb_and_i_is_the_subject() -> None:
    text = ("Анджей Дуда встретился с Дональдом Трампом. «Мы говорили о присутствии американских солдат в Польше», "
            "— отметил Дуда.\nЕго слова подтвердил и Трамп: «Мы работаем с Польшей и отвечаем на российские "
            "действия и дестабилизирующее поведение России».")
    assert speaker_of(text, "Мы работаем") == "Дональд Трамп"
