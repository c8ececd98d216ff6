"""Quote attribution: oblique names, pronoun chains, role holders, interview genders."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presssearch.quotes import extract_quotes

from .conftest import speakers_of


def test_a_genitive_name_before_the_verb_is_not_the_subject() -> None:
    text = ("Российский сенатор Алексей Пушков уверен, что новый министр ничего не изменит. «С уходом Бориса Джонсона "
            "мало что изменится», – пошутил он.\n"
            "Мнение Пушкова подтвердил сам новый министр иностранных дел Джереми Хант, который в интервью уже сообщил, "
            "что Борис Джонсон сыграл большую роль, а также назвал своего предшественника «одной из выдающихся "
            "движущих сил британской политики».")
    assert speakers_of(text)[-1] == "Джереми Хант"


def test_the_one_relayed_speaks_not_the_one_who_relays() -> None:
    text = ("Действующий президент Дональд Трамп пообещал, что передача власти будет мирной. «Несмотря на то что я "
            "полностью не согласен с результатами выборов, 20 января произойдет упорядоченная передача власти», — "
            "процитировал Трампа в Twitter его помощник Дэн Скавино.")
    assert speakers_of(text) == ["Дональд Трамп"]


def test_according_to_him_points_back_from_the_pronoun_not_from_the_quote() -> None:
    text = ("Эксперт Владимир Брутер предсказал скорую отставку правительства, которому «нужен такой министр, который "
            "не будет ни в чём возражать». Именно этим, по его словам, вызвано назначение Джереми Ханта, который "
            "«скорее чиновник, чем политик».")
    assert speakers_of(text) == ["Владимир Брутер", "Владимир Брутер"]


def test_a_pronoun_skips_the_one_a_speech_is_about() -> None:
    text = ("Адвокат Сергей Широченко отметил, что преступление было неумышленным.\n"
            "\"Потерпевшая переходила дорогу в неположенном месте\", - заявил адвокат. Он отметил, что Роман Жиров до "
            "задержания неоднократно являлся к следователю. \"Он длительное время находился на свободе, но не принял "
            "мер для того, чтобы скрыться\", - отметил он.")
    assert speakers_of(text) == ["Сергей Широченко", "Сергей Широченко"]


def test_a_pronoun_points_back_to_a_single_name_the_registry_lacks() -> None:
    text = ("Поп-звезда сообщила об этом в Instagram.\n"
            "«На днях я сдала тест, и оказалось, что у меня есть антитела», — сказала Мадонна.\n"
            "«Так что завтра я просто отправлюсь на долгую прогулку на машине», — добавила она.")
    assert speakers_of(text) == ["Мадонна", "Мадонна"]


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
    assert speakers_of(text) == ["Майкл Коул"]


def test_an_unnamed_source_word_that_is_the_role_just_quoted_is_that_person() -> None:
    text = ("Так прокомментировала заявление официальный представитель МИД России Мария Захарова.\n"
            "«Путь торговой войны не имеет будущего и не служит интересам ни одной из сторон», — подчеркнула Мария "
            "Захарова.\n"
            "«Надеемся, что соответствующие стороны не будут рассматривать этот путь», — подытожила представитель МИД.")
    assert speakers_of(text) == ["Мария Захарова", "Мария Захарова"]


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


# --- recall and attribution choices ---------------------------------------------------------------------

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
    assert speakers_of(text) == ["Иван Петров"]


def test_a_fragment_under_a_new_subject_is_not_carried() -> None:
    text = ("Старейшина клуба Владимир Драгомир озвучил малоизвестные факты о перелете. Михаил Кузнецов прочитал "
            "стихи, посвященные «своей малой родине» – Дубоссарам.")
    assert extract_quotes(text) == []


def test_a_verb_of_testimony_opens_a_block_and_a_grandson_is_unnamed() -> None:
    text = ("Скончался Евгений Примаков.\n\nВнук бывшего премьер-министра свидетельствовал о его смерти:\n"
            "Да, это правда, это сегодня произошло.\n")
    assert speakers_of(text) == [None]


def test_interest_is_no_speech() -> None:
    text = "Хакеров прежде всего интересовали граждане «страны, граничащей с Россией»."
    assert extract_quotes(text) == []


def test_the_white_house_speaks_as_itself() -> None:
    text = "«Президент продолжит работу с союзниками по всем направлениям», — говорится в сообщении на сайте Белого дома."
    assert speakers_of(text) == ["Белый дом"]


def test_the_one_a_trial_is_about_is_not_the_prosecutor() -> None:
    text = ("Суд над Иваном Петровым начался в понедельник. «Обвиняемый полностью признал свою вину в совершении "
            "преступления», — заметил прокурор.")
    assert speakers_of(text) == [None]


def test_the_articles_own_author_does_not_speak() -> None:
    text = ("Текст: Мария Иванова\nВ Москве открылась выставка. «Мы готовили её три года подряд без выходных», — "
            "рассказала куратор выставки.")
    assert speakers_of(text) == [None]


def test_a_quoted_cry_or_question_is_not_a_speaker() -> None:
    text = "В футуристическом духе он «ногами отталкивает улицу» и призывает: «Верьте!»"
    assert all(q.speaker != "Верьте!" for q in extract_quotes(text))
    text = "«Из Москвы, как и все мои друзья», — ответил на вопрос «Откуда вы?» Иван Петров."
    assert speakers_of(text) == ["Иван Петров"]


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
    from presssearch.quotes.interviews import _phased
    lines = ["Кто он?", "Семён.", "А как он помог?", "Дал сани. А они подошли?", "Нет, не подошли.", "Почему?",
             "Я крупнее.", "А медаль?", "Ношу с собой."]
    assert _phased(lines, 0) == [True, False, True, True, False, True, False, True, False]


# The article's lead (issue #4): names the interviewee when the title and the body do not.

def _lead_answers(text: str, lead: str | None, title: str | None = None) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text, title=title, lead=lead) if q.rule == "interview_answer"]


def test_the_lead_names_the_interviewee_the_body_does_not() -> None:
    lead = ("Российский спорт продолжает существовать в условиях допингового кризиса. Бывший глава Всероссийской "
            "федерации лёгкой атлетики Валентин Балахничёв рассказал RT, что привело к скандалу.")
    assert _lead_answers(_QA, None) == [None, None]
    assert _lead_answers(_QA, lead) == ["Валентин Балахничёв"] * 2


def test_the_lead_is_read_never_quoted_and_offsets_stay_the_bodys() -> None:
    lead = "Тренер Андрей Чесноков рассказал RT: «Мы готовились к этому сезону очень долго и упорно»."
    quotes = extract_quotes(_QA, lead=lead)
    assert [(q.start, q.end) for q in quotes] == [(q.start, q.end) for q in extract_quotes(_QA)]
    assert all(_QA[q.start:q.end] == q.text for q in quotes)


def test_the_interviewer_in_the_lead_is_not_the_interviewee() -> None:
    lead = ("Министр спорта России Павел Колобков в интервью ведущей RT Софико Шеварднадзе заявил, что реальных угроз "
            "для выступления россиян нет.")
    assert _lead_answers(_QA, lead) == ["Павел Колобков"] * 2
    lead = ("Писатель Эдуард Успенский рассказал в интервью корреспонденту RT Юлии Шаповаловой о продолжении "
            "мультфильма.")
    assert _lead_answers(_QA, lead) == ["Эдуард Успенский"] * 2


def test_a_pronoun_in_the_lead_points_to_the_one_named_before() -> None:
    lead = ("Вячеслав Липницкий намерен продолжать борьбу за право называть спортсменку своей дочерью. В интервью RT "
            "он рассказал, что готов сделать для Юлии Липницкой.")
    assert _lead_answers(_QA, lead) == ["Вячеслав Липницкий"] * 2


def test_the_one_talked_with_and_not_the_one_talked_about() -> None:
    lead = ("RT поговорил об успехе россиянина Сергея Устюгова с главным тренером сборной ХМАО по лыжным гонкам, "
            "бронзовым призёром чемпионата мира Сергеем Кряниным.")
    assert _lead_answers(_QA, lead) == ["Сергей Крянин"] * 2
    lead = "Агент Дмитрий Селюк подробно поговорил с RT о сопернике подопечных Станислава Черчесова."
    assert _lead_answers(_QA, lead) == ["Дмитрий Селюк"] * 2


def test_several_people_in_the_lead_name_no_one() -> None:
    lead = ("RT пообщался с победителями — Владимиром Федосеевым, Александрой Костенюк и Екатериной Лагно — и узнал, "
            "что они думают о соревнованиях.")
    assert _lead_answers(_QA, lead) == [None, None]
    lead = ("Главный тренер Массимо Каррера признался, что форма команды не на высшем уровне, а наставник "
            "железнодорожников Юрий Сёмин жёстко раскритиковал судейство.")
    assert _lead_answers(_QA, lead) == [None, None]


def test_the_title_and_the_body_come_before_the_lead() -> None:
    body = ("Елена Веснина выиграла турнир. Тренер Елены, известный теннисист Андрей Чесноков рассказал RT, как его "
            "подопечная шла к успеху.\n" + _QA)
    lead = "Бывший глава ВФЛА Валентин Балахничёв рассказал RT, что привело к скандалу."
    assert _lead_answers(body, lead) == ["Андрей Чесноков"] * 2


_SENTENCES = ["Тренер Андрей Чесноков рассказал RT, как шла подготовка.", "В интервью RT он рассказал о планах.",
              "«Мы готовы ко всему», — заявил Иван Петров.", "RT поговорил с Марией Ивановой о сезоне.",
              "— Как дела?", "Погода была хорошей."]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCES), max_size=4))
def test_a_lead_changes_no_span_only_speakers(parts: list[str]) -> None:
    lead = " ".join(parts)
    assert [(q.start, q.end, q.rule) for q in extract_quotes(_QA, lead=lead)] \
        == [(q.start, q.end, q.rule) for q in extract_quotes(_QA)]


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.mark.corpus
def test_rt_interviews_named_only_in_the_lead() -> None:
    path = CORPUS / "rt.jsonl.gz"
    if not path.exists():
        pytest.skip("../shared/corpus is not here")
    want = {"rt-01075": "Валентин Балахничёв", "rt-04939": "Евгений Бушманов", "rt-06947": "Константин Долгов"}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        arts = [a for a in map(json.loads, fh) if a["id"] in want]
    assert len(arts) == len(want)
    for a in arts:
        answers = _lead_answers(a["text"], a["lead"], a["title"])
        assert answers and set(answers) == {want[a["id"]]}, a["id"]


# --- role nouns and unnamed sources (issue #4) ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "who"), [
    ("Об этом заявил сенатор-республиканец Линдси Грэм. С ним не согласен политик Джон Смит. "
     "«Это неправильно», — написал сенатор.", "Линдси Грэм"),
    ("Боец UFC Хабиб Нурмагомедов приехал в Москву. Там его встретил тренер Абдулманап Нурмагомедов. "
     "«Я рад», — сказал боец.", "Хабиб Нурмагомедов"),
    ("Аналитик Иван Петров считает, что рубль упадёт. С ним спорит министр Олег Сидоров. "
     "«Падение неизбежно», — подчеркнул аналитик.", "Иван Петров"),
])
def test_a_role_noun_goes_to_the_one_introduced_with_it(text: str, who: str) -> None:
    assert speakers_of(text)[-1] == who


def test_a_kindred_role_of_the_one_who_spoke_since_wins() -> None:
    text = ("Политолог Виктор Олевич считает, что Трамп ошибся. «Это провал», — пояснил Олевич.\n"
            "Политический аналитик Станислав Бышок в разговоре с RT напомнил, что так бывало и раньше. "
            "«Такой способ изобретён давно», — отметил политолог.")
    assert speakers_of(text)[-1] == "Станислав Бышок"


@pytest.mark.parametrize("text", [
    "Бюджет исполнен, сообщил Иван Петров. В министерстве сомневаются. «Мы не справились», — сказал чиновник.",
    "Писатель Иван Петров приехал в город. «Он был пьян», — рассказал приятель писателя.",
    "Президент Иван Петров приехал в город. «Всё было не так», — сказали источники в его окружении.",
])
def test_unnamed_sources_stay_unnamed(text: str) -> None:
    assert speakers_of(text)[-1] is None


def test_an_official_points_back_to_the_named_one() -> None:
    text = "Замминистра финансов Иван Петров заявил, что бюджет исполнен. «Мы справились», — сказал чиновник."
    assert speakers_of(text) == ["Иван Петров"]


def test_a_name_after_an_inverted_speech_verb_has_spoken() -> None:
    text = ("Грейс Мугабе заявила, что останется в стране.\n"
            "То, что произошло в Зимбабве, — кульминация борьбы, считает научный сотрудник Института Африки РАН "
            "Альберт Хаматшин.\n«Борьба развернулась давно», — сказал эксперт.")
    assert speakers_of(text)[-1] == "Альберт Хаматшин"


def test_a_pronoun_follows_a_speaker_the_verb_shows_female() -> None:
    text = ("Канцлер Ангела Меркель заявила, что виновные понесут наказание.\n"
            "«Нужно вести учёт мигрантов», — заявила RT Джозефа Реджетти, член специальной комиссии.\n"
            "«За год мы провели множество акций», — добавила она.")
    last = speakers_of(text)[-1]
    assert last is not None and "Реджетти" in last


def test_a_pronoun_after_a_role_subject_points_to_its_holder() -> None:
    text = ("Губернатор Евгений Куйвашев провёл встречу с президентом Владимиром Путиным.\n"
            "Президент заявил, что директор завода должен выплатить зарплату. «Это недопустимо», — сказал Путин.\n"
            "Губернатор распорядился найти директора и отметил, что информацию надо проверять. "
            "«Найдём — разберёмся», — сказал он.")
    assert speakers_of(text)[-1] == "Евгений Куйвашев"


def test_a_role_with_another_qualifier_is_someone_unnamed() -> None:
    text = ("«Цены растут», — написал генеральный директор ассоциации Алексей Дорошенко.\n"
            "Директор супермаркета в Чопе рассказал RT, что покупателей стало меньше. "
            "«Вся надежда на местных жителей», — пояснил он.")
    assert speakers_of(text) == ["Алексей Дорошенко", None]
