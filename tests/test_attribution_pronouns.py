"""Attribution in running text: pronouns and person nouns that stand for an unnamed source, the
interlocutor of another gender, outlets and placed officials that are no speakers, plural speech verbs, "по словам
последнего", initials written without a space, and a speaker whose name opens the sentence before the pronoun."""
from __future__ import annotations

import pytest

from .conftest import speaker_of


def test_pronoun_after_an_unnamed_source_names_nobody() -> None:
    text = ("Министр экономики Алексей Улюкаев был членом команды, возражавшей против сделки. «Почему ситуация "
            "изменилась? Сечин сумел представить доказательства хищений», — говорит источник «Медузы». Он считает, "
            "что арест министра обусловлен тем, что «терпимость к коррупции действительно стала ниже».")
    assert speaker_of(text, "терпимость") is None


def test_person_noun_after_an_anonymous_source_names_nobody() -> None:
    text = ("Президент США Джордж Буш встретился с президентом России Владимиром Путиным. Так представил разговор "
            "высокопоставленный представитель делегации, пожелавший остаться неназванным. «Президент отметил, что нас "
            "тревожат проблемы равновесия между ветвями власти», — сказал американец.")
    assert speaker_of(text, "Президент отметил") is None


def test_pronoun_after_a_quote_of_an_unnamed_representative_names_nobody() -> None:
    text = ("«Присутствие танков является агрессией», — заявил шейх Набиль Каук.\n"
            "«В резолюции ясно говорится, что группировка должна разоружиться», — сказал представитель правительства. "
            "«Если резолюция не будет реализована, нам придется действовать», — цитирует его ИТАР-ТАСС.")
    assert speaker_of(text, "Присутствие") == "Набиль Каук"
    assert speaker_of(text, "Если резолюция") is None


def test_the_latter_is_the_person_named_last() -> None:
    text = ("Об этом заявили депутат парламента Хасан Фадлалла и шейх Набиль Каук.\n"
            "По словам последнего, «сегодня вопрос о разоружении вообще не стоит на повестке дня». «Сначала "
            "правительство должно выполнить свои обязательства», — заявил он.")
    assert speaker_of(text, "сегодня вопрос") == "Набиль Каук"
    assert speaker_of(text, "Сначала") == "Набиль Каук"


def test_interlocutor_of_another_gender_than_the_last_speaker_is_unnamed() -> None:
    text = ("После боя Петр Сидоров сказал: «Желаю ему скорейшего восстановления, он настоящий воин».\n"
            "Нейрохирург Мария Кобб рассказала, что у боксёра было сильное кровотечение.\n"
            "«Максим скончался. Не выдержало сердце», — отметил собеседник ТАСС.")
    assert speaker_of(text, "Максим скончался") is None


def test_outlet_named_after_an_interlocutor_is_not_the_speaker() -> None:
    text = ("Глава МИД Сергей Лавров провел переговоры. «Мы заложили основы для будущего обсуждения этого вопроса», — "
            "заявил собеседник агентства Рейтер.")
    assert speaker_of(text, "Мы заложили") is None


def test_quoted_movement_name_with_an_exclamation_does_not_cut_the_attribution() -> None:
    text = ("После отравления экс-шпиона Сергея Скрипаля эмигранты выступили с обращением. «Если подтвердится "
            "российский след, необходимо высылать дипломатов», – заявил лидер движения «Говорите громче!» Андрей "
            "Сидельников.")
    assert speaker_of(text, "Если подтвердится") == "Андрей Сидельников"


def test_official_placed_in_an_administration_is_an_unnamed_source() -> None:
    text = ("Администрация президента США Джорджа Буша не намерена комментировать информацию о плане.\n"
            "Как сообщает CNN, высокопоставленный чиновник в администрации США подчеркнул, что «у них нет права "
            "комментировать детали военного планирования».\n"
            "«Что касается позиции США в отношении Ирака, то она общеизвестна», — подчеркнул чиновник в "
            "администрации Джорджа Буша.")
    assert speaker_of(text, "у них нет права") is None
    assert speaker_of(text, "Что касается") is None


