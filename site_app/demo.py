"""Demo content for the shared core: languages, pictograms, themes, wijken, site settings.

Each app may have a ``demo.py`` with a ``load(stdout)`` function; ``manage.py load_demo`` calls
them in INSTALLED_APPS order. Every loader is idempotent: it creates what is missing only.
"""

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Site

from .models import Pictogram, SiteSettings, Theme, Wijk, Zone
from .pictogram_catalogue import PICTOGRAMS

# (slug, pictogram, names by language, short description in Dutch and English)
THEMES = [
    (
        "wonen",
        "huis",
        {"nl": "Wonen", "en": "Housing", "fr": "Logement", "tr": "Konut", "ar": "السكن"},
        "Betaalbaar en goed wonen in elke wijk.",
        "Affordable, decent housing in every neighbourhood.",
    ),
    (
        "mobiliteit",
        "fiets",
        {"nl": "Mobiliteit", "en": "Mobility", "fr": "Mobilité", "tr": "Ulaşım", "ar": "التنقل"},
        "Te voet, met de fiets, de tram of de auto door de stad.",
        "Getting around on foot, by bike, tram or car.",
    ),
    (
        "publieke-ruimte-en-groen",
        "boom",
        {
            "nl": "Publieke ruimte en groen",
            "en": "Public space and green",
            "fr": "Espace public et verdure",
            "tr": "Kamusal alan ve yeşil alan",
            "ar": "الفضاء العام والمساحات الخضراء",
        },
        "Pleinen, parken, straten en bomen.",
        "Squares, parks, streets and trees.",
    ),
    (
        "welzijn-en-zorg",
        "hart",
        {
            "nl": "Welzijn en zorg",
            "en": "Welfare and care",
            "fr": "Bien-être et soins",
            "tr": "Refah ve bakım",
            "ar": "الرفاه والرعاية",
        },
        "Hulp en zorg dicht bij huis.",
        "Help and care close to home.",
    ),
    (
        "armoede-en-gelijke-kansen",
        "gelijke-kansen",
        {
            "nl": "Armoede en gelijke kansen",
            "en": "Poverty and equal opportunities",
            "fr": "Pauvreté et égalité des chances",
            "tr": "Yoksulluk ve fırsat eşitliği",
            "ar": "الفقر وتكافؤ الفرص",
        },
        "Iedereen telt mee, ook wie het moeilijk heeft.",
        "Everyone counts, including people who struggle.",
    ),
    (
        "jeugd",
        "jongeren",
        {"nl": "Jeugd", "en": "Youth", "fr": "Jeunesse", "tr": "Gençlik", "ar": "الشباب"},
        "Ruimte en stem voor kinderen en jongeren.",
        "Room and a voice for children and young people.",
    ),
    (
        "senioren",
        "senior",
        {
            "nl": "Senioren",
            "en": "Older people",
            "fr": "Seniors",
            "tr": "Yaşlılar",
            "ar": "كبار السن",
        },
        "Goed oud worden in je eigen buurt.",
        "Growing old well in your own neighbourhood.",
    ),
    (
        "cultuur-en-erfgoed",
        "theater",
        {
            "nl": "Cultuur en erfgoed",
            "en": "Culture and heritage",
            "fr": "Culture et patrimoine",
            "tr": "Kültür ve miras",
            "ar": "الثقافة والتراث",
        },
        "Kunst, feesten en de geschiedenis van de stad.",
        "Art, festivals and the city's history.",
    ),
    (
        "onderwijs",
        "school",
        {
            "nl": "Onderwijs",
            "en": "Education",
            "fr": "Enseignement",
            "tr": "Eğitim",
            "ar": "التعليم",
        },
        "Scholen, leren en Nederlands oefenen.",
        "Schools, learning and practising Dutch.",
    ),
    (
        "werk-en-economie",
        "werk",
        {
            "nl": "Werk en economie",
            "en": "Work and economy",
            "fr": "Emploi et économie",
            "tr": "İş ve ekonomi",
            "ar": "العمل والاقتصاد",
        },
        "Werk vinden, ondernemen en winkels in de buurt.",
        "Finding work, starting a business, local shops.",
    ),
    (
        "sport",
        "bal",
        {"nl": "Sport", "en": "Sport", "fr": "Sport", "tr": "Spor", "ar": "الرياضة"},
        "Bewegen en sporten in de stad.",
        "Exercise and sport in the city.",
    ),
    (
        "milieu-en-klimaat",
        "blad",
        {
            "nl": "Milieu en klimaat",
            "en": "Environment and climate",
            "fr": "Environnement et climat",
            "tr": "Çevre ve iklim",
            "ar": "البيئة والمناخ",
        },
        "Schone lucht, minder afval, een koelere stad.",
        "Clean air, less waste, a cooler city.",
    ),
    (
        "participatie-en-democratie",
        "stemmen",
        {
            "nl": "Participatie en democratie",
            "en": "Participation and democracy",
            "fr": "Participation et démocratie",
            "tr": "Katılım ve demokrasi",
            "ar": "المشاركة والديمقراطية",
        },
        "Meedenken, meebeslissen en de gemeenteraad volgen.",
        "Having your say and following the city council.",
    ),
    (
        "veiligheid-en-netheid",
        "schild",
        {
            "nl": "Veiligheid en netheid",
            "en": "Safety and cleanliness",
            "fr": "Sécurité et propreté",
            "tr": "Güvenlik ve temizlik",
            "ar": "الأمن والنظافة",
        },
        "Een veilige en propere buurt.",
        "A safe and clean neighbourhood.",
    ),
]

