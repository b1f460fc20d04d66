"""Word lists the analysis rules share: reporting verbs and the words of people's titles."""

from __future__ import annotations

import functools
from importlib import resources

from spacy.tokens import Token


@functools.cache
def quote_verbs() -> frozenset[str]:
    """Inflected reporting verbs (Gender Gap Tracker list, MIT) plus a few it lacks."""
    text = resources.files("crosswire.resources").joinpath("quote_verbs.txt").read_text("utf-8")
    words = {w.strip().lower() for w in text.split() if w.strip()}
    return frozenset((words - _NOT_QUOTE_VERBS) | _EXTRA_QUOTE_VERBS | RAISED_VOICE_FORMS)


#: Words of the list that report nothing: "seeking guarantees to ensure that the trial will be
#: ``honest''" is no one ensuring anything aloud.
_NOT_QUOTE_VERBS = frozenset({"ensure", "ensured", "ensures", "ensuring"})


#: Verbs of a raised voice ("a doorman shouted to an officer: ``…''"): they report the words
#: that hang from them, but are no attribution for a quote that is merely near them.
RAISED_VOICE_FORMS = frozenset(
    f"{stem}{suffix}" for stem in ("shout", "yell", "scream", "chant") for suffix in ("", "s", "ed", "ing")
)

#: Verbs of how words come out ("sighed", "snapped", "whispered"): no report of speech by
#: themselves ("she laughed"), but right after a quote, with only their subject between, they
#: tell who spoke it ("``…,'' sighed Hyde").
MANNER_FORMS = frozenset(
    f"{stem}{suffix}"
    for stem, suffixes in {
        "sigh": ("s", "ed"),
        "laugh": ("s", "ed"),
        "chuckle": ("s", "d"),
        "smile": ("s", "d"),
        "grin": ("s", "ned"),
        "shrug": ("s", "ged"),
        "gasp": ("s", "ed"),
        "groan": ("s", "ed"),
        "moan": ("s", "ed"),
        "sob": ("s", "bed"),
        "wail": ("s", "ed"),
        "cr": ("ies", "ied"),
        "snap": ("s", "ped"),
        "bark": ("s", "ed"),
        "growl": ("s", "ed"),
        "snarl": ("s", "ed"),
        "hiss": ("es", "ed"),
        "scoff": ("s", "ed"),
        "sneer": ("s", "ed"),
        "mutter": ("s", "ed"),
        "murmur": ("s", "ed"),
        "mumble": ("s", "d"),
        "whisper": ("s", "ed"),
        "gush": ("es", "ed"),
        "boast": ("s", "ed"),
        "fume": ("s", "d"),
        "retort": ("s", "ed"),
        "interject": ("s", "ed"),
        "venture": ("s", "d"),
        "wonder": ("s", "ed"),
        "marvel": ("s", "ed", "led"),
    }.items()
    for suffix in suffixes
)

