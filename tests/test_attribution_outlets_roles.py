"""Speaker attribution: outlets told are not speakers, unnamed role phrases, clause limits."""
from __future__ import annotations

import pytest

from presssearch.quotes import extract_quotes


def _speaker_of(text: str, snippet: str) -> str | None:
    """The speaker of the quote holding the snippet (fails when no quote holds it)."""
    at = text.index(snippet)
    quote = next(q for q in extract_quotes(text) if q.start <= at < q.end)
    return quote.speaker


CASES = [
    pytest.param(  # a role phrase told to an outlet, nobody introduced so: an unnamed source
        "Премьер Владимир Гройсман рассчитывал, что эта мера позволит вывести доходы из тени. "
        "«Мы повысим зарплаты всем работникам бюджетной сферы уже в этом году», — заявил Гройсман.\n"
        "Цены тем временем продолжали расти.\n"
        "«Себестоимость производства выросла, поэтому продукты так стремительно дорожают», — рассказывает RT "
        "директор крупной украинской исследовательской компании.",
        "Себестоимость производства", None, id="role-told-to-outlet"),
    pytest.param(  # the same role noun, another body than the one the named person holds: unnamed
        "Об этом сообщила представитель Госдепартамента Хезер Науэрт.\n"
        "«Соединённые Штаты решили поставить Украине усиленные оборонительные возможности», — заявила Науэрт.\n"
        "«У нас никогда не было политики, ограничивающей подобные коммерческие продажи», — сообщил РИА Новости "
        "представитель внешнеполитического ведомства.",
        "У нас никогда не было", None, id="other-office-told-to-outlet"),
    pytest.param(  # the outlet told, in the dative, is never the speaker
        "В Дептрансе «Медузе» пояснили, что «предложенный первый маршрут организаторов создавал крайне серьезные "
        "неудобства для москвичей».",
        "предложенный первый маршрут", None, id="outlet-dative-not-speaker"),
    pytest.param(  # a quoted site name with a dot does not end the attribution clause
        "«В эти кабинки сложно зайти, плюс там довольно грязно», — говорил глава департамента торговли Алексей "
        "Немерюк. «По нашим наблюдениям, в туалетах бывает не более ста посетителей в месяц», — сообщил «Медузе» "
        "эксперт портала «Туалет.ру» Владимир Приоров.",
        "По нашим наблюдениям", "Владимир Приоров", id="dotted-name-in-clause"),
    pytest.param(  # a role noun in the instrumental ("основанная спикером …") is not the subject
        "В октябре основанная покойным спикером Госдумы Геннадием Селезневым партия выступила с инициативой "
        "популяризировать «культуру хождения в общественный туалет».",
        "культуру хождения", "not Геннадий Селезнев", id="instrumental-role-not-subject"),
    pytest.param(  # after a semicolon the clause with the speech verb has its own subject
        "Курировала проект сотрудница пресс-службы департамента Юлия Потапова; как отмечает создатель проекта "
        "Владимир Кумов, именно «благодаря ее энтузиазму пробеги стали проходить по Садовому кольцу».",
        "благодаря ее энтузиазму", "Владимир Кумов", id="semicolon-clause"),
    pytest.param(  # a role noun opening the sentence refers to the one introduced with it
        "Как отмечает создатель проекта Владимир Кумов, велопарады всегда проходили мирно. Город хочет проводить "
        "их сам. Создатель Let's Bike It утверждает, что его компании придется «отказаться от ряда направлений "
        "или прекратить работу».",
        "отказаться от ряда", "Владимир Кумов", id="role-opening-sentence"),
    pytest.param(  # "— а …, как они считали, … —" inside a quotation is its aside; the attribution comes next
        "«Как зампред Центробанка это был осторожный банкир», — считает президент Института современного развития "
        "Игорь Юргенс. «Улюкаев и министерство не лезли ни во что, — а касалось их, как они считали, регулирование "
        "давления пара в системе, — рассуждает директор программы Московского фонда Карнеги Андрей Мовчан. — С одной "
        "стороны, честь им и хвала».",
        "Улюкаев и министерство", "Андрей Мовчан", id="aside-not-attribution"),
    pytest.param(  # a role noun in the dative plural is who was told ("сказала журналистам"), not who speaks
        "Депутат Тамара Плетнева призвала девушек не встречаться с иностранцами. «Это наши дети, они будут "
        "страдать», — заявила Плетнева.\nНе согласилась с призывом Плетневой и уполномоченный по правам человека в "
        "РФ Татьяна Москалькова. «Подобное вмешательство недопустимо. Дело каждой женщины - решать, кого любить», - "
        "сказала журналистам во время рабочего визита в Калининград омбудсмен.",
        "Подобное вмешательство", "Татьяна Москалькова", id="dative-plural-addressee"),
]


