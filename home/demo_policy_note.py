# ruff: noqa: E501 - demo content: long sentences of text, kept on one line each
"""Demo content for plain language: the participation policy note (full text and its
plain-language version, in Dutch, English and Arabic) and the glossary page.

Summarised in our own words from the city's participation note 2020-2025 (see
docs/DOMAIN.md). Called from ``home/demo.py``; creates only what is missing.
"""

from datetime import date

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Locale

from site_app.demo import translate_page
from site_app.models import Pictogram, Theme

from .models import GlossaryPage, HomePage, PolicyNotePage

NOTE_SLUG = "beleidsnota-participatie"
GLOSSARY_SLUG = "woordenlijst"
DOCUMENT_TITLE = "Beleidsnota participatie 2020-2025 (demo)"
LANGUAGES = ("en", "ar")


def _p(*sentences: str) -> str:
    return "".join(f"<p>{sentence}</p>" for sentence in sentences)


# --- The full text ---------------------------------------------------------------------------
# Each section: (title, summary points, paragraphs (each a list of sentences), actions)
# Each action: (title, what (sentences), who, when, budget)

FULL = {
    "nl": {
        "title": "Samen stad maken, vanuit de wijken",
        "intro": "In deze beleidsnota lees je hoe de stad samen met de Gentenaars wil beslissen. We beginnen dicht bij huis, in de 25 wijken.",
        "alderman": "Astrid De Bruycker, schepen van Gelijke Kansen, Welzijn, Buurtwerk, Participatie en Openbaar Groen",
        "department": "Dienst Beleidsparticipatie, met de Dienst Ontmoeten en Verbinden en de afdeling Sociale Regie",
        "commission": "Commissie Onderwijs, Welzijn en Participatie",
        "sections": [
            (
                "Waarom we in de wijken beginnen",
                [
                    "Gent telt 25 wijken in drie zones.",
                    "Wat een wijk nodig heeft, bepalen we samen met de bewoners.",
                    "Elke wijk krijgt een eigen pagina met de mensen die er werken.",
                ],
                [
                    [
                        "De wijk is de plek waar we wonen, naar school gaan, werken en elkaar tegenkomen.",
                        "Daarom kiest de stad voor nabijheid.",
                        "Sinds 2003 is Gent verdeeld in 25 wijken.",
                        "Elk vroeger dorp rond de stad is een aparte wijk.",
                    ],
                    [
                        "De wijken liggen in drie zones: de binnenstad, de 19e-eeuwse gordel en de 20ste-eeuwse gordel.",
                        "Elke wijk is anders.",
                        "Er wonen jonge en oude mensen, met veel talen en achtergronden.",
                        "Dat maakt een wijk levendig, maar soms ook moeilijk.",
                    ],
                    [
                        "De aanpak in een wijk bedenkt de stad niet alleen.",
                        "We werken samen met bewoners, verenigingen, handelaars en andere partners.",
                        "Ook ECM-verenigingen en de commons in de buurt doen mee.",
                        "In de wijken dicht bij het centrum doen we extra moeite om buren met elkaar te verbinden.",
                    ],
                ],
                [
                    (
                        "Een pagina voor elke wijk",
                        [
                            "Op de wijkpagina zie je wie je kan aanspreken: de wijkregisseur en de buurtwerkers, met naam en foto.",
                            "Je vindt er ook cijfers over de wijk en de adressen van de buurtcentra.",
                        ],
                        "Dienst Beleidsparticipatie en de wijkteams",
                        "Vanaf 2021",
                        "",
                    ),
                ],
            ),
            (
                "Een wijkbudget voor alle 25 wijken",
                [
                    "De stad trekt 6,25 miljoen euro uit voor het wijkbudget.",
                    "Elke wijk krijgt tussen 150.000 en 350.000 euro.",
                    "Bewoners bedenken en kiezen zelf de projecten.",
                ],
                [
                    [
                        "Met het wijkbudget geven bewoners mee vorm aan hun wijk.",
                        "Ze bedenken samen projecten, werken ze uit en voeren ze uit.",
                        "In elke wijk is er eerst een gesprek over wat de wijk nodig heeft.",
                        "Daarna kiezen de bewoners welke projecten geld krijgen.",
                    ],
                    [
                        "Het wijkbudget bouwt verder op het burgerbudget van 2016 tot 2018.",
                        "Toen stemden Gentenaars over 105 voorstellen en kregen 17 projecten geld.",
                        "Het nieuwe budget is vijf keer groter.",
                    ],
                    [
                        "Wijken met meer inwoners of meer armoede krijgen een groter bedrag.",
                        "We werken in twee rondes.",
                        "In september 2020 starten elf wijken, in september 2022 volgen de andere veertien.",
                    ],
                ],
                [
                    (
                        "Budget voor alle 25 wijken",
                        [
                            "Elke wijk krijgt een basisbedrag van 150.000 euro.",
                            "Wijken met meer inwoners of meer armoede krijgen tot 350.000 euro.",
                            "De projecten moeten binnen twee jaar klaar zijn.",
                        ],
                        "Dienst Beleidsparticipatie, met de bewoners van elke wijk",
                        "2020–2024",
                        "6,25 miljoen euro in totaal",
                    ),
                    (
                        "Experimenteren met loting",
                        [
                            "In Muide-Meulestede-Afrikalaan en in Drongen loten we een burgerpanel van twintig bewoners.",
                            "Het panel praat met wie een idee indient en beslist mee welke projecten geld krijgen.",
                            "Onderzoekers van de Universiteit Gent volgen het experiment op.",
                        ],
                        "Dienst Beleidsparticipatie, met de Universiteit Gent",
                        "Vanaf september 2020",
                        "",
                    ),
                ],
            ),
            (
                "De verhalen van Gentenaars",
                [
                    "Verhalen tonen hoe Gentenaars hun stad beleven.",
                    "Het netwerk van vrijwillige wijkreporters groeit.",
                ],
                [
                    [
                        "Verhalen brengen mensen dichter bij elkaar.",
                        "Ze tonen hoe Gentenaars hun wijk en hun stad beleven.",
                        "Voor de stad zijn ze ook een signaal: wat loopt goed, en wat niet?",
                    ],
                    [
                        "Ongeveer 35 vrijwillige wijkreporters, de Raconteurs, schrijven die verhalen op.",
                        "Ze zijn actief in 13 van de 25 wijken.",
                        "We willen dat netwerk laten groeien, zeker in wijken die sterk veranderen.",
                    ],
                ],
                [
                    (
                        "Meer Raconteurs in meer wijken",
                        [
                            "We zoeken nieuwe vrijwilligers en starten verhalenprojecten op plaatsen die veranderen.",
                            "Sinds de coronacrisis maken we samen een reeks van honderd portretten.",
                        ],
                        "Dienst Beleidsparticipatie en de Gentse Raconteurs",
                        "2021–2025",
                        "",
                    ),
                ],
            ),
            (
                "Sterke adviesraden",
                [
                    "Gent heeft elf erkende adviesraden.",
                    "De stad vraagt hun advies op tijd en zegt wat ze ermee doet.",
                ],
                [
                    [
                        "Een adviesraad geeft de stad raad over een thema of over een groep Gentenaars.",
                        "Gent erkent elf adviesraden, van de Jeugdraad tot de Seniorenraad.",
                        "De leden zijn vrijwilligers.",
                        "Dat is hun kracht, maar het vraagt ook veel tijd.",
                    ],
                    [
                        "De adviesraden vroegen drie dingen.",
                        "Ze willen genoeg tijd tussen de vraag en de deadline.",
                        "Ze willen vooraf weten hoe en wanneer de stad beslist.",
                        "En ze willen achteraf horen wat er met hun advies gebeurd is.",
                    ],
                ],
                [
                    (
                        "Adviezen open en op tijd",
                        [
                            "De stad vraagt advies ruim op voorhand en zegt wanneer ze een antwoord verwacht.",
                            "Elk advies en het antwoord van de stad komen online.",
                            "Adviesraden krijgen hulp om nieuwe leden te vinden.",
                        ],
                        "Dienst Beleidsparticipatie en de Dienst Bestuursondersteuning",
                        "Vanaf 2021",
                        "",
                    ),
                ],
            ),
            (
                "Open en duidelijke beslissingen",
                [
                    "Je volgt de thema's van de gemeenteraad met een RSS-feed.",
                    "Je kan zelf een punt op de agenda zetten.",
                    "Beleidsnota's krijgen een versie in klare taal.",
                ],
                [
                    [
                        "De stad wil dat iedereen kan volgen wat de gemeenteraad beslist.",
                        "Met een RSS-feed volg je de thema's die jij belangrijk vindt.",
                        "Je ziet dan meteen wanneer er iets nieuws is.",
                    ],
                    [
                        "Bewoners kunnen ook zelf een punt op de agenda van de gemeenteraad zetten.",
                        "Daarvoor heb je de steun nodig van 1.000 Gentenaars van 16 jaar of ouder.",
                        "We maken die stap eenvoudiger.",
                    ],
                    [
                        "Elke beleidsnota krijgt ook een versie in klare taal.",
                        "Zo kan iedereen lezen wat de stad van plan is.",
                    ],
                ],
                [
                    (
                        "De gemeenteraad volgen per thema",
                        [
                            "Voor elk thema komt er een RSS-feed met de punten van de gemeenteraad en de commissies.",
                            "Een commissie kan ook op locatie vergaderen, dicht bij de mensen over wie het gaat.",
                        ],
                        "De voorzitter van de gemeenteraad, de Dienst Bestuursondersteuning en de Dienst Beleidsparticipatie",
                        "Vanaf 2021",
                        "",
                    ),
                ],
            ),
        ],
        # (source, signal, response sentences, outcome)
        "feedback": [
            (
                "Jeugdraad",
                "Wat gebeurt er met de mening van de gelote bewoners? Horen ze wat de stad ermee doet?",
                [
                    "Het burgerpanel komt vijf keer samen.",
                    "Het geeft advies over de ideeën in de wijk en beslist mee welke projecten geld krijgen.",
                    "We volgen het experiment op en evalueren het.",
                ],
                "followed",
            ),
            (
                "Ad Rem, adviesraad voor etnisch-culturele diversiteit",
                "Hoe weten we of loting werkt? Twintig mensen is misschien weinig voor een grote wijk.",
                [
                    "We stuurden 500 uitnodigingen.",
                    "Uit wie zich meldde, kozen we twintig leden op zes kenmerken, zoals leeftijd en herkomst.",
                    "Onderzoekers van de Universiteit Gent volgen het traject.",
                ],
                "partly",
            ),
            (
                "SAPH, adviesraad voor personen met een handicap",
                "Volg goed op wat er met onze adviezen gebeurt. Maak de beslissingen van de stad beter zichtbaar.",
                [
                    "Elk advies en het antwoord van de stad komen online.",
                    "Met een RSS-feed volg je nieuwe beslissingen per thema.",
                    "We bekijken dit verder met de voorzitter van de gemeenteraad.",
                ],
                "followed",
            ),
            (
                "Seniorenraad",
                "We willen een open platform worden, met nieuwe en meer verschillende leden.",
                [
                    "De stad helpt adviesraden die nieuwe leden zoeken.",
                    "De Dienst Beleidsparticipatie gaat daarover met de Seniorenraad in gesprek.",
                ],
                "passed",
            ),
            (
                "Samenlevingsopbouw",
                "Loting werkt pas voor iedereen als mensen goede begeleiding krijgen.",
                [
                    "Wie het moeilijk heeft, krijgt hulp bij het digitaal vergaderen.",
                    "Waar nodig is er een tolk.",
                ],
                "followed",
            ),
        ],
    },
    "en": {
        "title": "Making the city together, starting in the neighbourhoods",
        "intro": "This policy note explains how the city wants to decide together with the people of Ghent. We start close to home, in the 25 neighbourhoods.",
        "alderman": "Astrid De Bruycker, alderwoman for Equal Opportunities, Welfare, Community Work, Participation and Public Green Space",
        "department": "Policy Participation Service, with the Meeting and Connecting Service and the Social Coordination department",
        "commission": "Committee for Education, Welfare and Participation",
        "sections": [
            (
                "Why we start in the neighbourhoods",
                [
                    "Ghent has 25 neighbourhoods in three zones.",
                    "We decide with the residents what a neighbourhood needs.",
                    "Every neighbourhood gets its own page with the people who work there.",
                ],
                [
                    [
                        "The neighbourhood is where we live, go to school, work and meet each other.",
                        "That is why the city chooses to be close by.",
                        "Since 2003, Ghent has been divided into 25 neighbourhoods.",
                    ],
                    [
                        "They lie in three zones: the inner city, the 19th-century belt and the 20th-century belt.",
                        "We work together with residents, associations, shopkeepers and other partners.",
                    ],
                ],
                [
                    (
                        "A page for every neighbourhood",
                        [
                            "The neighbourhood page shows who you can talk to, with their name and photo.",
                            "You also find figures about the neighbourhood and the addresses of community centres.",
                        ],
                        "Policy Participation Service and the neighbourhood teams",
                        "From 2021",
                        "",
                    ),
                ],
            ),
            (
                "A neighbourhood budget for all 25 neighbourhoods",
                [
                    "The city sets aside 6.25 million euros for the neighbourhood budget.",
                    "Every neighbourhood gets between 150,000 and 350,000 euros.",
                    "Residents think of the projects and choose them.",
                ],
                [
                    [
                        "With the neighbourhood budget, residents help to shape their neighbourhood.",
                        "It builds on the citizens' budget of 2016 to 2018, and it is five times larger.",
                        "Eleven neighbourhoods start in September 2020, the other fourteen in September 2022.",
                    ],
                ],
                [
                    (
                        "Trying out drawing lots",
                        [
                            "In two neighbourhoods we draw lots for a citizens' panel of twenty residents.",
                            "The panel helps to decide which projects get money.",
                        ],
                        "Policy Participation Service, with Ghent University",
                        "From September 2020",
                        "",
                    ),
                ],
            ),
            (
                "The stories of the people of Ghent",
                ["Stories show how people live in their city."],
                [
                    [
                        "About 35 volunteer neighbourhood reporters, the Raconteurs, write down these stories.",
                        "They are active in 13 of the 25 neighbourhoods, and we want the network to grow.",
                    ],
                ],
                [],
            ),
            (
                "Strong advisory councils",
                [
                    "Ghent has eleven recognised advisory councils.",
                    "The city asks for their advice in time and says what it did with it.",
                ],
                [
                    [
                        "An advisory council gives the city advice on a topic or for a group of people.",
                        "The councils asked for enough time, a clear timetable and an answer afterwards.",
                    ],
                ],
                [
                    (
                        "Advice that is open and on time",
                        [
                            "Every piece of advice and the city's answer go online.",
                        ],
                        "Policy Participation Service and the Governance Support Service",
                        "From 2021",
                        "",
                    ),
                ],
            ),
            (
                "Open and clear decisions",
                [
                    "You can follow the topics of the city council with an RSS feed.",
                    "You can put an item on the agenda yourself.",
                    "Policy notes get a version in plain language.",
                ],
                [
                    [
                        "The city wants everyone to be able to follow what the city council decides.",
                        "To put an item on the agenda, you need the support of 1,000 people of Ghent aged 16 or over.",
                    ],
                ],
                [],
            ),
        ],
        "feedback": [
            (
                "Youth Council",
                "What happens to the views of the residents chosen by lot?",
                [
                    "The citizens' panel meets five times and helps to decide which projects get money.",
                ],
                "followed",
            ),
            (
                "SAPH, advisory council for people with a disability",
                "Show clearly what happens to our advice.",
                [
                    "Every piece of advice and the city's answer go online.",
                ],
                "followed",
            ),
        ],
    },
    "ar": {
        "title": "نصنع المدينة معًا، انطلاقًا من الأحياء",
        "intro": "تشرح مذكرة السياسة هذه كيف تريد المدينة أن تقرر مع سكان غنت. نبدأ قريبًا من البيت، في الأحياء الخمسة والعشرين.",
        "alderman": "أستريد دي بروكر، نائبة رئيس البلدية لشؤون تكافؤ الفرص والرفاه والعمل في الأحياء والمشاركة والمساحات الخضراء",
        "department": "دائرة المشاركة في السياسات، مع دائرة اللقاء والتواصل وقسم التنسيق الاجتماعي",
        "commission": "لجنة التعليم والرفاه والمشاركة",
        "sections": [
            (
                "لماذا نبدأ في الأحياء",
                [
                    "في غنت 25 حيًا في ثلاث مناطق.",
                    "نقرر مع السكان ما يحتاجه كل حي.",
                    "لكل حي صفحة خاصة فيها الأشخاص الذين يعملون فيه.",
                ],
                [
                    [
                        "الحي هو المكان الذي نسكن فيه ونذهب فيه إلى المدرسة ونعمل ونلتقي.",
                        "لذلك تختار المدينة أن تكون قريبة من الناس.",
                        "منذ 2003 تنقسم غنت إلى 25 حيًا.",
                    ],
                    [
                        "تقع الأحياء في ثلاث مناطق: وسط المدينة وحزام القرن التاسع عشر وحزام القرن العشرين.",
                        "نعمل مع السكان والجمعيات والتجار وغيرهم من الشركاء.",
                    ],
                ],
                [
                    (
                        "صفحة لكل حي",
                        [
                            "ترى في صفحة الحي من يمكنك أن تتحدث إليه، مع الاسم والصورة.",
                            "وتجد أيضًا أرقامًا عن الحي وعناوين مراكز الحي.",
                        ],
                        "دائرة المشاركة في السياسات وفرق الأحياء",
                        "ابتداءً من 2021",
                        "",
                    ),
                ],
            ),
            (
                "ميزانية لكل الأحياء الخمسة والعشرين",
                [
                    "تخصص المدينة 6,25 مليون يورو لميزانية الأحياء.",
                    "يحصل كل حي على مبلغ بين 150.000 و350.000 يورو.",
                    "السكان يقترحون المشاريع ويختارونها بأنفسهم.",
                ],
                [
                    [
                        "بميزانية الحي يشارك السكان في تشكيل حيّهم.",
                        "وهي تكمل ميزانية المواطنين من 2016 إلى 2018، وهي أكبر منها بخمس مرات.",
                        "بدأ أحد عشر حيًا في سبتمبر 2020، وتبدأ الأحياء الأربعة عشر الأخرى في سبتمبر 2022.",
                    ],
                ],
                [
                    (
                        "تجربة القرعة",
                        [
                            "في حيّين نختار بالقرعة لجنة المواطنين من عشرين ساكنًا.",
                            "تشارك اللجنة في اختيار المشاريع التي تحصل على المال.",
                        ],
                        "دائرة المشاركة في السياسات، مع جامعة غنت",
                        "ابتداءً من سبتمبر 2020",
                        "",
                    ),
                ],
            ),
            (
                "قصص سكان غنت",
                ["تُظهر القصص كيف يعيش الناس في مدينتهم."],
                [
                    [
                        "يكتب نحو 35 مراسلًا متطوعًا في الأحياء هذه القصص.",
                        "هم نشطون في 13 حيًا من أصل 25، ونريد أن تكبر شبكتهم.",
                    ],
                ],
                [],
            ),
            (
                "مجالس استشارية قوية",
                [
                    "في غنت أحد عشر مجلسًا استشاريًا معترفًا به.",
                    "تطلب المدينة نصيحتها في الوقت المناسب وتقول ماذا فعلت بها.",
                ],
                [
                    [
                        "المجلس الاستشاري يقدم النصح للمدينة عن موضوع أو عن فئة من الناس.",
                        "طلبت المجالس وقتًا كافيًا وجدولًا زمنيًا واضحًا وجوابًا بعد ذلك.",
                    ],
                ],
                [
                    (
                        "نصائح منشورة وفي وقتها",
                        [
                            "تُنشر كل نصيحة وجواب المدينة عليها على الإنترنت.",
                        ],
                        "دائرة المشاركة في السياسات ودائرة دعم الإدارة",
                        "ابتداءً من 2021",
                        "",
                    ),
                ],
            ),
            (
                "قرارات مفتوحة وواضحة",
                [
                    "تتابع مواضيع المجلس البلدي بخلاصة RSS.",
                    "يمكنك أن تضع نقطة على جدول الأعمال بنفسك.",
                    "لكل مذكرة سياسة نسخة بلغة واضحة.",
                ],
                [
                    [
                        "تريد المدينة أن يستطيع الجميع متابعة ما يقرره المجلس البلدي.",
                        "لتضع نقطة على جدول الأعمال تحتاج إلى دعم 1.000 من سكان غنت في سن 16 سنة أو أكثر.",
                    ],
                ],
                [],
            ),
        ],
        "feedback": [
            (
                "مجلس الشباب",
                "ماذا يحدث لرأي السكان الذين اختيروا بالقرعة؟",
                ["تجتمع لجنة المواطنين خمس مرات وتشارك في اختيار المشاريع التي تحصل على المال."],
                "followed",
            ),
            (
                "SAPH، المجلس الاستشاري للأشخاص ذوي الإعاقة",
                "أظهروا بوضوح ماذا يحدث لنصائحنا.",
                ["تُنشر كل نصيحة وجواب المدينة عليها على الإنترنت."],
                "followed",
            ),
        ],
    },
}


