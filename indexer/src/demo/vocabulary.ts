/**
 * Dutch (and a little English) text fragments for the demo archive. Policies, places, people and
 * ministries are all invented; placeholders in braces are filled by `fillTemplate` in texts.ts.
 */

export interface Topic {
  key: string;
  hashtags: readonly string[];
  linkPaths: readonly string[];
  announcements: readonly string[];
  details: readonly string[];
  questions: readonly string[];
  reactions: readonly string[];
  videoTitles: readonly string[];
}

export interface OrganisationVocabulary {
  topics: readonly Topic[];
  english: readonly string[];
}

const DIJKEN_EN_POLDERS: OrganisationVocabulary = {
  topics: [
    {
      key: 'dijkversterking',
      hashtags: ['Dijkversterking', 'Waterveiligheid'],
      linkPaths: ['/dijkversterking', '/projecten/dijkversterking-{placeSlug}', '/omgeving/werkzaamheden'],
      announcements: [
        'Vandaag start de dijkversterking tussen {place} en {place2}. Over {km} kilometer wordt de dijk hoger en breder gemaakt.',
        'De dijk bij {place} voldoet niet meer aan de nieuwe normen. Daarom versterken we hem de komende {smallCount} jaar.',
        'Informatieavond over de dijkversterking bij {place} op {date} om 19.30 uur in het dorpshuis. Iedereen is welkom.',
        'Let op: vanaf {date} is de dijkweg bij {place} afgesloten voor doorgaand verkeer vanwege werkzaamheden aan de dijk.',
        'Mijlpaal! Het eerste deel van de versterkte dijk bij {place} is klaar. Dank aan alle omwonenden voor hun geduld.',
      ],
      details: [
        'De omleiding loopt via {place2} en is met gele borden aangegeven.',
        'Tijdens de werkzaamheden blijft het fietspad op de dijk zoveel mogelijk open.',
        'Omwonenden krijgen deze week een brief met de planning.',
      ],
      questions: [
        'Hoe lang blijft de dijkweg bij {place} nog dicht? Ik moet elke dag om via {place2}.',
        'Worden de bomen op de dijk bij {place} gekapt? Daar hoor ik niemand over.',
        'Krijgen bewoners een vergoeding voor trillingsschade door het werk?',
        'Waarom wordt er pas nu begonnen? Dit is al sinds {pastYear} bekend.',
        'Kan de informatieavond ook online worden gevolgd?',
      ],
      reactions: [
        'Goed dat hier eindelijk werk van wordt gemaakt.',
        'Al weken last van het geluid van de heimachines. Om 7 uur beginnen is echt te vroeg.',
        'Mooi project, ik fiets er elke zondag langs.',
      ],
      videoTitles: [
        'Dijkversterking {place}: de eerste maanden in 2 minuten',
        'Waarom is de dijk bij {place} niet meer veilig genoeg?',
        'Meekijken met de dijkwerkers bij {place}',
      ],
    },
    {
      key: 'hoogwater',
      hashtags: ['Hoogwater', 'Waterveiligheid'],
      linkPaths: ['/hoogwater', '/actueel/waterstanden'],
      announcements: [
        'De waterstand op de rivier stijgt. Bij {place} verwachten we morgen een piek van {cm} cm boven NAP. Blijf uit de uiterwaarden.',
        'Hoogwater bij {place}: de stormvloedkering is gesloten. Er is geen gevaar voor bewoners.',
        'Het water zakt weer. Dank aan de dijkwachten die de afgelopen {smallCount} nachten hebben gepatrouilleerd.',
      ],
      details: [
        'Volg de actuele waterstanden via onze website.',
        'Zie je iets vreemds aan een dijk, zoals een scheur of kwelwater? Meld het direct.',
      ],
      questions: [
        'Moet ik mijn auto verplaatsen als ik in {place} woon?',
        'Waar kan ik zandzakken ophalen?',
        'Is het fietspad langs de uiterwaarden bij {place} nog open?',
      ],
      reactions: ['Respect voor de dijkwachten 💪', 'Spannend hier in {place}, het water staat echt hoog.'],
      videoTitles: ['Hoogwater bij {place}: beelden vanaf de dijk', 'Zo werkt een stormvloedkering'],
    },
    {
      key: 'droogte',
      hashtags: ['Droogte', 'Zoetwater'],
      linkPaths: ['/droogte', '/zoetwater/beregening'],
      announcements: [
        'Door de aanhoudende droogte geldt vanaf {date} een beregeningsverbod voor oppervlaktewater rond {place}.',
        'Het neerslagtekort is opgelopen tot {count} mm. We houden de waterstanden in de polders nauwlettend in de gaten.',
      ],
      details: [
        'Drinkwater heeft altijd voorrang.',
        'Boeren met vragen kunnen terecht bij het regionale loket.',
      ],
      questions: [
        'Geldt het beregeningsverbod ook voor moestuinen?',
        'Waarom wordt er wel water ingelaten voor de golfbaan bij {place}?',
      ],
      reactions: ['Mijn sloot staat al weken droog.', 'Begrijpelijk, maar zuur voor de telers hier.'],
      videoTitles: ['Droogte in de polder: wat doen we eraan?'],
    },
    {
      key: 'gemalen',
      hashtags: ['Polderpeil', 'Gemalen'],
      linkPaths: ['/gemalen', '/polderpeil'],
      announcements: [
        'Het vernieuwde gemaal bij {place} kan {count} kubieke meter water per minuut wegpompen. Zo houden we de voeten droog.',
        'Open dag bij gemaal {place} op {date}! Kom kijken hoe we het polderpeil regelen.',
      ],
      details: [
        'Het oude stoomgemaal blijft behouden als monument.',
        'Kinderen kunnen meedoen aan een speurtocht.',
      ],
      questions: [
        'Is de open dag ook toegankelijk met een rolstoel?',
        'Hoeveel stroom gebruikt zo’n gemaal eigenlijk?',
      ],
      reactions: ['Prachtig gebouw, vorig jaar ook geweest.', 'Leuk uitje voor de kinderen!'],
      videoTitles: ['Zo werkt een gemaal', 'Het nieuwe gemaal bij {place} van binnen'],
    },
  ],
  english: [
    'Today we started reinforcing the dike between {place} and {place2}. Water safety is a shared responsibility.',
    'How do we prepare for a sea level rise of {cm} cm? Our new delta report, now in English.',
  ],
};

