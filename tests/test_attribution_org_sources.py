"""Organisations, outlets and capitals as speakers: the text names a body (not a person) as who says the words."""
from __future__ import annotations

from presssearch.quotes import extract_quotes


def _only(text: str, start: str):
    (q,) = [q for q in extract_quotes(text) if q.text.startswith(start)]
    return q


def test_capital_in_locative_with_plural_speech_verb_speaks():
    text = ("«КНДР — бесспорная стратегическая сила», — приводит ТАСС сообщение агентства. В Пхеньяне также "
            "подчеркнули, что КНДР является «ответственной ядерной державой».")
    q = _only(text, "ответственной")
    assert q.text == "ответственной ядерной державой"
    assert q.speaker == "Пхеньян"


def test_capital_in_locative_with_plural_stance_word_speaks():
    text = ("— указывает ЦТАК.\nВ Пхеньяне уверены, что недруги республики «потеряли самообладание» и совершают "
            "«последнюю отчаянную попытку», осознавая военное могущество КНДР.")
    q = _only(text, "последнюю")
    assert q.text == "последнюю отчаянную попытку"
    assert q.speaker == "Пхеньян"


def test_capital_after_the_quote_speaks():
    text = ("Резолюция призывает ускорить гуманитарную деятельность.\n«Будем жёстко пресекать попытки дополнительно "
            "разжечь антироссийскую и антисирийскую истерию», — предупредили в Москве.")
    q = _only(text, "Будем")
    assert q.text == "Будем жёстко пресекать попытки дополнительно разжечь антироссийскую и антисирийскую истерию"
    assert q.speaker == "Москва"


def test_capital_as_subject_of_speech_verb():
    text = ("Вскоре появилось и официальное заявление МИД Украины. Киев сообщил, что принял к сведению предложение "
            "президента России, а также подчеркнул, что «разворачивание миротворческой операции может содействовать "
            "восстановлению мира».")
    q = _only(text, "разворачивание")
    assert q.speaker == "Киев"


def test_capital_with_a_person_or_two_places_is_no_speaker():
    text = "В Киеве чиновники заявили, что это «полная ерунда и провокация»."
    assert _only(text, "полная").speaker is None
    text = "«Мы поддерживаем усилия Госдепартамента США, направленные на изменения», — заключают в Берлине и Вене."
    assert _only(text, "Мы поддерживаем").speaker is None


def test_outlet_noun_with_quoted_name_after_speech_verb_speaks():
    text = ("«Никакой технической необходимости во внезапном сбросе воды на плотине не было», — пишет газета "
            "«Красная звезда», официальный печатный орган Минобороны России.")
    assert _only(text, "Никакой").speaker == "Красная звезда"
    text = ("«Никакой технической необходимости во внезапном сбросе воды не было», — цитирует газета «Красная "
            "звезда» слова инженера.")
    assert _only(text, "Никакой").speaker != "Красная звезда"


def test_outlet_inserted_after_verb_is_the_subject():
    text = ("Одна из групп протестующих, уточняет газета «Труд», пришла к российской дипмиссии «с изорванным и "
            "исписанным российским флагом, который они волочили по земле».")
    q = _only(text, "с изорванным")
    assert q.text == "с изорванным и исписанным российским флагом, который они волочили по земле"
    assert q.speaker == "Труд"


def test_sentence_initial_outlet_noun_refers_to_quoted_outlet_subject():
    text = ("\"Время новостей\" полагает, что идея открытия подобной выставки в Эмиратах не случайна, что "
            "подтверждает директор Музеев Московского Кремля Елена Гагарина. Газета предполагает, что эта выставка "
            "могла быть инициирована политическими деятелями для того, чтобы \"напомнить нынешним друзьям России об "
            "ее былых победах\".")
    q = _only(text, "напомнить")
    assert q.speaker == "Время новостей"


def test_outlet_noun_refers_to_outlet_named_later_in_paragraph():
    text = ("Отравление Сергея Скрипаля обсуждают в США.\nПо мнению американского издания, президент России "
            "«удваивает свои провокации». Некоторые из них газета называет «беспрецедентными даже по меркам холодной "
            "войны». Для того чтобы остановить В.Путина, необходимы слаженные ответные меры Запада, пишет The "
            "Washington Post.")
    assert _only(text, "удваивает").speaker == "The Washington Post"
    assert _only(text, "беспрецедентными").speaker == "The Washington Post"


def test_outlet_noun_refers_to_outlet_introduced_with_it():
    text = ("Журнал Time взглянул на российско-грузинские киновойны со стороны.\nРежиссер отказался, отмечает "
            "InoPressa.\nОднако, как напоминает журнал, \"на любой войне первой жертвой становится правда\", а значит, "
            "все эти картины соперничают.")
    assert _only(text, "на любой").speaker == "Time"


