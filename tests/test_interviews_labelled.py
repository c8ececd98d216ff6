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