const WONEN_EN_WIJKEN: OrganisationVocabulary = {
  topics: [
    {
      key: 'woningbouw',
      hashtags: ['Woningbouw', 'Woningtekort'],
      linkPaths: ['/woningbouw', '/woningbouw/{placeSlug}'],
      announcements: [
        'In {place} worden de komende jaren {count} nieuwe woningen gebouwd, waarvan een derde betaalbare huur.',
        'Het kabinet trekt {millions} miljoen euro uit voor snellere woningbouw in middelgrote gemeenten zoals {place}.',
        'Vandaag is de eerste paal geslagen voor {count} starterswoningen in {place}.',
      ],
      details: [
        'De gemeente {place} verdeelt de woningen via een loting.',
        'Bij de bouw wordt rekening gehouden met groen en speelplekken.',
      ],
      questions: [
        'Hoe kom ik in aanmerking voor zo’n starterswoning in {place}?',
        'Betaalbaar? Ik betaal nu al de helft van mijn inkomen aan huur.',
        'Wanneer gaat de inschrijving open?',
      ],
      reactions: [
        'Eindelijk bouwen, bouwen, bouwen!',
        'En waar blijft de infrastructuur? De wegen in {place} zitten nu al vol.',
      ],
      videoTitles: ['Woningbouw in {place}: zo pakken we het aan', 'Drie vragen over de starterswoning'],
    },
    {
      key: 'isolatiesubsidie',
      hashtags: ['Subsidieregeling', 'Isolatie', 'Verduurzaming'],
      linkPaths: ['/subsidies/isolatie', '/subsidieregeling/voorwaarden'],
      announcements: [
        'De subsidieregeling voor woningisolatie gaat op {date} weer open. U krijgt tot {amount} vergoed voor spouwmuur-, dak- of vloerisolatie.',
        'Let op: het budget van de isolatiesubsidie voor {year} is bijna op. Vraag tijdig aan.',
        'Nieuw: ook huurders kunnen vanaf {date} subsidie aanvragen voor kleine energiebesparende maatregelen.',
      ],
      details: [
        'U vraagt de subsidie aan nadat de maatregel is uitgevoerd.',
        'Bewaar de factuur en foto’s van de werkzaamheden.',
      ],
      questions: [
        'Ik heb in {month} aangevraagd en nog niets gehoord. Hoe lang duurt de beoordeling?',
        'Geldt de subsidieregeling ook voor een VvE?',
        'Mijn aanvraag is afgewezen omdat de factuur te laat was. Kan ik bezwaar maken?',
      ],
      reactions: [
        'Via deze regeling ons dak laten isoleren, scheelt echt in de energierekening.',
        'Veel te ingewikkeld formulier.',
      ],
      videoTitles: ['Uitleg: zo vraagt u de isolatiesubsidie aan'],
    },
    {
      key: 'huurbescherming',
      hashtags: ['Huurbescherming', 'Huurprijs'],
      linkPaths: ['/huren', '/huren/huurverhoging'],
      announcements: [
        'Vanaf {date} mag de huur van sociale huurwoningen met maximaal {percent}% stijgen.',
        'Nieuwe wet: tijdelijke huurcontracten worden de uitzondering. Wat betekent dit voor u?',
      ],
      details: [
        'Met de huurprijscheck ziet u of uw huur redelijk is.',
        'Twijfelt u? Vraag advies bij het huurteam in uw gemeente.',
      ],
      questions: [
        'Mijn verhuurder heeft de huur met {bigPercent}% verhoogd, mag dat?',
        'Waar kan ik terecht als mijn verhuurder niets doet aan schimmel?',
      ],
      reactions: ['Goede stap voor huurders.', 'Verhuurders gaan nu gewoon verkopen, let maar op.'],
      videoTitles: ['Wat verandert er voor huurders?'],
    },
    {
      key: 'wijkaanpak',
      hashtags: ['Wijkaanpak', 'Leefbaarheid'],
      linkPaths: ['/wijkaanpak'],
      announcements: [
        'De minister bezoekt vandaag de wijk {place}-Noord om met bewoners te praten over leefbaarheid en veiligheid.',
        '{count} wijken krijgen extra steun voor buurthuizen, groen en veilige straten.',
      ],
      details: ['Bewoners denken mee over hoe het geld wordt besteed.'],
      questions: ['Staat {place} ook op de lijst?', 'Wie bepaalt welke wijken geld krijgen?'],
      reactions: ['Ons buurthuis in {place} draait op vrijwilligers, steun is welkom.'],
      videoTitles: ['Op bezoek in {place}-Noord'],
    },
  ],
  english: [
    'Renting in the Netherlands? New rules protect tenants against unreasonable rent increases.',
    'We are building {count} new homes in {place}. Read about our housing plans in English.',
  ],
};