_EXTRA_QUOTE_VERBS = {
    f"{stem}{suffix}"
    for stem, forms in {
        "call": ("", "s", "ed", "ing"),
        "urge": ("", "s", "d"),
        "stress": ("", "es", "ed", "ing"),
        "emphasize": ("", "s", "d"),
        "emphasise": ("", "s", "d"),
        "reiterate": ("", "s", "d"),
        "pledge": ("", "s", "d"),
        "vow": ("", "s", "ed", "ing"),
        "ask": ("", "s", "ed", "ing"),
        "caution": ("", "s", "ed", "ing"),
        "deny": ("",),
        "denie": ("s", "d"),
        "promise": ("", "s", "d"),
        "echo": ("", "es", "ed", "ing"),
        "recall": ("", "s", "ed", "ing"),
        # verbs of remarking and recounting that newswire uses beside a quotation
        "observe": ("s", "d"),
        "remark": ("s", "ed"),
        "recount": ("s", "ed"),
        "reflect": ("ed",),
        "muse": ("d",),
        "concede": ("", "s", "d"),
        "quip": ("", "s", "ped"),
        "joke": ("", "s", "d"),
        "demand": ("", "s", "ed", "ing"),
        "complain": ("", "s", "ed", "ing"),
        "predict": ("", "s", "ed", "ing"),
        "reaffirm": ("", "s", "ed", "ing"),
        "tell": ("",),
        "accuse": ("", "s", "d"),
        "blame": ("", "s", "d"),
        "reject": ("", "s", "ed"),
        "dismiss": ("", "es", "ed"),
        "brand": ("", "s", "ed"),
        "label": ("", "s", "ed", "led"),
        "term": ("", "s", "ed"),
        "hail": ("", "s", "ed"),
        "liken": ("", "s", "ed", "ing"),  # "a scene he likened to a ``gas chamber''"
        "praise": ("", "s", "d"),
        "condemn": ("", "s", "ed"),
        "express": ("", "es", "ed", "ing"),
        "voice": ("", "s", "d"),
        "charge": ("", "s", "d"),
        "boast": ("", "s", "ed", "ing"),
        "brag": ("", "s", "ged", "ging"),
        # directives are speech acts too: "X directed Y to ``report …''"
        "direct": ("s", "ed"),
        "order": ("s", "ed"),
        "instruct": ("s", "ed"),
    }.items()
    for suffix in forms
} | {"told", "telling", "tells", "said", "saying", "says", "wrote", "written"}

#: Lemmas that introduce indirect speech ("X said the war was at a critical moment").
SPEECH_LEMMAS = frozenset(
    [
        "say",
        "tell",
        "add",
        "state",
        "announce",
        "warn",
        "claim",
        "insist",
        "argue",
        "report",
        "note",
        "explain",
        "stress",
        "emphasize",
        "emphasise",
        "acknowledge",
        "confirm",
        "deny",
        "assure",
        "reiterate",
        "reaffirm",
        "predict",
        "suggest",
        "promise",
        "pledge",
        "vow",
        "urge",
        "complain",
        "admit",
        "disclose",
        "reveal",
        "write",
        "tweet",
        "testify",
        "declare",
        "caution",
        "concede",
        "maintain",
        "contend",
        "allege",
        "indicate",
        "estimate",
        "agree",
        "respond",
        "reply",
        "told",
    ]
)

_IRREGULAR = {
    "say": ["said"],
    "tell": ["told"],
    "write": ["wrote", "written"],
    "deny": ["denied", "denies"],
    "reply": ["replied", "replies"],
    "testify": ["testified", "testifies"],
    "admit": ["admitted", "admitting"],
    "told": [],
}


def inflections(lemma: str) -> set[str]:
    """Regular English verb forms, plus the irregular ones reporting verbs need."""
    forms = {lemma, *_IRREGULAR.get(lemma, [])}
    stem = lemma[:-1] if lemma.endswith("e") and not lemma.endswith("ee") else lemma
    forms |= {lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "o")) else "s"), stem + "ed", stem + "ing"}
    if lemma.endswith("e"):
        forms.add(lemma + "d")
    return forms


#: Every form of the verbs that introduce indirect speech; the pipeline runs without a
#: lemmatizer (it costs a tenth of the parse time), so forms are listed rather than lemmatised.
SPEECH_FORMS = frozenset(form for lemma in SPEECH_LEMMAS for form in inflections(lemma))
#: Inflected forms only ("added", "says"): put first before a name, they are the verb, not part of it.
INFLECTED_SPEECH_FORMS = SPEECH_FORMS - SPEECH_LEMMAS

