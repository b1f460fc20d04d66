"""Who published an article: wire services and the cues a text gives about its outlet."""

from __future__ import annotations

import re
from typing import NamedTuple
from urllib.parse import urlparse

from tld import get_fld

#: Wire services and news agencies, by the names and abbreviations they appear under.
WIRE_SERVICES: dict[str, str] = {
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "dpa": "dpa",
    "deutsche presse-agentur": "dpa",
    "anadolu": "Anadolu Agency",
    "anadolu agency": "Anadolu Agency",
    "aa": "Anadolu Agency",
    "xinhua": "Xinhua",
    "bloomberg": "Bloomberg",
    "efe": "EFE",
    "ansa": "ANSA",
    "kyodo": "Kyodo",
    "yonhap": "Yonhap",
    "tass": "TASS",
    "interfax": "Interfax",
    "ukrinform": "Ukrinform",
    "pti": "PTI",
    "ani": "ANI",
    "upi": "UPI",
    "pa": "PA Media",
    "pa media": "PA Media",
    "cp": "The Canadian Press",
    "canadian press": "The Canadian Press",
    "aap": "AAP",
    "apa": "APA",
    "anp": "ANP",
    "belga": "Belga",
    "tt": "TT",
    "ntb": "NTB",
    "ritzau": "Ritzau",
    "stt": "STT",
    "ctk": "CTK",
    "pap": "PAP",
    "mti": "MTI",
    "bta": "BTA",
    "hina": "HINA",
    "tanjug": "Tanjug",
    "ria novosti": "RIA Novosti",
    "itar-tass": "TASS",
    "nyt": "The New York Times",
    "apw": "AP",
}

#: The registered domains of wire services, so that a page on a wire's own site counts as the wire.
WIRE_DOMAINS: dict[str, str] = {
    "reuters.com": "Reuters",
    "thomsonreuters.com": "Reuters",
    "apnews.com": "AP",
    "ap.org": "AP",
    "afp.com": "AFP",
    "dpa.com": "dpa",
    "dpa-international.com": "dpa",
    "aa.com.tr": "Anadolu Agency",
    "xinhuanet.com": "Xinhua",
    "news.cn": "Xinhua",
    "bloomberg.com": "Bloomberg",
    "efe.com": "EFE",
    "ansa.it": "ANSA",
    "kyodonews.net": "Kyodo",
    "yna.co.kr": "Yonhap",
    "tass.com": "TASS",
    "tass.ru": "TASS",
    "interfax.com": "Interfax",
    "interfax.ru": "Interfax",
    "ukrinform.net": "Ukrinform",
    "ukrinform.ua": "Ukrinform",
    "ptinews.com": "PTI",
    "aninews.in": "ANI",
    "upi.com": "UPI",
    "pamediagroup.com": "PA Media",
    "thecanadianpress.com": "The Canadian Press",
    "aap.com.au": "AAP",
    "belga.be": "Belga",
    "ritzau.dk": "Ritzau",
    "pap.pl": "PAP",
    "mti.hu": "MTI",
    "bta.bg": "BTA",
    "hina.hr": "HINA",
    "tanjug.rs": "Tanjug",
    "ria.ru": "RIA Novosti",
}

#: Picture agencies and news sites as they sign a picture's or a story's credit ("William Wei,
#: Business Insider", "Tom Vell, Getty Images"): names, not patterns, so that where the name ends
#: in a run of capitalised words is known.
CREDIT_OUTLETS: tuple[str, ...] = (
    "Getty Images",
    "Associated Press",
    "The Associated Press",
    "AP",
    "AFP",
    "Reuters",
    "EPA",
    "Bloomberg",
    "Shutterstock",
    "Redux",
    "Business Insider",
    "Insider",
    "CNN",
    "BBC",
    "NPR",
    "The New York Times",
    "New York Times",
    "The Washington Post",
    "Washington Post",
    "The Wall Street Journal",
    "Wall Street Journal",
    "Los Angeles Times",
    "USA Today",
    "USA TODAY",
    "The Guardian",
    "HuffPost",
    "The Huffington Post",
    "BuzzFeed",
    "BuzzFeed News",
    "Politico",
    "POLITICO",
    "TechCrunch",
    "Mashable",
    "The Verge",
    "Fox News",
    "CBS News",
    "NBC News",
    "ABC News",
)

