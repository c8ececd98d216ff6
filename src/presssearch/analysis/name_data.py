"""Word lists and ending tables for canonical (nominative) person names (``names.repair_forms``)."""
from __future__ import annotations

VOWELS = frozenset("аеёиоуыэюя")
# Endings of a foreign first name the dictionary lacks that no Russian declension gives a nominative in, so
# morphology reads them as an oblique case of a name that does not exist: "Фелипе" (→ "Фелип"), "Хаяси",
# "Рикарду", "Оресте", "Пабло".
FOREIGN_FIRST_NAME_ENDS = ("е", "и", "о", "у", "э")
# the same without "у", which is also a dative ending ("Найджелу"): a given name ending so is as written
FOREIGN_GIVEN_AS_WRITTEN_ENDS = ("е", "и", "о", "э")

# First names whose woman's reading is usually meant when a form reads both ways ("Алина Загитова": the woman,
# not "Алин Загитов" in the genitive). Counted over the corpus by /tmp/s7/forms/femfirst.py: case forms only the
# woman's name has ("Алиной") outnumber those only the man's has ("Алин", "Алином") more than 2 to 1; Georgian
# and Arabic men's names in -а ("Бидзина", "Джалиля") removed; "алена" added (Алёна/Ален: 118 to 43).
FEMININE_FIRST = frozenset({
    "алена", "алина", "алла", "анастасия", "анфиса", "ариана", "арина", "аврора", "виктория", "дина", "лидия",
    "марина", "олеся", "ульяна", "юлия",
    # (session 9, /tmp/s9/n2/femscan3.py: a feminine past verb right after "Name Surname" only)
    "алисия", "анналена", "дарига", "клавдия", "федерика",
})

# Women's given names in -а/-я that morphology reads only as a man's oblique case ("Асия" as the genitive of
# "Асий", "Камала" of "Камал"): a woman's reading is added and preferred.
# Counted over the corpus by /tmp/s9/n2/femscan.py (a feminine past verb right after "Name Surname" far more
# often than a masculine one); Мартина, Максима, Пола stay out (men's genitives far more often).
FOREIGN_WOMEN = frozenset({
    "асия", "камала", "микаэла", "фатма",
    # (session 13: read as nothing or as a common word: "Эва Бартлетт", "Седа Тутхалян", "Каролины Глик")
    "эва", "седа", "каролина",
})
# Women's given names in a consonant, which do not decline, that morphology reads as a man's ("Хезер Науэрт",
# "Меган Бэрри" as "Мёган"); session 13, from the 3,000-article sample (not "Карен", an Armenian man's name too).
WOMEN_IN_CONSONANT = frozenset({"хезер", "меган", "шэрон", "бриджит", "кэрол", "кэролайн",
                                "джен", "дайан"})  # (session 13: "Джен Псаки", "Дайан Файнштейн")
# Foreign given names morphology reads only as a common word, a place or another case of something else ("Кори" as
# "кора", "Трент" a place, "Род", "Сет", "Питера" the city); session 13, from one-word speakers of the 3,000-article
# sample whose full name the article gives. They open a name only right before one name word (speakers.find_groups).
# Men's names in a consonant, declined as Russian ones are ("Питера Уиттла", "Сетом Мултоном"):
FOREIGN_MEN_IN_CONSONANT = frozenset({
    "гарет", "трент", "сет", "роб", "род", "хит", "лестер", "иен", "йен", "мак", "анхель", "шандор", "айван",
    "питер", "эд",
    "франк", "езид",  # (session 15: "спортивного директора клуба Франка Бауманна", "Езид Сайиг"; "франк" a currency)
    "мартен",  # (session 15: "Мартена Фуркада" read as a woman's "Мартена")
})
# Undeclined given names ending in a vowel, by gender ("сенатор Кори Букер", "Фату Бенсуда"):
FOREIGN_MEN_UNDECLINED = frozenset({"кори", "зеке", "коте", "тай", "благо"})  # (session 15: "Благо Георгиев")
FOREIGN_WOMEN_UNDECLINED = frozenset({"фату"})
# Women's names in -а listed in the nominative only: their other cases are forms of a Russian name or a place ("Тана
# Беднарова"; "Тани", "Тане" are Таня's).
FOREIGN_WOMEN_NOMINATIVE = frozenset({"тана", "гана"})  # ("Гана Максимова"; "Ганы" the country)
# A man's given name in a consonant by case: (ending in the text, cases); "ь" names: "Анхель", "Анхеля".
MAN_CONSONANT_CASES = (("", ("nomn",)), ("а", ("gent", "accs")), ("у", ("datv",)), ("ом", ("ablt",)),
                       ("е", ("loct",)))
