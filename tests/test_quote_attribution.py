"""Attribution details found on unseen articles: inline links, speech verbs of demand, generic roles."""
from __future__ import annotations

from presssearch.quotes import extract_quotes, normalize_person
from presssearch.quotes.rules import _bare_outlet
from presssearch.quotes.text import soften_links

from .conftest import speakers_of


def test_soften_links_keeps_offsets_and_mends_inline_links():
    text = "«Будущее канцлера под угрозой», — писала британская газета \nFinancial Times\n. Кризис начался.\nДалее."
    soft = soften_links(text)
    assert len(soft) == len(text)
    assert "газета  Financial Times . Кризис" in soft
    assert soft.endswith("начался.\nДалее.")  # a real paragraph break stays


def test_soften_links_mends_a_link_right_after_a_parenthesis():
    text = ("— Нет, конечно. Поединок не стоил тех денег, которые они получили (\nсообщалось\n, что Мейвезер получит "
            "$100 млн. — RT). Следующий бой будет зрелищнее.\n— Оцените качество бокса.")
    soft = soften_links(text)
    assert len(soft) == len(text) and "получили ( сообщалось , что" in soft  # one interview turn, not three lines


def test_soften_links_leaves_verse_and_captions():
    verse = "Мозги надежно пропахали,\nпотом примяли тяжело,\nи от безбожной пропаганды\nв душе и пусто"
    assert soften_links(verse) == verse
    caption = "заявил посол.\n Посол США Джон Теффт \n AFP \n«Мы получили извещение»"
    assert soften_links(caption) == caption


def test_soften_links_mends_a_link_that_ends_the_paragraph():
    """rt-04983: the link's words end the attribution and the paragraph ("— отмечается на официальном \nсайте
    ведомства\nПри этом …"): the line break after a word and a space, before a lowercase word, is a space; the
    paragraph break after the link stays."""
    text = ("Однако в Главном управлении разведки Минобороны Украины опровергли информацию о диверсантах. "
            "«Информация о задержании диверсантов является вымыслом», — отмечается на официальном \nсайте ведомства\n"
            "При этом российские СМИ сообщили об этом.")
    soft = soften_links(text)
    assert len(soft) == len(text) and "официальном  сайте ведомства\nПри этом" in soft
    (q,) = extract_quotes(text)
    assert (q.text, q.speaker) == ("Информация о задержании диверсантов является вымыслом",
                                   "Главное управление разведки Минобороны Украины")


def test_soften_links_mends_a_link_before_a_quote_that_goes_on_with_the_sentence():
    """rt-04952: a link's words on a line of their own, the sentence going on after a space with the quoted words
    ("действия в \nШарлоттсвилле\n «противоречат …»"): one sentence, whose subject speaks."""
    text = ("Представитель УВКПЧ ООН Руперт Колвилл назвал слова Трампа расизмом.\n"
            "Колвилл также напомнил, что нежелание Трампа осудить расистские действия в \nШарлоттсвилле\n "
            "«противоречат международным ценностям».\nНа заявления отреагировали и в Африканском союзе.")
    soft = soften_links(text)
    assert len(soft) == len(text) and "в  Шарлоттсвилле  «противоречат" in soft
    (q,) = extract_quotes(text)
    assert (q.text, q.speaker) == ("противоречат международным ценностям", "Руперт Колвилл")


def test_quote_attributed_to_outlet_behind_inline_link():
    text = ("Кризис в Германии.\n«Будущее Ангелы Меркель как канцлера Германии под угрозой», — писала британская "
            "газета \nFinancial Times\n. Политический кризис продолжается.")
    (q,) = extract_quotes(text)
    assert q.text.startswith("Будущее Ангелы Меркель")
    assert q.speaker == "Financial Times"


def test_demanded_words_are_the_speakers():
    text = ("На следующий день после катастрофы Дмитрий Медведев потребовал «провести проверку утраты трех спутников "
            "группировки ГЛОНАСС и представить ему предложения».")
    (q,) = extract_quotes(text)
    assert q.speaker == "Дмитрий Медведев"


def test_role_noun_points_to_the_subject_not_to_names_in_oblique_case():
    text = ("Одним из первых на решение о наказании в отношении Белова и Легкова отреагировал их тренер Маркус Крамер. "
            "Он раскритиковал комитет.\n"
            "«Я нахожусь в полном шоке. Решение абсолютно скандально», — приводит слова специалиста газета.")
    (q,) = extract_quotes(text)
    assert q.speaker == "Маркус Крамер"