# Acronyms that name countries and institutions, not outlets ("told US officials").
_NOT_OUTLETS = {
    "US",
    "USA",
    "UK",
    "EU",
    "UN",
    "NATO",
    "UAE",
    "GOP",
    "IMF",
    "WHO",
    "WTO",
    "OPEC",
    "FBI",
    "CIA",
    "NSA",
    "ICC",
    "ICJ",
    "G7",
    "G20",
    "OSCE",
    "ASEAN",
    "AU",
    "PM",
    "MP",
    "MPS",
    "CEO",
}

# An outlet's name: up to four capitalised words, never across a sentence's end ("told ABC News.
# Banks had opened …": the name stops at "News").
_NAME = r"[A-Z][\w.&'-]*(?:(?<!\.)\s[A-Z][\w.&'-]*){0,3}"
# What closes a name: a lowercase word, or the paragraph's end.
_NAME_END = r"(?=[\s,.;]+[a-z]|[.,;]?$)"

# The text naming its own outlet, the way an outlet's reporters sign their dispatches: a relay's
# "Caliber.Az reports, citing foreign media", "TURAN's Washington correspondent", "The BBC's Jim
# Muir reports". A bare "X reports that …" is left out: on the 690 Multi-News pages every one cites
# another outlet ("The Miami Herald reports that …", ", Kokomo Tribune reports."), as "X reported",
# "according to X", "a report by X" and "the X report" do.
_SELF_CUES = [
    re.compile(rf"(?:^|[,.;]\s+|\s)(?P<o>{_NAME})\s+reports,?\s+citing\b"),
    re.compile(rf"\b(?P<o>{_NAME})['’]s\s+(?:[A-Z][a-z]+\s+){{0,2}}(?:correspondent|reporter)\b"),
    re.compile(rf"\b(?P<o>{_NAME})['’]s?\s+[A-Z][a-z]+\s+[A-Z][\w'’-]+\s+reports\b"),
]
# An interview: "told VOA", "in an interview with CNN". Mostly the outlet's own ("Blinken told
# VOA" in VOA's story), but other outlets quote interviews too ("told The New York Times and then
# CNN"), so it is a weak cue: taken only when every such mention names the same outlet.
_MENTION_CUES = [
    re.compile(rf"\b(?:told|(?:in an )?interview with|speaking to)\s+(?P<o>{_NAME}){_NAME_END}"),
]
# A site's own furniture naming the site, among the lines cleaning removed: its newsletter prompt
# ("receive email newsletters or alerts from POLITICO", "Sign up for the Curbed NY newsletter") and
# its copyright notice ("Copyright 2014 WGCL-TV (Meredith Corporation)", "Copyright © 2017 NPR").
_PROMPT_CUES = [
    re.compile(rf"\b(?:newsletters?|alerts|e-?mails|updates|offers)\s+from\s+(?P<o>{_NAME})"),
    re.compile(
        rf"\bSign up\s+(?:now\s+|here\s+)?(?:for|to)\s+(?:the\s+)?(?P<o>{_NAME})\s+"
        r"(?:newsletters?|e-?mail alerts|e-?mails|alerts)\b"
    ),
]
_COPYRIGHT_CUES = [
    re.compile(
        rf"^(?:(?i:copyright)|©|\(c\))(?:\s*(?:©|\(c\)))?\s*(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?,?\s+)?(?:by\s+)?(?P<o>{_NAME})"
    ),
]
# The removals whose text may be the site's own furniture.
SITE_REASONS = frozenset(["site furniture", "copyright notice"])
# Words that end a newsletter's name, not a site's ("Sign up for the Morning Brief newsletter").
_NEWSLETTER_WORD = re.compile(r"\b(?:Brief|Briefing|Letter|Digest|Playbook|Huddle|Edition|Update|Roundup|Daily)$")
# A day or a month that follows the name it was said to ("told ABC News Friday").
_TRAILING_TIME = re.compile(
    r"(?:\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Today|Tonight|January|February|March|April|May|June"
    r"|July|August|September|October|November|December))+$"
)


