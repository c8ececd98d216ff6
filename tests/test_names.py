"""Names layer: every case form of a name meets its nominative query; unrelated words do not."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presssearch.analysis import analyze, exact_term, query_terms, word_terms
from presssearch.analysis.names import KEY_MARK, lemma_terms, query_name_terms, spelling_key

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold" / "bsnlp_persons.jsonl.gz"

# nominative: forms in the six cases (and plurals / spellings where they matter)
FORMS = {
    # -ов/-ев/-ин surnames, masculine
    "Бурков": "Бурков Буркова Буркову Буркова Бурковым Буркове Бурковы Бурковых",
    "Лавров": "Лавров Лаврова Лаврову Лаврова Лавровым Лаврове",
    "Медведев": "Медведев Медведева Медведеву Медведева Медведевым Медведеве",
    "Путин": "Путин Путина Путину Путина Путиным Путине",
    "Шмыгин": "Шмыгин Шмыгина Шмыгину Шмыгина Шмыгиным Шмыгине",  # not in the dictionary
    "Бурдюков": "Бурдюков Бурдюкова Бурдюкову Бурдюкова Бурдюковым Бурдюкове",  # read as "бурдюк" pl. gen.
    "Песков": "Песков Пескова Пескову Пескова Песковым Пескове",
    # feminine surnames
    "Иванова": "Иванова Ивановой Ивановой Иванову Ивановой Ивановой Ивановою",
    "Захарова": "Захарова Захаровой Захаровой Захарову Захаровой Захаровой",
    "Зеленская": "Зеленская Зеленской Зеленской Зеленскую Зеленской Зеленской",
    # indeclinable
    "Матвиенко": "Матвиенко",
    "Меркель": "Меркель",
    "Шойгу": "Шойгу",
    "Трюдо": "Трюдо",
    "Ын": "Ын",
    # declined foreign names
    "Обама": "Обама Обамы Обаме Обаму Обамой",
    "Эрдоган": "Эрдоган Эрдогана Эрдогану Эрдогана Эрдоганом Эрдогане",
    "Трамп": "Трамп Трампа Трампу Трампом Трампе",
    "Джонсон": "Джонсон Джонсона Джонсону Джонсоном Джонсоне",
    "Чемберлен": "Чемберлен Чемберлена Чемберлену Чемберленом Чемберлене",
    "Скрипаль": "Скрипаль Скрипаля Скрипалю Скрипалем Скрипале Скрипали Скрипалей",
    # ё written or not, in the query and in the text
    "Семёнов": "Семёнов Семёнова Семёнову Семёновым Семёнове Семенов Семенова Семеновым",
    "Семенов": "Семёнов Семёнова Семёновым Семенову Семеновым",
    "Королёв": "Королёв Королёва Королёву Королёвым Королёве Королев Королевым",
    "Королев": "Королёв Королёва Королёвым Королеве",
    # hyphenated
    "Римский-Корсаков": "Римский-Корсаков Римского-Корсакова Римскому-Корсакову Римским-Корсаковым",
    "Рис-Могг": "Рис-Могг Рис-Могга Рис-Моггу Рис-Моггом",
    # place names that Snowball splits
    "Казахстан": "Казахстан Казахстана Казахстану Казахстаном Казахстане",
}

# nominative query: words it must not meet
UNRELATED = {
    "Бурков": "бурка бурки бурку буркой Бурка",
    "Лавров": "лавр лавры лавра Лавр",
    "Медведев": "медведь медведя медведи медведем",
    "Иванов": "Иван Ивана Ивану Иваном",
    "Захаров": "Захар Захара Захару сахар",
    "Семёнов": "Семён Семёна Семёну семя",
    "Королёв": "король короля королю",
    "Путин": "путь пути Путь",
    "Песков": "песок песка песку",
    "Обама": "оба обе",
}


def meets(query: str, form: str) -> bool:
    return bool(set(query_terms(query)) & set(word_terms(form)))


def _cases(table: dict[str, str]) -> list[tuple[str, str]]:
    return [(q, f) for q, forms in table.items() for f in forms.split()]


@pytest.mark.parametrize(("query", "form"), _cases(FORMS))
def test_nominative_query_meets_every_form(query: str, form: str) -> None:
    assert meets(query, form), (query_terms(query), word_terms(form))


@pytest.mark.parametrize(("query", "word"), _cases(UNRELATED))
def test_name_does_not_meet_unrelated_words(query: str, word: str) -> None:
    assert not meets(query, word), (query_terms(query), word_terms(word))


def test_plain_snowball_alone_splits_the_names() -> None:
    """What the layer is for: the stems of these forms differ."""
    assert word_terms("бурков")[0] != word_terms("буркова")[0]
    assert word_terms("казахстан")[0] != word_terms("казахстаном")[0]


def test_man_and_woman_both_findable() -> None:
    woman = "Захарова Захаровой Захарову".split()
    man = "Захаров Захарову Захаровым Захарове".split()
    assert all(meets("Захаров", f) for f in woman + man)
    # a woman's query finds her in every case, and the man only where the form is the same
    assert all(meets("Захарова", f) for f in woman)
    assert not meets("Захарова", "Захаров")
    assert not meets("Захарова", "Захаровым")
    assert not meets("Захарова", "Захарове")


def test_ambiguous_feminine_form_finds_both() -> None:
    """"Иванова" is more often the man's genitive: the query keeps both readings."""
    for form in "Иванов Ивановым Иванове Ивановой Иванову".split():
        assert meets("Иванова", form)