# --- The plain-language version ---------------------------------------------------------------
# Items: ("h", heading) | ("summary", heading, points) | ("p", sentences) |
#        ("line", pictogram name, sentence[, decorative])

PLAIN = {
    "nl": {
        "title": "Samen de stad maken",
        "intro": "De stad wil samen met jou beslissen. Dat begint in jouw wijk.",
        "body": [
            (
                "summary",
                "Samengevat",
                [
                    "Gent heeft 25 wijken.",
                    "Elke wijk krijgt geld voor projecten.",
                    "Jij kiest mee wat er met dat geld gebeurt.",
                    "De stad luistert naar de adviesraden.",
                    "Je kan volgen wat de stad beslist.",
                ],
            ),
            ("h", "Wat is het plan?"),
            ("line", "document", "Dit is de beleidsnota over meedoen in Gent."),
            ("line", "stemmen", "Meedoen heet ook participatie."),
            ("line", "stadhuis", "De stad maakt plannen voor de komende jaren."),
            ("line", "groep", "Die plannen maakt de stad samen met de Gentenaars."),
            ("h", "Alles begint in de wijk"),
            ("line", "wijk", "Gent is verdeeld in 25 wijken."),
            ("line", "huis", "Elke wijk is anders."),
            ("line", "persoon", "In elke wijk werken mensen van de stad."),
            ("line", "info", "Op de pagina van je wijk zie je wie ze zijn."),
            ("h", "Geld voor jouw wijk"),
            ("line", "geld", "De stad geeft geld aan elke wijk."),
            ("line", "geld", "Dat geld heet het wijkbudget.", True),
            ("line", "groep", "Bewoners bedenken samen projecten."),
            ("line", "stemmen", "Daarna kiezen ze welke projecten geld krijgen."),
            ("line", "kalender", "Elf wijken begonnen in 2020. De andere wijken volgen in 2022."),
            ("line", "vraag", "In twee wijken kiest het lot een burgerpanel."),
            ("h", "Verhalen uit de wijk"),
            ("line", "verhaal", "Vrijwilligers schrijven verhalen over hun wijk."),
            ("line", "camera", "Zo zie je hoe Gentenaars leven."),
            ("h", "Sterke adviesraden"),
            ("line", "spreken", "Een adviesraad geeft raad aan de stad."),
            ("line", "klok", "De stad vraagt op tijd om advies."),
            ("line", "vinkje", "Daarna zegt de stad wat ze met het advies deed."),
            ("h", "Volg wat de stad beslist"),
            ("line", "rss", "Met een RSS-feed volg je de gemeenteraad."),
            ("line", "vergadering", "Je kan zelf een punt op de agenda zetten."),
            ("line", "taal", "Elke nota krijgt een versie in klare taal."),
            (
                "p",
                [
                    "Heb je een vraag?",
                    "Bel of mail ons.",
                    "Je vindt onze gegevens onderaan deze pagina.",
                ],
            ),
        ],
    },
    "en": {
        "title": "Making the city together",
        "intro": "The city wants to decide together with you. That starts in your neighbourhood.",
        "body": [
            (
                "summary",
                "In short",
                [
                    "Ghent has 25 neighbourhoods.",
                    "Every neighbourhood gets money for projects.",
                    "You help to choose what happens with that money.",
                    "The city listens to the advisory councils.",
                    "You can follow what the city decides.",
                ],
            ),
            ("h", "What is the plan?"),
            ("line", "document", "This is the policy note about taking part in Ghent."),
            ("line", "stemmen", "Taking part is also called participation."),
            ("line", "stadhuis", "The city makes plans for the coming years."),
            ("line", "groep", "The city makes these plans with the people of Ghent."),
            ("h", "It all starts in the neighbourhood"),
            ("line", "wijk", "Ghent is divided into 25 neighbourhoods."),
            ("line", "huis", "Every neighbourhood is different."),
            ("line", "persoon", "City staff work in every neighbourhood."),
            ("line", "info", "The page of your neighbourhood shows who they are."),
            ("h", "Money for your neighbourhood"),
            ("line", "geld", "The city gives money to every neighbourhood."),
            ("line", "geld", "This money is called the neighbourhood budget.", True),
            ("line", "groep", "Residents think of projects together."),
            ("line", "stemmen", "Then they choose which projects get money."),
            (
                "line",
                "kalender",
                "Eleven neighbourhoods started in 2020. The others follow in 2022.",
            ),
            ("line", "vraag", "In two neighbourhoods, a citizens' panel is chosen by lot."),
            ("h", "Stories from the neighbourhood"),
            ("line", "verhaal", "Volunteers write stories about their neighbourhood."),
            ("line", "camera", "So you see how people in Ghent live."),
            ("h", "Strong advisory councils"),
            ("line", "spreken", "An advisory council gives advice to the city."),
            ("line", "klok", "The city asks for advice in good time."),
            ("line", "vinkje", "Then the city says what it did with the advice."),
            ("h", "Follow what the city decides"),
            ("line", "rss", "With an RSS feed you can follow the city council."),
            ("line", "vergadering", "You can put an item on the agenda yourself."),
            ("line", "taal", "Every policy note gets a version in plain language."),
            (
                "p",
                [
                    "Do you have a question?",
                    "Call us or send us an e-mail.",
                    "You find our details at the bottom of this page.",
                ],
            ),
        ],
    },
    "ar": {
        "title": "نصنع المدينة معًا",
        "intro": "تريد المدينة أن تقرر معك. ويبدأ ذلك في حيّك.",
        "body": [
            (
                "summary",
                "باختصار",
                [
                    "في غنت 25 حيًا.",
                    "يحصل كل حي على مال للمشاريع.",
                    "أنت تساعد في اختيار ما يحدث بهذا المال.",
                    "تستمع المدينة إلى المجالس الاستشارية.",
                    "يمكنك أن تتابع ما تقرره المدينة.",
                ],
            ),
            ("h", "ما هي الخطة؟"),
            ("line", "document", "هذه مذكرة السياسة عن المشاركة في غنت."),
            ("line", "stemmen", "أن تشارك يعني أن تفكر وتقرر معنا."),
            ("line", "stadhuis", "تضع المدينة خططًا للسنوات القادمة."),
            ("line", "groep", "تضع المدينة هذه الخطط مع سكان غنت."),
            ("h", "كل شيء يبدأ في الحي"),
            ("line", "wijk", "تنقسم غنت إلى 25 حيًا."),
            ("line", "huis", "كل حي مختلف."),
            ("line", "persoon", "في كل حي يعمل موظفون من المدينة."),
            ("line", "info", "في صفحة حيّك ترى من هم."),
            ("h", "مال لحيّك"),
            ("line", "geld", "تعطي المدينة مالًا لكل حي."),
            ("line", "geld", "اسم هذا المال ميزانية الحي.", True),
            ("line", "groep", "يفكر السكان معًا في مشاريع."),
            ("line", "stemmen", "ثم يختارون المشاريع التي تحصل على المال."),
            ("line", "kalender", "بدأ أحد عشر حيًا في 2020. وتتبعها الأحياء الأخرى في 2022."),
            ("line", "vraag", "في حيّين نختار لجنة المواطنين بالقرعة."),
            ("h", "قصص من الحي"),
            ("line", "verhaal", "يكتب متطوعون قصصًا عن حيّهم."),
            ("line", "camera", "هكذا ترى كيف يعيش سكان غنت."),
            ("h", "مجالس استشارية قوية"),
            ("line", "spreken", "المجلس الاستشاري يقدم النصح للمدينة."),
            ("line", "klok", "تطلب المدينة النصيحة في الوقت المناسب."),
            ("line", "vinkje", "بعد ذلك تقول المدينة ماذا فعلت بالنصيحة."),
            ("h", "تابع ما تقرره المدينة"),
            ("line", "rss", "بخلاصة RSS تتابع المجلس البلدي."),
            ("line", "vergadering", "يمكنك أن تضع نقطة على جدول الأعمال."),
            ("line", "taal", "لكل مذكرة سياسة نسخة بلغة واضحة."),
            ("p", ["هل عندك سؤال؟", "اتصل بنا أو راسلنا.", "تجد بياناتنا أسفل هذه الصفحة."]),
        ],
    },
}