def test_name_after_a_role_in_genitive_is_not_the_topic():
    text = ("По словам Эмиля Дабагяна, недовольство действиями президента Мадуро растёт.\n"
            "«Недавно президент снял верхушку управления вооружёнными силами», — рассказал эксперт.")
    (q,) = extract_quotes(text)
    assert q.speaker == "Эмиль Дабагян"


def test_expert_is_who_spoke_last_not_the_topic_of_the_last_sentence():
    text = ("«Для вооруженных сил это важнейшее направление», — сказал ведущий научный сотрудник института "
            "Василий Кашин.\n"
            "Но после того как президентом Тайваня стала Цай Инвэнь, ситуация ухудшилась. «Трамп и его окружение "
            "являются сторонниками разыгрывания тайваньской карты», — сказал эксперт.")
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Василий Кашин", "Василий Кашин"]


def test_east_asian_names_and_the_subject_of_the_last_clause():
    text = ("Председатель КНР Си Цзиньпин, подводя итог сессии парламента, предупредил, что маневры провалятся. "
            "«Ни один дюйм территории невозможно отрезать от Китая», – сказал он.\n"
            "«Авианосец готов действовать в боевых условиях», – пояснил эксперт Василий Кашин.\n"
            "Касаясь предположений, что Си Цзиньпин может воспользоваться полномочиями, эксперт отметил, что "
            "«никто не знает, есть ли в Пекине крайний срок для воссоединения».")
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Си Цзиньпин", "Василий Кашин", "Василий Кашин"]


def test_first_name_alone_and_a_known_word_as_a_name():
    text = ("«Так или иначе, судья не повлиял на ход матча», — посетовал полузащитник Сердар Таски.\n"
            "«Думаю, в начале следующего года мы возобновим общение с руководством», — подчеркнул Сердар.\n"
            "«На днях я сдала тест, и оказалось, что у меня есть антитела», — сказала Мадонна.\n"
            "«Сегодня мы обсудили план», — сообщил Путину министр.")
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes][:3] == ["Сердар Таски", "Сердар Таски", "Мадонна"]
    assert quotes[3].speaker != "Путину"


def test_a_single_interview_exchange_is_two_turns():
    text = ("Ирина Роднина ответила на вопросы RT.\n"
            "— Те обвинения, которые прозвучали в адрес России, имеют под собой какую-то основу?\n"
            "— Не знаю. Пусть этим вопросом занимаются специалисты. Я застала тот момент, когда спортивная "
            "медицина действительно лечила нас.")
    quotes = extract_quotes(text)
    assert [(q.rule, q.speaker) for q in quotes] == [("interview_question", None), ("interview_answer", "Ирина Роднина")]


def test_two_short_dialogue_lines_are_not_an_interview():
    text = "Он вошёл.\n— Это как?\n— А возьмите белоруса.\nИ ушёл."
    assert extract_quotes(text) == []


def test_any_act_in_the_past_tense_after_the_dash_attributes_the_quote():
    text = ("Капитан команды Денис Глушаков даже пошутил над разгромом.\n"
            "«Три мяча в воротах? Это игра, здесь бывает всякое. Футбол за это и любят», — проявил самоиронию "
            "футболист.")
    (q,) = extract_quotes(text)
    assert (q.rule, q.speaker) == ("quote_dash_act", "Денис Глушаков")


def test_link_after_the_dash_of_an_attribution():
    text = ("Прокурор Александр Рыбак отметил, что ведомство проверило информацию. \n"
            "«Она участвовала в ДТП, в котором пострадал человек», — \nприводит\n слова представителя ведомства "
            "РИА Новости.")
    (q,) = extract_quotes(text)
    assert q.text.startswith("Она участвовала") and q.speaker == "Александр Рыбак"


def test_a_capitalised_role_opening_the_sentence_is_the_subject():
    text = ("Президент Дмитрий Медведев уволил двух заместителей. Решение было принято по результатам доклада "
            "вице-премьера Сергея Иванова. Президент также распорядился, чтобы в Роскосмосе предприняли "
            "\"дополнительные меры по укреплению исполнительной дисциплины\".")
    (q,) = extract_quotes(text)
    assert q.speaker == "Дмитрий Медведев"