def test_lowercase_query_meets_capitalised_forms() -> None:
    """A lemma is a plain term, so the stem of a lowercase query meets it."""
    assert meets("казахстаном", "Казахстан")
    assert meets("путин", "Путиным")


@pytest.mark.parametrize(
    "text",
    ["В. Путин", "В.В. Путина", "В.В.Путину", "Владимир Владимирович Путин", "ПУТИНЫМ"],
)
def test_initials_and_full_names(text: str) -> None:
    terms = {t.term for t in analyze(text)}
    assert set(query_terms("Путин")) & terms


@pytest.mark.parametrize("initial", ["В", "Ю", "Д", "А"])
def test_initials_get_no_lemmas(initial: str) -> None:
    assert lemma_terms(initial) == ()


def test_korean_name_each_word_found() -> None:
    terms = {t.term for t in analyze("встреча с Ким Чен Ыном")}
    for word in ("Ким", "Чен", "Ын"):
        assert set(query_terms(word)) & terms, word


def test_capitalised_stop_word_name() -> None:
    assert meets("Ли", "Ли")
    assert query_terms("ли") == () and word_terms("ли") == ()


def test_lemmas_only_for_capitalised_words() -> None:
    assert lemma_terms("буркова") == ()
    assert lemma_terms("Буркова") and all(t == t.lower() and "ё" not in t for t in lemma_terms("Семёнова"))


def test_query_policy_only_for_known_names() -> None:
    assert query_name_terms("Бурков") == ("бурков", KEY_MARK + "бурков")
    assert query_name_terms("Хан") == ()  # a common noun first: searched with its stem too
    assert query_name_terms("Рис-Могг") == ()
    assert query_name_terms("Вера") == () and meets("Вера", "веры")  # the common noun outscores the name


@pytest.mark.parametrize(
    ("query", "variant"),
    [("Мэй", "Мей"), ("Дэвис", "Девис"), ("Дэвис", "Девиса"), ("Гренелл", "Гренель"), ("Гренелл", "Греннелл"),
     ("Маас", "Мас"), ("Маас", "Масом"), ("Кэмерон", "Кемерон")],
)
def test_transliteration_variants_meet(query: str, variant: str) -> None:
    assert meets(query, variant), (query_terms(query), word_terms(variant))


@pytest.mark.parametrize(("query", "word"), [("Рис-Могг", "мог"), ("Масих", "Маас"), ("Мэй", "мей"), ("Анна", "ана")])
def test_spelling_keys_stay_apart_from_stems(query: str, word: str) -> None:
    assert not meets(query, word), (query_terms(query), word_terms(word))


def test_spelling_key() -> None:
    assert spelling_key("гренелл") == spelling_key("гренель") == KEY_MARK + "гренел"
    assert spelling_key("мэй") == KEY_MARK + "мей"
    assert lemma_terms("Стали") and not any(t.startswith(KEY_MARK) for t in lemma_terms("Стали"))


def test_exact_form_unchanged() -> None:
    assert exact_term("Лаврова") == "лаврова"
    assert exact_term("Семёнов") == "семенов"


def test_positions_shared_with_stem() -> None:
    terms = list(analyze("Встреча с Бурковым"))
    assert {t.term for t in terms if t.pos == 2} == {"бурков", KEY_MARK + "бурков"}
    assert {(t.start, t.end) for t in terms if t.pos == 2} == {(10, 18)}


_CYR = st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюя", min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(_CYR, st.booleans())
def test_a_word_finds_itself(word: str, capital: bool) -> None:
    word = word.capitalize() if capital else word
    if word_terms(word):
        assert set(query_terms(word)) & set(word_terms(word))
    assert all(t and t == t.lower() and "ё" not in t and " " not in t for t in lemma_terms(word))


# --- corpus-backed ---------------------------------------------------------------------------


def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_names", ROOT / "scripts" / "eval_names.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_names"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.corpus
@pytest.mark.slow
def test_bsnlp_person_search_targets() -> None:
    if not (CORPUS / "bsnlp.jsonl.gz").is_file() or not GOLD.is_file():
        pytest.skip("needs ../shared/corpus/bsnlp.jsonl.gz and ../shared/gold/bsnlp_persons.jsonl.gz")
    ev = _eval_module()
    texts = ev.load_articles(CORPUS)
    people = ev.load_people(GOLD)
    assert len(people) >= 100
    analyzers = ev.analyzers()
    plain, final = (ev.evaluate(people, texts, a) for a in (analyzers[0], analyzers[-1]))
    assert final.recall >= 0.95
    assert final.recall > plain.recall
    assert final.results <= 1.10 * plain.results


def test_characters_pymorphy3_cannot_name_do_not_break_analysis():
    # pymorphy3 calls unicodedata.name(), which raises ValueError on unnamed characters (Tangut etc.)
    from presssearch.analysis import analyze

    assert [t.term for t in analyze("Ŀ𗔴 Бурков")][-1:] != []