GLOSSARY_PAGE = {
    "nl": (
        "Woordenlijst",
        "Hier vind je moeilijke woorden met een korte uitleg. Ze staan van A tot Z.",
    ),
    "en": ("Glossary", "Here you find difficult words with a short explanation, from A to Z."),
    "ar": ("مسرد الكلمات", "تجد هنا كلمات صعبة مع شرح قصير، مرتبة حسب الحروف."),
}


# --- Building the StreamField values ------------------------------------------------------------


def _section_value(section) -> dict:
    title, summary, paragraphs, actions = section
    return {
        "title": title,
        "summary": summary,
        "body": [
            {"type": "paragraph", "value": _p(" ".join(sentences))} for sentences in paragraphs
        ],
        "actions": [
            {
                "title": a_title,
                "what": _p(" ".join(what)),
                "who": who,
                "when": when,
                "budget": budget,
            }
            for a_title, what, who, when, budget in actions
        ],
    }


def _full_fields(lang: str) -> dict:
    text = FULL[lang]
    return {
        "title": text["title"],
        "intro": text["intro"],
        "listing_summary": text["intro"],
        "alderman": text["alderman"],
        "department": text["department"],
        "commission": text["commission"],
        "body": [{"type": "section", "value": _section_value(s)} for s in text["sections"]],
        "feedback": [
            {
                "type": "feedback",
                "value": {
                    "source": source,
                    "signal": signal,
                    "response": _p(" ".join(response)),
                    "outcome": outcome,
                    "page": None,
                },
            }
            for source, signal, response, outcome in text["feedback"]
        ],
    }