MAN_SOFT_CASES = (("ь", ("nomn",)), ("я", ("gent", "accs")), ("ю", ("datv",)), ("ем", ("ablt",)), ("е", ("loct",)))
# Men's given names in -а that morphology reads as a woman's or as the genitive of a name in a consonant
# ("Бидзина Иванишвили": not "Бидзин"; Georgian "Гига Бокерия", "Мамука Бахтадзе"); they decline as a woman's name does
# ("Бидзины", "Бидзиной").
MEN_IN_A = frozenset({"бидзина", "срджа", "гига", "гела", "мамука", "каха", "бачо", "шота"})
# A given name in -а/-я by case: (ending in the nominative, ending in the text, cases).
WOMAN_NAME_CASES = (
    ("ия", "ия", ("nomn",)), ("ия", "ии", ("gent", "datv", "loct")), ("ия", "ию", ("accs",)),
    ("ия", "ией", ("ablt",)), ("а", "а", ("nomn",)), ("а", "ы", ("gent",)), ("а", "и", ("gent",)),
    ("а", "е", ("datv", "loct")), ("а", "у", ("accs",)), ("а", "ой", ("ablt",)),
)

# (gender, case) -> (ending in the text, ending in the nominative) for a surname left as written after a
# first name in that case ("Дмитрия Шаповала" → "Шаповал", "Нины Мациной" → "Мацина"). First match wins, so
# longer endings come first. An ending in "*" needs a consonant before it ("Стоуна" → "Стоун", but "Гарсиа"
# stays). Left out as too often wrong: a man's "-у" accusative ("Евгения Бару", "Сергея Шойгу" do not
# decline), "-ия" genitive ("Валерия Хабурдзания"), "-ки" genitive ("Тины Канделаки", "Пола Залаки"; but
# "Йонаса Норейки").
_MASC_GENT = (("ова", "ов"), ("ева", "ев"), ("ёва", "ёв"), ("ина", "ин"), ("ына", "ын"), ("ии", "ия"), ("ы", "а"),
              ("ля", "ль"), ("ня", "нь"), ("ая", "ай"), ("ея", "ей"), ("оя", "ой"), ("*а", ""))