# Theme descriptions in the other languages, in the order of THEMES.
DESCRIPTIONS = {
    "fr": [
        "Un logement abordable et décent dans chaque quartier.",
        "Se déplacer à pied, à vélo, en tram ou en voiture.",
        "Places, parcs, rues et arbres.",
        "De l'aide et des soins près de chez vous.",
        "Tout le monde compte, aussi ceux qui ont la vie dure.",
        "De la place et une voix pour les enfants et les jeunes.",
        "Bien vieillir dans son propre quartier.",
        "L'art, les fêtes et l'histoire de la ville.",
        "Les écoles, apprendre et pratiquer le néerlandais.",
        "Trouver du travail, entreprendre, les commerces du quartier.",
        "Bouger et faire du sport en ville.",
        "Un air pur, moins de déchets, une ville plus fraîche.",
        "Donner son avis et suivre le conseil communal.",
        "Un quartier sûr et propre.",
    ],
    "tr": [
        "Her mahallede uygun fiyatlı ve iyi konut.",
        "Şehirde yürüyerek, bisikletle, tramvayla veya arabayla.",
        "Meydanlar, parklar, sokaklar ve ağaçlar.",
        "Evinize yakın yardım ve bakım.",
        "Zor durumda olanlar da dahil herkes önemlidir.",
        "Çocuklar ve gençler için alan ve söz hakkı.",
        "Kendi mahallenizde iyi yaşlanmak.",
        "Sanat, şenlikler ve şehrin tarihi.",
        "Okullar, öğrenmek ve Felemenkçe pratik yapmak.",
        "İş bulmak, girişimcilik ve mahalledeki dükkânlar.",
        "Şehirde hareket etmek ve spor yapmak.",
        "Temiz hava, daha az atık, daha serin bir şehir.",
        "Fikrini söylemek ve belediye meclisini takip etmek.",
        "Güvenli ve temiz bir mahalle.",
    ],
    "ar": [
        "سكن لائق وبسعر معقول في كل حي.",
        "التنقل في المدينة مشيًا أو بالدراجة أو بالترام أو بالسيارة.",
        "الساحات والحدائق والشوارع والأشجار.",
        "المساعدة والرعاية قريبًا من بيتك.",
        "كل شخص مهم، حتى من يعيش ظروفًا صعبة.",
        "مكان وصوت للأطفال والشباب.",
        "أن تكبر في السن براحة في حيّك.",
        "الفن والاحتفالات وتاريخ المدينة.",
        "المدارس والتعلّم وممارسة اللغة الهولندية.",
        "إيجاد عمل وبدء مشروع والمحلات في الحي.",
        "الحركة وممارسة الرياضة في المدينة.",
        "هواء نظيف ونفايات أقل ومدينة أكثر برودة.",
        "أن تشارك برأيك وتتابع المجلس البلدي.",
        "حي آمن ونظيف.",
    ],
}