def test_a_first_name_alone_never_becomes_the_surname():
    text = ("«Счёт по игре, конечно. У нас было больше моментов», — подчеркнул Денис Глушаков.\n"
            "«К каждой игре мы готовимся индивидуально, каждый соперник особенный», — добавил Денис.")
    assert [q.speaker for q in extract_quotes(text)] == ["Денис Глушаков", "Денис Глушаков"]


def test_an_object_before_the_verb_is_not_the_speaker_and_tot_points_back():
    text = ("Экс-олигарха обвиняют в том, что его планы можно осуществить только диктатурой. Также Ходорковского "
            "называют «претендентом номер один на то, чтобы возглавить оппозицию».\n"
            "Сам Саблин отсудил деньги у основателя фонда Алексея Навального, поскольку тот утверждал, что Саблин "
            "получил свое имущество «от взяток, махинаций и подлогов».")
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == [None, "Алексей Навальный"]


def test_canonical_name_keeps_the_patronymic_where_given():
    """Issue #4: the canonical name is as full as the article gives it, patronymic where given."""
    text = ("Писатель Федор Михайлович Достоевский писал брату: «Человек есть тайна, ее надо разгадывать всю жизнь».")
    (q,) = extract_quotes(text)
    assert q.speaker == "Федор Михайлович Достоевский"
    assert normalize_person("Анны Сергеевны Ивановой") == "Анна Сергеевна Иванова"
    assert normalize_person("Ким Чен Ын") == "Ким Чен Ын"


def test_foreign_ministry_named_by_country_adjective():
    text = ("Посол выразил протест.\n«Мы получили официальное извещение от российского правительства», — заявили "
            "накануне в американском дипведомстве.\n«Мы готовы к диалогу в любом формате», — отметили в российском "
            "внешнеполитическом ведомстве.\n«Эти выборы мы не признаем и не признаем никогда», — заявили во "
            "внешнеполитическом ведомстве Грузии.")
    assert [q.speaker for q in extract_quotes(text)] == ["Госдепартамент США", "МИД России", "МИД Грузии"]


def test_bare_diplomatic_body_points_back_to_the_ministry_named_before():
    text = ("Против решения сената выступил и израильский МИД.\n«Ни один закон не изменит исторических фактов», — "
            "говорится в заявлении дипведомства.")
    (q,) = extract_quotes(text)
    assert q.speaker == "МИД Израиля"


def test_outlet_named_by_common_noun_is_the_one_named_before():
    text = ("The Guardian, ссылаясь на свои источники в Брюсселе, сообщает о больших цифрах. «Сумма может вырасти до "
            "ста миллиардов евро», — пишет издание.\nПо данным «Коммерсанта», он специалист по регионам. Как отмечает "
            "газета, он защитил диссертацию на тему «Этнические элиты Северного Кавказа: опыт анализа».")
    assert [q.speaker for q in extract_quotes(text)] == ["The Guardian", "Коммерсант"]


def test_outlet_noun_is_bare_only_as_subject_or_owner_of_a_text():
    assert _bare_outlet(["пишет", "издание"]) == 1
    assert _bare_outlet(["говорится", "в", "статье", "газеты"]) == 3
    assert _bare_outlet(["рассказал", "изданию"]) is None  # the addressee, not the speaker
    assert _bare_outlet(["пишет", "британская", "газета", "Financial", "Times"]) is None  # named right there


def test_whole_quoted_sentence_after_colon_without_speech_verb():
    text = ("Директор центра Иван Коновалов настроен более скептически: «Можно сколько угодно говорить о единых "
            "ценностях, но пока это не работает». Ситуация остаётся сложной.")
    (q,) = extract_quotes(text)
    assert q.text.startswith("Можно сколько угодно")
    assert q.speaker == "Иван Коновалов"
    assert q.rule == "quote_colon_sentence"


def test_inscription_or_verbless_label_before_colon_is_no_quote():
    banner = "Фанаты вывесили баннер с угрожающим содержанием: «Мы сломаем вам берёзу и развалим ваш причал»."
    joke = "Лето в России: «Вчера сгорели плечи, сегодня отморозил ноги и руки»."
    assert extract_quotes(banner) == []
    assert extract_quotes(joke) == []