def test_plural_speech_verb_names_nobody() -> None:
    text = ("«Отец был для меня всем», — заявила Мария Милошевич.\n"
            "Как проинформировали медики, «в основном речь идет о пожилых людях, у которых обострились болезни».")
    assert speaker_of(text, "Отец был") == "Мария Милошевич"
    assert speaker_of(text, "в основном") is None


def test_initials_without_a_space_name_the_person_introduced_in_full() -> None:
    text = ("Президент академии Владимир Фортов заявил, что реформа стала для него сюрпризом.\n"
            "«Сомневаюсь, что такой институт с двумя начальниками будет хорошо работать», — заявил В.Фортов.")
    assert speaker_of(text, "Сомневаюсь") == "Владимир Фортов"


def test_pronoun_points_to_the_speaker_whose_name_opens_the_sentence_before() -> None:
    text = ("«Все мои попытки опровергнуть это оказались безуспешными», — писал глава СК Александр Бастрыкин.\n"
            "Чекюзер Дмитрий Родионов подтвердил, что эти аккаунты принадлежат одному редактору. Родионов добавил, "
            "что это мог быть и какой-то фанат Бастрыкина. «В любом случае это нарушает правила энциклопедии», — "
            "добавил он.")
    assert speaker_of(text, "В любом случае") == "Дмитрий Родионов"


@pytest.mark.parametrize("verb", ["сказал", "добавил", "отметил"])
def test_named_speaker_keeps_his_pronoun_without_a_source(verb: str) -> None:
    text = (f"«Работа идет по плану», — {verb} губернатор Иван Петров. «Мы успеем к осени», — добавил он.")
    assert speaker_of(text, "Мы успеем") == "Иван Петров"


def test_pronoun_skips_a_box_of_related_links() -> None:
    text = ("«Мюллер тесно связан с Коми и тем самым скомпрометировал себя», — заявил конгрессмен Трент Фрэнкс.\n"
            "Фрэнкса поддерживает губернатор штата Нью-Джерси Крис Кристи.\n"
            " Также по теме \n"
            " Трамп, который платит: почему штаб президента США увеличивает траты на юристов \n"
            " Штаб Дональда Трампа за этот год потратил более $1 млн на выплаты юридическим фирмам... \n"
            "«Если изложенные нам факты являются правдой, то должностное лицо ранга Мюллера должно уйти в "
            "отставку», — отметил он.\n")
    from presssearch.quotes import extract_quotes

    q = next(q for q in extract_quotes(text) if q.text.startswith("Если"))
    assert q.text.endswith("уйти в отставку")
    assert q.speaker == "Крис Кристи"


def test_sources_an_outlet_cites_do_not_block_the_pronoun() -> None:
    text = ("Договориться не помогла даже 11-часовая встреча Дональда Трампа с лидерами партий. "
            "Ранее сам Трамп в неофициальных беседах со своими сторонниками даже замечал, что упрямство оппонентов "
            "может пойти ему на пользу. Об этом сообщала газета The Washington Post со ссылкой на свои источники в "
            "близком кругу главы государства.\n"
            "Он же обвинял демократов в том, что они не заинтересованы в «жизни и безопасности» простых американцев.")
    from presssearch.quotes import extract_quotes

    q = next(q for q in extract_quotes(text) if q.text.startswith("жизни"))
    assert q.text == "жизни и безопасности"
    assert q.speaker == "Дональд Трамп"


def test_undeclined_surname_before_an_adverb_and_a_verb_is_the_subject() -> None:
    text = ("Инициаторы законопроекта Дэвид Чичиллине и Мэттью Гаец заявили, что закон нужно ужесточить.\n"
            "Чичиллине вновь затронул вопрос о регистрации RT в качестве иностранного агента на мероприятии в "
            "Атлантическом совете.\n"
            "«Уже есть законодательная база, которая, однако, должна быть усилена», — заявил он.")
    from presssearch.quotes import extract_quotes

    q = next(q for q in extract_quotes(text) if q.text.startswith("Уже есть"))
    assert q.text == "Уже есть законодательная база, которая, однако, должна быть усилена"
    assert q.speaker == "Дэвид Чичиллине"


