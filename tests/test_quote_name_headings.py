"""Lines that are only a name, a colon and a quotation: a section heading when no stop ends them (not a quote;
it names who answers below), a quote set between the turns when they end a sentence (not a header)."""
from __future__ import annotations

from presssearch.quotes import extract_quotes

_BOXER = ("Российский боксёр Александр Поветкин победил украинца Андрея Руденко.\n"
          "Поветкин: «Трудно сказать, симулировал Руденко спазм или нет»\n"
          "— Нокаутировать соперника хотелось?\n"
          "— Да, хотелось, но не удалось. Может быть, потому, что присутствовало чересчур сильное желание.\n"
          "Андрей Рябинский: «К слову, прежде ни у кого не получалось завершить бой с Андреем досрочно, он даже в "
          "нокдауне не был ни разу».\n"
          "— Может, сказалась травма, которую он получил в первом раунде?\n"
          "— Андрей делал то, что ему было нужно, действовал тактически правильно. Поэтому не всё получалось.\n"
          "Кирпа: «Противник был скользкий, но результатом я доволен»\n"
          "Личный тренер Поветкина Иван Кирпа заметил, что Руденко избегал ударов оппонента.\n"
          "— Вы, как тренер, довольны сегодняшним боем?\n"
          "— Саша хорошо подготовлен. Были моменты, где он недорабатывал, но в целом я доволен.\n")


def _quotes(text: str) -> list[tuple[str, str | None, str]]:
    return [(q.text[:20], q.speaker, q.rule) for q in extract_quotes(text)]


def test_a_name_and_a_quotation_without_a_stop_is_a_heading_not_a_quote() -> None:
    texts = [t for t, _, _ in _quotes(_BOXER)]
    assert "Трудно сказать, сим" not in texts and "Противник был скольз" not in texts


def test_a_name_and_a_quotation_ending_a_sentence_is_a_quote_and_the_answers_stay_with_the_interviewee() -> None:
    got = _quotes(_BOXER)
    assert ("К слову, прежде ни у", "Андрей Рябинский", "quote_colon") in got
    answers = [s for _, s, rule in got if rule == "interview_answer"]
    assert answers == ["Александр Поветкин", "Александр Поветкин", "Иван Кирпа"]


def test_a_speech_verb_before_the_colon_keeps_a_stopless_line_a_quote() -> None:
    text = ("Глава МИД России Сергей Лавров провёл переговоры в Анкаре.\n"
            "Лавров заявил: «Мы договорились продолжить консультации по всем вопросам»\n")
    assert [s for _, s, _ in _quotes(text)] == ["Сергей Лавров"]