#: Head words of a person's title or function.
ROLE_HEADS = frozenset(
    [
        "secretary",
        "minister",
        "president",
        "chief",
        "general",
        "commander",
        "leader",
        "director",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chairman",
        "chairwoman",
        "chair",
        "ceo",
        "head",
        "governor",
        "senator",
        "representative",
        "ambassador",
        "envoy",
        "official",
        "mayor",
        "alderman",
        "alderwoman",
        "councillor",
        "councilor",
        "councilman",
        "councilwoman",
        "king",
        "queen",
        "prince",
        "princess",
        "judge",
        "justice",
        "diplomat",
        "correspondent",
        "editor",
        "analyst",
        "professor",
        "lawyer",
        "attorney",
        "sheriff",
        "coroner",
        "officer",
        "captain",
        "colonel",
        "admiral",
        "sergeant",
        "lieutenant",
        "coach",
        "founder",
        "president-elect",
        "premier",
        "chancellor",
        "pope",
        "cardinal",
        "bishop",
        "rabbi",
        "imam",
        "prophet",
        "sheikh",
        "emir",
        "sultan",
        "operator",
        "economist",
        "executive",
        "manager",
        "negotiator",
        "adviser",
        "aide",
        "advisor",
        "secretary-general",
        "counsel",
        "commissioner",
        "prosecutor",
        "inspector",
        "superintendent",
        "marshal",
        "deputy",
        "spokesperson",
        "chairperson",
        "boss",
        "strategist",
        "researcher",
        "scientist",
        "expert",
        "activist",
        "campaigner",
        "organiser",
        "organizer",
        "worker",
        "dockworker",
        "member",
        "lawmaker",
        "legislator",
        "mp",
        "pm",  # "Malaysian PM says": a prime minister, never a name
        "congressman",
        "congresswoman",
        "delegate",
        "consul",
        "attache",
        "vice-president",
        "vp",
        "cfo",
        "coo",
        "cto",
        "owner",
        "partner",
        "host",
        "anchor",
        "presenter",
        "author",
        "writer",
        "speaker",
    ]
)

#: Occupations written as a title before a name ("Filmmaker Kenneth Lonergan", "rapper Prodigy")
#: or in an apposition ("Jose Saramago, the Portuguese novelist"): roles of the person named.
#: Unlike :data:`ROLE_HEADS`, a bare "the actress said" is no new, unnamed person: it is an
#: epithet for someone already named, so the quote rules do not read them as titles.
OCCUPATIONS = frozenset(
    [
        "filmmaker",
        "producer",
        "screenwriter",
        "playwright",
        "novelist",
        "poet",
        "actor",
        "actress",
        "comedian",
        "singer",
        "songwriter",
        "singer-songwriter",
        "rapper",
        "musician",
        "guitarist",
        "drummer",
        "dancer",
        "designer",
        "photographer",
        "artist",
        "painter",
        "sculptor",
        "chef",
        "astronaut",
        "journalist",
        "reporter",
        "columnist",
        "historian",
        "entrepreneur",
        "billionaire",
        "philanthropist",
        "businessman",
        "businesswoman",
    ]
)

#: Common nouns for a person who is not named by a title ("a young man", "a pilot", "one resident").
PERSON_NOUNS = frozenset(
    [
        "man",
        "woman",
        "boy",
        "girl",
        "person",
        "resident",
        "witness",
        "source",
        "friend",
        "neighbor",
        "neighbour",
        "relative",
        "pilot",
        "soldier",
        "marine",
        "sailor",
        "student",
        "teenager",
        "youth",
        "mother",
        "father",
        "son",
        "daughter",
        "wife",
        "husband",
        "brother",
        "sister",
        "driver",
        "farmer",
        "survivor",
        "victim",
        "refugee",
        "protester",
        "passenger",
        "nurse",
        "doctor",
        "teacher",
        "guard",
        "fighter",
        "rebel",
        "villager",
        "vendor",
        "employee",
        "customer",
    ]
)

#: Abbreviated titles before a name ("Wyoming Gov. Jim Geringer"), with the role word each stands for.
TITLE_ABBREVIATIONS = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "gen": "general",
    "col": "colonel",
    "capt": "captain",
    "lt": "lieutenant",
    "sgt": "sergeant",
    "adm": "admiral",
    "cmdr": "commander",
    "supt": "superintendent",
    "atty": "attorney",
}

