"""Quote attribution rules added in session 5: oblique names, pronoun chains, role holders, interview genders."""
from __future__ import annotations

from presssearch.quotes import extract_quotes


def _speakers(text: str, title: str | None = None) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text, title=title)]


def test_a_genitive_name_before_the_verb_is_not_the_subject() -> None:
    text = ("Российский сенатор Алексей Пушков уверен, что новый министр ничего не изменит. «С уходом Бориса Джонсона "
            "мало что изменится», – пошутил он.\n"
            "Мнение Пушкова подтвердил сам новый министр иностранных дел Джереми Хант, который в интервью уже сообщил, "
            "что Борис Джонсон сыграл большую роль, а также назвал своего предшественника «одной из выдающихся "
            "движущих сил британской политики».")
    assert _speakers(text)[-1] == "Джереми Хант"


def test_the_one_relayed_speaks_not_the_one_who_relays() -> None:
    text = ("Действующий президент Дональд Трамп пообещал, что передача власти будет мирной. «Несмотря на то что я "
            "полностью не согласен с результатами выборов, 20 января произойдет упорядоченная передача власти», — "
            "процитировал Трампа в Twitter его помощник Дэн Скавино.")
    assert _speakers(text) == ["Дональд Трамп"]


def test_according_to_him_points_back_from_the_pronoun_not_from_the_quote() -> None:
    text = ("Эксперт Владимир Брутер предсказал скорую отставку правительства, которому «нужен такой министр, который "
            "не будет ни в чём возражать». Именно этим, по его словам, вызвано назначение Джереми Ханта, который "
            "«скорее чиновник, чем политик».")
    assert _speakers(text) == ["Владимир Брутер", "Владимир Брутер"]


def test_a_pronoun_skips_the_one_a_speech_is_about() -> None:
    text = ("Адвокат Сергей Широченко отметил, что преступление было неумышленным.\n"
            "\"Потерпевшая переходила дорогу в неположенном месте\", - заявил адвокат. Он отметил, что Роман Жиров до "
            "задержания неоднократно являлся к следователю. \"Он длительное время находился на свободе, но не принял "
            "мер для того, чтобы скрыться\", - отметил он.")
    assert _speakers(text) == ["Сергей Широченко", "Сергей Широченко"]


def test_a_pronoun_points_back_to_a_single_name_the_registry_lacks() -> None:
    text = ("Поп-звезда сообщила об этом в Instagram.\n"
            "«На днях я сдала тест, и оказалось, что у меня есть антитела», — сказала Мадонна.\n"
            "«Так что завтра я просто отправлюсь на долгую прогулку на машине», — добавила она.")
    assert _speakers(text) == ["Мадонна", "Мадонна"]


def test_headline_of_a_linked_article_is_no_quote() -> None:
    text = ("Пенсионеры продолжают работать, рассказал RT губернатор.\n"
            " Также по теме \n"
            " «Люди состоятельные платят хуже»: в России назвали регионы с самыми высокими долгами за ЖКУ \n"
            "Лидерами по средней сумме задолженности стали жители столицы.")
    assert extract_quotes(text) == []


def test_a_role_held_towards_another_is_its_holder() -> None:
    text = ("Бизнесмен Мохаммед аль-Файед рассматривает возможность оспорить вердикт, заявил пресс-секретарь "
            "бизнесмена Майкл Коул.\n"
            "\"Мы заинтересованы только в том, чтобы отыскать правду в данной истории\", - подчеркнул пресс-секретарь "
            "аль-Файеда.")
    assert _speakers(text) == ["Майкл Коул"]


def test_an_unnamed_source_word_that_is_the_role_just_quoted_is_that_person() -> None:
    text = ("Так прокомментировала заявление официальный представитель МИД России Мария Захарова.\n"
            "«Путь торговой войны не имеет будущего и не служит интересам ни одной из сторон», — подчеркнула Мария "
            "Захарова.\n"
            "«Надеемся, что соответствующие стороны не будут рассматривать этот путь», — подытожила представитель МИД.")
    assert _speakers(text) == ["Мария Захарова", "Мария Захарова"]


def test_interview_answers_name_the_interviewee_in_the_gender_they_show() -> None:
    title = "«Серебру не расстроилась бы»: Загитова об олимпийском золоте"
    text = ("Олимпийской чемпионкой стала Алина Загитова.\n"
            "— Уже представляете себя с золотой медалью на груди?\n"
            "— Ну, пока у меня её нет. Только вышла с проката и ничего особенного не ощущаю. Я очень рада, что всё "
            "получилось, и на этот вопрос смогу ответить уже после церемонии награждения.\n"
            "— Не давила ли на вас дополнительная ответственность в произвольной программе?\n"
            "— Действительно, сегодня я волновалась куда больше, чем в среду. Ответственность была серьёзная, нужно "
            "было показывать максимум.\n")
    answers = [q for q in extract_quotes(text, title=title) if q.rule == "interview_answer"]
    assert len(answers) == 2 and all(q.speaker == "Алина Загитова" for q in answers)


# --- session 5, round 2: recall and attribution choices ---------------------------------------------------------

def test_interview_turns_without_dashes_are_not_quotes() -> None:
    """Gold convention (tests/gold/README.md): interview speech counts when its turns start with a dash; labelled
    plain paragraphs carry no speech marks."""
    text = ("RT: Сегодня прошли переговоры министров. Не могли бы прокомментировать эту встречу?\n"
            "Бусейна Шаабан:\n Во-первых, нет ничего необычного в этой встрече. Мы союзники в борьбе с терроризмом.\n"
            "RT: Почему Запад критикует операцию в Алеппо?\n"
            "Бусейна Шаабан:\n Эти нападки представляют собой часть информационной войны против нас.\n")
    assert extract_quotes(text) == []