def _plain_fields(lang: str, pictograms: dict) -> dict:
    text = PLAIN[lang]
    body = []
    for item in text["body"]:
        kind = item[0]
        if kind == "h":
            body.append({"type": "heading", "value": {"text": item[1], "level": "h2"}})
        elif kind == "summary":
            body.append({"type": "summary", "value": {"heading": item[1], "points": item[2]}})
        elif kind == "p":
            body.append({"type": "paragraph", "value": _p(*item[1])})
        else:
            body.append(
                {
                    "type": "pictogram_paragraph",
                    "value": {
                        "pictogram": pictograms[item[1]].pk,
                        "text": _p(item[2]),
                        "decorative": len(item) > 3 and item[3],
                    },
                }
            )
    return {"plain_title": text["title"], "plain_intro": text["intro"], "plain_body": body}


def _pdf(lines: list[str]) -> bytes:
    """A minimal one-page PDF with a few lines of ASCII text (no PDF library needed)."""
    text = ["BT", "/F1 14 Tf", "72 770 Td", "18 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        text.append(f"({escaped}) '")
    text.append("ET")
    stream = "\n".join(text).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    output = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(output)
    output += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        output += f"{offset:010d} 00000 n \n".encode()
    output += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(output)


def _document():
    model = get_document_model()
    document = model.objects.filter(title=DOCUMENT_TITLE).first()
    if document is None:
        document = model(title=DOCUMENT_TITLE)
        document.file.save(
            "beleidsnota-participatie-demo.pdf",
            ContentFile(
                _pdf(
                    [
                        "Samen stad maken, vanuit de wijken",
                        "Beleidsnota participatie 2020-2025",
                        "",
                        "Demo-document van de site Samen stad maken.",
                        "De volledige tekst staat op de website.",
                    ]
                )
            ),
            save=False,
        )
        document._set_document_file_metadata()  # file size and hash, as the upload form does
        document.save()
    return document


def _localized_pictograms(locale, source_pictograms: dict) -> dict:
    return {
        name: pictogram.get_translation_or_none(locale) or pictogram
        for name, pictogram in source_pictograms.items()
    }


@transaction.atomic
def load_policy_note(stdout) -> None:
    """The glossary page and the policy note, in Dutch, English and Arabic (if missing)."""
    nl = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.filter(locale=nl).first()
    if home is None:
        return
    locales = {code: Locale.objects.filter(language_code=code).first() for code in LANGUAGES}
    locales = {code: locale for code, locale in locales.items() if locale}

    glossary = GlossaryPage.objects.filter(locale=nl).first()
    if glossary is None:
        title, intro = GLOSSARY_PAGE["nl"]
        glossary = home.add_child(
            instance=GlossaryPage(title=title, slug=GLOSSARY_SLUG, intro=intro)
        )
        glossary.save_revision().publish()
    for code, locale in locales.items():
        title, intro = GLOSSARY_PAGE[code]
        translate_page(glossary, locale, title=title, intro=intro)

    pictograms = {p.shipped_name: p for p in Pictogram.objects.filter(locale=nl)}
    note = PolicyNotePage.objects.filter(locale=nl, slug=NOTE_SLUG).first()
    if note is None:
        note = home.add_child(
            instance=PolicyNotePage(
                slug=NOTE_SLUG,
                date_draft=date(2020, 9, 12),
                date_commission=date(2020, 10, 7),
                date_council=date(2021, 1, 25),
                document=_document(),
                **_full_fields("nl"),
                **_plain_fields("nl", pictograms),
            )
        )
        note.themes.set(
            Theme.objects.filter(
                locale=nl, slug__in=["participatie-en-democratie", "armoede-en-gelijke-kansen"]
            )
        )
        note.save_revision().publish()
    for code, locale in locales.items():
        translate_page(
            note,
            locale,
            **_full_fields(code),
            **_plain_fields(code, _localized_pictograms(locale, pictograms)),
        )
    stdout.write(f"Plain language: policy note and glossary page in {1 + len(locales)} languages.")