def test_pronoun_after_a_role_subject_with_a_country_is_that_countrys_holder() -> None:
    text = ("В ходе разговора с американским режиссёром президент России Владимир Путин рассказал о своей работе.\n"
            "Стоун рассказал Путину, что бывший президент США Джон Кеннеди читал каждую речь мировых лидеров. Именно "
            "благодаря этому ему удалось найти общий язык с советским лидером Никитой Хрущёвым. Президент России "
            "заявил, что поступает так же.\n"
            "«Я выдержки не читаю. Я читаю только подлинные документы», — сказал он.")
    from presssearch.quotes import extract_quotes

    q = next(q for q in extract_quotes(text) if q.text.startswith("Я выдержки"))
    assert q.text == "Я выдержки не читаю. Я читаю только подлинные документы"
    assert q.speaker == "Владимир Путин"


def test_pronoun_after_a_newcomer_the_registry_does_not_hold_is_that_newcomer() -> None:
    text = ("Официальный представитель Минобороны России Игорь Конашенков сообщил, что наступление продолжается.\n"
            "Съёмочная группа RT Arabic уже побывала в освобождённом Аль-Маядине, засняв склады вооружений. "
            "Подполковник Рами Маувас в беседе с телеканалом заявил, что был потрясён количеством увиденного оружия.\n"
            "«Это сотни и даже тысячи единиц оружия и боеприпасов разного вида», — рассказал он.")
    from presssearch.quotes import extract_quotes

    q = next(q for q in extract_quotes(text) if q.text.startswith("Это сотни"))
    assert q.text == "Это сотни и даже тысячи единиц оружия и боеприпасов разного вида"
    assert q.speaker == "Рами Маувас"


def test_pronoun_after_a_sentence_naming_only_the_owner_of_words_is_that_owner() -> None:
    text = ("Роман впервые издал в Милане Джанджакомо Фельтринелли. Сам Хрущёв, не стесняясь, назвал Бориса "
            "Пастернака свиньёй.\n"
            "Последней каплей в чаше терпения несчастного человека стали слова его музы, Ольги Ивинской. Она, опасаясь "
            "за свою свободу, обвинила писателя в эгоизме: «Тебе ничего не будет, а от меня костей не соберёшь».")
    from presssearch.quotes import extract_quotes

    q = next(q for q in extract_quotes(text) if q.text.startswith("Тебе"))
    assert q.text == "Тебе ничего не будет, а от меня костей не соберёшь"
    assert q.speaker == "Ольга Ивинская"


def test_an_adverb_opening_the_sentence_is_no_first_name_of_the_newcomer() -> None:
    from presssearch.quotes.rules import _noun_like

    assert _noun_like("Рами") and not _noun_like("Вчера") and not _noun_like("Однако")


def test_a_dative_governed_by_a_noun_is_no_subject_for_a_pronoun() -> None:
    text = ("Срок обжалования приговора Илье Фарберу истек, однако прокуратура, считавшая его виновным, изменила свое "
            "мнение после выступления президента РФ Владимира Путина. Он назвал приговор учителю \"вопиющим\", а также "
            "заметил, что \"правосудие нередко совершает ошибки\".")
    assert speaker_of(text, "правосудие") == "Владимир Путин"


def test_pronoun_after_an_unnamed_representative_names_nobody() -> None:
    text = ("«Мы не позволим провокаций», — заявила официальный представитель МИД РФ Мария Захарова. «Это "
            "недопустимо», — сказал глава Чечни Рамзан Кадыров.\n"
            "Накануне представитель Общества Красного Креста КНДР потребовал от Южной Кореи отказаться от намерения "
            "одобрить \"законопроект о правах человека на Севере\". Он напомнил, что обе стороны готовятся реализовать "
            "\"с большим трудом достигнутую договоренность о возобновлении встреч членов семей\".")
    assert speaker_of(text, "с большим трудом") is None


def test_pronoun_after_a_body_as_subject_does_not_reach_back_to_an_older_person() -> None:
    text = ("«Мы будем бороться», — заявил президент Украины Петр Порошенко.\n"
            "СБУ задержала в Киеве троих подозреваемых в подготовке теракта. Он отметил, что задержанные «планировали "
            "взрывы в центре столицы».")
    assert speaker_of(text, "планировали") is None