def test_outlet_named_after_verb_before_the_noun():
    text = ("В условиях кризиса цены на жилье в Испании уже снизились на 30%, напоминает El Mundo. Но это еще не "
            "предел.\nГазета разъясняет: \"Если зарплата снизится на 5%, цены на жилье поневоле упадут примерно на "
            "25%\".")
    assert _only(text, "Если").speaker == "El Mundo"


def test_body_after_comma_and_neuter_verb_speaks_for_next_quote():
    text = ("Представители Туркменистана и Румынии примут участие в IV заседании Консультативного совета по проекту "
            "создания Южного газового коридора, который пройдет 15 февраля в Баку, сообщило Министерство энергетики "
            "Азербайджана. «В заседании КС в четверг впервые будут представлены Туркменистан и Румыния».")
    q = _only(text, "В заседании")
    assert q.speaker == "Министерство энергетики Азербайджана"


def test_a_quoted_phrase_in_a_list_of_quotations_is_no_speaker():
    text = ("Слуцкий на три разных вопроса («Качества, которые вы ставите выше всего», «Важнейшие качества мужчины», "
            "«Ваши главные качества») три раза ответил «умение дружить».")
    assert _only(text, "Качества, которые").speaker is None
    text = ("Люди скандировали «Так выглядит демократия», «Это не мой президент», «Позор» и обвиняли республиканца "
            "в неуплате налогов.")
    assert all(q.speaker is None for q in extract_quotes(text))


def test_body_subject_of_that_clause_fragment():
    text = ("Командование США предвидит, что «боевые действия в холодном климате приведут к несравненно большим "
            "потерям». Стоит отметить, что подготовку этого рода проходит небольшое количество военнослужащих.")
    q = _only(text, "боевые")
    assert q.text.startswith("боевые действия") and q.text.endswith("большим потерям")
    assert q.speaker == "командование США"


def test_body_with_alias_subject_of_that_clause_fragment():
    text = ("Европейское командование Вооружённых сил США (EUCOM) распространило сообщение, что основной целью учений "
            "является «повышение гибкости и функциональной совместимости союзных сил».")
    q = _only(text, "повышение")
    assert q.text == "повышение гибкости и функциональной совместимости союзных сил"
    assert q.speaker == "Европейское командование Вооружённых сил США"


def test_body_subject_without_that_clause_names_nobody():
    text = "Лондонский суд «не нашёл доказательств политического давления на Украину». Судья снял обвинения."
    assert all(q.speaker is None for q in extract_quotes(text))


def test_body_publishing_a_list_after_a_date_speaks_its_fragment():
    text = ("Профсоюз бортпроводников Cabin Crew United заявил, что переговоры с Ryanair не продвинулись. В начале июля "
            "Cabin Crew United опубликовал список требований из восьми пунктов, включая создание \"справедливой и "
            "благоприятной культуры труда\".")
    q = _only(text, "справедливой")
    assert q.text == "справедливой и благоприятной культуры труда"
    assert q.speaker == "Cabin Crew United"


def test_quoted_body_whose_people_a_noun_names_does_not_speak():
    text = ("В коалиции заявили о сосредоточенности на противостоянии боевикам «Исламского государства» в долине реки "
            "Евфрат, подчеркнув, что сохраняют «непреложное право действовать в целях самообороны».")
    q = _only(text, "непреложное")
    assert q.text == "непреложное право действовать в целях самообороны"
    assert q.speaker is None


def test_quoted_body_after_its_press_service_still_speaks():
    text = "«Поставки газа возобновлены в полном объёме», — сообщили в пресс-службе «Нафтогаза»."
    q = _only(text, "Поставки")
    assert q.speaker == "Нафтогаз"


def test_body_subject_relayed_by_its_press_service():
    text = ("Совет национальной безопасности и обороны (СНБО) Украины на заседании единогласно утвердил применение "
            "\"персональных специальных экономических и других ограничительных мер\" в отношении военнослужащей "
            "Надежды Савченко, осужденной на 22 года, и других украинских граждан, передает пресс-служба ведомства.")
    q = _only(text, "персональных")
    assert q.text == "персональных специальных экономических и других ограничительных мер"
    assert q.speaker == "Совет национальной безопасности и обороны Украины"


def test_according_to_a_release_its_issuer_published():
    text = ("Согласно пресс-релизу, выпущенному Следственным комитетом днем 23 мая 2017 года, обыски проходят «по делу "
            "о хищении 200 миллионов рублей бюджетных средств».")
    q = _only(text, "по делу")
    assert q.text == "по делу о хищении 200 миллионов рублей бюджетных средств"
    assert q.speaker == "Следственный комитет"


def test_according_to_a_bill_the_person_after_it_is_not_its_issuer():
    text = ("Согласно законопроекту, президент США Дональд Трамп должен подготовить новую киберстратегию, которая "
            "включит в себя «эксплуатацию компьютерных сетей для пресечения нападений» со стороны России.")
    q = _only(text, "эксплуатацию")
    assert q.speaker is None