#: Words that may stand inside a title before a name ("foreign policy chief", "top diplomat").
ROLE_MODIFIERS = frozenset(
    [
        "foreign",
        "policy",
        "top",
        "deputy",
        "former",
        "acting",
        "interim",
        "vice",
        "prime",
        "defence",
        "defense",
        "finance",
        "interior",
        "home",
        "state",
        "union",
        "labour",
        "labor",
        "health",
        "education",
        "energy",
        "economy",
        "trade",
        "justice",
        "security",
        "national",
        "senior",
        "chief",
        "executive",
        "assistant",
        "associate",
        "principal",
        "general",
        "supreme",
        "allied",
        "outgoing",
        "incoming",
        "new",
        "then",
        "retired",
        "elect",
        "of",
        "the",
        "for",
        "and",
        "managing",
        "harbor",
        "harbour",
        "port",
        "transport",
    ]
)

#: Nouns for an organisation whose name they carry ("the Interfax news agency", "the daily, Kommersant").
ORGANISATION_NOUNS = frozenset(
    [
        "agency",
        "newspaper",
        "paper",
        "daily",
        "weekly",
        "magazine",
        "broadcaster",
        "network",
        "company",
        "firm",
        "corporation",
        "ministry",
    ]
)

#: Nouns for a kind of organisation ("the company said", "X, a militant group,").
ORGANISATION_KINDS = frozenset(
    [
        "company",
        "firm",
        "corporation",
        "group",
        "agency",
        "ministry",
        "department",
        "organization",
        "organisation",
        "union",
        "bank",
        "party",
        "committee",
        "council",
        "commission",
        "club",
    ]
)

#: Online platforms and services that news names as where something was posted, streamed or
#: sent ("wrote on Twitter", "a Hotmail account"). The small model types them at random: Twitter a
#: person, Hotmail or Netflix a place, Facebook a nationality. Each is an organisation.
WEB_PLATFORMS = frozenset(
    [
        "Twitter",
        "Facebook",
        "Instagram",
        "YouTube",
        "TikTok",
        "Snapchat",
        "WhatsApp",
        "LinkedIn",
        "Reddit",
        "Tumblr",
        "Pinterest",
        "WeChat",
        "Weibo",
        "Gmail",
        "Hotmail",
        "Netflix",
        "Hulu",
        "Spotify",
        "Skype",
        "Flickr",
        "Google",
        "Yahoo",
        "Microsoft",
        "Craigslist",
        "eBay",
        "Wikipedia",
        "Airbnb",
    ]
)

#: Last words of the names of institutions ("Heritage Foundation", "Wayne State University", "U.S.
#: Embassy"). The small model types such names as people, and bodies as places: a name of two or
#: more words that ends in one is an organisation. The first group names bodies whatever the model
#: says; the second, buildings as well as bodies, so a place typing stands and only a "person" is
#: corrected. Words that are also common surnames ("Church", "Service", "Board", "Guard") are not
#: here: "Frank Church" is a senator.
INSTITUTION_BODIES = frozenset(
    [
        "embassy",
        "consulate",
        "department",
        "office",
        "ministry",
        "party",
        "police",
        "agency",
        "committee",
        "council",
        "commission",
        "bureau",
        "foundation",
        "university",
        "institute",
        "association",
        "corporation",
        "administration",
        "authority",
        "cooperation",  # "Asia-Pacific Economic Cooperation", typed a place
        "forum",
    ]
)
INSTITUTION_PLACES = frozenset(["hospital", "center", "centre", "school", "college", "academy", "network"])

#: Honorifics: part of how a name is written, not a role.
HONORIFICS = frozenset(["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame", "lord", "lady"])

# Words that say a person is a man or a woman: a title before the name ("Mrs. Aho"), or a noun
# the name stands in apposition to ("his wife, Azizah Ismail").
MALE_WORDS = frozenset(
    [
        "mr",
        "mr.",
        "sir",
        "lord",
        "king",
        "prince",
        "duke",
        "husband",
        "father",
        "son",
        "brother",
        "uncle",
        "nephew",
        "grandfather",
        "grandson",
        "widower",
        "boyfriend",
        "fiancé",
        "man",
        "boy",
        "spokesman",
        "chairman",
        "congressman",
        "businessman",
        "councilman",
        "actor",
        "monk",
    ]
)
FEMALE_WORDS = frozenset(
    [
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "miss",
        "lady",
        "dame",
        "queen",
        "princess",
        "duchess",
        "wife",
        "mother",
        "daughter",
        "sister",
        "aunt",
        "niece",
        "grandmother",
        "granddaughter",
        "widow",
        "girlfriend",
        "fiancee",
        "fiancée",
        "woman",
        "girl",
        "spokeswoman",
        "chairwoman",
        "congresswoman",
        "businesswoman",
        "councilwoman",
        "actress",
        "nun",
    ]
)