def test_quotation_inside_dash_turn_does_not_cut_the_turn():
    text = ("— Вы обсуждали этот случай с партнёрами по команде?\n— Обсуждаем. А если люди новые, то всегда говорим: "
            "«Если увидите, что упал спортсмен из другой страны, помогите ему». Так поступают и в других сборных.\n"
            "— Вас поблагодарили?\n— Да, меня поблагодарили, и это было очень приятно для всей нашей команды.")
    rules = {q.rule for q in extract_quotes(text)}
    assert "quote_colon_sentence" not in rules


def test_cited_author_of_a_quotation():
    text = ("Девиз компании Николая Кузнецова — цитата из Николая Карамзина: «Мыслить, мечтать можем в Германии, "
            "а дело делать единственно в России».")
    (q,) = extract_quotes(text)
    assert q.speaker == "Николай Карамзин"


def test_attribution_on_the_line_after_the_dash():
    text = ("Сенатор выступила против проекта.\n«Строительство может обойтись значительно дороже, чем обещают "
            "власти», — \nзаявила сенатор Клэр Маккаскилл\nВ ответ на вопрос пресс-секретарь промолчал.")
    (q,) = extract_quotes(text)
    assert q.text.startswith("Строительство может")
    assert q.speaker == "Клэр Маккаскилл"


def test_unclosed_quotation_ends_at_its_attribution():
    text = ("Никто не будет опечален. «Без Меркель станет ещё очевиднее, что мы живём в мире без лидера, — цитирует "
            "Bloomberg главу отделения совета Джозефа Дженнинга. Вопрос остаётся открытым.\nДалее.")
    (q,) = extract_quotes(text)
    assert q.text == "Без Меркель станет ещё очевиднее, что мы живём в мире без лидера"
    assert q.speaker == "Джозеф Дженнинг"


def test_unclosed_quotation_goes_on_after_an_inner_attribution():
    text = ("Эксперты спорят. «Предложение нельзя считать неожиданным, – отмечает Екатерина Элбакян. – После введения "
            "священников в вузы это логичный шаг, – говорит эксперт. Однако мнения расходятся.")
    (q,) = extract_quotes(text)
    assert q.text.endswith("это логичный шаг")
    assert q.speaker == "Екатерина Элбакян"


def test_quotation_of_another_person_inside_a_quote():
    text = ("«Я отвечаю только за своих спортсменов. И ребята сказали: «Маркус, мы ничего не принимали и ничего не "
            "знаем». Проверьте их пробы», — добавил тренер Маркус Крамер.")
    quotes = extract_quotes(text)
    assert [q.rule for q in quotes] == ["quote_dash_verb", "nested_quote"]
    outer, inner = quotes
    assert outer.speaker == "Маркус Крамер"
    assert inner.text.startswith("Маркус, мы ничего") and inner.speaker is None


def test_own_words_retold_inside_a_quote_are_not_a_second_quote():
    text = ("«Я тогда сказал ему: «Мы обязательно выиграем этот турнир в следующем году». Так и вышло», — "
            "вспоминает тренер Маркус Крамер.")
    assert [q.rule for q in extract_quotes(text)] == ["quote_dash_verb"]


def test_nested_quotation_sharing_the_closing_mark():
    text = ("«Какая-то девушка схватила меня за руку, сказала: «Давай выйдем из метро, мне страшно», — "
            "рассказала пассажирка Алика Джордж.")
    quotes = extract_quotes(text)
    assert [q.text for q in quotes][-1] == "Давай выйдем из метро, мне страшно"
    assert quotes[0].end == quotes[-1].end


def test_document_quote_is_not_given_to_a_person_who_spoke_nearby():
    text = ("«Мы будем добиваться справедливости», — заявил депутат Иван Петров.\n"
            "Авторы исследования проанализировали сотни случаев давления на журналистов.\n"
            "«Число нападений на представителей прессы за год выросло вдвое», — говорится в документе.")
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Иван Петров", None]


def test_document_issuer_is_who_published_it():
    text = ("Бывший мэр города Николай Сидоров обнародовал открытое письмо к горожанам.\n"
            "«Я прошу вас не поддаваться на провокации и сохранять спокойствие», — говорится в письме.")
    (q,) = extract_quotes(text)
    assert q.speaker == "Николай Сидоров"


def test_generic_document_refers_to_the_report_named_before():
    text = ("Эксперт Павел Смирнов раскритиковал выводы.\n"
            "Новый доклад Счётной палаты США посвящён государственному долгу.\n"
            "«К концу года задолженность превысит размер экономики страны», — говорится в документе.")
    quotes = extract_quotes(text)
    assert quotes[-1].speaker == "Счётная палата США"


