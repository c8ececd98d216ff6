"""Attribution to an organisation a generic word after the quote points back to ("— сообщили в министерстве")."""
from __future__ import annotations

from presssearch.quotes import extract_quotes

from .conftest import speakers_of


def test_ministry_named_inside_its_department() -> None:
    text = ("Бомбардировщик разбился при взлёте. Об этом сообщили в департаменте информации и массовых коммуникаций "
            "Минобороны России. Экипаж погиб.\n«Экипаж не успел катапультироваться и погиб», — сообщили в министерстве.")
    assert speakers_of(text) == ["Минобороны России"]


def test_gazprom_is_the_corporation() -> None:
    text = ("«Газпром» увеличил экспорт газа в Европу. Спрос на российский газ вырос.\n«Германия — крупнейший "
            "зарубежный потребитель российского газа», — подчеркнули в корпорации.")
    assert speakers_of(text) == ["Газпром"]


def test_embassy_is_the_diplomatic_mission() -> None:
    text = ("Посольство России в Вашингтоне распространило заявление. С подобным заявлением российская дипмиссия "
            "выступила вчера.\n«Вызывает отторжение очередной недружественный шаг американских властей», — "
            "рассказали в диппредставительстве.")
    assert speakers_of(text) == ["Посольство России"]


def test_emergencies_ministry_is_the_ministry() -> None:
    text = ("Как сообщили в МЧС, 8 января утром в столице ожидаются усиление ветра, снегопад и гололедица.\n«В связи с "
            "подходом новой циклонической ложбины утром ожидаются усиление ветра и гололедица», — отметили в "
            "министерстве.")
    assert speakers_of(text) == ["МЧС"]


def test_they_after_a_press_service_that_spoke_is_that_service() -> None:
    text = ("В пресс-службе МВД Германии RT сообщили, что эти радикалы предпочитают держаться обособленно. "
            "«Группировки Ку-клукс-клана крайне малочисленны и считаются маргинальными. Однако они остаются опасными "
            "для общества», — добавили они.")
    quotes = extract_quotes(text)
    assert [(text[q.start:q.end][:10], q.speaker) for q in quotes] == [("Группировк", "Пресс-служба МВД Германии")]


def test_subjectless_plural_verb_goes_on_with_the_body_quoted_just_before() -> None:
    text = ("В ответ на запрос издания Mediapool по поводу этой программы в МИД Болгарии заявили: «Министерство "
            "иностранных дел не комментирует мнения граждан, высказанные в телевизионных передачах». Но заметили, что "
            "«подобные передачи никоим образом не помогают улучшению двухсторонних отношений».")
    quotes = extract_quotes(text)
    assert [(text[q.start:q.end][:9], q.speaker) for q in quotes] == [("Министерс", "МИД Болгарии"),
                                                                      ("подобные ", "МИД Болгарии")]


def test_many_unnamed_after_their_own_noun_stay_unnamed() -> None:
    text = ("В МВД заявили, что пострадавших доставили в больницу. Как проинформировали медики, «состояние "
            "пострадавших стабильное и не вызывает опасений».")
    assert [q.speaker for q in extract_quotes(text)] == [None]


def test_a_body_named_in_a_photo_caption_is_not_what_a_generic_word_means() -> None:
    """rt-03393: " Заседание СБ ООН 24 февраля 2018 года \\n Reuters \\n" between the league's secretary general and
    "— цитирует РИА Новости заявление организации": the league speaks, not the Security Council of the caption."""
    from presssearch.quotes import extract_quotes

    text = ("К соблюдению резолюции призвал также генеральный секретарь Лиги арабских государств (ЛАГ) Ахмед Абуль "
            "Гейт.\n Заседание СБ ООН 24 февраля 2018 года \n Reuters \n"
            "«Генсек приветствовал резолюцию 2401 по прекращению столкновений в Сирии на 30 дней», — цитирует "
            "РИА Новости заявление организации.")
    (q,) = [q for q in extract_quotes(text) if q.text.startswith("Генсек")]
    assert q.text == "Генсек приветствовал резолюцию 2401 по прекращению столкновений в Сирии на 30 дней"
    assert q.speaker != "СБ ООН"
    assert q.speaker in ("ЛАГ", "Лига арабских государств")


def test_agency_is_the_body_named_after_the_outlet() -> None:
    """rt-06601: "агентство" names a news agency or a government agency; the body called so after the last outlet
    named (RT) is the one whose site is quoted."""
    text = ("«Мы пока не можем это комментировать», — заявила RT представитель компании Рэйчел Холм.\n"
            "Национальное агентство геопространственной разведки входит в структуру Министерства обороны США.\n"
            "«Деятельность агентства помогает разведывательным службам США выполнять задачи», — говорится на сайте "
            "агентства.")
    quotes = extract_quotes(text)
    assert (quotes[-1].text, quotes[-1].speaker) == (
        "Деятельность агентства помогает разведывательным службам США выполнять задачи",
        "Национальное агентство геопространственной разведки")
