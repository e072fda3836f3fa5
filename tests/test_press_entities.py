"""The press-release layer over the NER model (kaznlp/entities/press.py): each class of error that press releases
showed, with real-looking sentences in and exact entities out (entities-spec.md)."""

import pytest

import kaznlp

pytest.importorskip("spacy")

CASES = [
    # an abbreviation of a kind of school is no place; numbered schools are organisations
    ("Бұл сайысқа № 24 ЖББОМ және №1 гимназия оқушылары қатысты.",
     [("ORGANISATION", "№ 24 ЖББОМ", "№ 24 ЖББОМ", None), ("ORGANISATION", "№1 гимназия", "№1 гимназия", None)]),
    # a place read as a person
    ("Ұшақтар Алматы және Бангкоктан Астанаға ұшады.",
     [("GPE", "Алматы", "Алматы", None), ("GPE", "Бангкоктан", "Бангкок", None), ("GPE", "Астанаға", "Астана", None)]),
    # a capitalised common word opening a sentence read as a person
    ("Декларацияны электрондық үлгіде толтыруға болады.", []),
    ("Жүйенің пилотты порталы іске қосылды. Декларацияны электрондық үлгіде толтырып, сайт арқылы тапсыруға болады.",
     []),
    # a country read as a person
    ("Әзербайжан делегациясы келді.", [("GPE", "Әзербайжан", "Әзербайжан", None)]),
    # a surname running into a place
    ("Бұл туралы Жошыбаев Әзербайжанның өкілдерімен кездесуде айтты.",
     [("PERSON", "Жошыбаев", "Жошыбаев", None), ("GPE", "Әзербайжанның", "Әзербайжан", None)]),
    # an adjective in -кі read as a place, and a postposition inside an organisation's name
    ("Ішкі рейстер бойынша әуе компаниясы жұмыс істейді.", []),
    # a post keeps its body, and the body is an entity of its own, nested; the place keeps its kind word
    ("Шымкент қаласының әкімі Мұрат Әйтенов нысанды аралады.",
     [("POSITION", "Шымкент қаласының әкімі", "Шымкент қаласының әкімі", None),
      ("GPE", "Шымкент қаласының", "Шымкент қаласы", "POSITION"), ("PERSON", "Мұрат Әйтенов", "Мұрат Әйтенов", None)]),
    # a person with an initial; an organisation in quotes with its legal form, and the post it heads (the legal
    # form takes no genitive before a post: entities-spec's «Восток» ЖШС директоры), the body nested
    ("Сот Б. Усабеков пен «Вадиса М» ЖШС директорына үкім шығарды.",
     [("PERSON", "Б. Усабеков", "Б. Усабеков", None),
      ("POSITION", "«Вадиса М» ЖШС директорына", "«Вадиса М» ЖШС директорына", None),
      ("ORGANISATION", "«Вадиса М» ЖШС", "«Вадиса М» ЖШС", "POSITION")]),
    # a person with initials ends at the ending of the surname: the model ran on into the next word
    ("Кездесуде Қ.Тоқаевтың Жолдауы талқыланды.", [("PERSON", "Қ.Тоқаевтың", "Қ.Тоқаев", None)]),
    # a river and an avenue with their kind words
    ("Сырдария өзені бойымен жұмыс жүргізілді, Абай даңғылы жабылды.",
     [("LOCATION", "Сырдария өзені", "Сырдария өзені", None), ("FACILITY", "Абай даңғылы", "Абай даңғылы", None)]),
    # base forms of what is no name: the text as written, never a cut word
    ("Жол жыл сайын жөнделеді, 2025 жылға дейін аяқталады.",
     [("DATE", "жыл сайын", "жыл сайын", None), ("DATE", "2025 жылға дейін", "2025 жылға дейін", None)]),
    # a unit of a body, after the body in the genitive, belongs to its name; a foreign name in Latin letters too
    ("Бұл туралы Астана қаласы әкімдігінің ахуал орталығы хабарлайды.",
     [("ORGANISATION", "Астана қаласы әкімдігінің ахуал орталығы", "Астана қаласы әкімдігінің ахуал орталығы", None),
      ("GPE", "Астана қаласы", "Астана қаласы", "ORGANISATION")]),
    ("Bek Air компаниясына тиесілі ұшақ қонды.",
     [("ORGANISATION", "Bek Air компаниясына", "Bek Air компаниясы", None)]),
    # a post after a unit of a body: the unit nested
    ("Бұл туралы Бірінші полиция бөлімшесінің бастығы Тілеген Әлжанов айтты.",
     [("POSITION", "Бірінші полиция бөлімшесінің бастығы", "Бірінші полиция бөлімшесінің бастығы", None),
      ("ORGANISATION", "Бірінші полиция бөлімшесінің", "Бірінші полиция бөлімшесі", "POSITION"),
      ("PERSON", "Тілеген Әлжанов", "Тілеген Әлжанов", None)]),
    # a name in quotes with the head word of a body after it; the post it heads, the body nested
    ("Оған «Талапкер» тілдер орталығының жетекшісі қатысты.",
     [("POSITION", "«Талапкер» тілдер орталығының жетекшісі", "«Талапкер» тілдер орталығының жетекшісі", None),
      ("ORGANISATION", "«Талапкер» тілдер орталығының", "«Талапкер» тілдер орталығы", "POSITION")]),
    # an adjective alone names nothing; a head word in the plural names no body (банктерге)
    ("Бұл жұмысқа Мемлекеттік баж салығы да кіреді.", []),
    ("Осыған байланысты Қазақстанда микроқаржы ұйымдарының қызметі банктерге теңестірілді.",
     [("GPE", "Қазақстанда", "Қазақстан", None)]),
    # a name ends where its sentence does (the agency after the dateline is one, and no more)
    ("АСТАНА, 9 шілде — Sputnik. Қазақстанда жаңа ереже енгізілді.",
     [("GPE", "АСТАНА", "Астана", None), ("DATE", "9 шілде", "9 шілде", None),
      ("ORGANISATION", "Sputnik", "Sputnik", None), ("GPE", "Қазақстанда", "Қазақстан", None)]),
    # the post of a place named by its kind word alone (entities-spec: облыс әкімі)
    ("Қала әкімі тұрғындарға жауап берді. Оны аудан әкімінің орынбасары қарсы алды.",
     [("POSITION", "Қала әкімі", "Қала әкімі", None),
      ("POSITION", "аудан әкімінің орынбасары", "аудан әкімінің орынбасары", None)]),
    # a place in the genitive before a body is part of its name
    ("Бұл үшін Қазақстан Республикасының Ұлттық Банкі бағдарламаны бекітті.",
     [("ORGANISATION", "Қазақстан Республикасының Ұлттық Банкі", "Қазақстан Республикасының Ұлттық Банкі", None),
      ("GPE", "Қазақстан Республикасының", "Қазақстан Республикасы", "ORGANISATION")]),
    # a title after a name stays in the name of the street or place named after the person (spec: Өтеген батыр)
    ("Сағат 10:00-ден бастап Абылай хан даңғылы жабылады.",
     [("TIME", "10:00-ден", "10:00-ден", None), ("FACILITY", "Абылай хан даңғылы", "Абылай хан даңғылы", None)]),
    # a place inside a word of a name is no mention of the place
    ("Жаңа жүйе іске қосылды. «Астана-1» ақпараттық жүйесі жұмыс істейді.",
     [("PROJECT", "«Астана-1»", "«Астана-1»", None)]),
    # direct speech after a colon and a dash opens a sentence: its capitalised first word is no place
    # (басқарма басшысы: the post of a body named by its kind, as the gold of the releases marks it)
    ("Бұл туралы басқарма басшысы айтты: - Соттың үкімі бойынша айыппұл салынды.",
     [("POSITION", "басқарма басшысы", "басқарма басшысы", None)]),
    # an acting post; a body in the nominative before a post (компаниясы директорының); the level of a body in
    # lower case before it belongs to the post, not to the body's name
    ("Данияр Закарин, «Mabco constructions S.A.» компаниясы директорының қызметін атқарушы, сөз сөйледі.",
     [("PERSON", "Данияр Закарин", "Данияр Закарин", None),
      ("POSITION", "«Mabco constructions S.A.» компаниясы директорының қызметін атқарушы",
       "«Mabco constructions S.A.» компаниясы директорының қызметін атқарушы", None),
      ("ORGANISATION", "«Mabco constructions S.A.» компаниясы", "«Mabco constructions S.A.» компаниясы", "POSITION")]),
    ("дейді қалалық Жұмыспен қамту және әлеуметтік қорғау басқармасының басшысы Балмаржан Нарбекова.",
     [("POSITION", "қалалық Жұмыспен қамту және әлеуметтік қорғау басқармасының басшысы",
       "қалалық Жұмыспен қамту және әлеуметтік қорғау басқармасының басшысы", None),
      ("ORGANISATION", "Жұмыспен қамту және әлеуметтік қорғау басқармасының",
       "Жұмыспен қамту және әлеуметтік қорғау басқармасы", "POSITION"),
      ("PERSON", "Балмаржан Нарбекова", "Балмаржан Нарбекова", None)]),
    # an abbreviated body before a post, the abbreviations before it with it, nested; a legal form alone is nothing
    ("Қайрат Садықов, СҚО ТЖД бас маманы, оқиға туралы айтты.",
     [("PERSON", "Қайрат Садықов", "Қайрат Садықов", None), ("POSITION", "СҚО ТЖД бас маманы", "СҚО ТЖД бас маманы", None),
      ("ORGANISATION", "СҚО ТЖД", "СҚО ТЖД", "POSITION")]),
    ("Сот ЖШС директорына үкім шығарды.", []),
    # a name in quotes right before an abbreviated kind of body is the body's name
    ("Оған «Әлем»БЖО бас әдіскері қатысты.",
     [("POSITION", "«Әлем»БЖО бас әдіскері", "«Әлем»БЖО бас әдіскері", None),
      ("ORGANISATION", "«Әлем»БЖО", "«Әлем»БЖО", "POSITION")]),
    # what is nested in a body (ҚР) does not keep the body from heading a post
    ("Үмітгүл Ғұбашева, ҚР ҚМ МКК Кедендік бақылау ұйымы басшысының орынбасары, сөз сөйледі.",
     [("PERSON", "Үмітгүл Ғұбашева", "Үмітгүл Ғұбашева", None),
      ("POSITION", "ҚР ҚМ МКК Кедендік бақылау ұйымы басшысының орынбасары",
       "ҚР ҚМ МКК Кедендік бақылау ұйымы басшысының орынбасары", None),
      ("ORGANISATION", "ҚР ҚМ МКК Кедендік бақылау ұйымы", "ҚР ҚМ МКК Кедендік бақылау ұйымы", "POSITION"),
      ("GPE", "ҚР", "ҚР", None)]),
    # a press service is part of its body's name
    ("Ақорданың баспасөз қызметі хабарлады.",
     [("ORGANISATION", "Ақорданың баспасөз қызметі", "Ақорданың баспасөз қызметі", None)]),
    # surname, first name, patronymic
    ("Козлова Мария Александровна байқауға қатысты.",
     [("PERSON", "Козлова Мария Александровна", "Козлова Мария Александровна", None)]),
    # a programme in quotes keeps its quotes and kind word
    ("«Еңбек» мемлекеттік бағдарламасының жұмысы жалғасады.",
     [("PROJECT", "«Еңбек» мемлекеттік бағдарламасының", "«Еңбек» мемлекеттік бағдарламасы", None)]),
    # common words opening a sentence are no places (Поэзия, Телевидения); nor is a stump compound of
    # мемлекеттік "state" (Мемқызмет), wherever it stands
    ("Көрермендер ақындардың өлеңдерін тыңдай алады. Поэзия кеші сағат 18:00-де басталады.",
     [("TIME", "18:00-де", "18:00-де", None)]),
    ("Поэзия кеші облыстық кітапханада өтті.", []),
    ("Мобильді құлдық жойылды. Телевидения инфрақұрылымының қолжетімділігі қамтамасыз етілді.", []),
    ("854 мың адам тіркелді. Бүгінде Мемқызмет тізілімінде 739 атау бар.",
     [("CARDINAL", "854 мың", "854 мың", None), ("DATE", "Бүгінде", "Бүгінде", None), ("CARDINAL", "739", "739", None)]),
    # ALL-CAPS headlines: the entities of the same words in normal case, ordinary words no names
    ("ШЫМКЕНТТЕ ЖАҢА ЗАУЫТ АШЫЛДЫ Шымкент қаласында жаңа зауыт ашылды.",
     [("GPE", "ШЫМКЕНТТЕ", "Шымкент", None), ("GPE", "Шымкент қаласында", "Шымкент қаласы", None)]),
    ("АСТАНАДА ХАЛЫҚАРАЛЫҚ ФОРУМ БАСТАЛДЫ", [("GPE", "АСТАНАДА", "Астана", None)]),
    ("ЕҢБЕК НАРЫҒЫНДА ЖАҢА ӨЗГЕРІСТЕР", []),
    ("ТҮРКІСТАН ОБЛЫСЫНДА ЖАҢА МЕКТЕП АШЫЛДЫ", [("GPE", "ТҮРКІСТАН ОБЛЫСЫНДА", "Түркістан облысы", None)]),
    # a chain of abbreviations is no headline
    ("Бұл туралы ҚР ҚМ МКК Кедендік бақылау ұйымы хабарлады.",
     [("ORGANISATION", "ҚР ҚМ МКК Кедендік бақылау ұйымы", "ҚР ҚМ МКК Кедендік бақылау ұйымы", None),
      ("GPE", "ҚР", "ҚР", "ORGANISATION")]),
    # a medium's web address is one organisation, not a name and a number (kz as CARDINAL), with what it is
    ("Бұл туралы 7kun.kz ақпарат агенттігі хабарлады.",
     [("ORGANISATION", "7kun.kz ақпарат агенттігі", "7kun.kz ақпарат агенттігі", None)]),
    ("Бұл туралы Tengrinews.kz және Zakon.kz хабарлады.",
     [("ORGANISATION", "Tengrinews.kz", "Tengrinews.kz", None), ("ORGANISATION", "Zakon.kz", "Zakon.kz", None)]),
    # a link or an e-mail address is no medium's name
    ("Толығырақ www.gov.kz сайтынан немесе info@gov.kz поштасы арқылы білуге болады.", []),
    # a place's kind word needs the compound's possessive: облыста ("in the region") is none; a name stays whole
    ("Бұл туралы Серікбай Өмірзақов облыста күріш өсірілетінін айтты.",
     [("PERSON", "Серікбай Өмірзақов", "Серікбай Өмірзақов", None)]),
    ("Шиелі ауданында және Шығыс Қазақстан облыстарында жаңбыр жауады.",
     [("GPE", "Шиелі ауданында", "Шиелі ауданы", None),
      ("GPE", "Шығыс Қазақстан облыстарында", "Шығыс Қазақстан облысы", None)]),
    # a name in -стан is no stem plus the ablative -тан
    ("Қазақстан Президенті сөз сөйледі.",
     [("POSITION", "Қазақстан Президенті", "Қазақстан Президенті", None),
      ("GPE", "Қазақстан", "Қазақстан", "POSITION")]),
    # a street the model reads as an organisation is a facility, by its kind word
    ("Сарыарқа ауданының Пионерская көшесі жабылады.",
     [("GPE", "Сарыарқа ауданының", "Сарыарқа ауданы", None),
      ("FACILITY", "Пионерская көшесі", "Пионерская көшесі", None)]),
    # named events (entities-spec EVENT): a name in quotes or in capitals with its year, the words that say what
    # it is, then the kind of event; the same name in capitals again, with a case ending; an event's commissioner
    ("Баршаңызды «KADEX - 2018» қару-жарақ және әскери-техникалық V Халықаралық көрмесіне қатысуға шақырамын.",
     [("EVENT", "«KADEX - 2018» қару-жарақ және әскери-техникалық V Халықаралық көрмесіне",
       "«KADEX - 2018» қару-жарақ және әскери-техникалық V Халықаралық көрмесі", None)]),
    ("«Қазақстандағы ғарыш күндері» Халықаралық форумы тұңғыш рет өткізіледі.",
     [("EVENT", "«Қазақстандағы ғарыш күндері» Халықаралық форумы",
       "«Қазақстандағы ғарыш күндері» Халықаралық форумы", None)]),
    ("Кездесу соңында Әзербайжан тарапы ЕХРО-2017 көрмесіне қатысатындығы туралы келісімшартқа қол қойды. "
     "Қазірге дейін 55 мемлекет ЕХРО-ға қатысатынын ресми түрде растап үлгерді.",
     [("GPE", "Әзербайжан", "Әзербайжан", None), ("EVENT", "ЕХРО-2017 көрмесіне", "ЕХРО-2017 көрмесі", None),
      ("CARDINAL", "55", "55", None), ("EVENT", "ЕХРО-ға", "ЕХРО", None)]),
    ("Мемлекет басшысының Қазақстан-Польша бизнес-форумына қатысуы көзделген.",
     [("POSITION", "Мемлекет басшысының", "Мемлекет басшысы", None),
      ("EVENT", "Қазақстан-Польша бизнес-форумына", "Қазақстан-Польша бизнес-форумына", None)]),
    ("Сыртқы істер министрінің бірінші орынбасары – ЕХРО-2017 комиссары Рапиль Жошыбаев іссапармен барды.",
     [("POSITION", "Сыртқы істер министрінің бірінші орынбасары", "Сыртқы істер министрінің бірінші орынбасары", None),
      ("POSITION", "ЕХРО-2017 комиссары", "ЕХРО-2017 комиссары", None), ("EVENT", "ЕХРО-2017", "ЕХРО-2017", "POSITION"),
      ("PERSON", "Рапиль Жошыбаев", "Рапиль Жошыбаев", None)]),
    # a name in quotes with the kind of body after it is the body (a school, a kindergarten, a channel), with its
    # number; a name before the kind of body too; an abbreviation at the end of a web address is no part of a body
    ("«Қуаныш» балабақшасы 2011 жылы ашылыпты.",
     [("ORGANISATION", "«Қуаныш» балабақшасы", "«Қуаныш» балабақшасы", None),
      ("DATE", "2011 жылы", "2011 жылы", None)]),
    ("Бұл туралы «Хабар 24» телеарнасының тікелей эфирінен айтты.",
     [("ORGANISATION", "«Хабар 24» телеарнасының", "«Хабар 24» телеарнасы", None)]),
    ("Жаңа модульдік қазандық Айдабол орта мектебінің маңында орналасқан.",
     [("ORGANISATION", "Айдабол орта мектебінің", "Айдабол орта мектебі", None)]),
    ("Мұны KAZ.NUR.KZ «Мой город» басылымына сілтеме жасап хабарлады.",
     [("ORGANISATION", "KAZ.NUR.KZ", "KAZ.NUR.KZ", None),
      ("ORGANISATION", "«Мой город» басылымына", "«Мой город» басылымы", None)]),
    # words in quotes alone, with no kind of body, are no organisation; nor is the common name of a kind of body
    # that opens a sentence; a proper body (Мәжіліс) is one
    ("Грант мынадай бағыттар бойынша беріледі: «Ғылым» – ғылымның басым секторларында жаңа ғылыми жобаларды іске "
     "асыруға арналған; «Мәдениет» – Қазақстанның мәдени мұрасын танымал етуге арналған.",
     [("GPE", "Қазақстанның", "Қазақстан", None)]),
    ("Онда 37 педагог жұмыс жасайды. Мектептің бұрынғы ғимараты асар әдісімен салынған.",
     [("CARDINAL", "37", "37", None)]),
    ("Мәжіліс заң жобасын мақұлдады.", [("ORGANISATION", "Мәжіліс", "Мәжіліс", None)]),
    # a post of a body named by its kind alone is one POSITION (data/body_kind_nouns.txt), in the genitive too
    ("Шараға аудан әкімінің орынбасары Дарын Сабырғалиұлы, мәслихат хатшысы Берік Оралбайұлы қатысты.",
     [("POSITION", "аудан әкімінің орынбасары", "аудан әкімінің орынбасары", None),
      ("PERSON", "Дарын Сабырғалиұлы", "Дарын Сабырғалиұлы", None),
      ("POSITION", "мәслихат хатшысы", "мәслихат хатшысы", None), ("PERSON", "Берік Оралбайұлы", "Берік Оралбайұлы", None)]),
    ("– Қуанып жүрміз, – деді бұл орайда, зауыттың бас технологы Юлия Зинченко.",
     [("POSITION", "зауыттың бас технологы", "зауыттың бас технологы", None),
      ("PERSON", "Юлия Зинченко", "Юлия Зинченко", None)]),
    # the country a body opens with is nested in it, with its kind word (Федерациясы, Республикасы) or as an
    # abbreviation (ҚР); a body read across a place starts with it; a capitalised post after a body in the
    # nominative is a title of its own; an adjective of a place is no place
    ("2014 жылдан бастап 452 түлек Ресей Федерациясы Үкіметінің гранттарын жеңіп алды.",
     [("DATE", "2014 жылдан", "2014 жылдан", None), ("CARDINAL", "452", "452", None),
      ("ORGANISATION", "Ресей Федерациясы Үкіметінің", "Ресей Федерациясы Үкіметі", None),
      ("GPE", "Ресей Федерациясы", "Ресей Федерациясы", "ORGANISATION")]),
    ("Бұл Қазақстан Республикасы Қорғаныс және аэроғарыш өнеркәсібі министрлігінің бастамасы.",
     [("ORGANISATION", "Қазақстан Республикасы Қорғаныс және аэроғарыш өнеркәсібі министрлігінің",
       "Қазақстан Республикасы Қорғаныс және аэроғарыш өнеркәсібі министрлігі", None),
      ("GPE", "Қазақстан Республикасы", "Қазақстан Республикасы", "ORGANISATION")]),
    ("ҚР Ақпарат және қоғамдық даму министрлігі Мемлекет Басшысы тағайындаған грантқа құжаттар қабылдайды.",
     [("ORGANISATION", "ҚР Ақпарат және қоғамдық даму министрлігі", "ҚР Ақпарат және қоғамдық даму министрлігі", None),
      ("GPE", "ҚР", "ҚР", "ORGANISATION"), ("POSITION", "Мемлекет Басшысы", "Мемлекет Басшысы", None)]),
    ("Күні бүгінге дейінгі жетістігіне тоқталар болсақ, Қазақстандық сапа орталығының сертификатын алды.",
     [("DATE", "бүгінге дейінгі", "бүгінге дейінгі", None),
      ("ORGANISATION", "Қазақстандық сапа орталығының", "Қазақстандық сапа орталығы", None)]),
    # the abbreviation of a region (data/abbreviation_entities.tsv: БҚО, СҚО, ШҚО, ОҚО) is a place; the post of a
    # body named by its kind (басқарма басшысы); the dash of direct speech and the verb after it name nothing
    ("Айта кетейік, БҚО аумағында 1 әуе, 2 теміржол бекеті бар.",
     [("GPE", "БҚО", "БҚО", None), ("CARDINAL", "1", "1", None), ("CARDINAL", "2", "2", None)]),
    ("«Бұл қалдық 180 тоннаны құрайды», – дейді басқарма басшысы Миржан Нұртазиев.",
     [("QUANTITY", "180", "180", None),
      ("POSITION", "басқарма басшысы", "басқарма басшысы", None),
      ("PERSON", "Миржан Нұртазиев", "Миржан Нұртазиев", None)]),
    # a one-word name the text gives a place with its kind word is that place wherever else it stands alone, with a
    # case ending too, in a longer title in quotes too; not a name alone in quotes (a farm named after the village)
    ("Үкімет комиссиясы Қордай ауданында жұмыс істеді. Кейін Facebook желісінде \"Қордайдағы видеолар\" деген "
     "атаумен видео тарады. Қордайдағы жағдай тұрақты.",
     [("ORGANISATION", "Үкімет", "Үкімет", None), ("GPE", "Қордай ауданында", "Қордай ауданы", None),
      ("ORGANISATION", "Facebook", "Facebook", None), ("GPE", "Қордайдағы", "Қордай", None),
      ("GPE", "Қордайдағы", "Қордай", None)]),
    ("Сапар Жаңақорған ауданының Түгіскен ауылынан басталды. Бұл күні Түгіскеннен екі бірдей нысан ашылды. Бұрын "
     "«Түгіскен» тұқым шаруашылығы теңгеріміндегі ғимаратта орналасқан.",
     [("GPE", "Жаңақорған ауданының", "Жаңақорған ауданы", None), ("GPE", "Түгіскен ауылынан", "Түгіскен ауылы", None),
      ("GPE", "Түгіскеннен", "Түгіскен", None), ("CARDINAL", "екі", "екі", None),
      ("ORGANISATION", "«Түгіскен» тұқым шаруашылығы", "«Түгіскен» тұқым шаруашылығы", None)]),
    # a post the model reads whole keeps the body a rule finds at its start, nested; the abbreviation of a country
    # in the genitive heads a post (ҚХР-дың Төрағасы), the model's person Төрағасы gives way
    ("Олар «Талапкер» тілдер орталығының жетекшісі Күнтуған Кулжан, «Контакт» ағылшын тілі мектебінің жетекшісі.",
     [("POSITION", "«Талапкер» тілдер орталығының жетекшісі", "«Талапкер» тілдер орталығының жетекшісі", None),
      ("ORGANISATION", "«Талапкер» тілдер орталығының", "«Талапкер» тілдер орталығы", "POSITION"),
      ("PERSON", "Күнтуған Кулжан", "Күнтуған Кулжан", None),
      ("POSITION", "«Контакт» ағылшын тілі мектебінің жетекшісі", "«Контакт» ағылшын тілі мектебінің жетекшісі", None),
      ("ORGANISATION", "«Контакт» ағылшын тілі мектебінің", "«Контакт» ағылшын тілі мектебі", "POSITION")]),
    ("Нұрсұлтан Назарбаев 1-5 қыркүйек аралығында ҚХР-дың Төрағасы Си Цзиньпиннің шақыруымен барады.",
     [("PERSON", "Нұрсұлтан Назарбаев", "Нұрсұлтан Назарбаев", None),
      ("DATE", "1-5 қыркүйек", "1-5 қыркүйек", None),
      ("POSITION", "ҚХР-дың Төрағасы", "ҚХР-дың Төрағасы", None), ("GPE", "ҚХР-дың", "ҚХР", "POSITION"),
      ("PERSON", "Си Цзиньпиннің", "Си Цзиньпин", None)]),
    # the abbreviation of a country right before a post belongs to it, and is nested in it
    ("Рәпіл Жошыбаев, ҚР Сыртқы істер министрінің орынбасары, EXPO-2017 көрмесінің комиссары сөз сөйледі.",
     [("PERSON", "Рәпіл Жошыбаев", "Рәпіл Жошыбаев", None),
      ("POSITION", "ҚР Сыртқы істер министрінің орынбасары", "ҚР Сыртқы істер министрінің орынбасары", None),
      ("GPE", "ҚР", "ҚР", "POSITION"),
      ("POSITION", "EXPO-2017 көрмесінің комиссары", "EXPO-2017 көрмесінің комиссары", None),
      ("EVENT", "EXPO-2017 көрмесінің", "EXPO-2017 көрмесі", "POSITION")]),
    # named buildings: a name, up to three words saying what it is, then its kind (data/facility_kinds.txt); not a
    # word that only opens its sentence (Жаңа "new"), nor a word with a case ending (the compound's first noun)
    ("Алайда қазан айының соңында Атырау мұнай өңдеу зауыты жөндеуге тоқтады.",
     [("DATE", "қазан айының соңында", "қазан айының соңында", None),
      ("FACILITY", "Атырау мұнай өңдеу зауыты", "Атырау мұнай өңдеу зауыты", None)]),
    ("Ал қазақстандық «Сырым» шекара бекетінде қырықтай машина тұр.",
     [("NORP", "қазақстандық", "қазақстандық", None),
      ("FACILITY", "«Сырым» шекара бекетінде", "«Сырым» шекара бекеті", None)]),
    ("Жаңа цемент зауыты іске қосылды.", []),
    # the source after a verb of reporting (деп хабарлайды) is an organisation; a web address stays whole
    ("Бұл туралы министр Дәурен Абаев айтты, деп хабарлайды ҚазАқпарат тілшісі.",
     [("POSITION", "министр", "министр", None), ("PERSON", "Дәурен Абаев", "Дәурен Абаев", None),
      ("ORGANISATION", "ҚазАқпарат", "ҚазАқпарат", None)]),
    ("Ол мәлім етті, деп хабарлайды Tengrinews.kz тілшісі.",
     [("ORGANISATION", "Tengrinews.kz", "Tengrinews.kz", None)]),
    # a list of places that writes their kind once, in the plural, after the last: a GPE for each name
    ("Үкімет комиссиясы Қордай, Масанчи, Ауқатты, Сортөбе елді мекендеріндегі жағдаймен танысты.",
     [("ORGANISATION", "Үкімет комиссиясы", "Үкімет комиссиясы", None), ("GPE", "Қордай", "Қордай", None),
      ("GPE", "Масанчи", "Масанчи", None), ("GPE", "Ауқатты", "Ауқатты", None), ("GPE", "Сортөбе", "Сортөбе", None)]),
    ("Масанчи және Сарытөбе ауылдары шекарада орналасқан.",
     [("GPE", "Масанчи", "Масанчи", None), ("GPE", "Сарытөбе ауылдары", "Сарытөбе ауылы", None)]),
    # a legal form before a name in quotes (Russian usage) or inside nested quotes: an organisation, whatever the
    # model read; the post after it, with a unit of the body in between, holds it nested
    ("Кездесуге ТОО «Береке Құрылыс» директоры Асқар Нұрланов қатысты.",
     [("POSITION", "ТОО «Береке Құрылыс» директоры", "ТОО «Береке Құрылыс» директоры", None),
      ("ORGANISATION", "ТОО «Береке Құрылыс»", "ТОО «Береке Құрылыс»", "POSITION"),
      ("PERSON", "Асқар Нұрланов", "Асқар Нұрланов", None)]),
    ("Келісімшартқа «НК «ҚТЖ» АҚ» мен ЖК «Айгерім» қол қойды.",
     [("ORGANISATION", "«НК «ҚТЖ» АҚ»", "«НК «ҚТЖ» АҚ»", None), ("ORGANISATION", "ЖК «Айгерім»", "ЖК «Айгерім»", None)]),
    ("Жиынға АО «Казпочта» қаржы басқармасының орынбасары қатысты.",
     [("POSITION", "АО «Казпочта» қаржы басқармасының орынбасары", "АО «Казпочта» қаржы басқармасының орынбасары", None),
      ("ORGANISATION", "АО «Казпочта»", "АО «Казпочта»", "POSITION")]),
    # named buildings: concert halls, mosques; named after a person (a building or a body by its kind word); the
    # building of a body is the body
    ("Мерекелік кеш «Шабыт» концерт залында өтеді.",
     [("FACILITY", "«Шабыт» концерт залында", "«Шабыт» концерт залы", None)]),
    ("Жөндеу жұмыстары Қарасу ауылдық мешітінде жүргізілді.",
     [("FACILITY", "Қарасу ауылдық мешітінде", "Қарасу ауылдық мешіті", None)]),
    ("Осы сенбіде М.Горький атындағы орыс драма театрында қойылым өтеді.",
     [("FACILITY", "М.Горький атындағы орыс драма театрында", "М.Горький атындағы орыс драма театры", None)]),
    ("Жарыс Ахмет Байтұрсынұлы атындағы орта мектепте өтті.",
     [("ORGANISATION", "Ахмет Байтұрсынұлы атындағы орта мектепте", "Ахмет Байтұрсынұлы атындағы орта мектеп", None)]),
    ("Жиын Ақтөбе облысының әділет департаменті ғимаратында өтті.",
     [("ORGANISATION", "Ақтөбе облысының әділет департаменті", "Ақтөбе облысының әділет департаменті", None),
      ("GPE", "Ақтөбе облысының", "Ақтөбе облысы", "ORGANISATION")]),
    # the post of a place named by its kind, with the place's name before it in the compound's bare form: the place
    # nested; a person's name before such a post stays a person
    ("Жиынды Шиелі аудан әкімі Қайрат Сәрсенов ашты.",
     [("POSITION", "Шиелі аудан әкімі", "Шиелі аудан әкімі", None),
      ("GPE", "Шиелі аудан", "Шиелі ауданы", "POSITION"), ("PERSON", "Қайрат Сәрсенов", "Қайрат Сәрсенов", None)]),
    ("Кездесуге Қарабұлақ ауылдық округ әкімінің орынбасары қатысты.",
     [("POSITION", "Қарабұлақ ауылдық округ әкімінің орынбасары", "Қарабұлақ ауылдық округ әкімінің орынбасары", None),
      ("GPE", "Қарабұлақ ауылдық округ", "Қарабұлақ ауылдық округі", "POSITION")]),
    ("Жұмыстар жалғасады, — дейді округ әкімі Азамат Махаев.",
     [("POSITION", "округ әкімі", "округ әкімі", None), ("PERSON", "Азамат Махаев", "Азамат Махаев", None)]),
    ("Ардагер Нұрлан Жапенов облыс әкіміне алғыс айтты.",
     [("PERSON", "Нұрлан Жапенов", "Нұрлан Жапенов", None), ("POSITION", "облыс әкіміне", "облыс әкіміне", None)]),
    # a direction before the place a body opens with belongs to the body and to the place nested in it; the press
    # service after a body in the compound's bare form belongs to its name
    ("Бұл мәселені Шығыс Қазақстан облысының денсаулық сақтау басқармасы қарады.",
     [("ORGANISATION", "Шығыс Қазақстан облысының денсаулық сақтау басқармасы",
       "Шығыс Қазақстан облысының денсаулық сақтау басқармасы", None),
      ("GPE", "Шығыс Қазақстан облысының", "Шығыс Қазақстан облысы", "ORGANISATION")]),
    ("Мәселен, Оңтүстік Қазақстан облысының әлеуметтік-кәсіпкерлік корпорациясы ақшаны депозитке салды.",
     [("ORGANISATION", "Оңтүстік Қазақстан облысының әлеуметтік-кәсіпкерлік корпорациясы",
       "Оңтүстік Қазақстан облысының әлеуметтік-кәсіпкерлік корпорациясы", None),
      ("GPE", "Оңтүстік Қазақстан облысының", "Оңтүстік Қазақстан облысы", "ORGANISATION")]),
    ("Бұл туралы Батыс Қазақстан облысы полиция департаменті баспасөз қызметі хабарлады.",
     [("ORGANISATION", "Батыс Қазақстан облысы полиция департаменті баспасөз қызметі",
       "Батыс Қазақстан облысы полиция департаменті баспасөз қызметі", None),
      ("GPE", "Батыс Қазақстан облысы", "Батыс Қазақстан облысы", "ORGANISATION")]),
    # a foreign name in a Kazakh case form, read as a place: a person after a first name, or in the genitive before
    # the title of a work; titles in quotes (songs, plays) are no organisations, people or buildings
    ("Ол үшін тексерілу керек, – дейді Татьяна Хайтиди.",
     [("PERSON", "Татьяна Хайтиди", "Татьяна Хайтиди", None)]),
    ("Концертте Рианнаның «Diamonds» әні орындалады.", [("PERSON", "Рианнаның", "Рианна", None)]),
    ("Кеште әнші Шакираның «Waka Waka» және «Hips Don't Lie» әндері орындалды.",
     [("PERSON", "Шакираның", "Шакира", None)]),
    ("Концертте М. Джексонның «We Are The World» әні орындалады.",
     [("PERSON", "М. Джексонның", "М. Джексон", None)]),
    ("Театрда «Қыз Жібек» қойылымы көрермендерге ұсынылады.", []),
    # a post with its body and a unit of the body between them (in the genitive or the compound's bare form), two
    # post words with a modifier between them; a country's abbreviation, a field and a post
    ("Бұл туралы Қарағанды медицина университетінің онкология және сәулелік терапия кафедрасының меңгерушісі айтты.",
     [("POSITION", "Қарағанды медицина университетінің онкология және сәулелік терапия кафедрасының меңгерушісі",
       "Қарағанды медицина университетінің онкология және сәулелік терапия кафедрасының меңгерушісі", None),
      ("ORGANISATION", "Қарағанды медицина университетінің", "Қарағанды медицина университеті", "POSITION"),
      ("GPE", "Қарағанды", "Қарағанды", "ORGANISATION")]),
    ("Бұл туралы №3 көпбейінді аурухананың хирургия бөлімі басшысының міндетін атқарушы Татьяна Хайтиди айтты.",
     [("POSITION", "№3 көпбейінді аурухананың хирургия бөлімі басшысының міндетін атқарушы",
       "№3 көпбейінді аурухананың хирургия бөлімі басшысының міндетін атқарушы", None),
      ("ORGANISATION", "№3 көпбейінді аурухананың хирургия бөлімі", "№3 көпбейінді аурухананың хирургия бөлімі",
       "POSITION"),
      ("ORGANISATION", "№3 көпбейінді аурухананың", "№3 көпбейінді аурухана", "POSITION"),
      ("PERSON", "Татьяна Хайтиди", "Татьяна Хайтиди", None)]),
    ("Жиынға Алматы облысының әкімдігі басшысының бірінші орынбасары қатысты.",
     [("POSITION", "Алматы облысының әкімдігі басшысының бірінші орынбасары",
       "Алматы облысының әкімдігі басшысының бірінші орынбасары", None),
      ("ORGANISATION", "Алматы облысының әкімдігі", "Алматы облысының әкімдігі", "POSITION"),
      ("GPE", "Алматы облысының", "Алматы облысы", "ORGANISATION")]),
    ("Бұл туралы ҚР Оқу-ағарту министрі Асхат Аймағамбетов мәлім етті.",
     [("POSITION", "ҚР Оқу-ағарту министрі", "ҚР Оқу-ағарту министрі", None), ("GPE", "ҚР", "ҚР", "POSITION"),
      ("PERSON", "Асхат Аймағамбетов", "Асхат Аймағамбетов", None)]),
    # a place and a structure of it: no named building
    ("Биыл Құтикөл, Жарма ауылдарына газ құбыры тартылады.",
     [("DATE", "Биыл", "Биыл", None), ("GPE", "Құтикөл", "Құтикөл", None),
      ("GPE", "Жарма ауылдарына", "Жарма ауылы", None)]),
    # a first name the model read without its foreign surname; the agency after a dateline; a numbered body before
    # a post; a vice post alone
    ("Сапасы өте жоғары, – деді Михаэль Кортюм. Өз кезегінде ол келісті.",
     [("PERSON", "Михаэль Кортюм", "Михаэль Кортюм", None)]),
    ("АСТАНА, 9 шілде — Sputnik. Жүргізуші куәлігін алу үшін емтихан тапсыру керек.",
     [("GPE", "АСТАНА", "Астана", None), ("DATE", "9 шілде", "9 шілде", None),
      ("ORGANISATION", "Sputnik", "Sputnik", None)]),
    ("Азамат Ерболов, №2 облыстық аурухана бас дәрігерінің орынбасары: - Бұл құрылғы жаңа.",
     [("PERSON", "Азамат Ерболов", "Азамат Ерболов", None),
      ("POSITION", "№2 облыстық аурухана бас дәрігерінің орынбасары", "№2 облыстық аурухана бас дәрігерінің орынбасары",
       None),
      ("ORGANISATION", "№2 облыстық аурухана", "№2 облыстық аурухана", "POSITION")]),
    ("Бұл жағдайды түсіндірді вице-министр.", [("POSITION", "вице-министр", "вице-министр", None)]),
    ("Әкім «Көмешбұлақ» су құбырының құрылысын тексерді.",
     [("FACILITY", "«Көмешбұлақ» су құбырының", "«Көмешбұлақ» су құбыры", None)]),
    # a post that opens with a name and the kind word of a place: the place nested, known to the gazetteers or not
    ("Жиынға Қорғалжын ауданы әкімінің орынбасары Дарын Сабырғалиұлы қатысты.",
     [("POSITION", "Қорғалжын ауданы әкімінің орынбасары", "Қорғалжын ауданы әкімінің орынбасары", None),
      ("GPE", "Қорғалжын ауданы", "Қорғалжын ауданы", "POSITION"),
      ("PERSON", "Дарын Сабырғалиұлы", "Дарын Сабырғалиұлы", None)]),
    # the abbreviation of an acting post (м.а., міндетін атқарушы) after a unit of a body with its legal form
    ("Жиынға АО «Акбулак» заң бөлімінің м.а. Сермаханова Диляра Баянгалиевна қатысты.",
     [("POSITION", "АО «Акбулак» заң бөлімінің м.а.", "АО «Акбулак» заң бөлімінің м.а.", None),
      ("ORGANISATION", "АО «Акбулак»", "АО «Акбулак»", "POSITION"),
      ("PERSON", "Сермаханова Диляра Баянгалиевна", "Сермаханова Диляра Баянгалиевна", None)]),
    # a campaign and a concert named in quotes are events; a conservatory is a body
    ("Биыл «Туған жерге тағзым» акциясы аясында жұмыстар жүргізілді.",
     [("DATE", "Биыл", "Биыл", None),
      ("EVENT", "«Туған жерге тағзым» акциясы", "«Туған жерге тағзым» акциясы", None)]),
    ("Ұжым қонақтарын «Түрлі дауыстар әлемі» концертіне шақырады.",
     [("EVENT", "«Түрлі дауыстар әлемі» концертіне", "«Түрлі дауыстар әлемі» концерті", None)]),
    ("Ол Мәскеу консерваториясының студенттеріне тапсырды.",
     [("ORGANISATION", "Мәскеу консерваториясының", "Мәскеу консерваториясы", None),
      ("GPE", "Мәскеу", "Мәскеу", "ORGANISATION")]),
    # a list of streets or rivers with their kind word once, in the plural: one entity of that kind for each name;
    # a vice post opening a sentence
    ("Ертең Герцен және Жерұйық көшелерінде электр қуаты сөндіріледі.",
     [("DATE", "Ертең", "Ертең", None), ("FACILITY", "Герцен", "Герцен", None),
      ("FACILITY", "Жерұйық көшелерінде", "Жерұйық көшесі", None)]),
    ("Сырдария және Іле өзендерінде су деңгейі көтерілді.",
     [("LOCATION", "Сырдария", "Сырдария", None), ("LOCATION", "Іле өзендерінде", "Іле өзені", None)]),
    ("Вице-премьер ауданда тұрақтылықты қамтамасыз ету үшін келді.",
     [("POSITION", "Вице-премьер", "Вице-премьер", None)]),
    # a body the model read without the head noun of its compound
    ("Бұл туралы Орталық коммуникациялар қызметі алаңында министр мәлім етті.",
     [("ORGANISATION", "Орталық коммуникациялар қызметі", "Орталық коммуникациялар қызметі", None)]),
    # first name and patronymic, then the surname read as a person of its own: one person
    ("Сөзді профессор Қарлығаш Жамалбекқызы Айдарбек алды.",
     [("POSITION", "профессор", "профессор", None),
      ("PERSON", "Қарлығаш Жамалбекқызы Айдарбек", "Қарлығаш Жамалбекқызы Айдарбек", None)]),
    # a street named by two words, the model reading the second only
    ("Құжаттар мына мекенжай бойынша қабылданады: Нұр-Сұлтан қаласы, Мәңгілік Ел даңғылы, 8.",
     [("GPE", "Нұр-Сұлтан қаласы", "Нұр-Сұлтан қаласы", None),
      ("FACILITY", "Мәңгілік Ел даңғылы", "Мәңгілік Ел даңғылы", None), ("CARDINAL", "8", "8", None)]),
    # a named building in the genitive before its staff or a post is the body that works there
    ("23 ақпан күні «Астана Опера» театрының ұжымы қонақтарын концертке шақырады.",
     [("DATE", "23 ақпан күні", "23 ақпан күні", None),
      ("ORGANISATION", "«Астана Опера» театрының", "«Астана Опера» театры", None)]),
    ("Жиынға «Шабыт» концерт залының директоры Асқар Нұрланов қатысты.",
     [("POSITION", "«Шабыт» концерт залының директоры", "«Шабыт» концерт залының директоры", None),
      ("ORGANISATION", "«Шабыт» концерт залының", "«Шабыт» концерт залы", "POSITION"),
      ("PERSON", "Асқар Нұрланов", "Асқар Нұрланов", None)]),
    # a dateline in capitals
    ("НҰР-СҰЛТАН, 19 қараша. Жаңа ереже күшіне енді.",
     [("GPE", "НҰР-СҰЛТАН", "Нұр-Сұлтан", None), ("DATE", "19 қараша", "19 қараша", None)]),
    # a foreign region with its kind word (штат, провинция, префектура), and a list of them in the plural
    ("Су тасқыны Огайо штатында үйлерді қиратты.", [("GPE", "Огайо штатында", "Огайо штаты", None)]),
    ("Жер сілкінісі Ганьсу провинциясындағы ауылдарды қиратты.",
     [("GPE", "Ганьсу провинциясындағы", "Ганьсу провинциясы", None)]),
    ("Кумамото префектурасында дауыл соқты.", [("GPE", "Кумамото префектурасында", "Кумамото префектурасы", None)]),
    ("Сайлау Техас пен Огайо штаттарында өтті.",
     [("GPE", "Техас", "Техас", None), ("GPE", "Огайо штаттарында", "Огайо штаты", None)]),
    ("Ол Алтай өлкесінде туған.", [("GPE", "Алтай өлкесінде", "Алтай өлкесі", None)]),
    # a cup or a championship named by a capitalised word, no quotes; a common word opening the sentence names none
    ("Теннисшілер Дэвис кубогына дайындалып жатыр.", [("EVENT", "Дэвис кубогына", "Дэвис кубогы", None)]),
    ("Ол Испания чемпионатының үздік ойыншысы атанды.",
     [("EVENT", "Испания чемпионатының", "Испания чемпионаты", None)]),
    ("Жасөспірімдер Қазақстан біріншілігінде үш медаль алды.",
     [("EVENT", "Қазақстан біріншілігінде", "Қазақстан біріншілігі", None), ("CARDINAL", "үш", "үш", None)]),
    ("Футбол чемпионаты ертең басталады.", [("DATE", "ертең", "ертең", None)]),
    # initials (one letter, or the letters of one sound: Дж.) before a foreign surname with no Kazakh ending
    ("Концерт Дж.Пуччинидің және Дж. Вердидің шығармаларымен ашылды.",
     [("PERSON", "Дж.Пуччинидің", "Дж.Пуччини", None), ("PERSON", "Дж. Вердидің", "Дж. Верди", None)]),
    ("Сахнада Ф. Шопеннің вальстері орындалды.", [("PERSON", "Ф. Шопеннің", "Ф. Шопен", None)]),
    # a name in quotes after an adjective of a place is a club or a company, with its case ending, the adjective
    # not part of it; where the name does not head its phrase, other rules read it
    ("Кеше мадридтік «Реал» каталондық «Барселонаның» қақпасына үш гол соқты.",
     [("DATE", "Кеше", "Кеше", None), ("ORGANISATION", "«Реал»", "«Реал»", None),
      ("ORGANISATION", "«Барселонаның»", "«Барселона»", None), ("CARDINAL", "үш", "үш", None)]),
    ("Дортмундтық «Боруссия» петерборлық «Зенитке» қарсы ойнайды.",
     [("ORGANISATION", "«Боруссия»", "«Боруссия»", None), ("ORGANISATION", "«Зенитке»", "«Зенит»", None)]),
    ("Жеңімпаз халықаралық «Болашақ» бағдарламасына қатысады.",
     [("PROJECT", "«Болашақ» бағдарламасына", "«Болашақ» бағдарламасы", None)]),
    # a name in quotes before a sports team's noun is the team (клубы was there; командасы, құрамасы)
    ("Ол «Астана» командасының сапында ойнайды.",
     [("ORGANISATION", "«Астана» командасының", "«Астана» командасы", None)]),
    ("Жарыста «Қайрат» құрамасы жеңді.", [("ORGANISATION", "«Қайрат» құрамасы", "«Қайрат» құрамасы", None)]),
    # places abroad that the model misses, found by the world gazetteer (world_countries.txt, world_places.txt)
    ("Су тасқыны Каталонияны басты.", [("GPE", "Каталонияны", "Каталония", None)]),
    # a person named in full is that person where the surname stands alone later, with its case ending
    ("Теннисші Юлия Путинцева жартылай финалға шықты. Путинцеваның қарсыласы жапон спортшысы болды.",
     [("PERSON", "Юлия Путинцева", "Юлия Путинцева", None), ("PERSON", "Путинцеваның", "Путинцева", None),
      ("NORP", "жапон", "жапон", None)]),
    ("Дональд Трамп мәлімдеме жасады. Трамптың айтуынша, келіссөз жалғасады.",
     [("PERSON", "Дональд Трамп", "Дональд Трамп", None), ("PERSON", "Трамптың", "Трамп", None)]),
    # … but not a title in quotes that reads like a name
    ("«Евгений Онегин» қойылымы өтеді. «Онегин» тұсаукесері өтті.", []),
    # a continent is a LOCATION (world_locations.txt)
    ("Еуропаның бірнеше елі келісті.", [("LOCATION", "Еуропаның", "Еуропа", None)]),
    # the world championship at a headline's start, where a capitalised common word names nothing else
    ("Әлем чемпионаты: Тұрсынбаева 11-орынға жайғасты.",
     [("EVENT", "Әлем чемпионаты", "Әлем чемпионаты", None), ("PERSON", "Тұрсынбаева", "Тұрсынбаева", None),
      ("CARDINAL", "11-орынға", "11-орынға", None)]),
    # teams as sports news writes them: the town in brackets after the name, the team in brackets after a player
    ("Алдымен Беларусьтің «Динамо» (Минск) командасымен кездеседі.",
     [("GPE", "Беларусьтің", "Беларусь", None), ("ORGANISATION", "«Динамо»", "«Динамо»", None),
      ("GPE", "Минск", "Минск", None)]),
    ("Үміткерлер: Лионель Месси («Барселона»): 31 гол.",
     [("PERSON", "Лионель Месси", "Лионель Месси", None), ("ORGANISATION", "«Барселона»", "«Барселона»", None),
      ("CARDINAL", "31", "31", None)]),
    ("Спектакль («Богема») өтеді.", []),  # a title in brackets after no player
    # the interface words of an embedded post and an occupation before a name are no part of a name
    ("Публикация от Ляйла Султанкызы (@sultankyzy) 18 Янв 2019 в 4:09 PST Әнші Жанар Айжанова Посмотреть эту "
     "публикацию в Instagram",
     [("PERSON", "Ляйла Султанкызы", "Ляйла Султанкызы", None), ("CARDINAL", "18", "18", None),
      ("CARDINAL", "4", "4", None), ("CARDINAL", "09", "09", None),
      ("PERSON", "Жанар Айжанова", "Жанар Айжанова", None), ("PRODUCT", "Instagram", "Instagram", None)]),
    # a list of companies in Latin letters, each with its country in brackets; a country of two words read as a
    # person is a place
    ("Ең қауіпсіз әуе компаниялары: Qantas (Австралия); Air New Zealand (Жаңа Зеландия); Lufthansa (Германия).",
     [("ORGANISATION", "Qantas", "Qantas", None), ("GPE", "Австралия", "Австралия", None),
      ("ORGANISATION", "Air New Zealand", "Air New Zealand", None), ("GPE", "Жаңа Зеландия", "Жаңа Зеландия", None),
      ("ORGANISATION", "Lufthansa", "Lufthansa", None), ("GPE", "Германия", "Германия", None)]),
    # a known club alone in quotes, as written or with its case ending (clubs.txt)
    ("«Реал» трансферге 600 млн еуро жұмсамақ. Ол «Қайраттың» ойыншысы болған.",
     [("ORGANISATION", "«Реал»", "«Реал»", None), ("CARDINAL", "600", "600", None),
      ("ORGANISATION", "«Қайраттың»", "«Қайрат»", None)]),
    # international bodies by their abbreviations (abbreviation_entities.tsv)
    ("Головкин WBC, WBA және IBF чемпиондық атақтарын қорғайды.",
     [("ORGANISATION", "WBC", "WBC", None), ("ORGANISATION", "WBA", "WBA", None), ("ORGANISATION", "IBF", "IBF", None)]),
    ("Бұған дейін WADA Ресейді бақылаудан шығарды.",
     [("ORGANISATION", "WADA", "WADA", None), ("GPE", "Ресейді", "Ресей", None)]),
    # a hyphenated place with its case ending is no name of two joined before an event's kind
    ("Нью-Делиде өтіп жатқан Федерация кубогында Қазақстан ойнады.",
     [("GPE", "Нью-Делиде", "Нью-Дели", None), ("EVENT", "Федерация кубогында", "Федерация кубогы", None),
      ("GPE", "Қазақстан", "Қазақстан", None)]),
    # natural places with their kind word (place_kinds.tsv), a name in quotes before it too
    ("Грекияның Лесбос аралындағы босқындар Борнео аралына көшті.",
     [("GPE", "Грекияның", "Грекия", None), ("LOCATION", "Лесбос аралындағы", "Лесбос аралы", None),
      ("LOCATION", "Борнео аралына", "Борнео аралы", None)]),
    ("Жапонияда «Асо» жанартауы оянды. Сиднейдегі «Чайнатаун» ауданында жарылыс болды.",
     [("GPE", "Жапонияда", "Жапония", None), ("LOCATION", "«Асо» жанартауы", "«Асо» жанартауы", None),
      ("GPE", "Сиднейдегі", "Сидней", None), ("GPE", "«Чайнатаун» ауданында", "«Чайнатаун» ауданы", None)]),
    ("Облыста Бахрейн Корольдігі капиталының қатысуымен фабрика салынады.",
     [("GPE", "Бахрейн Корольдігі", "Бахрейн Корольдігі", None)]),
    # a sport in the ablative that opens a report is no part of the name after it (sports.txt)
    ("Матчқа арнайы автобустар ұйымдастырылады Теннистен Рафаэль Надаль мен Новак Джокович кездеседі.",
     [("PERSON", "Рафаэль Надаль", "Рафаэль Надаль", None), ("PERSON", "Новак Джокович", "Новак Джокович", None)]),
    ("Құрама жарысқа дайындалуда Дзюдодан Қазақстан құрамасы Парижде өтетін жарысқа қатысады.",
     [("ORGANISATION", "Қазақстан құрамасы", "Қазақстан құрамасы", None),
      ("GPE", "Қазақстан", "Қазақстан", "ORGANISATION"), ("GPE", "Парижде", "Париж", None)]),
    # a championship of the world or a continent led by its sport in the ablative or its year, with who it is among;
    # the sport is part of its name, the year is not
    ("Қытайда баскетболдан ерлер арасындағы әлем чемпионаты басталды.",
     [("GPE", "Қытайда", "Қытай", None),
      ("EVENT", "баскетболдан ерлер арасындағы әлем чемпионаты", "баскетболдан ерлер арасындағы әлем чемпионаты", None)]),
    ("Ресейдің футболдан 2022 жылғы әлем чемпионатына қатысуына тыйым салынды. Спортшылар Азия ойындарына барады.",
     [("GPE", "Ресейдің", "Ресей", None), ("DATE", "2022 жылғы", "2022 жылғы", None),
      ("EVENT", "әлем чемпионатына", "әлем чемпионаты", None),
      ("EVENT", "Азия ойындарына", "Азия ойындары", None)]),
    # a place in the locative with -ғы that opens a name is a place of its own; its base form is the place
    ("Ханойдағы Азия чемпионатында құрама бақ сынайды.",
     [("GPE", "Ханойдағы", "Ханой", None), ("EVENT", "Азия чемпионатында", "Азия чемпионаты", None)]),
    # the source after a verb of reporting keeps the kind of medium after it
    ("Компания жаңа телефон шығарады, деп хабарлайды Bloomberg агенттігі. Кірісі өсті.",
     [("ORGANISATION", "Bloomberg агенттігі", "Bloomberg агенттігі", None)]),
    # an abbreviated body with its head word before a post: the body nested with its head word
    ("Бұл туралы CTS компаниясы басшысының орынбасары Бауыржан Сейітов айтты.",
     [("POSITION", "CTS компаниясы басшысының орынбасары", "CTS компаниясы басшысының орынбасары", None),
      ("ORGANISATION", "CTS компаниясы", "CTS компаниясы", "POSITION"),
      ("PERSON", "Бауыржан Сейітов", "Бауыржан Сейітов", None)]),
    # a headline run into the next one in a news digest: the places and posts of each are found
    ("Облыс әкімі өнеркәсіп орындарын араладыОңтүстік Қазақстан облысында іс-шаралар ұйымдастырылды",
     [("POSITION", "Облыс әкімі", "Облыс әкімі", None),
      ("GPE", "Оңтүстік Қазақстан облысында", "Оңтүстік Қазақстан облысы", None)]),
    # a place read as one with the place it belongs to, in the genitive before it, is two places
    ("Еске сала кетсек, Техастағы Эль-Пасо қаласы мен Огайоның Дейтон қаласындағы қырғын болды.",
     [("GPE", "Техастағы", "Техас", None), ("GPE", "Эль-Пасо қаласы", "Эль-Пасо қаласы", None),
      ("GPE", "Огайоның", "Огайо", None), ("GPE", "Дейтон қаласындағы", "Дейтон қаласы", None)]),
    # an entity of odd spaces alone (the model tagged one) names nothing
    ("БүгіндеБҮГІНДЕ \u3000\u00a0", []),
    # one entity a span and class, though the model and a rule both find it
    ("Алматыдағы Абай даңғылында жол жөнделді.",
     [("GPE", "Алматыдағы", "Алматы", None), ("FACILITY", "Абай даңғылында", "Абай даңғылы", None)]),
    # a place and a level before a body's name are part of it, the place nested
    ("Бұл туралы Алматы облыстық Денсаулық сақтау басқармасының өкілдері айтып берді.",
     [("ORGANISATION", "Алматы облыстық Денсаулық сақтау басқармасының", "Алматы облыстық Денсаулық сақтау басқармасы",
       None), ("GPE", "Алматы", "Алматы", "ORGANISATION")]),
    # a source that cites another gives two organisations; a medium's address in lower case is a source too
    ("Тасқын болды, деп хабарлайды Қазақпарат Reuters-ке сілтеме жасап.",
     [("ORGANISATION", "Қазақпарат", "Қазақпарат", None), ("ORGANISATION", "Reuters-ке", "Reuters", None)]),
    ("Жарылыс болды, деп хабарлайды Tengrinews.kz BBC агенттігіне сілтеме жасап.",
     [("ORGANISATION", "Tengrinews.kz", "Tengrinews.kz", None),
      ("ORGANISATION", "BBC агенттігіне", "BBC агенттігі", None)]),
    ("Жарылыс болды, деп хабарлайды news.com.au.", [("ORGANISATION", "news.com.au", "news.com.au", None)]),
    # a surname read alone takes the given name before it; Russian surnames are surnames
    ("Айқынның челленджін Bibo лақапатымен белгілі әнші Бейбіт Құсайынов қабылдаған.",
     [("PERSON", "Бейбіт Құсайынов", "Бейбіт Құсайынов", None)]),
    ("Жания Джуринская мен Сая Оразғалиева Қайрат Нұртастың бастамасын қолдады.",
     [("PERSON", "Жания Джуринская", "Жания Джуринская", None), ("PERSON", "Сая Оразғалиева", "Сая Оразғалиева", None),
      ("PERSON", "Қайрат Нұртастың", "Қайрат Нұртас", None)]),
    # more kinds of sports event after a capitalised name, with its year; the base keeps the possessive (додасы)
    ("Қазақстан құрамасы Парижде өтетін Grand Slam жарысына дайындалуда.",
     [("ORGANISATION", "Қазақстан құрамасы", "Қазақстан құрамасы", None),
      ("GPE", "Қазақстан", "Қазақстан", "ORGANISATION"), ("GPE", "Парижде", "Париж", None),
      ("EVENT", "Grand Slam жарысына", "Grand Slam жарысы", None)]),
    ("Юлия Путинцева Australian Open-2017 додасын жеңіспен бастады.",
     [("PERSON", "Юлия Путинцева", "Юлия Путинцева", None),
      ("EVENT", "Australian Open-2017 додасын", "Australian Open-2017 додасы", None)]),
    # named days and holidays; a weekday and сол күні ("that day") are none
    ("Астанада «Қозы Көрпеш – Баян Сұлу» күніне арналған шара өтті.",
     [("GPE", "Астанада", "Астана", None),
      ("EVENT", "«Қозы Көрпеш – Баян Сұлу» күніне", "«Қозы Көрпеш – Баян Сұлу» күні", None)]),
    ("Елімізде Ораза айт мейрамы басталды, мектепте Аналар күнін атап өтті.",
     [("EVENT", "Ораза айт мейрамы", "Ораза айт мейрамы", None), ("EVENT", "Аналар күнін", "Аналар күні", None)]),
    ("Сенбі күні Астанада жиын өтті. Президент сол күні сөйледі.",
     [("DATE", "Сенбі", "Сенбі", None), ("GPE", "Астанада", "Астана", None),
      ("POSITION", "Президент", "Президент", None)]),
    # named buildings: a name in plain quotes, Latin words after a place in -ғы, more kinds of building
    ("Сәтбаев қаласында \"Әлия\" мейрамханасында өрт шықты.",
     [("GPE", "Сәтбаев қаласында", "Сәтбаев қаласы", None),
      ("FACILITY", "\"Әлия\" мейрамханасында", "\"Әлия\" мейрамханасы", None)]),
    ("Ол Нью-Йорктегі Barclays Center аренасында ән салады.",
     [("GPE", "Нью-Йорктегі", "Нью-Йорк", None),
      ("FACILITY", "Barclays Center аренасында", "Barclays Center аренасы", None)]),
    ("Кеме Байқоңыр ғарыш айлағынан ұшырылды.",
     [("FACILITY", "Байқоңыр ғарыш айлағынан", "Байқоңыр ғарыш айлағы", None)]),
    # two places of the gazetteers read as one are two
    ("Финалда Ресей Финляндиямен айдынға шығады.",
     [("GPE", "Ресей", "Ресей", None), ("GPE", "Финляндиямен", "Финляндия", None)]),
    # a person read with a place after or before it, in a case form, ends or starts at it
    ("Мейрамбек Айнағұлов Тбилисиде алтын медаль иеленді.",
     [("PERSON", "Мейрамбек Айнағұлов", "Мейрамбек Айнағұлов", None), ("GPE", "Тбилисиде", "Тбилиси", None)]),
    ("Бразилияда Арнольд Шварценеггер фестивалі басталды.",
     [("GPE", "Бразилияда", "Бразилия", None),
      ("EVENT", "Арнольд Шварценеггер фестивалі", "Арнольд Шварценеггер фестивалі", None)]),
    ("Португалия құрамасы мен мадридтік «Реал» клубының шабуылшысы Криштиану Роналду Instagram, Twitter және "
     "Facebook желілерінде суретін жариялады.",
     [("ORGANISATION", "Португалия құрамасы", "Португалия құрамасы", None),
      ("GPE", "Португалия", "Португалия", "ORGANISATION"), ("ORGANISATION", "«Реал» клубының", "«Реал» клубы", None),
      ("PERSON", "Криштиану Роналду", "Криштиану Роналду", None), ("ORGANISATION", "Twitter", "Twitter", None),
      ("ORGANISATION", "Facebook", "Facebook", None)]),
    # a country's team is an organisation, the country nested; a place in a case form names no team
    ("Ол Қазақстан ұлттық құрамасының сапында ойнады.",
     [("ORGANISATION", "Қазақстан ұлттық құрамасының", "Қазақстан ұлттық құрамасы", None),
      ("GPE", "Қазақстан", "Қазақстан", "ORGANISATION")]),
    ("Бұл Қазақстан ерлер командасының үшінші медалі. Қазақстанда құрама жиналды.",
     [("ORGANISATION", "Қазақстан ерлер командасының", "Қазақстан ерлер командасы", None),
      ("GPE", "Қазақстан", "Қазақстан", "ORGANISATION"), ("ORDINAL", "үшінші", "үшінші", None),
      ("GPE", "Қазақстанда", "Қазақстан", None)]),
    ("Жарыста «Астана» велокомандасы озды.",
     [("ORGANISATION", "«Астана» велокомандасы", "«Астана» велокомандасы", None)]),
    # a numbered court is a body, and the place before it in the genitive is part of its name, nested
    ("Хабарламаға сәйкес, 3 қазан күні Қостанай қаласының №2 соты үкім шығарды.",
     [("DATE", "3 қазан күні", "3 қазан күні", None),
      ("ORGANISATION", "Қостанай қаласының №2 соты", "Қостанай қаласының №2 соты", None),
      ("GPE", "Қостанай қаласының", "Қостанай қаласы", "ORGANISATION")]),
    # a «title» keeps two common nouns of what it is about before its kind word; a body's plan is no title
    ("Бұл мақсатта «7-20-25» тұрғын үй бағдарламасына түзетулер енгізілді. Бұл «Нұр Отан» партиясының жоспары еді.",
     [("PROJECT", "«7-20-25» тұрғын үй бағдарламасына", "«7-20-25» тұрғын үй бағдарламасы", None),
      ("ORGANISATION", "«Нұр Отан» партиясының", "«Нұр Отан» партиясы", None)]),
    # a place named after a person keeps the initials, and so does the post of it
    ("Малдың басым бөлігі М.Жұмабаев ауданынан әкелінген.",
     [("GPE", "М.Жұмабаев ауданынан", "М.Жұмабаев ауданы", None)]),
    ("Ғ.Мүсірепов ауданының әкімі келді.",
     [("POSITION", "Ғ.Мүсірепов ауданының әкімі", "Ғ.Мүсірепов ауданының әкімі", None),
      ("GPE", "Ғ.Мүсірепов ауданының", "Ғ.Мүсірепов ауданы", "POSITION")]),
    # a capitalised head word ends a body's proper name; a body named after a person is no person
    ("Бұл туралы Ұлттық Банкі хабарлады. Назарбаев Университеті түлектері жиналды.",
     [("ORGANISATION", "Ұлттық Банкі", "Ұлттық Банкі", None),
      ("ORGANISATION", "Назарбаев Университеті", "Назарбаев Университеті", None)]),
    # a body attached to another (жанындағы) is named with it, the first nested; a name read from inside its
    # opening quote gets the quote back; after a genitive, жанындағы is "next to", no body's name
    ("Кездесуді «Nur Otan» партиясының облыстық филиалы жанындағы сыбайлас жемқорлыққа қарсы қоғамдық кеңестің "
     "төрағасы Мақсұт Нәлібаев ашты.",
     [("POSITION", "«Nur Otan» партиясының облыстық филиалы жанындағы сыбайлас жемқорлыққа қарсы қоғамдық кеңестің "
       "төрағасы", "«Nur Otan» партиясының облыстық филиалы жанындағы сыбайлас жемқорлыққа қарсы қоғамдық кеңестің "
       "төрағасы", None),
      ("ORGANISATION", "«Nur Otan» партиясының облыстық филиалы жанындағы сыбайлас жемқорлыққа қарсы қоғамдық "
       "кеңестің", "«Nur Otan» партиясының облыстық филиалы жанындағы сыбайлас жемқорлыққа қарсы қоғамдық кеңес",
       "POSITION"),
      ("ORGANISATION", "«Nur Otan» партиясының облыстық филиалы", "«Nur Otan» партиясының облыстық филиалы",
       "ORGANISATION"),
      ("PERSON", "Мақсұт Нәлібаев", "Мақсұт Нәлібаев", None)]),
    ("Бұл туралы Үкімет жанындағы Ұлттық инвестициялық кеңестің отырысында айтылды. Бейрут қаласындағы Египет "
     "елшілігінің жанындағы көлік жарылды.",
     [("ORGANISATION", "Үкімет жанындағы Ұлттық инвестициялық кеңестің", "Үкімет жанындағы Ұлттық инвестициялық кеңес",
       None),
      ("ORGANISATION", "Үкімет", "Үкімет", "ORGANISATION"), ("GPE", "Бейрут қаласындағы", "Бейрут қаласы", None),
      ("ORGANISATION", "Египет елшілігінің", "Египет елшілігі", None), ("GPE", "Египет", "Египет", "ORGANISATION")]),
    # a unit named after the body it belongs to is one organisation, the body nested (capitalised, quoted or long
    # lower-case names of the unit); not a body the sentence speaks to, nor a company of its own
    ("Аса қауіпті ауруды жою үшін ҚР АШМ ветеринариялық бақылау және қадағалау комитетінің Республикалық эпизоотияға "
     "қарсы отряды жұмыс жүргізуде.",
     [("ORGANISATION", "ҚР АШМ ветеринариялық бақылау және қадағалау комитетінің Республикалық эпизоотияға қарсы отряды", "ҚР АШМ ветеринариялық бақылау және қадағалау комитетінің Республикалық эпизоотияға қарсы отряды", None),
      ("ORGANISATION", "ҚР АШМ ветеринариялық бақылау және қадағалау комитетінің", "ҚР АШМ ветеринариялық бақылау және қадағалау комитеті", "ORGANISATION"),
      ("GPE", "ҚР", "ҚР", "ORGANISATION")]),
    ("Бұл туралы Қазақстан Республикасы Ұлттық Банкінің Алматы облыстық филиалы хабарлады.",
     [("ORGANISATION", "Қазақстан Республикасы Ұлттық Банкінің Алматы облыстық филиалы", "Қазақстан Республикасы Ұлттық Банкінің Алматы облыстық филиалы", None),
      ("ORGANISATION", "Қазақстан Республикасы Ұлттық Банкінің", "Қазақстан Республикасы Ұлттық Банкі", "ORGANISATION"),
      ("GPE", "Қазақстан Республикасы", "Қазақстан Республикасы", "ORGANISATION")]),
    ("Деректерді «Қазсушар» РМК «Суметрология» филиалының бөлім басшысы Мақсат Тұрдиев жеткізді.",
     [("POSITION", "«Қазсушар» РМК «Суметрология» филиалының бөлім басшысы", "«Қазсушар» РМК «Суметрология» филиалының бөлім басшысы", None),
      ("ORGANISATION", "«Қазсушар» РМК «Суметрология» филиалының", "«Қазсушар» РМК «Суметрология» филиалы", "POSITION"),
      ("ORGANISATION", "«Қазсушар» РМК", "«Қазсушар» РМК", "ORGANISATION"),
      ("PERSON", "Мақсат Тұрдиев", "Мақсат Тұрдиев", None)]),
    ("Қаржы министрлігі Парламент Мәжілісіне заң жобасын ұсынды.",
     [("ORGANISATION", "Қаржы министрлігі", "Қаржы министрлігі", None),
      ("ORGANISATION", "Парламент Мәжілісіне", "Парламент Мәжілісі", None)]),
    ("Қостанай қаласының №2 соты \"Қазтеміртранс\" АҚ-тың Қостанайдағы филиалының директорына үкім шығарды.",
     [("ORGANISATION", "Қостанай қаласының №2 соты", "Қостанай қаласының №2 соты", None),
      ("GPE", "Қостанай қаласының", "Қостанай қаласы", "ORGANISATION"),
      ("POSITION", "\"Қазтеміртранс\" АҚ-тың Қостанайдағы филиалының директорына", "\"Қазтеміртранс\" АҚ-тың Қостанайдағы филиалының директорына", None),
      ("ORGANISATION", "\"Қазтеміртранс\" АҚ-тың Қостанайдағы филиалының", "\"Қазтеміртранс\" АҚ-тың Қостанайдағы филиалы", "POSITION"),
      ("ORGANISATION", "\"Қазтеміртранс\" АҚ-тың", "\"Қазтеміртранс\" АҚ", "ORGANISATION"),
      ("GPE", "Қостанайдағы", "Қостанай", "ORGANISATION")]),
    # a patronymic keeps its last letter in the base form (Ыбрайханұлы, not the cut Ыбрайханұл)
    ("Кеңестің төрағасы Нәлібаев Мақсұт Ыбрайханұлының төрағалығымен өтті.",
     [("POSITION", "Кеңестің төрағасы", "Кеңестің төрағасы", None),
      ("PERSON", "Нәлібаев Мақсұт Ыбрайханұлының", "Нәлібаев Мақсұт Ыбрайханұлы", None)]),
]


@pytest.fixture(scope="module")
def nlp():
    try:
        return kaznlp.load(ner=True)
    except RuntimeError as exc:  # no model installed
        pytest.skip(str(exc))


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:30] for c in CASES])
def test_press_release_entities(nlp, text, expected):
    doc = nlp(text)
    got = [(e["label"], e["text"], e["base"], e.get("inside")) for e in doc.entity_records()]
    assert got == expected
    for e in doc.entity_records():
        assert text[e["start"] : e["end"]] == e["text"]
