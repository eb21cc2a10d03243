"""Demo pages: the home page in every language, the wijk pages and a few content pages."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from site_app.demo import publish, translate_page
from site_app.demo_images import demo_image
from site_app.models import Pictogram, SiteSettings, Theme, Wijk

from .demo_policy_note import load_policy_note
from .models import ContentPage, HomePage, WijkIndexPage, WijkPage

HOME = {
    "nl": (
        "Samen stad maken",
        "Hier lees je wat er in jouw wijk gebeurt. Je ziet wat de stad beslist. En je zegt zelf wat je ervan vindt.",
    ),
    "en": (
        "Making the city together",
        "Read what is happening in your neighbourhood. See what the city decides. And tell us what you think.",
    ),
    "fr": (
        "Faire la ville ensemble",
        "Découvrez ce qui se passe dans votre quartier. Voyez ce que la ville décide. Et donnez votre avis.",
    ),
    "tr": (
        "Şehri birlikte yapmak",
        "Mahallenizde neler olduğunu okuyun. Şehrin ne karar verdiğini görün. Ve fikrinizi söyleyin.",
    ),
    "ar": ("نصنع المدينة معًا", "اقرأ ما يحدث في حيّك. شاهد ما تقرره المدينة. وقل لنا رأيك."),
}

WIJK_INDEX = {
    "nl": ("Wijken", "Gent heeft 25 wijken. Kies jouw wijk en lees wat er gebeurt."),
    "en": (
        "Neighbourhoods",
        "Ghent has 25 neighbourhoods. Choose yours and read what is going on.",
    ),
    "fr": ("Quartiers", "Gand compte 25 quartiers. Choisissez le vôtre et voyez ce qui s'y passe."),
    "tr": ("Mahalleler", "Gent'te 25 mahalle var. Mahallenizi seçin ve neler olduğunu okuyun."),
    "ar": ("الأحياء", "في غنت 25 حيًا. اختر حيّك واقرأ ما يحدث فيه."),
}

WIJK_INTRO = {
    "nl": "Dit is de pagina van {name}. Hier vind je nieuws, verhalen en adviezen over jouw wijk.",
    "en": "This is the page of {name}. Here you find news, stories and advice about your neighbourhood.",
    "fr": "Voici la page de {name}. Vous y trouvez des nouvelles, des récits et des avis sur votre quartier.",
    "tr": "Bu, {name} sayfasıdır. Burada mahallenizle ilgili haberler, hikâyeler ve tavsiyeler bulursunuz.",
    "ar": "هذه صفحة حي {name}. تجد هنا أخبارًا وقصصًا ونصائح عن حيّك.",
}


def _p(*sentences: str) -> str:
    return "".join(f"<p>{sentence}</p>" for sentence in sentences)


def _about_body(lang: str, pictograms: dict, image) -> list:
    text = ABOUT[lang]
    return [
        {
            "type": "summary",
            "value": {"heading": text["summary_heading"], "points": text["summary"]},
        },
        {"type": "heading", "value": {"text": text["h_wijk"], "level": "h2"}},
        {"type": "paragraph", "value": _p(*text["wijk"])},
        {
            "type": "pictogram_paragraph",
            "value": {
                "pictogram": pictograms["wijk"].pk,
                "text": _p(text["picto_wijk"]),
                "decorative": False,
            },
        },
        {
            "type": "pictogram_paragraph",
            "value": {
                "pictogram": pictograms["spreken"].pk,
                "text": _p(text["picto_speak"]),
                "decorative": False,
            },
        },
        {
            "type": "pictogram_paragraph",
            "value": {
                "pictogram": pictograms["rss"].pk,
                "text": _p(text["picto_follow"]),
                "decorative": False,
            },
        },
        {
            "type": "image",
            "value": {
                "image": {"image": image.pk, "decorative": False, "alt_text": text["image_alt"]},
                "caption": text["caption"],
                "credit": "",
            },
        },
        {"type": "heading", "value": {"text": text["h_councils"], "level": "h2"}},
        {"type": "paragraph", "value": _p(*text["councils"])},
        {"type": "quote", "value": {"quote": text["quote"], "attribution": text["quote_by"]}},
    ]


ABOUT = {
    "nl": {
        "title": "Over Samen stad maken",
        "intro": "De stad wil samen met de Gentenaars beslissen. Dat begint in de wijken.",
        "summary_heading": "Samengevat",
        "summary": [
            "Elke wijk krijgt een eigen pagina.",
            "Je ziet wie je in je wijk kan aanspreken.",
            "Adviesraden zien wat de stad met hun advies doet.",
            "Je kan een punt op de agenda van de gemeenteraad zetten.",
        ],
        "h_wijk": "Alles begint in de wijk",
        "wijk": [
            "Gent heeft 25 wijken in drie zones.",
            "In elke wijk werken mensen van de stad.",
            "Zij luisteren naar de bewoners.",
            "Met het wijkbudget kunnen buren zelf projecten kiezen.",
        ],
        "picto_wijk": "Kijk op de pagina van jouw wijk.",
        "picto_speak": "Zeg wat jij belangrijk vindt.",
        "picto_follow": "Volg een thema met een feed.",
        "image_alt": "Tekening van huizen in een straat met een gele zon erboven.",
        "caption": "Elke wijk heeft haar eigen karakter.",
        "h_councils": "Sterke adviesraden",
        "councils": [
            "De stad heeft elf erkende adviesraden.",
            "Zij geven advies over wonen, cultuur, milieu en meer.",
            "Op deze site zie je elk advies.",
            "Je ziet ook wat de stad ermee deed.",
        ],
        "quote": "Als je ziet wat er met je advies gebeurt, wil je blijven meedoen.",
        "quote_by": "Een lid van een adviesraad",
    },
    "en": {
        "title": "About Making the city together",
        "intro": "The city wants to decide together with the people of Ghent. That starts in the neighbourhoods.",
        "summary_heading": "In short",
        "summary": [
            "Every neighbourhood gets its own page.",
            "You can see who to talk to in your neighbourhood.",
            "Advisory councils see what the city does with their advice.",
            "You can put an item on the city council's agenda.",
        ],
        "h_wijk": "It all starts in the neighbourhood",
        "wijk": [
            "Ghent has 25 neighbourhoods in three zones.",
            "City staff work in every neighbourhood.",
            "They listen to the residents.",
            "With the neighbourhood budget, neighbours choose projects themselves.",
        ],
        "picto_wijk": "Look at the page of your neighbourhood.",
        "picto_speak": "Say what matters to you.",
        "picto_follow": "Follow a theme with a feed.",
        "image_alt": "Drawing of houses in a street with a yellow sun above.",
        "caption": "Every neighbourhood has its own character.",
        "h_councils": "Strong advisory councils",
        "councils": [
            "The city has eleven recognised advisory councils.",
            "They give advice on housing, culture, the environment and more.",
            "On this site you can see every piece of advice.",
            "You can also see what the city did with it.",
        ],
        "quote": "When you see what happens to your advice, you want to keep taking part.",
        "quote_by": "A member of an advisory council",
    },
    "ar": {
        "title": "عن «نصنع المدينة معًا»",
        "intro": "تريد المدينة أن تقرر مع سكان غنت. ويبدأ ذلك في الأحياء.",
        "summary_heading": "باختصار",
        "summary": [
            "لكل حي صفحة خاصة به.",
            "ترى من يمكنك أن تتحدث إليه في حيّك.",
            "ترى المجالس الاستشارية ما تفعله المدينة بنصائحها.",
            "يمكنك أن تضع نقطة على جدول أعمال المجلس البلدي.",
        ],
        "h_wijk": "كل شيء يبدأ في الحي",
        "wijk": [
            "في غنت 25 حيًا في ثلاث مناطق.",
            "يعمل موظفو المدينة في كل حي.",
            "وهم يستمعون إلى السكان.",
            "بميزانية الحي يختار الجيران مشاريعهم بأنفسهم.",
        ],
        "picto_wijk": "انظر إلى صفحة حيّك.",
        "picto_speak": "قل ما هو مهم بالنسبة لك.",
        "picto_follow": "تابع موضوعًا عبر خلاصة.",
        "image_alt": "رسم لبيوت في شارع وفوقها شمس صفراء.",
        "caption": "لكل حي طابعه الخاص.",
        "h_councils": "مجالس استشارية قوية",
        "councils": [
            "في المدينة أحد عشر مجلسًا استشاريًا معترفًا به.",
            "تقدم نصائح عن السكن والثقافة والبيئة وغيرها.",
            "على هذا الموقع ترى كل نصيحة.",
            "وترى أيضًا ما فعلته المدينة بها.",
        ],
        "quote": "عندما ترى ما يحدث لنصيحتك، تريد أن تستمر في المشاركة.",
        "quote_by": "عضو في مجلس استشاري",
    },
}

ACCESSIBILITY = {
    "nl": (
        "Toegankelijkheid",
        "We willen dat iedereen deze site kan gebruiken.",
        [
            "Deze site volgt de richtlijnen WCAG 2.2 op niveau AA.",
            "Dat is de Europese norm EN 301 549 voor websites van de overheid.",
            "We testen elke pagina met automatische controles en met een schermlezer.",
            "Je kan de site gebruiken met alleen een toetsenbord.",
            "De site werkt ook zonder JavaScript en op een klein scherm.",
            "Lukt iets niet? Laat het ons weten via het e-mailadres onderaan de pagina. We antwoorden binnen vijf werkdagen.",
        ],
    ),
    "en": (
        "Accessibility",
        "We want everyone to be able to use this site.",
        [
            "This site follows the WCAG 2.2 guidelines at level AA.",
            "That is the European standard EN 301 549 for public sector websites.",
            "We test every page with automated checks and with a screen reader.",
            "You can use the site with only a keyboard.",
            "The site also works without JavaScript and on a small screen.",
            "Something does not work? Tell us at the e-mail address at the bottom of the page. We answer within five working days.",
        ],
    ),
    "fr": (
        "Accessibilité",
        "Nous voulons que tout le monde puisse utiliser ce site.",
        [
            "Ce site suit les règles WCAG 2.2 au niveau AA.",
            "C'est la norme européenne EN 301 549 pour les sites publics.",
            "Nous testons chaque page avec des contrôles automatiques et avec un lecteur d'écran.",
            "Vous pouvez utiliser le site avec le clavier seul.",
            "Le site fonctionne aussi sans JavaScript et sur un petit écran.",
            "Un problème ? Écrivez-nous à l'adresse en bas de la page. Nous répondons dans les cinq jours ouvrables.",
        ],
    ),
    "tr": (
        "Erişilebilirlik",
        "Herkesin bu siteyi kullanabilmesini istiyoruz.",
        [
            "Bu site AA düzeyinde WCAG 2.2 kurallarına uyar.",
            "Bu, kamu web siteleri için Avrupa standardı EN 301 549'dur.",
            "Her sayfayı otomatik kontrollerle ve bir ekran okuyucuyla test ediyoruz.",
            "Siteyi yalnızca klavyeyle kullanabilirsiniz.",
            "Site JavaScript olmadan ve küçük bir ekranda da çalışır.",
            "Bir şey çalışmıyor mu? Sayfanın altındaki e-posta adresinden bize yazın. Beş iş günü içinde yanıt veriyoruz.",
        ],
    ),
    "ar": (
        "إمكانية الوصول",
        "نريد أن يتمكن الجميع من استخدام هذا الموقع.",
        [
            "يتبع هذا الموقع إرشادات WCAG 2.2 في المستوى AA.",
            "وهي المعيار الأوروبي EN 301 549 لمواقع القطاع العام.",
            "نختبر كل صفحة بفحوص آلية وبقارئ الشاشة.",
            "يمكنك استخدام الموقع بلوحة المفاتيح وحدها.",
            "يعمل الموقع أيضًا بدون JavaScript وعلى شاشة صغيرة.",
            "هل هناك شيء لا يعمل؟ راسلنا على عنوان البريد الإلكتروني أسفل الصفحة. نرد خلال خمسة أيام عمل.",
        ],
    ),
}

# Dutch-only content pages: (slug, title, intro, sentences, theme slugs, wijk slugs)
CONTENT_PAGES = [
    (
        "wijkbudget",
        "Het wijkbudget",
        "Buren beslissen samen waar een deel van het geld van de stad naartoe gaat.",
        [
            "Elke wijk krijgt een bedrag van de stad.",
            "Bewoners dienen samen een idee in.",
            "Daarna stemmen de buren over de ideeën.",
            "De ideeën met de meeste stemmen worden uitgevoerd.",
        ],
        ["participatie-en-democratie", "publieke-ruimte-en-groen"],
        ["rabot-blaisantvest", "brugse-poort-rooigem"],
    ),
    (
        "adviesraden",
        "Adviesraden",
        "Adviesraden geven de stad raad. Ze kennen een thema of een groep goed.",
        [
            "De stad erkent elf adviesraden.",
            "Sommige kennen een thema, zoals wonen of milieu.",
            "Andere spreken voor een groep, zoals senioren of jongeren.",
            "De stad zegt op voorhand wanneer ze een advies nodig heeft.",
            "Achteraf lees je wat de stad met het advies deed.",
        ],
        ["participatie-en-democratie", "senioren", "jeugd", "wonen"],
        [],
    ),
    (
        "agendapunt-gemeenteraad",
        "Een punt op de agenda van de gemeenteraad",
        "Heb je een vraag of voorstel voor de stad? Dan kan je het zelf op de agenda van de gemeenteraad zetten.",
        [
            "Je hebt de steun nodig van minstens 1.000 Gentenaars.",
            "Zij zijn 16 jaar of ouder.",
            "De voorzitter van de gemeenteraad kan je vooraf advies geven.",
            "Daarna leg je je punt uit in een commissie en in de gemeenteraad.",
            "Je krijgt daarvoor ongeveer een kwartier.",
        ],
        ["participatie-en-democratie"],
        [],
    ),
    (
        "groen-in-de-brugse-poort",
        "Meer groen in de Brugse Poort",
        "Bewoners kozen voor meer bomen en een nieuw speelplein.",
        [
            "In de Brugse Poort is weinig groen.",
            "Buren vroegen om meer bomen.",
            "De stad plant dit jaar veertig nieuwe bomen.",
            "Er komt ook een speelplein voor kinderen.",
        ],
        ["publieke-ruimte-en-groen", "milieu-en-klimaat", "jeugd"],
        ["brugse-poort-rooigem"],
    ),
    (
        "veilig-naar-school-ledeberg",
        "Veilig naar school in Ledeberg",
        "Ouders en kinderen tekenden samen een veiligere schoolroute.",
        [
            "Veel kinderen fietsen naar school.",
            "Sommige kruispunten zijn gevaarlijk.",
            "Ouders en kinderen gingen samen op wandel.",
            "Ze duidden de gevaarlijke plekken aan op een kaart.",
            "De stad past drie kruispunten aan.",
        ],
        ["mobiliteit", "onderwijs", "veiligheid-en-netheid"],
        ["ledeberg"],
    ),
]


@transaction.atomic
def load(stdout) -> None:
    if HomePage.objects.exists():
        stdout.write("Pages: demo pages already present, nothing to do.")
        load_policy_note(stdout)
        return
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    nl = locales[settings.LANGUAGE_CODE]
    root = Page.get_first_root_node()
    pictograms = {p.shipped_name: p for p in Pictogram.objects.filter(locale=nl)}
    themes = {t.slug: t for t in Theme.objects.filter(locale=nl)}
    wijken = {w.slug: w for w in Wijk.objects.filter(locale=nl)}
    city_image = demo_image("Straat met huizen", ABOUT["nl"]["image_alt"], seed="about")

    # Home page, replacing Wagtail's welcome page as the site root.
    title, intro = HOME["nl"]
    home = root.add_child(instance=HomePage(title=title, slug="start", intro=intro, locale=nl))
    publish(home)
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    site.root_page = home
    site.site_name = "Samen stad maken"
    site.save()
    if old_root.pk != home.pk and old_root.specific_class != HomePage:
        old_root.delete()
    for code, (title, intro) in HOME.items():
        if code != "nl":
            translate_page(home, locales[code], title=title, intro=intro)

    # The wijk index and one page per wijk, in every language.
    title, intro = WIJK_INDEX["nl"]
    wijk_index = home.add_child(
        instance=WijkIndexPage(title=title, slug="wijken", intro=intro, show_in_menus=True)
    )
    publish(wijk_index)
    for code, (title, intro) in WIJK_INDEX.items():
        if code != "nl":
            translate_page(wijk_index, locales[code], title=title, intro=intro)
    for wijk in sorted(wijken.values(), key=lambda w: w.name):
        page = wijk_index.add_child(
            instance=WijkPage(
                title=wijk.name,
                slug=wijk.slug,
                wijk=wijk,
                intro=WIJK_INTRO["nl"].format(name=wijk.name),
            )
        )
        publish(page)
        for code, template in WIJK_INTRO.items():
            if code != "nl":
                translate_page(page, locales[code], intro=template.format(name=wijk.name))

    # About (every language but French and Turkish, to show the switcher offering only those
    # that exist), accessibility statement (every language) and Dutch-only content pages.
    about = home.add_child(
        instance=ContentPage(
            title=ABOUT["nl"]["title"],
            slug="over",
            intro=ABOUT["nl"]["intro"],
            body=_about_body("nl", pictograms, city_image),
            show_in_menus=True,
            listing_summary=ABOUT["nl"]["intro"],
            listing_image=city_image,
        )
    )
    about.themes.set([themes["participatie-en-democratie"]])
    publish(about)
    for code in ("en", "ar"):
        localized_pictograms = {
            name: pictogram.get_translation_or_none(locales[code]) or pictogram
            for name, pictogram in pictograms.items()
        }
        translate_page(
            about,
            locales[code],
            title=ABOUT[code]["title"],
            intro=ABOUT[code]["intro"],
            listing_summary=ABOUT[code]["intro"],
            body=_about_body(code, localized_pictograms, city_image),
        )

    title, intro, sentences = ACCESSIBILITY["nl"]
    accessibility = home.add_child(
        instance=ContentPage(
            title=title,
            slug="toegankelijkheid",
            intro=intro,
            body=[{"type": "paragraph", "value": _p(*sentences)}],
        )
    )
    publish(accessibility)
    for code, (title, intro, sentences) in ACCESSIBILITY.items():
        if code != "nl":
            translate_page(
                accessibility,
                locales[code],
                title=title,
                intro=intro,
                body=[{"type": "paragraph", "value": _p(*sentences)}],
            )

    for slug, title, intro, sentences, theme_slugs, wijk_slugs in CONTENT_PAGES:
        page = home.add_child(
            instance=ContentPage(
                title=title,
                slug=slug,
                intro=intro,
                listing_summary=intro,
                body=[
                    {
                        "type": "summary",
                        "value": {"heading": "Samengevat", "points": sentences[:2]},
                    },
                    {"type": "paragraph", "value": _p(*sentences)},
                ],
                show_in_menus=slug in {"adviesraden", "agendapunt-gemeenteraad"},
            )
        )
        page.themes.set([themes[s] for s in theme_slugs])
        page.wijken.set([wijken[s] for s in wijk_slugs])
        publish(page)

    footer = SiteSettings.for_site(site)
    if not footer.footer_links:
        footer.footer_links = [
            {
                "type": "link",
                "value": {"label": "Toegankelijkheid", "page": accessibility.pk, "url": ""},
            },
            {"type": "link", "value": {"label": "Over deze site", "page": about.pk, "url": ""}},
        ]
        footer.save()
    stdout.write(f"Pages: {Page.objects.count() - 1} pages in {len(locales)} languages.")
    load_policy_note(stdout)