def test_document_issuer_named_with_a_role_before_the_name():
    text = ("Об этом говорится в заявлении пресс-секретаря правительства Анны Ковалёвой.\n"
            "«Мы продолжим работу над законопроектом в осенней сессии», — отмечается в заявлении.")
    (q,) = extract_quotes(text)
    assert q.speaker == "Анна Ковалёва"


def test_impersonal_clause_goes_on_quoting_the_same_document():
    text = ("«Решение принято в полном соответствии с нормами права», — говорится в заявлении МИД Франции. "
            "Упоминается также, что «переговоры с партнёрами будут продолжены в ближайшие недели».")
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == ["МИД Франции", "МИД Франции"]


def test_role_then_comma_then_apposition_name_is_the_speaker():
    text = ("В Пхёнчхане прошёл второй день соревнований по скелетону.\n"
            "«Трасса здесь очень быстрая, но я довольна своими заездами», — отметила двукратная чемпионка мира, "
            "американская скелетонистка Кэти Юлендер.")
    (q,) = extract_quotes(text)
    assert q.speaker == "Кэти Юлендер"


def test_name_after_a_comma_clause_that_goes_on_is_not_an_apposition():
    text = ("Министр финансов Олег Сергеев выступил на форуме.\n"
            "«Бюджет будет исполнен в срок», — сказал министр, добавив, что Иван Петров проверит расчёты.")
    (q,) = extract_quotes(text)
    assert q.speaker == "Олег Сергеев"


def test_generic_role_goes_to_the_commentator_introduced_last():
    text = ("Руководитель Центра исследований Василий Колташов пояснил, что такое госдолг.\n"
            "«Долг состоит из облигаций», — сообщил эксперт.\n"
            "Макроэкономист Михаил Хазин в беседе с RT предположил, что в США могут объявить дефолт.\n"
            "«Если ставка будет повышаться, то бюджетный кризис неизбежен», — отметил эксперт.")
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Василий Колташов", "Михаил Хазин"]


def test_role_goes_to_the_subject_of_the_sentence_not_to_a_name_inside_it():
    text = ("Президент США Дональд Трамп пригрозил выйти из ядерной сделки.\n"
            "Президент Ирана Хасан Рухани заявил, что ни американский лидер Дональд Трамп, ни его союзники не смогут "
            "отнять у Тегерана выгоду от соглашения.\n"
            "«На переговорах мы показали миру свою добрую волю», — отметил глава государства.")
    (q,) = extract_quotes(text)
    assert q.speaker == "Хасан Рухани"


def test_role_with_a_country_goes_to_the_holder_from_that_country():
    text = ("Президент Франции Эммануэль Макрон принял в Версале президента России Владимира Путина.\n"
            "Владимир Путин подчеркнул, что Россия открыта к диалогу.\n"
            "Французский президент также подтвердил, «что, если понадобится, можно будет усилить санкции».")
    (q,) = extract_quotes(text)
    assert q.speaker == "Эммануэль Макрон"


def test_surname_morphology_cannot_read_takes_the_first_names_case():
    assert normalize_person("Эммануэля Макрона") == "Эммануэль Макрон"
    assert normalize_person("Эммануэль Макрон") == "Эммануэль Макрон"


def test_dash_clause_with_any_verb_and_a_named_person_attributes_the_quote():
    text = ("По мнению экспертов, власти пытаются решить проблему моногородов.\n"
            "«Однако само по себе создание новых территорий развития проблему не решит», — не исключает аналитик "
            "компании «Финам» Алексей Коренев.")
    (q,) = extract_quotes(text)
    assert q.speaker == "Алексей Коренев"


def test_source_who_asked_to_stay_unnamed_has_no_name():
    text = ("Пресс-секретарь президента Дмитрий Песков прокомментировал обыски.\n"
            "«Это популярная в силовом ведомстве практика давления на бизнес», — рассказал RT глава крупной "
            "юридической компании, пожелавший остаться неназванным.\n"
            "На условиях анонимности один из депутатов сказал: «Голосование будет перенесено на осень».")
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == [None, None]


def test_interlocutor_of_the_outlet_is_the_expert_just_introduced():
    text = ("Военный эксперт Вадим Сорокин в беседе с RT объяснил рост расходов на флот новыми учениями.\n"
            "«Мы действительно наблюдаем возрождение флота на Севере», — отметил собеседник RT.")
    (q,) = extract_quotes(text)
    assert q.speaker == "Вадим Сорокин"


