"""Name groups split where two adjacent names clash in case; names with an apostrophe (issue #4)."""
from presssearch.quotes import extract_quotes
from presssearch.quotes.speakers import find_groups, normalize_person


def _tokens(text: str) -> list[tuple[str, ...]]:
    return [g.tokens for g in find_groups(text)]


def test_genitive_name_then_nominative_name_are_two_people() -> None:
    text = "Помощник вице-президента США Джо Байдена Джулианна Смит заявила, что Кремль использует хакерские атаки."
    assert _tokens(text)[-2:] == [("Джо", "Байдена"), ("Джулианна", "Смит")]


def test_genitive_then_dative_name_keeps_both_surnames() -> None:
    text = "Он дал интервью, в котором Владимира Путина Оливеру Стоуну удалось разговорить."
    assert _tokens(text) == [("Владимира", "Путина"), ("Оливеру", "Стоуну")]


def test_three_word_names_stay_whole() -> None:
    for text, name in (("Владимир Владимирович Путин заявил.", ("Владимир", "Владимирович", "Путин")),
                       ("Мартин Лютер Кинг сказал.", ("Мартин", "Лютер", "Кинг")),
                       ("Анна Мария Ивановна Петрова сказала.", ("Анна", "Мария", "Ивановна", "Петрова"))):
        assert _tokens(text) == [name]


def test_apostrophe_surname_is_one_token() -> None:
    text = "Оглашая свой вердикт, председательствовавший на заседании судья Стивен О'Нилл заявил: \"Это было тяжкое преступление\"."
    assert ("Стивен", "О'Нилл") in _tokens(text)
    assert normalize_person("Стивена О'Нилла") == "Стивен О'Нилл"
    assert [q.speaker for q in extract_quotes(text)] == ["Стивен О'Нилл"]


def test_pronoun_after_split_name_finds_the_second_person() -> None:
    text = ("Помощник вице-президента США Джо Байдена Джулианна Смит заявила, что Кремль ставит своей целью "
            "разрушение демократии. В числе инструментов Смит назвала хакерские атаки.\n"
            "«Используя в качестве оружия украденную информацию, Кремль подрывает доверие», — считает она.")
    assert [q.speaker for q in extract_quotes(text)] == ["Джулианна Смит"]


def test_an_unknown_compound_role_word_opens_no_name() -> None:
    from presssearch.quotes.speakers import find_groups
    text = ("Замгендиректора Института национальной энергетики Александр Фролов отметил, что подобные разбирательства "
            "должны решаться третьими сторонами.")
    assert [g.tokens for g in find_groups(text)] == [("Александр", "Фролов")]


def test_first_name_held_only_as_a_plural_of_another_opens_a_name() -> None:
    """"Красимир": the dictionary holds it only as the genitive plural of "Красимира"; a man's first name here."""
    text = ("«Я считаю, что нужно провести один нормальный диалог. Заявление Симеонова не было согласовано с нами», "
            "- со своей стороны заявил еще один вице-премьер, лидер ВМРО Красимир Каракачанов.")
    assert ("Красимир", "Каракачанов") in _tokens(text)
    quotes = extract_quotes(text)
    assert [(q.text[:20], q.speaker) for q in quotes] == [("Я считаю, что нужно ", "Красимир Каракачанов")]
    assert quotes[0].text.endswith("согласовано с нами")


def test_surname_that_is_a_plural_of_a_first_name_stays_a_surname() -> None:
    text = "Отец и тренер Хабиба Абдулманап Нурмагомедов уверен, что его сын будет драться в Москве."
    assert [g.kinds[-1] for g in find_groups(text) if g.tokens[-1] == "Нурмагомедов"] == ["Unknown"]


def test_first_name_in_the_genitive_before_a_nominative_full_name_is_another_person() -> None:
    text = ("Отец и тренер Хабиба Абдулманап Нурмагомедов уверен, что его сын будет драться в Москве.\n"
            "«Скорее всего, этот турнир будет организован под Хабиба», — сказал Нурмагомедов-старший RT.")
    assert _tokens(text)[:2] == [("Хабиба",), ("Абдулманап", "Нурмагомедов")]
    quotes = extract_quotes(text)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("Скорее всего, этот турнир будет организован под Хабиба", "Абдулманап Нурмагомедов")]


def test_oblique_full_name_before_an_undeclined_surname_is_another_person() -> None:
    text = ("Глава UFC Дана Уайт обещал провести первое в России шоу ещё в 2013 году. После победы Хабиба "
            "Нурмагомедова над Майклом Джонсоном Уайт заявил, что работа над первым российским турниром началась.\n"
            "«Знаете, что Конор мне сказал? Макгрегор один такой», — рассказывал Уайт.")
    assert ("Майклом", "Джонсоном") in _tokens(text) and ("Уайт",) in _tokens(text)
    quotes = [q for q in extract_quotes(text) if q.text.startswith("Знаете")]
    assert [(q.text, q.speaker) for q in quotes] == [("Знаете, что Конор мне сказал? Макгрегор один такой",
                                                      "Дана Уайт")]


