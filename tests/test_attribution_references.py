"""What a role, pronoun, bare noun or possessive after a quote refers back to; titles and wordings that are not quotes."""
from __future__ import annotations

from presssearch.quotes import extract_quotes

from .conftest import speakers_of


def test_surname_before_an_organisation_is_not_its_adjective() -> None:
    text = ("В октябре основанная покойным спикером Госдумы Геннадием Селезневым Партия возрождения России "
            "выступила с инициативой популяризировать «культуру хождения в общественный туалет».")
    assert speakers_of(text) == ["Партия возрождения России"]


def _texts(text: str) -> list[str]:
    return [q.text for q in extract_quotes(text)]


def test_titles_and_wordings_after_their_nouns_are_not_quotes() -> None:
    text = ("Вчера прошла встреча. Как отмечает в своём исследовании «Солдаты Красной армии на польских землях» "
            "историк Елена Сенявская, поляки встречали солдат как освободителей. Девушка легла в клинику с диагнозом "
            "«смешанное тревожно-депрессивное расстройство». По мнению председателя НП «Центр развития инновационного "
            "бизнеса» Алексея Михеева, мера была необходима.")
    assert _texts(text) == []


def test_role_after_a_quote_about_someone_is_the_one_who_spoke_before() -> None:
    text = ("Бывший наставник российской команды Игорь Захаркин признался, что рад победе.\n«Эмоции зашкаливают. Мы "
            "долго этого ждали», — рассказал Захаркин РИА Новости.\nОтдельной похвалы от Захаркина заслужил "
            "новоиспечённый член Тройного золотого клуба Павел Дацюк.\n«Паша Дацюк — это пример для спортсменов. Его "
            "очень уважают ребята», — добавил экс-тренер сборной России.")
    assert speakers_of(text) == ["Игорь Захаркин", "Игорь Захаркин"]


def test_bare_party_refers_to_the_party_named_before() -> None:
    text = ("В октябре Партия возрождения России выступила с инициативой. Партия предложила мэрии разработать единый "
            "логотип для туалетов, «отражающий всю серьезность и важность этого процесса».")
    assert speakers_of(text) == ["Партия возрождения России"]


def test_acronym_defined_after_a_quoted_name_speaks_by_that_name() -> None:
    text = ("Он возглавил компанию «Московские информационные технологии» (МИТ), которая принадлежит городу. На сайте "
            "МИТ говорится, что компания была создана для «информационного сопровождения крупных городских проектов».")
    assert speakers_of(text) == ["Московские информационные технологии"]


def test_she_answered_is_not_the_man_who_asked() -> None:
    text = ("Анна Иванова пришла к Петру Сидорову. «Почему вы здесь?» — спросил Сидоров. Она ответила: «Потому что "
            "так хочу».")
    assert speakers_of(text) == ["Петр Сидоров", "Анна Иванова"]


def test_her_post_after_a_preposition_is_hers() -> None:
    text = "Анна Иванова не пришла на встречу. В ее посте говорится: «Я не приду, потому что заболела»."
    assert speakers_of(text) == ["Анна Иванова"]


def test_that_one_answering_is_the_one_named_last() -> None:
    text = ("Президент Владимир Путин спросил у Максима Орешкина, что самое важное в работе ведомства, на что тот "
            "ответил: «Самое плохое уже позади».")
    assert speakers_of(text) == ["Максим Орешкин"]
    text = "Иван Петров позвонил Сергею Гляделкину. «Я не буду отвечать на эти вопросы», — ответил тот."
    assert speakers_of(text) == ["Сергей Гляделкин"]
