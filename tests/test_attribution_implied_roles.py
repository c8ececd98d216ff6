"""Attribution to a person named earlier by a role their own role only implies, a representative of the body the
one who spoke last represents, and hyphenated first names."""
from __future__ import annotations

from presssearch.quotes import extract_quotes


def _speakers(text: str, lead: str | None = None) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text, lead=lead)]


def test_parliamentarian_is_the_committee_chair_of_the_duma() -> None:
    text = ("Глава совета Михаил Федотов предложил изменить закон. «Нам надо подумать о саморегулировании», - сказал "
            "Михаил Федотов. С предложением Федотова согласился председатель комитета Госдумы по информационной "
            "политике Леонид Левин. «Это будет исходить не от депутатов, а от отрасли», - заявил парламентарий.")
    assert _speakers(text) == ["Михаил Федотов", "Леонид Левин"]


def test_implied_role_of_several_holders_is_the_one_who_spoke_last() -> None:
    text = ("Депутат Госдумы Иван Петров выступил первым. Затем член комитета Госдумы Пётр Сидоров заявил, что закон "
            "нужен. «Мы будем голосовать за», - добавил парламентарий.")
    assert _speakers(text) == ["Пётр Сидоров"]


def test_representative_of_the_body_is_the_one_who_spoke_last_as_its_representative() -> None:
    text = ("Официальный представитель Госдепа Хезер Науэрт провела брифинг. «Мы не отказываемся от сотрудничества», "
            "— заявила она. Аналитик Аарон Миллер назвал позицию «самым постыдным моментом за время срока». "
            "Комментируя вопрос о Сирии, Науэрт указала на эффективность мер.\n"
            "«Договорённость о прекращении огня держится уже около месяца», — отметила представитель Госдепа.")
    assert _speakers(text)[-1] == "Хезер Науэрт"


def test_representative_named_in_the_lead_only_as_such() -> None:
    lead = "Официальный представитель Госдепа Джон Кирби ответил на вопросы журналистов."
    text = ("На брифинге корреспондент спросила официального представителя американского ведомства Джона Кирби о "
            "докладе. Впрочем, по мнению Кирби, сравнивать эти события нецелесообразно. «Никто не говорит, что не "
            "было ошибок», — заявил представитель Госдепа.")
    assert _speakers(text, lead=lead) == ["Джон Кирби"]


def test_representative_is_not_the_head_of_the_body() -> None:
    text = ("Директор ФСБ Александр Бортников сообщил, что крушение произошло в результате теракта. "
            "Официальный представитель ФСБ сообщил, что «служба обращается к общественности за содействием».")
    assert _speakers(text) == [None]


def test_hyphenated_first_name_shows_a_mans_name() -> None:
    text = ("«Европа одной из первых начала использовать атомную энергию в мирных целях», — пояснил RT доктор "
            "экономических наук, профессор Лионского университета Жан-Батист Атталь.")
    assert _speakers(text) == ["Жан-Батист Атталь"]


def test_head_of_the_lands_cabinet_is_its_prime_minister() -> None:
    text = ("Политики ответили премьер-министру Украины Владимиру Гройсману. Ранее глава украинского кабмина заявил, "
            "что Россия может передать Киеву «вместе с флотом и Крым».")
    assert _speakers(text) == ["Владимир Гройсман"]


def test_prime_minister_of_the_land_keeps_the_verbs_gender() -> None:
    text = ("Премьер-министр Великобритании Тереза Мэй выступила в парламенте. Британский премьер назвала инцидент "
            "«неизбирательным и безответственным действием против королевства».")
    assert _speakers(text) == ["Тереза Мэй"]


def test_possessive_before_an_adjective_and_a_speech_noun() -> None:
    text = ("Футболист Лучано Ре Чеккони зашёл в магазин и пошутил. Владелец выстрелил. Его последними словами были: "
            "«Это всего лишь шутка, друзья…»")
    assert _speakers(text) == ["Лучано Ре Чеккони"]


def test_name_after_journalists_in_the_dative_is_the_speaker() -> None:
    text = ("Президент США Дональд Трамп прибыл в Пекин. «Было бы лучше, если бы мы ладили с Россией», — сообщил "
            "журналистам Трамп.")
    assert _speakers(text) == ["Дональд Трамп"]


def test_name_in_the_dative_after_journalists_is_no_speaker() -> None:
    text = "«Было бы лучше, если бы мы ладили с Россией», — сообщил журналистам Ивану Петрову."
    assert _speakers(text) == [None]


def test_acting_abbreviation_does_not_end_the_attribution() -> None:
    text = ("Вчера прошло заседание. «Мы определили, что таких аккаунтов немного», — заявил и.о. главного "
            "юрисконсульта Twitter Шон Эджетт. «Большинство лекарств закупаются гражданами», — заявила на заседании "
            "и. о. министра здравоохранения Ульяна Супрун.")
    assert _speakers(text) == ["Шон Эджетт", "Ульяна Супрун"]


def test_serbian_mans_name_in_a_keeps_its_ending() -> None:
    text = ("Основатель движения «Отпор» Срджа Попович сказал, что участников было много. «Это не был переломный "
            "момент», - сказал он.")
    assert _speakers(text) == ["Срджа Попович"]


def test_head_of_the_foreign_policy_body_of_the_land_is_its_minister() -> None:
    text = ("Глава Государственного космического агентства Украины Юрий Радченко выступил вчера. Министр иностранных "
            "дел Германии Зигмар Габриэль встретился с коллегой. «Германия высоко ценит роль Китая», — заявил "
            "Габриэль. Глава внешнеполитического ведомства Германии подчеркнул: «Берлин готов продолжать работать "
            "с Пекином».")
    assert _speakers(text) == ["Зигмар Габриэль", "Зигмар Габриэль"]


def test_relative_pronoun_makes_the_name_before_it_the_speaker() -> None:
    text = ("Историк Лев Карсавин был выслан. Хорошо известны слова Льва Троцкого, который так прокомментировал "
            "акцию высылки: «Мы этих людей выслали потому, что расстрелять их не было повода».")
    assert _speakers(text) == ["Лев Троцкий"]


def test_name_after_a_pronoun_and_its_verb_is_the_object() -> None:
    text = ("Министр Дэвид Дэвис возглавил переговоры с ЕС. В воскресенье он отправил Мэй следующее письмо об "
            "отставке: «Уважаемый премьер-министр, как Вы знаете, было немало разногласий».")
    assert _speakers(text) == ["Дэвид Дэвис"]