def test_two_full_names_that_share_no_gender_and_case_are_two_people() -> None:
    text = ("Адвокат Леонида Невзлина Дмитрий Харитонов сообщил \"Интерфаксу\" во вторник, что до сих пор защита не "
            "ознакомлена с постановлением.")
    assert _tokens(text)[:2] == [("Леонида", "Невзлина"), ("Дмитрий", "Харитонов")]


def test_surname_of_another_before_a_first_name_after_a_friend_noun() -> None:
    text = ("В громком деле об убийстве чемпиона мира по пауэрлифтингу Андрея Драчёва появились новые фигуранты. "
            "Похороны Драчёва состоялись 24 августа на Центральном кладбище Хабаровска.\n"
            "«Андрей всю свою жизнь хотел себе фрак от Dolce&Gabbana. Говорил, что на своей свадьбе он будет именно в "
            "таком», — рассказала близкий друг Драчёва Валентина.")
    assert _tokens(text)[-2:] == [("Драчёва",), ("Валентина",)]
    quotes = extract_quotes(text)
    assert [(q.text[:30], q.speaker) for q in quotes] == [("Андрей всю свою жизнь хотел се", "Валентина")]
    assert quotes[0].text.endswith("будет именно в таком")


def test_namesake_first_name_is_no_common_word_opening_a_sentence() -> None:
    text = ("В громком деле об убийстве чемпиона мира по пауэрлифтингу Андрея Драчёва появились новые фигуранты. "
            "Похороны Драчёва состоялись 24 августа на Центральном кладбище Хабаровска.\n"
            "«К сожалению, во фраке своей мечты он оказался на своих же похоронах», — рассказала Драчёва.")
    assert all(q.speaker != "Похороны Драчёва" for q in extract_quotes(text))


def test_elder_namesake_stays_the_same_person() -> None:
    text = ("Отец и тренер Хабиба Абдулманап Нурмагомедов уверен, что его сын будет драться в Москве.\n"
            "«Скорее всего, этот турнир будет организован под Хабиба», — сказал Нурмагомедов-старший RT.\n"
            "Если Макгрегор будет выступать в России, то его поединок не попадёт в прайм-тайм в США.\n"
            "На турнире UFC 219 боец смешанных единоборств Хабиб Нурмагомедов одержал победу над бразильцем "
            "Эдсоном Барбозой.\n"
            "Что касается других поединков, то потенциально в них могут принять участие различные российские звёзды "
            "UFC, уверен Нурмагомедов-старший.\n"
            "«У нас очень много хороших бойцов, которые соберут арену», — добавил специалист.")
    quotes = extract_quotes(text)
    assert [(q.text[:20], q.speaker) for q in quotes] == [("Скорее всего, этот т", "Абдулманап Нурмагомедов"),
                                                          ("У нас очень много хо", "Абдулманап Нурмагомедов")]


def test_a_place_after_v_is_not_a_first_name_glued_to_the_next_name() -> None:
    from presssearch.quotes.speakers import find_groups
    groups = find_groups("Посол Сирии в Ливане Али Абдель Карим Али заявил, что целью были террористы.")
    assert [g.tokens for g in groups] == [("Али", "Абдель", "Карим", "Али")]


def test_first_name_of_another_gender_reading_before_a_full_name_is_another_person() -> None:
    text = ("На похоронах своего соратника Руслана Рамзан Кадыров заявил: «Мы никогда не забудем его подвиг и его "
            "преданность нашему народу».")
    assert _tokens(text)[:2] == [("Руслана",), ("Рамзан", "Кадыров")]
    assert [q.speaker for q in extract_quotes(text)] == ["Рамзан Кадыров"]


def test_oblique_full_name_before_a_consonant_surname_is_another_person() -> None:
    text = ("В июле 1983 года на встрече в Кремле с канцлером ФРГ Гельмутом Колем и главой немецкого МИД Гансом "
            "Геншером Андропов достаточно резко выразился по поводу размещения ракет средней дальности в Европе: "
            "«Пускай Запад не сомневается: появление «Першингов» в Европе означает, что мы примем ответные меры». "
            "Юрий Андропов умер в 1984 году.")
    assert ("Гансом", "Геншером") in _tokens(text) and ("Андропов",) in _tokens(text)
    assert [q.speaker for q in extract_quotes(text)] == ["Юрий Андропов"]


def test_two_spelled_english_letters_before_a_surname_are_the_given_name() -> None:
    """rt-01000: "Пи Кей Суббэн" (P. K. Subban), the second letter declined ("Пи Кея Суббэна")."""
    text = ("Кроме того, оптимизма болельщикам «Нэшвилла» должно было прибавить заявление защитника команды Пи Кея "
            "Суббэна, который пообещал добыть положительный результат. «Всё дело в уверенности, а я уверен», — "
            "сказал он.")
    assert ("Пи", "Кея", "Суббэна") in _tokens(text)
    assert normalize_person("Пи Кея Суббэна") == "Пи Кей Суббэн"
    assert [q.speaker for q in extract_quotes(text)] == ["Пи Кей Суббэн"]
    assert _tokens("Защитник «Нэшвилла» Пи Кей Суббэн пообещал победу.")[-1] == ("Пи", "Кей", "Суббэн")