def test_interlocutor_stays_unnamed_after_an_unnamed_source():
    text = ("Политолог Вадим Сорокин заявил, что выборы пройдут спокойно. По словам источника RT в партии, "
            "решение о марше принимал министр.\n"
            "«Без согласия министра шествие было бы невозможно», — говорит собеседник RT.\n"
            "Собеседник «Медузы» в мэрии добавил, что власти «не могут выступать организатором таких акций».")
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == [None, None]


def test_latin_outlet_name_ends_before_the_full_stop():
    text = "Кандидату понадобятся «сильные способности в области анализа данных», сообщает NEWSru.com. Работать он будет в Москве."
    (q,) = extract_quotes(text)
    assert q.speaker == "NEWSru.com"


def test_name_particle_stays_with_the_surname():
    text = ("Переговоры в Женеве прокомментировал посредник ООН Марсель де Вильнев.\n"
            "«Стороны впервые сидели за одним столом и говорили открыто», — подчеркнул де Вильнев.\n"
            "Де Вильнев также отметил, что следующий раунд пройдёт весной.\n"
            "«Перемирие создаёт климат для спокойной работы над текстом», — подытожил посредник ООН.")
    assert [q.speaker for q in extract_quotes(text)] == ["Марсель де Вильнев", "Марсель де Вильнев"]


def test_capitalised_first_name_is_not_a_particle():
    text = "«Я регулярно бываю в странах Балтии и вижу перемены своими глазами», — утверждает Бен Джуда."
    assert [q.speaker for q in extract_quotes(text)] == ["Бен Джуда"]


def test_unknown_adjective_opening_a_sentence_is_not_a_name():
    text = ("Полуофициальный директор команды Ники Бауэр назвал гонку образцовой: «Машина безупречно провела "
            "гонку, особенно на последних кругах».")
    assert extract_quotes(text)[0].speaker != "Полуофициальный"


def test_account_holder_speaks_not_the_platform():
    text = "Пользователи спорят о погоде.\n«Никакого потепления нет, просто осень пришла рано», — говорится в Twitter Mary Jones."
    assert [q.speaker for q in extract_quotes(text)] == ["Mary Jones"]


def test_article_quoted_without_issuer_is_the_outlet_named_before():
    text = ("Газета The Observer со ссылкой на свои источники сообщает о новых доказательствах.\n"
            "«Гражданских лиц задерживали без всяких оснований и без суда», — говорится в статье.")
    assert [q.speaker for q in extract_quotes(text)] == ["The Observer"]


def test_role_of_a_genitive_complement_is_not_the_holders_role():
    text = ("Суд арестовал Павла Климова.\n«Мой подзащитный невиновен», — сказал адвокат министра Олег Зорин.\n"
            "Климов вину не признал. «Я честно работал все эти годы», — сказал министр.")
    assert speakers_of(text) == ["Олег Зорин", "Павел Климов"]


def test_candidate_for_president_is_not_the_president():
    text = ("Президент Пётр Сидоров встретился с избирателями.\nКандидат в президенты Иван Петров раскритиковал его.\n"
            "«Нам нужны перемены», — сказал Петров.\n«Перемены уже идут», — ответил президент.")
    assert speakers_of(text) == ["Иван Петров", "Пётр Сидоров"]


def test_role_in_another_case_than_the_name_is_someone_elses():
    text = ("Президент Пётр Сидоров выступил в парламенте.\nГазета отметила лояльность президенту генерала Ивана "
            "Петрова.\n«Армия с нами и будет с нами», — подчеркнул президент.")
    assert speakers_of(text) == ["Пётр Сидоров"]


def test_role_holder_introduced_only_after_the_quote_is_not_meant():
    text = ("Пётр Климов вину не признал. «Я честно работал все эти годы», — сказал министр.\n"
            "Заседание продолжалось несколько часов. Суд выслушал свидетелей и изучил документы, которые представило "
            "следствие, а затем объявил перерыв до следующей недели.\n"
            "На заседание пришёл министр финансов Иван Зорин.")
    assert speakers_of(text) == ["Пётр Климов"]


def test_role_of_a_country_is_not_held_by_a_leader_of_another():
    text = ("Президент России Иван Петров позвонил Джону Смиту.\nДжон Смит поблагодарил коллегу.\n"
            "«Мы договорились о встрече», — сказал президент США.")
    assert speakers_of(text) == ["Джон Смит"]