def test_dash_interview_turns_keep_the_label_as_written() -> None:
    text = ("Бусейна Шаабан:\n— Во-первых, нет ничего необычного в этой встрече. Мы союзники в борьбе с терроризмом.\n"
            "RT:\n— Почему Запад критикует операцию в Алеппо?\n")
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes][:1] == ["Бусейна Шаабан"]


def test_a_single_bare_label_is_no_interview() -> None:
    assert extract_quotes("Источник: ТАСС\nВратари: Иван Петров, Сергей Сидоров, Олег Козлов.\n") == []


def test_a_short_fragment_goes_on_with_the_speaker_of_the_sentence_before() -> None:
    text = ("Действия истребителя, по словам Ивана Петрова, являются небезопасными. В результате самолёт "
            "совершил манёвр, который привёл к «очень сильной турбулентности».")
    assert _speakers(text) == ["Иван Петров"]


def test_a_fragment_under_a_new_subject_is_not_carried() -> None:
    text = ("Старейшина клуба Владимир Драгомир озвучил малоизвестные факты о перелете. Михаил Кузнецов прочитал "
            "стихи, посвященные «своей малой родине» – Дубоссарам.")
    assert extract_quotes(text) == []


def test_a_verb_of_testimony_opens_a_block_and_a_grandson_is_unnamed() -> None:
    text = ("Скончался Евгений Примаков.\n\nВнук бывшего премьер-министра свидетельствовал о его смерти:\n"
            "Да, это правда, это сегодня произошло.\n")
    assert _speakers(text) == [None]


def test_interest_is_no_speech() -> None:
    text = "Хакеров прежде всего интересовали граждане «страны, граничащей с Россией»."
    assert extract_quotes(text) == []


def test_the_white_house_speaks_as_itself() -> None:
    text = "«Президент продолжит работу с союзниками по всем направлениям», — говорится в сообщении на сайте Белого дома."
    assert _speakers(text) == ["Белый дом"]


def test_the_one_a_trial_is_about_is_not_the_prosecutor() -> None:
    text = ("Суд над Иваном Петровым начался в понедельник. «Обвиняемый полностью признал свою вину в совершении "
            "преступления», — заметил прокурор.")
    assert _speakers(text) == [None]


def test_the_articles_own_author_does_not_speak() -> None:
    text = ("Текст: Мария Иванова\nВ Москве открылась выставка. «Мы готовили её три года подряд без выходных», — "
            "рассказала куратор выставки.")
    assert _speakers(text) == [None]


def test_a_quoted_cry_or_question_is_not_a_speaker() -> None:
    text = "В футуристическом духе он «ногами отталкивает улицу» и призывает: «Верьте!»"
    assert all(q.speaker != "Верьте!" for q in extract_quotes(text))
    text = "«Из Москвы, как и все мои друзья», — ответил на вопрос «Откуда вы?» Иван Петров."
    assert _speakers(text) == ["Иван Петров"]


_QA = ("— Как вы оцениваете шансы команды в этом сезоне, учитывая все потери?\n"
       "— Я думаю, что шансы у нас хорошие: состав сильный, тренерский штаб работает отлично, и мы готовы бороться "
       "за самые высокие места до конца сезона.\n"
       "— А что вы скажете о новом тренере и его методах работы с командой?\n"
       "— Он требовательный человек, но справедливый. Мы много работаем на тренировках и видим результат в каждой "
       "игре, которую проводим.\n")


def _answers(text: str, title: str | None = None) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text, title=title) if q.rule == "interview_answer"]


def test_a_person_the_title_speaks_about_is_not_the_interviewee() -> None:
    text = "Лыжник Алексей Виценко упал на трассе, и ему помог американский тренер.\n" + _QA
    assert _answers(text, "«Горжусь, что помог»: американский тренер о помощи Виценко") == [None, None]


def test_the_one_who_told_the_outlet_is_the_interviewee() -> None:
    text = ("Елена Веснина выиграла турнир. Тренер Елены, известный теннисист Андрей Чесноков рассказал RT, как его "
            "подопечная шла к успеху.\n" + _QA)
    assert _answers(text, "«Она молодец»: тренер Весниной о её победе") == ["Андрей Чесноков"] * 2


def test_a_header_line_switches_the_interviewee() -> None:
    text = ("Игорь Акинфеев: «Успешным будет выход из группы»\n" + _QA
            + "Виктор Васин: «Стабильность может помочь нам»\n" + _QA)
    assert _answers(text) == ["Игорь Акинфеев"] * 2 + ["Виктор Васин"] * 2


def test_each_section_takes_the_one_its_intro_presents() -> None:
    text = ("Главный тренер сборной Станислав Черчесов заявил, что относится с пониманием к повышенному вниманию к "
            "игрокам и оценил работу системы видеоповторов.\n" + _QA
            + "«Сравнивать меня с Роналду неуместно»\n"
            "Нападающий Фёдор Смолов, признанный лучшим дриблером первого тура, пообещал, что команда сможет выполнить "
            "задачу на матч с Португалией. Также он оценил систему видеоповторов и рассказал, почему в сборной стал более "
            "командным игроком.\n" + _QA)
    assert _answers(text, "«Не стану меняться футболкой»: Смолов и Черчесов о матче") \
        == ["Станислав Черчесов"] * 2 + ["Фёдор Смолов"] * 2


def test_a_merged_answer_and_question_flips_the_phase() -> None:
    from presssearch.quotes.rules import _phased
    lines = ["Кто он?", "Семён.", "А как он помог?", "Дал сани. А они подошли?", "Нет, не подошли.", "Почему?",
             "Я крупнее.", "А медаль?", "Ношу с собой."]
    assert _phased(lines, 0) == [True, False, True, True, False, True, False, True, False]