const BOERENLAND_EN_NATUUR: OrganisationVocabulary = {
  topics: [
    {
      key: 'stikstof',
      hashtags: ['Stikstof', 'Natuurherstel'],
      linkPaths: ['/stikstof', '/stikstof/regio-{placeSlug}'],
      announcements: [
        'De stikstofneerslag in het natuurgebied bij {place} is in {year} met {percent}% gedaald. Er is nog veel werk te doen.',
        'Het kabinet presenteert vandaag het plan voor stikstofreductie in de regio {place}. Boeren krijgen hulp bij de omschakeling.',
        'Vrijwillige opkoopregeling voor piekbelasters: aanmelden kan tot {date}.',
      ],
      details: [
        'Gebiedsprocessen worden samen met provincies, boeren en natuurorganisaties uitgevoerd.',
        'Meer informatie staat in de Kamerbrief van vandaag.',
      ],
      questions: [
        'Wat gebeurt er met boeren die niet willen stoppen?',
        'Waarom moet de boer het altijd ontgelden en de luchtvaart niet?',
        'Hoeveel bedrijven rond {place} hebben zich al aangemeld?',
      ],
      reactions: [
        'Zonder boer geen voedsel.',
        'De natuur kan niet langer wachten.',
        'Eerst zien, dan geloven.',
      ],
      videoTitles: ['Stikstof in 90 seconden', 'Gebiedsplan {place}: wat gaat er gebeuren?'],
    },
    {
      key: 'mestbeleid',
      hashtags: ['Mestbeleid', 'Landbouw'],
      linkPaths: ['/mest', '/mest/nieuwe-regels'],
      announcements: [
        'De nieuwe mestregels gaan in op {date}. Lees wat er verandert voor melkveehouders.',
        'Bufferstroken langs sloten worden vanaf {year} verplicht. Zo blijft het water schoner.',
      ],
      details: ['Voor kleine bedrijven geldt een overgangsperiode.'],
      questions: ['Hoe breed moet zo’n bufferstrook precies zijn?', 'Wie controleert dit eigenlijk?'],
      reactions: ['Weer nieuwe regels, weer meer papierwerk.'],
      videoTitles: ['Nieuwe mestregels uitgelegd'],
    },
    {
      key: 'biodiversiteit',
      hashtags: ['Biodiversiteit', 'Natuur'],
      linkPaths: ['/natuur', '/natuur/weidevogels'],
      announcements: [
        'In {place} zijn dit jaar {count} broedparen van de grutto geteld. Een mooi resultaat van agrarisch natuurbeheer!',
        'Help mee tellen: van {date} tot en met {date2} is de landelijke tuinvogeltelling.',
      ],
      details: ['Kijk op de website welke soorten je kunt tegenkomen.'],
      questions: [
        'Mag ik ook meetellen als ik alleen een balkon heb?',
        'Waar staan de resultaten van vorig jaar?',
      ],
      reactions: ['Prachtig! Vanochtend nog een kievit gezien bij {place}.'],
      videoTitles: ['Weidevogels in {place}'],
    },
    {
      key: 'jonge-boeren',
      hashtags: ['Subsidieregeling', 'Platteland'],
      linkPaths: ['/subsidies/jonge-landbouwers'],
      announcements: [
        'De subsidieregeling voor jonge landbouwers is open van {date} tot en met {date2}. Maximaal {amount} per bedrijf.',
      ],
      details: ['U moet jonger dan 41 jaar zijn en het bedrijf korter dan vijf jaar hebben.'],
      questions: ['Telt een maatschap met mijn ouders ook als eigen bedrijf?'],
      reactions: ['Eindelijk iets voor de jonge boer!'],
      videoTitles: ['Jonge boer in {place}: zo gebruikte zij de subsidie'],
    },
  ],
  english: [
    'Nitrogen deposition near {place} fell by {percent}% in {year}. Read our progress report in English.',
  ],
};