# The 25 wijken by zone, with their postcodes (public facts).
WIJKEN = [
    (Zone.BINNENSTAD, "Binnenstad", "9000"),
    (Zone.BINNENSTAD, "Elisabethbegijnhof-Papegaai", "9000"),
    (Zone.BINNENSTAD, "Watersportbaan-Ekkergem", "9000"),
    (Zone.BINNENSTAD, "Stationsbuurt-Noord", "9000"),
    (Zone.BINNENSTAD, "Stationsbuurt-Zuid", "9000"),
    (Zone.BINNENSTAD, "Macharius-Heirnis", "9000"),
    (Zone.GORDEL_19, "Brugse Poort-Rooigem", "9000"),
    (Zone.GORDEL_19, "Rabot-Blaisantvest", "9000"),
    (Zone.GORDEL_19, "Bloemekenswijk", "9000"),
    (Zone.GORDEL_19, "Muide-Meulestede-Afrikalaan", "9000"),
    (Zone.GORDEL_19, "Sluizeken-Tolhuis-Ham", "9000"),
    (Zone.GORDEL_19, "Dampoort", "9000, 9040"),
    (Zone.GORDEL_19, "Ledeberg", "9050"),
    (Zone.GORDEL_19, "Oud Gentbrugge", "9050"),
    (Zone.GORDEL_19, "Moscou-Vogelhoek", "9050"),
    (Zone.GORDEL_19, "Nieuw Gent-UZ", "9000"),
    (Zone.GORDEL_20, "Drongen", "9031"),
    (Zone.GORDEL_20, "Mariakerke", "9030"),
    (Zone.GORDEL_20, "Wondelgem", "9032"),
    (Zone.GORDEL_20, "Kanaaldorpen en -zone", "9042"),
    (Zone.GORDEL_20, "Oostakker", "9041"),
    (Zone.GORDEL_20, "Sint-Amandsberg", "9040"),
    (Zone.GORDEL_20, "Gentbrugge", "9050"),
    (Zone.GORDEL_20, "Zwijnaarde", "9052"),
    (Zone.GORDEL_20, "Sint-Denijs-Westrem-Afsnee", "9051"),
]


def _slugify(name: str) -> str:
    from django.utils.text import slugify

    return slugify(name)


def ensure_locales() -> dict[str, Locale]:
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }


def _translate(source, locale, **fields):
    """Get or create ``source``'s translation into ``locale`` with the given field values."""
    existing = source.get_translation_or_none(locale)
    if existing:
        return existing
    copy = source.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    return copy


def publish(page):
    page.save_revision().publish()
    return page


def translate_page(source, locale, **fields):
    """Get or create and publish ``source``'s translation into ``locale`` with these fields."""
    existing = source.get_translation_or_none(locale)
    if existing:
        return existing
    copy = source.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    return publish(copy)


def load_pictograms(locales) -> dict[str, Pictogram]:
    source_locale = locales[settings.LANGUAGE_CODE]
    by_name = {}
    for item in PICTOGRAMS:
        pictogram = Pictogram.objects.filter(
            shipped_name=item["name"], locale=source_locale
        ).first() or Pictogram.objects.create(
            shipped_name=item["name"],
            label=item["labels"]["nl"],
            keywords=item["keywords"],
            locale=source_locale,
        )
        for code, locale in locales.items():
            if code != settings.LANGUAGE_CODE:
                _translate(pictogram, locale, label=item["labels"][code])
        by_name[item["name"]] = pictogram
    return by_name


def load_themes(locales, pictograms) -> None:
    source_locale = locales[settings.LANGUAGE_CODE]
    for position, (slug, pictogram, names, description_nl, description_en) in enumerate(THEMES):
        theme = Theme.objects.filter(slug=slug, locale=source_locale).first()
        if theme is None:
            theme = Theme.objects.create(
                slug=slug,
                name=names["nl"],
                description=description_nl,
                pictogram=pictograms[pictogram],
                locale=source_locale,
            )
        for code, locale in locales.items():
            if code != settings.LANGUAGE_CODE:
                description = description_en if code == "en" else DESCRIPTIONS[code][position]
                _translate(theme, locale, name=names[code], description=description)


