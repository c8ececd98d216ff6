"""Canonical speaker names: one nominative name per person, as full as the article gives it."""
from __future__ import annotations

import pytest

from presssearch.quotes.speakers import Registry, find_groups, normalize_person


@pytest.mark.parametrize("written, canonical", [
    ("Доминика Рааба", "Доминик Рааб"),  # an unknown surname after a first name in the genitive
    ("Сакибу Нисару", "Сакиб Нисар"),
    ("Таймура Разу", "Таймур Раза"),  # the accusative, not a genitive taken as written
    ("Вольфганом Соботкой", "Вольфган Соботка"),
    ("Ричарде Гренелле", "Ричард Гренелл"),
    ("Сергея Скрипаля", "Сергей Скрипаль"),
    ("Гэвина Уильямсона", "Гэвин Уильямсон"),  # not the neuter "Гэвино" morphology guesses
    ("Темури Якобашвили", "Темури Якобашвили"),  # not the feminine noun "Темурь"
    ("Александра Романюк", "Александра Романюк"),  # a man's surname would decline: a woman
    ("Виктория Иванова", "Виктория Иванова"),  # a woman's name far more often than the genitive of "Викторий"
    ("Александра Буркова", "Александр Бурков"),
    ("Георгия Данелия", "Георгий Данелия"),
    ("Йоста Люнгман", "Йоста Люнгман"),
])
def test_normalize_person(written: str, canonical: str) -> None:
    assert normalize_person(written) == canonical


def _names(text: str) -> set[str]:
    return {p.name() for p in Registry.build(text).people.values()}


def test_woman_in_ija_shown_by_the_text() -> None:
    text = ("Суд оправдал христианку Асию Биби. Асия Биби была приговорена к смерти в 2010 году. "
            "Адвокат христианки Асии Биби уверен, что она в безопасности.")
    assert "Асия Биби" in _names(text)


def test_man_in_ij_stays_a_man() -> None:
    assert "Юрий Иванов" in _names("Дочь Юрия Иванова сказала, что он болен. Юрий Иванов был в Москве.")


def test_names_with_two_given_names_merge() -> None:
    text = ("Министр иностранных дел Малайзии Сайед Хамид Албар возглавляет делегацию. "
            "«Мы не встаем ни на чью сторону», — сказал Хамид Албар.")
    assert _names(text) == {"Сайед Хамид Албар"}


def test_genitive_surname_after_undeclined_first_name() -> None:
    text = "Он встретился с заместителем генерального секретаря ООН Кофи Аннана в Нью-Йорке."
    assert "Кофи Аннан" in _names(text)


def test_womans_undeclined_surname_after_a_first_name_without_gender() -> None:
    reg = Registry.build("Олимпийская чемпионка Лиззи Ярнольд заявила, что рада.")
    (person,) = reg.people.values()
    assert person.name() == "Лиззи Ярнольд" and person.feminine is True


def test_unknown_genitive_word_is_cut_from_the_name_after_it() -> None:
    groups = find_groups("Министр по делам Брекзита Дэвид Дэвис заявил, что всё хорошо.")
    assert [g.tokens for g in groups] == [("Брекзита",), ("Дэвид", "Дэвис")]


def test_topic_counts_a_name_opening_its_sentence() -> None:
    text = "Иван Петров пришёл домой. Мария Сидорова сказала, что устала. Она ушла."
    hit = Registry.build(text).topic(text, text.find("Она"))
    assert hit is not None and hit[0].name() == "Мария Сидорова"


def test_by_name() -> None:
    reg = Registry.build("Иван Петров пришёл. Потом Петрова встретила Мария Сидорова.")
    names = reg.by_name()
    assert names["Иван Петров"].key == "петров" and reg.by_name() is names
    reg.forget_names()
    assert reg.by_name() is not names


def test_foreign_first_name_spelling_a_verb_and_adjectival_surname():
    """"Хами" reads as an imperative and "Аксой" as an instrumental noun; after a role phrase they are a man's name."""
    from presssearch.quotes import extract_quotes

    for text in ("Представитель МИД Турции Хами Аксой заявил, что «господину Ципрасу лучше обратить внимание на "
                 "свой кабинет».",
                 "«Господину Ципрасу лучше обратить внимание на свой кабинет», — заявил представитель МИД Турции "
                 "Хами Аксой."):
        (q,) = extract_quotes(text)
        assert (q.speaker, q.role) == ("Хами Аксой", "представитель МИД Турции")