const REGELINGEN_LAAGLAND: OrganisationVocabulary = {
  topics: [
    {
      key: 'aanvraagportaal',
      hashtags: ['Subsidieregeling', 'Aanvragen'],
      linkPaths: ['/aanvragen', '/mijn-aanvraag', '/storingen'],
      announcements: [
        'Het aanvraagportaal is vanaf {date} vernieuwd. U ziet nu direct de status van uw aanvraag.',
        'Storing: het aanvraagportaal is op dit moment slecht bereikbaar. We werken aan een oplossing.',
        'De storing is verholpen. Aanvragen die tijdens de storing zijn gestart, kunt u gewoon afronden.',
      ],
      details: ['Bel ons niet met uw persoonsgegevens via sociale media, maar gebruik het contactformulier.'],
      questions: [
        'Ik kan niet inloggen, ik krijg steeds een foutmelding.',
        'Waar zie ik of mijn aanvraag compleet is?',
      ],
      reactions: ['Alweer een storing…', 'Werkt weer, dank!'],
      videoTitles: ['Zo gebruikt u het nieuwe aanvraagportaal'],
    },
    {
      key: 'uitbetaling',
      hashtags: ['Uitbetaling', 'Subsidieregeling'],
      linkPaths: ['/uitbetaling', '/betaaldata'],
      announcements: [
        'De voorschotten worden vanaf {date} uitbetaald. Het kan tot {smallCount} werkdagen duren voor het bedrag op uw rekening staat.',
        'Heeft u een brief gekregen over terugbetalen? Neem contact op, dan zoeken we samen naar een regeling.',
      ],
      details: ['De betaaldata voor {year} staan op onze website.'],
      questions: [
        'Mijn uitbetaling is nog steeds niet binnen. Wanneer komt het geld?',
        'Kan ik in termijnen terugbetalen?',
      ],
      reactions: ['Geld is binnen, bedankt!', 'Al {smallCount} weken wachten, dit is echt niet normaal.'],
      videoTitles: ['Wanneer wordt uw voorschot betaald?'],
    },
  ],
  english: ['Our application portal is now also available in English.'],
};

export const ORGANISATION_VOCABULARY: Readonly<Record<string, OrganisationVocabulary>> = {
  'org-a': DIJKEN_EN_POLDERS,
  'org-b': WONEN_EN_WIJKEN,
  'org-c': BOERENLAND_EN_NATUUR,
  'org-d': REGELINGEN_LAAGLAND,
};

export const OPENERS: readonly string[] = [
  '',
  '',
  '',
  'Goed nieuws! ',
  'Let op: ',
  'Update: ',
  'Vandaag: ',
  '📢 ',
];