def load_wijken(locales) -> None:
    source_locale = locales[settings.LANGUAGE_CODE]
    for zone, name, postcodes in WIJKEN:
        slug = _slugify(name)
        wijk = Wijk.objects.filter(slug=slug, locale=source_locale).first()
        if wijk is None:
            wijk = Wijk.objects.create(
                slug=slug, name=name, zone=zone, postcodes=postcodes, locale=source_locale
            )
        for code, locale in locales.items():
            if code != settings.LANGUAGE_CODE:
                _translate(wijk, locale)


def load_site_settings() -> None:
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    if not site_settings.contact_email:
        site_settings.organisation_name = "Stad Gent, Dienst Beleidsparticipatie"
        site_settings.contact_email = "participatie@stad.gent.example"
        site_settings.contact_phone = "09 210 10 10"
        site_settings.contact_address = "Botermarkt 1\n9000 Gent"
        site_settings.contact_hours = "Maandag tot vrijdag, 8 tot 17 uur"
        site_settings.save()


@transaction.atomic
def load(stdout) -> None:
    locales = ensure_locales()
    pictograms = load_pictograms(locales)
    load_themes(locales, pictograms)
    load_wijken(locales)
    load_site_settings()
    glossary_count = load_glossary(locales)
    stdout.write(
        f"Core: {Pictogram.objects.count()} pictograms, {Theme.objects.count()} themes, "
        f"{Wijk.objects.count()} wijken, {glossary_count} glossary terms (all languages)."
    )


