"""Attribution in short texts: and the speaker each quote must get."""
import pytest

from presssearch.quotes import extract_quotes

CASES = [
    pytest.param(  # a relational role, the owner's name, then the holder's own name
        "Президент Грузии Михаил Саакашвили встретился с послом. «Мы не ведем переговоров о поставках оружия», "
        "— заявил в мае пресс-секретарь Саакашвили Каха Имнадзе.",
        "Каха Имнадзе", id="relational-role-owner-then-holder"),
    pytest.param(  # a relational role before someone else's full name in the genitive: the role's holder
        "Пресс-секретарь президента Дмитрий Песков ответил на вопрос. «Это лучшие женщины в мире», — сказал он.\n\n"
        "«Призываю вас посмотреть на паспорт болельщика», — сказал пресс-секретарь Владимира Путина.",
        "Дмитрий Песков", id="relational-role-full-genitive"),
    pytest.param(  # "по словам X" with X in the genitive names the one a later "эксперт" stands for
        "Министр Гэвин Уильямсон заявил о провокации.\nПо словам главного редактора журнала «Армия и флот» "
        "Дмитрия Шеремецкого, подобные действия связаны с общей атмосферой.\n«Вы знаете, какая сейчас обстановка "
        "по отношению к России, и все это понятно», — рассказал эксперт в беседе с RT.",
        "Дмитрий Шеремецкий", id="expert-after-po-slovam-genitive"),
    pytest.param(  # "X сомневается, что …. По его словам, …" makes X the last to speak
        "Депутат Олег Иванов заявил, что закон примут. «Мы его примем в мае», — сказал Иванов.\nЗамдекана "
        "факультета ВШЭ Андрей Суздальцев сомневается, что правительству удастся сократить долг. По его словам, "
        "нужно привлечь инвестиции.\n«Мне кажется, что долг может превысить размер ВВП», — заявил эксперт в беседе с RT.",
        "Андрей Суздальцев", id="expert-after-his-words"),
    pytest.param(  # an organisation's document, a generic body word inside the clause
        "Банк России снизил ключевую ставку до 7%. «Краткосрочные инфляционные риски снизились, в то же время на "
        "среднесрочном горизонте они сохраняются», — говорится в официальном сообщении Центробанка по итогам "
        "заседания совета директоров.",
        "Центробанк", id="document-of-organisation"),
    pytest.param(  # the speech verb inside a quoted name is not the clause's verb
        "Песков возразил Плетневой.\n\nДмитрий Песков, отвечая на вопрос корреспондента радиостанции \"Говорит "
        "Москва\", сказал: \"Ну а что касается наших российских женщин - они сами разберутся со всеми вопросами\".",
        "Дмитрий Песков", id="verb-inside-quoted-name"),
    pytest.param(  # an initial and a surname after the verb: the article's full form
        "Экс-премьер Андрюс Кубилюс говорит, что комиссия должна была назначить штраф. \"По нашему убеждению, при "
        "таких нарушениях наказание может быть большим\", - сказал А. Кубилюс в четверг журналистам.",
        "Андрюс Кубилюс", id="initial-space-surname-full"),
    pytest.param(  # an initial and a surname the article never gives in full: as written
        "\"Сейчас актуальность долгосрочных договоров полностью сошла на нет\", - сказал С. Сквернялис в четверг.",
        "С. Сквернялис", id="initial-space-surname-as-written"),
]


@pytest.mark.parametrize(("text", "speaker"), CASES)
def test_last_quote_speaker(text: str, speaker: str) -> None:
    quotes = extract_quotes(text)
    assert quotes, "no quote found"
    assert quotes[-1].speaker == speaker


def test_quoted_name_verb_keeps_other_rules() -> None:
    """A clause whose only speech verb stands outside quotation marks still reads it ("заявил: «…»")."""
    text = "Глава ведомства Иван Петров заявил: «Мы завершим работу над законом к лету этого года»."
    assert extract_quotes(text)[-1].speaker == "Иван Петров"