export const GENERIC_REACTIONS: readonly string[] = [
  'Eindelijk!',
  'Goed nieuws 👍',
  'Dit had jaren geleden al moeten gebeuren.',
  'Wie betaalt dit allemaal?',
  'Heel duidelijk uitgelegd, dank!',
  'Klinkt mooi, maar ik geloof het pas als ik het zie.',
  'Dit is toch niet uit te leggen.',
  'Precies wat nodig is 👏',
  'Ik heb hier een vraag over gestuurd, maar nog geen antwoord gehad.',
  'Hoe zit het met de kosten voor gewone burgers?',
  'Tip: maak de website ook leesbaar op een telefoon.',
  'Top, doorgestuurd naar mijn ouders.',
  'Waarom staat dit niet gewoon in een brief?',
];

export const REPLIES_TO_CITIZENS: readonly string[] = [
  'Eens met {name}.',
  'Dat klopt niet helemaal, kijk maar eens op de website.',
  'Bij ons in {place} precies hetzelfde.',
  'Zelfde vraag hier.',
  'Je kunt ook bellen, dat ging bij mij sneller.',
  'Ik heb hetzelfde meegemaakt, uiteindelijk is het goed gekomen.',
];

export const ANSWER_OPENINGS: readonly string[] = [
  'Dank voor uw vraag, {name}. ',
  'Hallo {name}, goede vraag! ',
  'Beste {name}, vervelend om te horen. ',
  'Hoi {name}, ',
  '',
];

export const ANSWER_BODIES: readonly string[] = [
  'Op {link} vindt u alle informatie.',
  'We sturen u een privébericht zodat we uw situatie kunnen bekijken.',
  'Wilt u ons een DM sturen met uw vraag? Dan zoeken we het voor u uit.',
  'De werkzaamheden duren naar verwachting tot {month}.',
  'Dat zoeken we voor u uit. We komen er zo snel mogelijk op terug.',
  'U kunt hierover bellen met ons informatienummer, op werkdagen van 9.00 tot 17.00 uur.',
  'Uw reactie hebben we doorgegeven aan het projectteam.',
  'Dank voor het meedenken!',
];

export const PRIVACY_ANSWER =
  'Deel alstublieft geen persoonsgegevens zoals uw BSN, telefoonnummer of rekeningnummer in een openbare reactie. Stuur ons een privébericht, dan helpen we u verder.';

export const STORY_TEXTS: readonly string[] = [
  'Vandaag live vanaf {place}! 👷',
  'Achter de schermen bij ons team in {place}',
  'Swipe up voor meer informatie',
  'Stel je vraag in de vragenbox 👇',
];

export const QUOTE_COMMENTS: readonly string[] = [
  'Goed om te zien! 👏',
  'Belangrijk: lees dit even.',
  'Trots op iedereen die dit mogelijk maakt.',
  'Mooi voorbeeld van samenwerking in de regio {place}.',
  'Vandaag met eigen ogen gezien in {place}.',
];

export const EDIT_ADDITIONS_ORGANISATION: readonly string[] = [
  'Update: de informatieavond is verplaatst naar {date}.',
  'Aanvulling: ook inwoners van {place} kunnen zich aanmelden.',
  'Correctie: de juiste datum is {date}.',
  'Update: de link hierboven is aangepast.',
];

export const EDIT_ADDITIONS_CITIZEN: readonly string[] = [
  'Edit: inmiddels opgelost, dank!',
  'Aanvulling: het gaat om de situatie in {place}.',
  'Edit: typfout.',
];

export const EXTRA_HASHTAGS: readonly string[] = [
  'Nederland',
  'Overheid',
  'Beleid',
  'Klimaat',
  'Samenwerken',
];

export const MEDIA_ALT_TEXTS: readonly string[] = [
  'Infographic met de planning van de werkzaamheden',
  'Foto van de dijk bij zonsopkomst',
  'Kaart van het projectgebied',
  'Grafiek met de ontwikkeling sinds vorig jaar',
  'Medewerkers in oranje hesjes op de bouwplaats',
  'Uitsnede van de aankondiging',
];

export const MISSING_MEDIA_REASONS: readonly string[] = [
  'HTTP 404 bij ophalen',
  'HTTP 403 bij ophalen: link verlopen',
  'Time-out na 30 s bij ophalen',
];