# --- Glossary (difficult words), in our own words at language level B1 ----------------------
# (slug, {language: (term, variants, definition)}); Dutch is the source, English and Arabic
# are translations. Terms of the policy note's own reading guide come first.
GLOSSARY = [
    (
        "wijk",
        {
            "nl": (
                "wijk",
                "wijken",
                "Een deel van de stad. Gent heeft 25 wijken. Een vroeger dorp zoals Drongen is ook een wijk.",
            ),
            "en": (
                "neighbourhood",
                "neighbourhoods",
                "A part of the city. Ghent has 25 neighbourhoods. A former village like Drongen is one too.",
            ),
            "ar": (
                "الحي",
                "حي, حيًا, الأحياء, أحياء",
                "جزء من المدينة. في غنت 25 حيًا. القرية القديمة مثل درونخن هي أيضًا حي.",
            ),
        },
    ),
    (
        "buurt",
        {
            "nl": (
                "buurt",
                "buurten",
                "Een klein stuk van een wijk. De bewoners voelen dat ze bij elkaar horen.",
            ),
            "en": (
                "local area",
                "local areas",
                "A small part of a neighbourhood. The people who live there feel they belong together.",
            ),
            "ar": ("الحارة", "حارة", "جزء صغير من الحي. يشعر سكانها بأنهم ينتمون إلى بعضهم."),
        },
    ),
    (
        "binnenstad",
        {
            "nl": (
                "binnenstad",
                "",
                "Het oude centrum van Gent. Zes wijken liggen in de binnenstad.",
            ),
            "en": (
                "inner city",
                "city centre",
                "The old centre of Ghent. Six neighbourhoods are in the inner city.",
            ),
            "ar": ("وسط المدينة", "", "المركز القديم لغنت. فيه ستة أحياء."),
        },
    ),
    (
        "19e-eeuwse-gordel",
        {
            "nl": (
                "19e-eeuwse gordel",
                "negentiende-eeuwse gordel",
                "De wijken rond de binnenstad. Veel huizen zijn er meer dan honderd jaar oud. Bijvoorbeeld de Brugse Poort, Rabot en Ledeberg.",
            ),
            "en": (
                "19th-century belt",
                "nineteenth-century belt",
                "The neighbourhoods around the inner city. Many houses there are over a hundred years old.",
            ),
            "ar": (
                "حزام القرن التاسع عشر",
                "",
                "الأحياء حول وسط المدينة. كثير من بيوتها عمرها أكثر من مئة سنة.",
            ),
        },
    ),
    (
        "20ste-eeuwse-gordel",
        {
            "nl": (
                "20ste-eeuwse gordel",
                "20e-eeuwse gordel, twintigste-eeuwse gordel",
                "De wijken verder van het centrum. Vroeger waren het vaak aparte gemeenten. Bijvoorbeeld Drongen, Oostakker en Zwijnaarde.",
            ),
            "en": (
                "20th-century belt",
                "twentieth-century belt",
                "The neighbourhoods further from the centre. Many of them were separate villages before.",
            ),
            "ar": (
                "حزام القرن العشرين",
                "",
                "الأحياء البعيدة عن المركز. كان كثير منها قرى مستقلة في الماضي.",
            ),
        },
    ),
    (
        "partners",
        {
            "nl": (
                "partners",
                "partner",
                "Iedereen die mee de stad maakt. Bewoners, verenigingen, scholen, bedrijven en de stad zelf.",
            ),
            "en": (
                "partners",
                "partner",
                "Everyone who helps to make the city. Residents, associations, schools, companies and the city itself.",
            ),
            "ar": (
                "الشركاء",
                "شركاء",
                "كل من يساعد في صنع المدينة: السكان والجمعيات والمدارس والشركات والمدينة نفسها.",
            ),
        },
    ),
    (
        "ecm-verenigingen",
        {
            "nl": (
                "ECM-verenigingen",
                "ECM-vereniging",
                "Verenigingen van mensen met roots in een ander land. ECM staat voor etnisch-culturele minderheden.",
            ),
            "en": (
                "ECM associations",
                "ECM association",
                "Associations of people with roots in another country. ECM means ethnic and cultural minorities.",
            ),
            "ar": (
                "جمعيات الأقليات",
                "جمعيات الأقليات العرقية والثقافية",
                "جمعيات لأشخاص جذورهم في بلد آخر. ECM تعني الأقليات العرقية والثقافية.",
            ),
        },
    ),
    (
        "commons",
        {
            "nl": (
                "commons",
                "",
                "Iets wat een groep mensen samen beheert, zoals een moestuin of een deelauto. De groep maakt zelf de regels.",
            ),
            "en": (
                "commons",
                "",
                "Something a group of people look after together, like a vegetable garden. The group makes its own rules.",
            ),
            "ar": (
                "المشاعات",
                "المشاع",
                "شيء تديره مجموعة من الناس معًا، مثل حديقة خضار. المجموعة تضع قواعدها بنفسها.",
            ),
        },
    ),
    (
        "burgerbudget",
        {
            "nl": (
                "burgerbudget",
                "",
                "Een proef van de stad van 2016 tot 2018. Bewoners stemden over 105 ideeën. 17 projecten kregen geld.",
            ),
            "en": (
                "citizens' budget",
                "",
                "A test by the city from 2016 to 2018. Residents voted on 105 ideas. 17 projects got money.",
            ),
            "ar": (
                "ميزانية المواطنين",
                "",
                "تجربة من المدينة من 2016 إلى 2018. صوّت السكان على 105 أفكار. حصل 17 مشروعًا على المال.",
            ),
        },
    ),
    (
        "wijkbudget",
        {
            "nl": (
                "wijkbudget",
                "wijkbudgetten",
                "Geld van de stad voor projecten in een wijk. Bewoners bedenken de projecten en kiezen mee.",
            ),
            "en": (
                "neighbourhood budget",
                "neighbourhood budgets",
                "City money for projects in a neighbourhood. Residents think of the projects and help to choose.",
            ),
            "ar": (
                "ميزانية الحي",
                "",
                "مال من المدينة لمشاريع في الحي. السكان يقترحون المشاريع ويختارون معًا.",
            ),
        },
    ),
    (
        "adviesraad",
        {
            "nl": (
                "adviesraad",
                "adviesraden",
                "Een groep mensen die de stad raad geeft. Ze kennen een thema of een groep goed. Gent heeft elf adviesraden.",
            ),
            "en": (
                "advisory council",
                "advisory councils",
                "A group of people who give the city advice. They know a topic or a group well.",
            ),
            "ar": (
                "المجلس الاستشاري",
                "مجلس استشاري, المجالس الاستشارية, مجالس استشارية",
                "مجموعة من الناس تقدم النصح للمدينة. يعرفون موضوعًا أو فئة من الناس جيدًا.",
            ),
        },
    ),
    (
        "gemeenteraad",
        {
            "nl": (
                "gemeenteraad",
                "",
                "De politici die de Gentenaars om de zes jaar kiezen. Zij nemen de grote beslissingen voor de stad.",
            ),
            "en": (
                "city council",
                "",
                "The politicians the people of Ghent elect every six years. They make the big decisions.",
            ),
            "ar": (
                "المجلس البلدي",
                "",
                "السياسيون الذين ينتخبهم سكان غنت كل ست سنوات. هم يتخذون القرارات الكبيرة.",
            ),
        },
    ),
    (
        "participatie",
        {
            "nl": (
                "participatie",
                "",
                "Meedoen. De stad vraagt bewoners om mee te denken en mee te beslissen.",
            ),
            "en": (
                "participation",
                "",
                "Taking part. The city asks residents to think along and to decide together.",
            ),
            "ar": ("المشاركة", "", "أن تشارك. تطلب المدينة من السكان أن يفكروا ويقرروا معها."),
        },
    ),
    (
        "beleidsnota",
        {
            "nl": (
                "beleidsnota",
                "beleidsnota's",
                "Een tekst met de plannen van de stad over één onderwerp. De plannen gelden voor een paar jaar.",
            ),
            "en": (
                "policy note",
                "policy notes",
                "A text with the plans of the city on one subject. The plans are for a few years.",
            ),
            "ar": ("مذكرة السياسة", "مذكرة سياسة", "نص فيه خطط المدينة عن موضوع واحد، لبضع سنوات."),
        },
    ),
    (
        "schepen",
        {
            "nl": (
                "schepen",
                "schepenen",
                "Een lid van het stadsbestuur. Elke schepen zorgt voor een paar onderwerpen, zoals welzijn of participatie.",
            ),
            "en": (
                "alderman",
                "aldermen, alderwoman",
                "A member of the city's executive. Each one is in charge of a few subjects.",
            ),
            "ar": (
                "نائب رئيس البلدية",
                "نواب رئيس البلدية",
                "عضو في إدارة المدينة. كل واحد مسؤول عن بعض المواضيع.",
            ),
        },
    ),
    (
        "burgerpanel",
        {
            "nl": (
                "burgerpanel",
                "burgerpanels, wijkpanel, wijkpanels",
                "Een groep bewoners die door loting gekozen is. Ze geven advies en beslissen mee.",
            ),
            "en": (
                "citizens' panel",
                "citizens' panels",
                "A group of residents chosen by drawing lots. They give advice and help to decide.",
            ),
            "ar": (
                "لجنة المواطنين",
                "لجان المواطنين",
                "مجموعة من السكان يتم اختيارهم بالقرعة. يقدمون النصح ويشاركون في القرار.",
            ),
        },
    ),
    (
        "rss-feed",
        {
            "nl": (
                "RSS-feed",
                "RSS-feeds",
                "Een lijst met nieuwe berichten van een website. Met een feedlezer zie je meteen wat nieuw is.",
            ),
            "en": (
                "RSS feed",
                "RSS feeds",
                "A list of new posts from a website. A feed reader shows you at once what is new.",
            ),
            "ar": (
                "خلاصة RSS",
                "خلاصات RSS",
                "قائمة بالمنشورات الجديدة من موقع. يريك قارئ الخلاصات ما هو جديد.",
            ),
        },
    ),
]


def load_glossary(locales) -> int:
    """Create the glossary terms that are missing (Dutch first, then their translations)."""
    from .models import GlossaryTerm

    source_locale = locales[settings.LANGUAGE_CODE]
    for slug, by_language in GLOSSARY:
        term, variants, definition = by_language[settings.LANGUAGE_CODE]
        source = GlossaryTerm.objects.filter(slug=slug, locale=source_locale).first()
        if source is None:
            source = GlossaryTerm.objects.create(
                slug=slug, term=term, variants=variants, definition=definition, locale=source_locale
            )
        for code, (term, variants, definition) in by_language.items():
            if code != settings.LANGUAGE_CODE and code in locales:
                _translate(
                    source, locales[code], term=term, variants=variants, definition=definition
                )
    return GlossaryTerm.objects.count()