SURNAME_ENDINGS: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    ("masc", "gent"): _MASC_GENT,
    ("masc", "accs"): _MASC_GENT[:5] + (("ю", "я"), ("ля", "ль"), ("ня", "нь"), ("ая", "ай"), ("ея", "ей"),
                                         ("оя", "ой"), ("*а", "")),
    ("masc", "datv"): (("ову", "ов"), ("еву", "ев"), ("ёву", "ёв"), ("ину", "ин"), ("ыну", "ын"), ("ию", "ий"),
                       ("лю", "ль"), ("ню", "нь"), ("аю", "ай"), ("ею", "ей"), ("ою", "ой"), ("*у", "")),
    ("masc", "ablt"): (("овым", "ов"), ("евым", "ев"), ("ёвым", "ёв"), ("иным", "ин"), ("ыным", "ын"), ("ием", "ий"),
                       ("лем", "ль"), ("нем", "нь"), ("аем", "ай"), ("еем", "ей"), ("*ой", "а"), ("*ом", ""),
                       ("*ем", "")),
    ("masc", "loct"): (("ове", "ов"), ("еве", "ев"), ("ёве", "ёв"), ("ине", "ин"), ("ыне", "ын"), ("*е", "")),
    ("femn", "gent"): (("овой", "ова"), ("евой", "ева"), ("ёвой", "ёва"), ("иной", "ина"), ("ыной", "ына"),
                       ("ской", "ская"), ("цкой", "цкая"), ("ии", "ия"), ("*ы", "а"), ("*ой", "а")),
    ("femn", "datv"): (("овой", "ова"), ("евой", "ева"), ("ёвой", "ёва"), ("иной", "ина"), ("ыной", "ына"),
                       ("ской", "ская"), ("цкой", "цкая"), ("ии", "ия"), ("*ой", "а"), ("*е", "а")),
    ("femn", "accs"): (("ову", "ова"), ("еву", "ева"), ("ёву", "ёва"), ("ину", "ина"), ("ыну", "ына"),
                       ("скую", "ская"), ("цкую", "цкая"), ("ию", "ия"), ("*у", "а")),
    ("femn", "ablt"): (("овой", "ова"), ("евой", "ева"), ("ёвой", "ёва"), ("иной", "ина"), ("ыной", "ына"),
                       ("ской", "ская"), ("цкой", "цкая"), ("ией", "ия"), ("*ой", "а")),
    ("femn", "loct"): (("овой", "ова"), ("евой", "ева"), ("ёвой", "ёва"), ("иной", "ина"), ("ыной", "ына"),
                       ("ской", "ская"), ("цкой", "цкая"), ("ии", "ия"), ("*ой", "а"), ("*е", "а")),
}
# Surname endings that do not decline at all: Polish "-ски" ("Мика Брзезински"), Russian "-их"/"-ых"
# ("Виталия Степановых", "Юрия Черных").
UNDECLINED_SURNAME_ENDS = ("ски", "цки", "их", "ых")
# Patronymic endings by gender: a reading that gives a patronymic another ending is not of that gender
# ("Евгения Степановна": not "Евгений Степановн").
PATRONYMIC_ENDS = {"masc": ("ич",), "femn": ("на",)}
# A guessed nominative with a fleeting vowel the written stem does not have: "Курца" read as "Курец".
FLEETING = (("ец", "ц"), ("ок", "к"), ("ек", "к"))
# Name particles beside quotes.marks.NAME_PARTICLES: Arabic "бин" ("Мохаммед бин Салман", "заявил бин Салман"),
# which may also open a surname alone in lowercase.
EXTRA_NAME_PARTICLES = frozenset({"бин"})
# Two particles that open a surname together ("Урсула фон дер Ляйен", "Ван дер Вар"): one token with it.
NAME_PARTICLE_PAIRS = frozenset({"фон дер", "ван дер", "ван де", "де ла", "де ле"})
# Oblique case endings of a man's name word (a full name in an oblique case glued before another's surname).
GLUED_OBLIQUE_ENDS = ("ом", "ем", "ым", "ой", "ей", "у", "ю", "а", "я", "е")
# A name word's nominative ending -> endings of its oblique cases ("Каррера": "Карреры", "Даля": "Дали").
NOMINATIVE_ENDS = {"а": ("ы", "и", "у", "ой", "е"), "я": ("и", "ю", "ей", "е")}

# English letters spelled as a given name ("Пи Кей Суббэн", "Ти Джей Оши", "Джей Ти Миллер"): two of them before a
# surname are the given name. Only the second declines, as a soft-consonant name does ("Пи Кея Суббэна", "Ти Джеем
# Оши"): its forms, by nominative (lowercase).
SPELLED_LETTERS = frozenset("эй би си ди джей джи кей пи ти эл эм эр ар ви эс".split())
SPELLED_LETTER_FORMS = {**{w: w for w in SPELLED_LETTERS},
                        **{f: w for w in ("джей", "кей") for f in (w[:-1] + "я", w[:-1] + "ю", w[:-1] + "ем")}}