def test_adjective_after_a_role_is_not_a_first_name():
    from presssearch.quotes import extract_quotes

    text = ("Президент Соединённых Штатов Дональд Трамп выступил в конгрессе. «Мы сталкиваемся с режимами-изгоями "
            "и террористами», — сказал президент Соединённых Штатов.")
    assert [q.speaker for q in extract_quotes(text)] == ["Дональд Трамп"]


@pytest.mark.parametrize("text, speaker", [
    # a full name first in an oblique case, later in the nominative: the nominative ("Карреры" is no nominative)
    ("Подопечные Массимо Карреры планируют выиграть оставшиеся встречи. На пресс-конференции главный тренер "
     "Массимо Каррера говорил не только об игре.\n«Я могу и покруче исполнить!» — сказал Каррера.",
     "Массимо Каррера"),
    ("Делегация покинула зал перед выступлением лидера Литвы Дали Грибаускайте. Президент Литвы Даля "
     "Грибаускайте сравнила Россию и КНДР.\n«Сегодня внимание мира обращено на Северную Корею», — подчеркнула "
     "Грибаускайте.", "Даля Грибаускайте"),
    # the surname alone in the nominative beside a full name given only in the genitive
    ("По словам постпреда РФ при ООН Василия Небензи, разработок не было. В то же время Небензя дал понять, что "
     "Россия готова к сотрудничеству. «Россия непричастна к этому инциденту», — сказал дипломат.",
     "Василий Небензя"),
    # a woman's name in the instrumental, then in the nominative that morphology reads as a man's genitive
    ("Он поехал за реваншем вместе с Михаэлой Каланчой. Михаэла Каланча и Саша Мальцев уступили.\n«Я очень "
     "расстроена», — призналась Каланча.", "Михаэла Каланча"),
])
def test_a_later_nominative_names_the_person(text: str, speaker: str) -> None:
    from tests.conftest import speakers_of

    assert speaker in speakers_of(text)


@pytest.mark.parametrize("text, speaker", [
    # a listed foreign man's first name in the genitive ("Мартена": morphology reads a woman's nominative)
    ("Особенно принимая во внимание реакцию лидера общего зачета Кубка мира Мартена Фуркада. «Я очень "
     "раздражён», — цитирует TV2 француза.", "Мартен Фуркад"),
])
def test_listed_first_name_in_the_genitive(text: str, speaker: str) -> None:
    from tests.conftest import speakers_of

    assert speaker in speakers_of(text)


@pytest.mark.parametrize("text, speaker, span", [
    # a full name in an oblique case, then another person's surname in the nominative, no comma between
    ("«Я думаю, что господин Ким Чен Ын, безусловно, эту партию выиграл», — сказал Путин.\n«Он — грамотный "
     "абсолютно, грамотный и зрелый уже политик», — охарактеризовал Ким Чен Ына Путин.", "Путин",
     "Он — грамотный абсолютно, грамотный и зрелый уже политик"),
    ("Советник президента США Джаред Кушнер провёл встречи. Президент Палестины Махмуд Аббас объявил о заморозке "
     "контактов. В телефонном разговоре с зятем президента Джаредом Кушнером Аббас возложил на израильское "
     "правительство всю ответственность.\n«Израилю следует отказаться от принятых мер», — заявил Аббас.",
     "Махмуд Аббас", "Израилю следует отказаться от принятых мер"),
])
def test_surname_glued_after_an_oblique_name(text: str, speaker: str, span: str) -> None:
    from presssearch.quotes import extract_quotes

    found = {q.text: q.speaker for q in extract_quotes(text)}
    assert found.get(span) == speaker


def test_a_full_name_in_the_nominative_is_not_cut() -> None:
    from presssearch.quotes import extract_quotes

    text = "Лидер КНДР Ким Чен Ын выступил с речью.\n«Мы готовы к диалогу», — сказал Ким Чен Ын."
    assert [q.speaker for q in extract_quotes(text)] == ["Ким Чен Ын"]