def test_name_after_protiv_is_not_the_subject():
    text = ("«Хочу поблагодарить команду соперника за бой», — сказал Иван Петров.\nТакже россиянин поделился мнением "
            "о бое против Александра Сидорова.\n«Это будет потрясающий бой для всех фанатов», — выразил мнение россиянин.")
    assert speakers_of(text) == ["Иван Петров", "Иван Петров"]


def test_surname_that_is_a_common_noun_is_one_person_in_every_case():
    text = ("Александр Усик выиграл бой.\n«Хочу поблагодарить команду соперника за бой», — сказал Иван Петров.\n"
            "Также россиянин поделился мнением о бое против Александра Усика.\n"
            "«Это будет потрясающий бой для всех фанатов», — выразил мнение россиянин.")
    assert speakers_of(text) == ["Иван Петров", "Иван Петров"]


def test_person_noun_in_the_genitive_after_relayed_words():
    text = ("Дональд Трамп подчёркивал, что альянс устарел.\n«Я давно говорил, что у НАТО есть проблемы с "
            "союзниками», — приводит AFP слова политика.")
    assert speakers_of(text) == ["Дональд Трамп"]



def test_pronoun_means_a_repeated_surname_never_named_in_full():
    text = ("Глава компании Тед Сарандос знаком с Обамой. После ухода с поста Обама фактически залег на дно. "
            "В своих речах он говорит о прессе.\n«Если бы я смотрел этот канал, я бы сам за себя не голосовал», "
            "— сказал он.")
    assert speakers_of(text) == ["Обама"]


def test_press_secretary_of_a_surname_is_not_that_person():
    text = ("Пресс-секретарь Белого дома Шон Спайсер выступил перед журналистами. Трамп его поддержал.\n"
            "Журналисты обсуждают знания пресс-секретаря Трампа в истории.\n"
            "«Я решил выступить, чтобы прояснить свои слова», — заключил пресс-секретарь.")
    assert speakers_of(text) == ["Шон Спайсер"]


def test_role_named_last_before_the_name_is_also_held():
    text = ("Член совета при президенте России политолог Богдан Безпалько прокомментировал протесты.\n"
            "Михаил Саакашвили представил свой план реформ.\n"
            "«Понятно, что они вкладывались не в это», — уверен политолог.")
    assert speakers_of(text) == ["Богдан Безпалько"]


def test_interviewee_is_the_person_the_title_names():
    title = "Иван Петров — о новом фильме и о работе в театре"
    text = ("Режиссёр Олег Зорин снимал фильм два года. Зорин работал в Москве. Зорин доволен результатом.\n"
            "— Как вам работалось на съёмках этого фильма?\n"
            "— Работать было очень интересно, вся команда выкладывалась полностью, и я многому научился у коллег "
            "по площадке.\n"
            "— Что будет дальше?\n"
            "— Дальше будет новый большой проект, о котором пока рано говорить, но я уверен, что зрителям он "
            "понравится.")
    answers = [q.speaker for q in extract_quotes(text, title=title) if q.rule == "interview_answer"]
    assert answers == ["Иван Петров", "Иван Петров"]


def test_any_verb_between_the_two_parts_of_a_quote_attributes_it():
    text = ("Мэр выступил на открытии станции.\n«Раньше такой гранит видели только во дворцах, — вещал мэр Иван Котов. "
            "— Теперь им отделаны станции, по которым ездит весь город».")
    quotes = extract_quotes(text)
    assert [(q.rule, q.speaker) for q in quotes] == [("quote_inner_attribution", "Иван Котов")]
    assert quotes[0].text.startswith("Раньше такой гранит") and quotes[0].text.endswith("весь город")


def test_sentence_running_on_after_a_line_break_names_its_speaker():
    text = ("«Сейчас страна находится на перепутье», — так прокомментировал доклад Всемирного банка\nглавный стратег "
            "управляющей компании БКС Максим Шеин в беседе с RT.\nНапомним, что осенью 2017 года рецессия закончилась.")
    soft = soften_links(text)
    assert len(soft) == len(text) and "банка главный" in soft and soft.endswith("RT.\nНапомним, что осенью 2017 года рецессия закончилась.")
    assert speakers_of(text) == ["Максим Шеин"]
