"""An interview that begins with "Имя Фамилия:" speaker lines and goes on in dash turns, whose answers run on in
paragraphs without a dash: the answers are the labelled speaker's, not those of a person an answer names."""
from presssearch.quotes import extract_quotes

ANSWER_ON = ("США требуют сильного представителя от любой страны. Было очень дальновидно со стороны Петра Порошенко "
             "назначить прежнего посла. Мы увидели, как страна получила много ударов за время его работы. Никаких "
             "серьёзных достижений там не было, и мы откровенно аплодировали решению назначить нового посла.")
LONG = "Не имеет значения, кто это будет, специальный представитель или посол, в Вашингтоне хорошо построена работа."


def _answers(text: str, title: str = "", lead: str = "") -> list[str | None]:
    return [q.speaker for q in extract_quotes(text, title=title, lead=lead) if q.rule == "interview_answer"]


def _article(first_line: str) -> str:
    return (f"{first_line}\n\n"
            "Апостроф: Какие окна возможностей открываются перед страной при новой администрации?\n\n"
            "Василий Филипчук: Окна возможностей открываются перед всеми, давайте чётко подытожим сказанное.\n\n"
            "— Как вы оцениваете решение о назначении посла?\n\n"
            "— Это решение показывает маргинализацию дипломатии.\n\n"
            f"{ANSWER_ON}\n\n"
            "— Стоит ли надеяться на нового представителя США?\n\n"
            f"— {LONG}\n\n"
            "— В чём же была проблема прежней администрации?\n\n"
            f"— {LONG}\n")


def test_answers_go_to_the_labelled_speaker() -> None:
    speakers = _answers(_article("Интервью о внешней политике (Апостроф, Украина)"),
                        title="Киеву не стоит надеяться на перемены")
    assert speakers and all(s == "Василий Филипчук" for s in speakers)


def test_first_person_paragraph_after_turns_is_no_intro() -> None:
    """"Мы все увидели …" after dash turns goes on with an answer: it does not present Порошенко as the speaker."""
    speakers = _answers(_article("Интервью о внешней политике"), title="Киеву не стоит надеяться на перемены")
    assert "Пётр Порошенко" not in speakers and "Петр Порошенко" not in speakers



def test_intro_giving_the_press_attention_names_the_interviewee() -> None:
    """"Внимание журналистам уделил заместитель министра … Василий Гойда": he answers, not the airport named most."""
    long = "Проблема обязательно будет решена, трасса сейчас на стадии реконструкции, и скоро мы увидим результат."
    text = ("Первой остановкой стала стройка аэропорта Платов. Аэропорт Платов назван в честь атамана. "
            "Аэропорт Платов заменит старый. Аэропорт Платов примет первых пассажиров весной.\n\n"
            "Во время затишья на стройплощадке RT удалось пообщаться с людьми, отвечающими за ход строительства. "
            "Внимание журналистам уделил первый заместитель министра транспорта области Василий Гойда.\n\n"
            f"— Как планируется решить вопрос с пробками?\n\n— {long}\n\n"
            f"— Планируется ли ремонт дорог в самом городе?\n\n— {long}\n")
    speakers = _answers(text, title="«Аэропорт Платов сместит Шереметьево»: как в Ростове готовятся к ЧМ-2018")
    assert speakers and all(s == "Василий Гойда" for s in speakers)


def test_giving_journalists_attention_is_meeting_the_press() -> None:
    from presssearch.quotes.interviews import _MEETS_PRESS
    assert _MEETS_PRESS.search("Внимание журналистам уделил первый заместитель министра Василий Гойда.")
    assert _MEETS_PRESS.search("Время корреспонденту RT уделила капитан сборной Анна Петрова.")
    assert _MEETS_PRESS.search("Тренер уделил внимание обороне.") is None
