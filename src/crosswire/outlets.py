"""Who published an article: wire services and the cues a text gives about its outlet."""

from __future__ import annotations

import re
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

_NAME = r"[A-Z][\w.&'-]*(?:\s[A-Z][\w.&'-]*){0,3}"
_OUTLET_CUES = [
    # "Caliber.Az reports, citing foreign media" / ", TURAN reports."
    re.compile(rf"(?:^|[,.;]\s+|\s)(?P<o>{_NAME})\s+reports?\b(?:,?\s+citing\b)?"),
    # "TURAN's Washington correspondent"
    re.compile(rf"\b(?P<o>{_NAME})['’]s\s+(?:[A-Z][a-z]+\s+)?(?:correspondent|reporter)\b"),
    # "told VOA", "in an interview with CNN"
    re.compile(rf"\b(?:told|(?:in an )?interview with|speaking to)\s+(?P<o>{_NAME})(?=[\s,.;]+[a-z]|[.,;]?$)"),
]


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
    if name in _NOT_OUTLETS or wire_service(name):
        return name not in _NOT_OUTLETS
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


def outlet_cues(text: str) -> list[tuple[str, str]]:
    """``(outlet, evidence)`` pairs for every statement in ``text`` of who is reporting."""
    found = []
    for pattern in _OUTLET_CUES:
        for match in pattern.finditer(text):
            name = match.group("o").strip().rstrip(".,")
            # "Blinken told VOA": drop a leading sentence-initial word captured by the name group.
            if _plausible_outlet(name):
                found.append((wire_service(name) or name, match.group(0).strip(" ,.;")))
    return found