@pytest.mark.parametrize("text, snippet, expected", CASES)
def test_speaker(text: str, snippet: str, expected: str | None) -> None:
    if expected is not None and expected.startswith("not "):
        assert _speaker_of(text, snippet) != expected[4:]
    else:
        assert _speaker_of(text, snippet) == expected


def test_role_told_to_outlet_introduced_person_kept() -> None:
    """A role told to an outlet still names the one the article introduced with exactly that role."""
    text = ("Как считает директор Института экономики Иван Петров, цены вырастут. "
            "«Себестоимость производства выросла, поэтому продукты дорожают», — рассказывает RT директор института.")
    assert _speaker_of(text, "Себестоимость производства") == "Иван Петров"


def test_relaying_outlet_keeps_the_role_holder() -> None:
    """"— приводит РИА Новости слова чиновника": the outlet relays; the official named before speaks."""
    text = ("Об этом сообщил первый заместитель постоянного представителя президента Украины Изет Гданов.\n"
            "«Мы работаем над вопросом создания центров предоставления административных услуг», — приводит "
            "РИА Новости слова украинского чиновника.")
    assert _speaker_of(text, "Мы работаем над") == "Изет Гданов"


def test_a_role_tied_to_a_two_word_country_is_not_another_lands_holder() -> None:
    # rt-06302: "руководитель Северной Кореи" is not the head of a research centre quoted before
    text = ("«Мы в этом тоже заинтересованы», — добавил руководитель Центра корейских исследований Института "
            "Дальнего Востока РАН Александр Жебин.\n"
            "Накануне лидер КНДР Ким Чен Ын в новогоднем обращении к народу выразил надежду на участие "
            "северокорейских спортсменов в зимних Олимпийских играх в Южной Корее.\n"
            "«Зимние Игры, которые пройдут в Южной Корее, станут хорошим событием для страны», — сказал "
            "руководитель Северной Кореи.")
    assert _speaker_of(text, "Зимние Игры") == "Ким Чен Ын"


def test_po_informatsii_names_the_source_of_the_fragment() -> None:
    text = ("Председатель Европарламента Антонио Таяни пригласил женщину посетить ЕС.\n\n"
            "По информации The News International, за католичкой в Мултан прилетел небольшой самолет, на борту "
            "которого находились \"несколько иностранцев и ряд пакистанцев\". Обвинение в богохульстве.")
    assert _speaker_of(text, "несколько иностранцев") == "The News International"


@pytest.mark.parametrize("text", [
    "По данным американских СМИ, Соединённые Штаты не сомневаются, что КНДР испытала «усовершенствованное "
    "ядерное устройство нового типа».",
    "«Соединённые Штаты не сомневаются, что КНДР испытала ядерное устройство», — пишут американские СМИ.",
], ids=["po-dannym", "pishut"])
def test_media_named_only_as_a_kind_are_an_unnamed_source(text: str) -> None:
    assert [q.speaker for q in extract_quotes(text)] == [None]
