"""Issuers of quoted documents ("«…», — говорится в сообщении") taken from the narrative before the quote."""
from presssearch.quotes import extract_quotes


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text)]


def test_body_that_spoke_just_before_issues_the_message() -> None:
    text = ("Новую армию на границе формировать не будут. Об этом заявило Министерство обороны США. При этом "
            "специалисты, как отметили в военном ведомстве, продолжат обучение.\n"
            "«Соединённые Штаты продолжают готовить местные силы безопасности в Сирии», — говорится в сообщении.")
    assert speakers(text) == ["Министерство обороны США"]


def test_body_named_where_it_published_the_document() -> None:
    text = ("Агентство по международному развитию США (USAID) опубликовало контракт на новую программу в Сербии. "
            "Программа рассчитана на пять лет.\nВ Белграде её пока не обсуждали.\n"
            "«Снижение уровня коррупции — решающий фактор в вопросе вступления Сербии в ЕС», — говорится в документе.")
    assert speakers(text) == ["Агентство по международному развитию США"]


def test_body_located_with_a_plural_verb() -> None:
    text = ("В посольстве России в Великобритании отреагировали на слова министра.\n"
            "«Мы ждём от британской стороны доказательств, а не голословных обвинений», — говорится в сообщении.")
    assert speakers(text)[0] is not None and "Посольство России" in speakers(text)[0]


def test_document_of_unknown_authorship_has_no_issuer() -> None:
    text = ("В сети появилась петиция с просьбой прорыть канал.\n"
            "«Всего придётся прорыть около пяти километров, чтобы суда проходили без задержек», — говорится в тексте "
            "документа.")
    assert speakers(text) == [None]


def test_relayed_source_is_not_the_issuer() -> None:
    text = ("Как пишет агентство Интерфакс, рост замедлился до шести процентов.\n"
            "«Индикаторов, которые могли бы указывать на такой рост, почти не было», — говорится в докладе.")
    assert speakers(text) == [None]


def test_person_who_spoke_nearby_does_not_issue_the_report() -> None:
    text = ("Иван Петров заявил, что доклад готов. Его опубликуют завтра.\n"
            "«Ситуация в регионе остаётся напряжённой и требует внимания», — говорится в докладе.")
    assert speakers(text) == [None]


def test_organisation_head_inside_a_token_is_no_organisation():
    """"AT&Министерство": the head word matches inside a token joined by "&"; no organisation starts there, and
    extraction goes on (it raised StopIteration before)."""
    text = ("«Мы готовы», — говорится в сообщении. AT&Министерство обороны России опубликовало сообщение. "
            "«Мы готовы», — говорится в сообщении.")
    assert [q.text for q in extract_quotes(text)] == ["Мы готовы", "Мы готовы"]


def test_latin_body_named_after_an_announcement_issues_it() -> None:
    """"в анонсе Human Rights Watch": an announcement is a document its named issuer speaks in, not an unnamed
    source."""
    text = ("Помогать детям будут три НКО.\n«Власти Северной Кореи утверждают, что практика детского труда "
            "прекращена», — говорится в анонсе Human Rights Watch. По данным HRW, в КНДР всё иначе.")
    assert speakers(text) == ["Human Rights Watch"]


def test_quoted_faction_name_is_the_party_its_site_speaks_for() -> None:
    """"фракции «Блок Петра Порошенко» (БПП)": a quoted name after a party word is a party, so "на сайте партии"
    points back to it (it was taken for a company)."""
    text = ("В президентской фракции «Блок Петра Порошенко» (БПП) выступления назвали попыткой переворота.\n"
            "«БПП требует установить и допросить всех причастных», — говорится на сайте партии.")
    assert speakers(text) == ["Блок Петра Порошенко"]


def test_statement_the_narrative_says_the_news_is_in_names_its_issuer() -> None:
    text = ("В Сирии группа боевиков совершит прорыв из зоны Эт-Танф. Об этом говорится в сообщении российского "
            "Центра по примирению враждующих сторон, поступившем в распоряжение RT.\n«По свидетельствам сирийских "
            "беженцев, в ближайшее время ожидается прорыв групп боевиков», — говорится в пресс-релизе.")
    assert speakers(text) == ["Центр по примирению враждующих сторон"]



def test_body_of_the_sentence_before_where_the_news_was_told() -> None:
    text = ("Национальный совет по вопросам телерадиовещания Украины выступил за расширение своих полномочий. Об "
            "этом сообщается на сайте регулятора.\n«Для того, чтобы действия регуляторного органа были адекватны "
            "современным угрозам, полномочия Национального совета должны быть усилены», — говорится в заявлении.")
    assert speakers(text) == ["Национальный совет по вопросам телерадиовещания Украины"]


def test_regional_government_named_by_the_region_kind_issues_the_message() -> None:
    text = ("Губернатор произвел ряд назначений в кабинете министров: назначен новый министр финансов, а также "
            "вице-губернатор, курирующий социальный блок, сообщило правительство края.\n\n\"На должность "
            "заместителя губернатора назначена Галина Пашинова, ранее замещавшая эту должность\", — говорится в "
            "сообщении.")
    assert speakers(text) == ["правительство края"]