export const CONTENT_WARNINGS: readonly string[] = ['Lange draad', 'Politiek', 'Discussie', 'Beleid, uitleg'];

export const ENGLISH_CITIZEN_TEXTS: readonly string[] = [
  'Is there an English version of this information?',
  'Great initiative, greetings from Belgium!',
  'How does this affect international students renting in {place}?',
  'Thanks for sharing, very helpful.',
];

/** Personal data in public replies: the phrases a Woo reviewer would have to catch. */
export const PERSONAL_DATA_PHRASES: Readonly<Record<string, readonly string[]>> = {
  bsn: [
    'Ik wacht al {smallCount} weken op mijn aanvraag. Mijn BSN is {value}, kunt u even kijken?',
    'Burgerservicenummer {value}, dossier staat nog steeds op “in behandeling”.',
    'Voor de zekerheid: mijn bsn {value}. Graag snel reactie.',
  ],
  iban: [
    'Het bedrag is nog altijd niet bijgeschreven op {value} t.n.v. {fullName}.',
    'Graag terugstorten op rekening {value}.',
  ],
  'phone-mobile': [
    'Bel me maar op {value}, ik ben overdag bereikbaar.',
    'Mijn nummer is {value}, bel gerust.',
  ],
  'phone-landline': ['U kunt mij bereiken op {value} (na 18.00 uur).', 'Mijn vaste nummer: {value}.'],
  email: ['Mail gerust naar {value}, dan stuur ik de foto’s.', 'Reageer liever via {value}.'],
};

export const DIRECT_MESSAGE_OPENINGS: readonly string[] = [
  'Goedemiddag, ik heb een vraag over mijn aanvraag met kenmerk {caseNumber}.',
  'Hallo, zoals gevraagd stuur ik mijn gegevens via een privébericht.',
  'Beste medewerker, mijn aanvraag is nog steeds niet afgehandeld.',
];

export const DIRECT_MESSAGE_ANSWERS: readonly string[] = [
  'Dank voor uw bericht. We hebben uw gegevens doorgestuurd naar de afdeling die uw aanvraag behandelt. U hoort binnen {smallCount} werkdagen van ons.',
  'Dank u wel. We hebben uw aanvraag gevonden en kijken er vandaag nog naar.',
];

export const PLACES: readonly string[] = [
  'Kleiwijk',
  'Veenstede',
  'Polderhaven',
  'Lagewaard',
  'Dijkmonde',
  'Slibbroek',
  'Kwelderhoven',
  'Zandwolde',
  'Rietmeer',
  'Oosterslenk',
  'Westerplas',
  'Gorsbergen',
  'Hoogeveld aan de Vliet',
  'Nieuw-Kleihoven',
  'Molenvaart',
  'Brakendam',
];

export const MONTHS: readonly string[] = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

export const FIRST_NAMES: readonly string[] = [
  'Anouk',
  'Bram',
  'Charlotte',
  'Daan',
  'Eva',
  'Femke',
  'Gijs',
  'Hanna',
  'Inge',
  'Jeroen',
  'Kees',
  'Lieke',
  'Mohamed',
  'Noor',
  'Olaf',
  'Priya',
  'Quinten',
  'Roos',
  'Sander',
  'Tessa',
  'Ugur',
  'Vera',
  'Willem',
  'Yara',
  'Zeynep',
  'Bart',
  'Mila',
  'Ruben',
  'Sanne',
  'Thijs',
  'Fatima',
  'Joost',
  'Marloes',
  'Pieter',
  'Ilse',
  'Koen',
  'Esra',
  'Jelle',
  'Lotte',
  'Mees',
];

export const LAST_NAMES: readonly string[] = [
  'Veldkamp',
  'de Wit',
  'Brouwer',
  'van Leeuwen',
  'Kramer',
  'Dijkhuis',
  'Meijerink',
  'Bos',
  'van der Heijden',
  'Postma',
  'Hoekstra',
  'El Amrani',
  'Verbeek',
  'Schouten',
  'de Groot',
  'Mulder',
  'Wouters',
  'van Dam',
  'Smits',
  'Kaya',
  'Bakkenes',
  'Ooms',
  'Timmerman',
  'de Lange',
  'Jansma',
  'van Rijn',
  'Yilmaz',
  'Nijhuis',
  'Zwart',
  'Hendriksen',
];

export const CITIZEN_INSTANCES: readonly string[] = [
  'mastodon.nl',
  'mastodon.social',
  'toot.community',
  'mstdn.social',
];