#: What a reporter may call someone instead of their title ("the NATO chief").
ROLE_SYNONYMS = {
    "pm": {"pm", "prime minister", "premier"},
    "chief": {"chief", "head", "leader", "secretary general", "secretary-general", "director", "president", "chairman"},
    "head": {"chief", "head", "leader", "secretary general", "secretary-general", "director", "president"},
    "leader": {"leader", "chief", "head", "president", "prime minister", "premier", "chancellor"},
    "boss": {"chief", "head", "leader", "director", "executive", "ceo"},
    "diplomat": {"secretary of state", "foreign minister", "foreign secretary", "ambassador", "envoy", "diplomat"},
    "spokesperson": {"spokesman", "spokeswoman", "spokesperson"},
    "writer": {"writer", "author"},
    "author": {"author", "writer"},
    # "Rep. Ted Poe … the congressman": a US representative is called a congressman
    "congressman": {"congressman", "representative"},
    "congresswoman": {"congresswoman", "representative"},
}


#: The AP's abbreviations of US states ("Selma, Ala."), with the state each stands for. The AP
#: spells out Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas and Utah. "Wash." is left out: a
#: story's "Washington" is the capital far more often than the state ("Redmond, Wash." beside
#: "U.S. District Court in Washington").
US_STATE_ABBREVIATIONS = {
    "Ala.": "Alabama",
    "Ariz.": "Arizona",
    "Ark.": "Arkansas",
    "Calif.": "California",
    "Colo.": "Colorado",
    "Conn.": "Connecticut",
    "Del.": "Delaware",
    "Fla.": "Florida",
    "Ga.": "Georgia",
    "Ill.": "Illinois",
    "Ind.": "Indiana",
    "Kan.": "Kansas",
    "Ky.": "Kentucky",
    "La.": "Louisiana",
    "Md.": "Maryland",
    "Mass.": "Massachusetts",
    "Mich.": "Michigan",
    "Minn.": "Minnesota",
    "Miss.": "Mississippi",
    "Mo.": "Missouri",
    "Mont.": "Montana",
    "Neb.": "Nebraska",
    "Nev.": "Nevada",
    "N.H.": "New Hampshire",
    "N.J.": "New Jersey",
    "N.M.": "New Mexico",
    "N.Y.": "New York",
    "N.C.": "North Carolina",
    "N.D.": "North Dakota",
    "Okla.": "Oklahoma",
    "Ore.": "Oregon",
    "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island",
    "S.C.": "South Carolina",
    "S.D.": "South Dakota",
    "Tenn.": "Tennessee",
    "Vt.": "Vermont",
    "Va.": "Virginia",
    "W.Va.": "West Virginia",
    "Wis.": "Wisconsin",
    "Wyo.": "Wyoming",
}


def is_reporting_verb(token: Token) -> bool:
    """A verb that reports speech ("said", "told", "warned"), by its word form."""
    if token.lower_ in {"said", "says"}:
        return True  # "Said Hunter, …": the model tags a sentence-initial "Said" as a name
    if (
        token.is_sent_start
        and token.pos_ == "PROPN"
        and token.lower_ in INFLECTED_SPEECH_FORMS
        and token.i + 1 < len(token.doc)
        and token.doc[token.i + 1].pos_ == "PROPN"
    ):
        return True  # "Added Stern, …", tagged as a name in the same way
    if token.lower_ in {"put", "puts"} and any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children):
        return True  # "As Sanford put it, ``…''"
    return token.pos_ in {"VERB", "AUX"} and (token.lower_ in quote_verbs() or token.lower_ in SPEECH_FORMS)