def test_body_in_locative_right_before_plural_verb_speaks_over_genitive_roles():
    text = ("После переговоров главы российского МИД Сергея Лаврова и госсекретаря США Рекса Тиллерсона, прошедших в "
            "Вашингтоне 10 мая, в Госдепе заявили, что ограничения останутся в силе, «пока Москва не изменит действия, "
            "которые к этому привели».")
    q = _only(text, "пока Москва")
    assert q.text == "пока Москва не изменит действия, которые к этому привели"
    assert q.speaker == "Госдеп"


def test_representatives_in_a_body_are_not_the_body():
    text = "Представители партии в Госдуме заявили, что законопроект «не имеет никаких шансов на принятие»."
    q = _only(text, "не имеет")
    assert q.speaker != "Госдума"


def test_body_answering_inside_a_reported_text_speaks():
    text = ("В издании отмечается, что в ответ на запрос Евангелической службы печати, в МИД ответили, что в список "
            "стран, которые готовы принять Биби \"безусловно, входит и Германия\".")
    q = _only(text, "безусловно")
    assert q.text == "безусловно, входит и Германия"
    assert q.speaker == "МИД"


def test_body_right_before_a_reflexive_plural_speech_verb_speaks():
    text = ("В Минобороны России отреагировали на заявление.\nВ ответ на заявление представителя Пентагона о доступности "
            "беспилотников на открытом рынке в Минобороны поинтересовались, «где находится данный «рынок» и какая "
            "спецслужба там торгует данными космической разведки».")
    q = _only(text, "где находится")
    assert q.speaker == "Минобороны России"


def test_capital_after_in_reply_speaks():
    text = "В ответ Москва заявила, что «никаких оснований для новых санкций не существует»."
    q = _only(text, "никаких")
    assert q.speaker == "Москва"


def test_outlet_told_after_a_press_service_is_no_part_of_its_name():
    text = "В пресс-службе ФСБ РИА Новости сообщили, что «задержанные дают признательные показания»."
    q = _only(text, "задержанные")
    assert q.speaker == "Пресс-служба ФСБ"


def test_official_capital_as_subject_of_its_verb_speaks():
    text = "Официальный Пекин выразил протест, назвав действия США «серьёзной политической и военной провокацией»."
    q = _only(text, "серьёзной")
    assert q.text == "серьёзной политической и военной провокацией"
    assert q.speaker == "Пекин"


def test_according_to_the_document_named_before():
    text = ("Минюст США опубликовал обвинительное заключение. Согласно документу, обвиняемые «вступили в сговор с целью "
            "сбора информации».")
    q = _only(text, "вступили")
    assert q.speaker == "Минюст США"


def test_national_bank_keeps_its_adjective():
    text = "Национальный банк Украины сообщил, что «инфляция замедлится до пяти процентов»."
    q = _only(text, "инфляция")
    assert q.speaker == "Национальный банк Украины"


def test_body_owning_the_commented_report_does_not_speak():
    text = ("«Сейчас страна находится на перепутье и всё зависит от властей», — так прокомментировал доклад "
            "Всемирного банка\nглавный стратег управляющей компании.")
    q = _only(text, "Сейчас")
    assert q.speaker != "Всемирный банк"


def test_body_whose_statement_an_agency_quotes_speaks():
    text = ("«Замминистра вручил послу дипломатическую ноту», – цитирует заявление МИД Польши Польское агентство "
            "печати.")
    q = _only(text, "Замминистра")
    assert q.speaker == "МИД Польши"


def test_a_body_right_before_a_fragment_that_opens_with_its_verb_speaks() -> None:
    """rucoco-2019_world_europarliament: the resolution's own words about the body ("Европарламент «рекомендует …»")."""
    from presssearch.quotes import extract_quotes
    text = ("«Все это требует избирательного взаимодействия с Россией», - уверены в ЕП.\n\n"
            "Европарламент \"рекомендует сосредоточить внимание [во взаимодействии с Россией] на вопросах, касающихся "
            "Ближнего Востока и Северной Африки, Севера Европы и Арктического региона\".")
    frag = [q for q in extract_quotes(text) if q.text.startswith("рекомендует")]
    assert [q.speaker for q in frag] == ["Европарламент"]


def test_a_person_right_before_a_fragment_in_the_third_person_is_not_its_speaker() -> None:
    """rt-01845: the spokesman's words about the Secretary-General, not his."""
    from presssearch.quotes import extract_quotes
    text = ("Во вторник генсек ООН Антониу Гутерреш встретился с делегацией Сирийской национальной коалиции.\n"
            "По сообщению заместителя официального представителя генсека Фархана Хака, Гутерреш «был воодушевлён "
            "готовностью оппозиции работать на следующем раунде женевских переговоров».")
    frag = [q for q in extract_quotes(text) if q.text.startswith("был воодушевлён")]
    assert [q.speaker for q in frag] != ["Антониу Гутерреш"]