class Cue(NamedTuple):
    """A statement in a text of who published it."""

    outlet: str
    evidence: str
    strong: bool
    """The text naming its own outlet ("TURAN's Washington correspondent"); not a mere mention
    ("told CNN"), which may be another outlet's interview."""


def wire_service(name: str | None) -> str | None:
    """The canonical wire-service name for ``name``, or None if it is not a wire service."""
    if not name:
        return None
    return WIRE_SERVICES.get(name.strip().strip("()").lower())


def registered_domain(url: str | None) -> str | None:
    """The domain ``url`` was registered under ("https://edition.cnn.com/x" → "cnn.com"), from
    the Public Suffix List that ``tld`` ships (no network), or None for a URL without a public host."""
    if not url:
        return None
    try:
        host = urlparse(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    domain = get_fld(host, fix_protocol=True, fail_silently=True)
    return domain.lower() if domain else None


def outlet_from_url(url: str | None) -> str | None:
    """Who published the page at ``url``: a wire service's name for its own sites, else the
    registered domain ("bbc.co.uk"); None for local files, IP addresses and private hosts."""
    domain = registered_domain(url)
    if domain is None:
        return None
    return WIRE_DOMAINS.get(domain, domain)


def _plausible_outlet(name: str) -> bool:
    if name.replace(".", "") in _NOT_OUTLETS:  # "U.S." as "US"
        return False
    if wire_service(name):
        return True
    words = name.split()
    # One token that looks like a brand: an acronym (VOA, TURAN) or a dotted name (Caliber.Az).
    if len(words) == 1:
        return (name.isupper() and 2 <= len(name) <= 8) or ("." in name.strip("."))
    # Multi-word names are only taken when they look like a newsroom's name.
    return bool(
        re.search(
            r"\b(News|Times|Post|Press|Herald|Journal|Agency|Radio|TV|Television|Daily|Tribune|Guardian|Telegraph|Gazette|Monitor|Observer|Review|Wire|Media)\b",
            name,
        )
    )


def _name(match: re.Match) -> str:
    return _TRAILING_TIME.sub("", match.group("o").strip().rstrip(".,"))


def outlet_cues(text: str) -> list[Cue]:
    """Every statement in ``text`` of who is reporting: the text naming its own outlet (strong)
    and interviews given to an outlet (weak), in the order of their patterns."""
    found = []
    for patterns, strong in ((_SELF_CUES, True), (_MENTION_CUES, False)):
        for pattern in patterns:
            for match in pattern.finditer(text):
                name = _name(match)
                if _plausible_outlet(name):
                    found.append(Cue(wire_service(name) or name, match.group(0).strip(" ,.;"), strong))
    return found


def site_outlet(text: str) -> str | None:
    """The site that a line of its own furniture names (``text``: a removed newsletter prompt or
    copyright notice), else None. A newsletter prompt names the site in full, whatever its form
    ("Curbed NY", "Denver7"), but not in capitals of several words ("Sign up for BREAKING NEWS
    Emails"); a copyright holder must look like an outlet ("WDIV ClickOnDetroit"
    gives "WDIV"; "Marvel Comics" nothing)."""
    for pattern in _PROMPT_CUES:
        for match in pattern.finditer(text):
            name = _name(match)
            if name.replace(".", "") in _NOT_OUTLETS or _NEWSLETTER_WORD.search(name):
                continue
            if _plausible_outlet(name) or not (name.isupper() and " " in name):  # no "BREAKING NEWS"
                return wire_service(name) or name
    for pattern in _COPYRIGHT_CUES:
        for match in pattern.finditer(text):
            name = _name(match)
            for candidate in (name, name.split()[0]):
                if _plausible_outlet(candidate):
                    return wire_service(candidate) or candidate
    return None
