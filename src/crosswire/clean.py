"""Cleaning: a raw article text in, title / byline / dateline / date / body out.

Cleaning works on paragraphs. Each rule either keeps a paragraph in the body or moves it
(or a prefix of it, for datelines) into ``Article.removed`` with the reason, so every line of
the input can be found again: in the title, the body, or a recorded removal.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from crosswire.model import Article, Dateline, Removal, Source
from crosswire.outlets import CREDIT_OUTLETS, SITE_REASONS, outlet_cues, outlet_from_url, site_outlet, wire_service
from crosswire.read import article_id

_TERMINAL = re.compile(r"[.!?…:;]['\"’”)\]]*$")
_CLOSING_QUOTE_END = re.compile(r"[.!?,]?['\"’”]$")
_ORDINAL = r"(?:st|nd|rd|th)?"
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_MONTH_NUM = {
    m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)
}

_BYLINE = re.compile(
    r"^(?:By|BY|by|Written by|Story by)\s+"
    r"(?P<name>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|da|van|von|al|bin|der|la|le)){0,7})"
    r"(?:\s*[,|–—-]\s*(?P<extra>[^.!?]{0,60}))?$"
)
_BYLINE_WIRE = re.compile(
    r"^(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})\s*[,|]\s*(?P<agency>[A-Za-z][\w .-]{1,30})$"
)

_CREDIT = re.compile(
    r"^\(?\s*(?:[—–-]+\s*)?(?:[Ww]ith\s+)?(?:(?:[Aa]dditional\s+)?[Rr]eporting|Writing|Editing|Edited|Compiled|Translated|Produced|"
    r"Graphics|Research|Fact-checked|Additional writing)\b[^()]*\bby\b[^()]*\)?$"
)
_TRAILING_CREDIT = re.compile(
    r"\s*\((?:(?:Additional\s+)?[Rr]eporting|Writing|Editing|Compiled|Translated)\b[^()]*\bby\b[^()]*\)\s*$"
)
# A wire story's pickup note for editors, cut into the end of the text: "… he said. In Berlin,
# 7th graf pvs" ("the 7th paragraph of the previous version goes on from here", which opens on
# "In Berlin,"); also "The men, pickup 9th pvs" and "The building, graf 5 pvs".
_PICKUP_NOTE = re.compile(
    r"(?:^|(?<=[.!?'\"’”])\s+)[^.!?\n]{0,120}?"
    r"\b(?:\d+(?:st|nd|rd|th)\s+(?:graf|grafs|par|para|pgh|pvs)|(?:graf|grafs|par|para)\s+\d+\s+pvs)\b[^.!?]*$",
    re.I,
)
# The reporters a story thanks at its end: "Associated Press writer Ana Brek in Velm contributed to
# this report.", after "Lee reported from Velm." lines; on its own, "Lee reported from Velm."
_CONTRIBUTED = re.compile(
    r"^(?P<names>[^!?]{2,600}?)\s+contributed\s+(?:to\s+(?:this|the)\s+(?:report|story|article)|(?:additional\s+)?reporting)"
    r"(?:\s+from\s+[^.!?]{1,60})?(?:\s+and\s+can\s+be\s+reached\s+at\s+\S+?)?\.?$"
)
_REPORTED_FROM = re.compile(r"^(?:[A-Z][\w'’.-]+\s+){1,4}reported\s+from\s+[A-Z][^.!?]{1,60}\.(?:\s+|$)")
# The lower-case words of such a list: staff, place and "of The Daily Velm"; any other word is a
# sentence of the story, which must not go with the credit.
_CONTRIBUTOR_WORDS = frozenset({
    "staff", "writer", "writers", "reporter", "reporters", "researcher", "journalist", "correspondent",
    "correspondents", "editor", "editors", "contributor", "photographer", "producer", "intern",
    "diplomatic", "technology", "political", "business", "news", "media",
    "and", "in", "at", "of", "the", "from", "with", "for", "on",
})  # fmt: skip


def _contributors(text: str) -> bool:
    """Is ``text`` only a credit to the reporters who contributed, or only where they reported from?"""
    text = text.strip().lstrip("—–- ")
    while lead := _REPORTED_FROM.match(text):
        text = text[lead.end() :]
        if not text:
            return True
    credit = _CONTRIBUTED.match(text)
    if credit is None:
        return False
    names = re.findall(r"[A-Za-z][\w’'.-]*", credit["names"])
    return all(not w[0].islower() or w.lower() in _CONTRIBUTOR_WORDS for w in names)


_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright\b|all rights reserved|this material may not be published|"
    r"our standards:|©\s*\d{4})",
    re.I,
)

_FURNITURE = re.compile(
    r"^(?:"
    r"(?:leave|post|add|write|view|show|hide|load)\s+(?:a|your|the|all|more)?\s*(?:review|comment|reply|comments)s?"
    r"|(?:follow|like|join)\s+us\b.*"
    r"|share(?:\s+(?:this|on|via|the|article|story)\b.*)?"
    r"|(?:read|see)\s+(?:more|also|next|full story)\b.*"
    r"|related(?:\s+(?:stories|articles|coverage|news|content|topics))?:?"
    r"|more\s+(?:on|from|stories|news)\b.*"
    r"|(?:subscribe|sign up|signup|register|log ?in|sign in|download (?:our|the)(?: [\w.-]+){0,3} app)\b.*"
    r"|.*\bnewsletters?\b.*"
    r"|.*\b(?:we|this (?:site|website)) uses? cookies\b.*"
    r"|.*\bcookie (?:policy|settings|consent)\b.*|accept(?: all)? cookies"
    r"|advertisement|sponsored(?: content)?|promoted(?: content)?|ad|slideshow(?:\s*\(\d+ images?\))?"
    r"|click here\b.*|tap here\b.*"
    r"|print|e-?mail|comments?|tweet|whatsapp|facebook|twitter|linkedin|telegram|reddit|copy link"
    r"|(?:tags?|topics?|filed under|categories|keywords):.*"
    r"|back to top|top stories|trending(?: now)?|recommended(?: for you)?|editor'?s picks"
    r"|(?:most (?:read|popular)(?: stories)?\s*)+(?:more\s*>>)?"
    r"|(?:listen to|watch)(?: this)? (?:article|story|video)\b.*"
    r"|\d+\s+min(?:ute)?s?\s+read"
    r"|(?:\d+|an?)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago"
    r"|(?:report|suggest) (?:a|an) (?:correction|error|typo)\b.*"
    r"|.*\b(?:enable|turn on|activate|switch on) javascript\b.*"
    r"|.*\bfree (?:articles?|stories|reads) (?:left|remaining|this month)\b.*"
    r"|from wikipedia, the free encyclopedia"
    r")[.!:]?$",
    re.I,
)
# A link to another story of the site, under its label: "MORE: Storm snarls flights", "(Also on
# POLITICO: Dems paint GOP as shutdown party)", "Related: …", "RELATED | Storm snarls flights". The
# label alone ("ALSO:", "Read more:") heads a list of such headlines.
_RELATED_LINK = re.compile(
    r"^\(?(?:read(?: also| more| next)?|see(?: also| more)?"
    r"|also(?: read| see| check out| on \w[\w.&]*(?: \w[\w.&]*){0,2})?"
    r"|(?:read )?more(?: video| stories| (?:from|on) [^:]{1,40})?|related(?: content| stories| coverage| videos?)?"
    r"|watch|video|story|blog|explore further|full list)\s*(?::|\s\|)\s*(?P<headline>.*?)\)?$"
    # the heading of a list with no colon: "Related Articles", "Related News Articles"
    r"|^Related (?:News )?(?:Articles|Links|Stories)$",
    re.I,
)
# Rolling Stone's and The Hollywood Reporter's link runs the headline into its standfirst:
# "Related Prodigy: 10 Essential Tracks From the Mobb Deep MC Rapper Prodigy died at the age of 42,
# but his legacy … lives on".
_RELATED_TEASER = re.compile(r"^Related\s+(?P<headline>[A-Z0-9'‘“\"].*)$")
#: A linked headline is this short at most; a teaser with its standfirst runs half to twice as long.
RELATED_HEADLINE_WORDS = 25
_SENTENCE_STOP = re.compile(r"[.:;]['\"’”)\]]*$")
# "… Uncovered in Calif.", "… for U.S.": a headline may end on an abbreviation.
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:[A-Z]\.){2,}|\b(?:Ala|Ariz|Ark|Calif|Colo|Conn|Fla|Ga|Ill|Ind|Kan|Ky|La|Mass|Md|Mich|Minn|Miss|Mo|Mont"
    r"|Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Va|Vt|Wash|Wis|Wyo|Jr|Sr|Inc|Corp)\.)$"
)
# A link on a line of its own, bare or after a short label: "Follow NBC: http://Twitter.com/NBC",
# "Logo - http://photos.example.com/2015/181266", "BECOME MY FRIEND➜ http://bit.ly/1odjqNY".
_LINK_LINE = re.compile(r"^(?:[^.!?\n]{0,60}?[\s:➜>»-])?\(?(?:https?://|www\.)\S+$", re.I)
# A paywall's pitch runs longer than other furniture: an imperative to subscribe, and an offer.
_SUBSCRIPTION_PITCH = re.compile(
    r"^(?!.*\b(?:said|says|told|according to)\b)"  # reported speech is the story, not the site
    r"(?=.*\b(?:access|subscription|subscribers?|membership|free trial|per (?:month|week|year)|a (?:month|week|year)"
    r"|first (?:month|week|year)|cancel anytime)\b)"
    r"(?:subscribe|sign up|become a (?:member|subscriber)|get (?:unlimited|full|digital) access"
    r"|unlock|start (?:your|a) (?:free )?trial|already a (?:subscriber|member))\b[^\"“”]*$",
    re.I,
)
# A newsletter's sign-up pitch, longer than a menu item: "Sign up for our daily email newsletter and
# get top stories delivered to your inbox.", "Just fill in your contact details in the form below to
# join our mailing list …", "[Sign up for The Daily 202 and get all the news you need]".
_SIGNUP_PITCH = re.compile(
    r"^(?!.*\b(?:said|says|told|according to)\b)"
    r"(?:(?=.*\b(?:sign(?:ing)? up|subscribe|join our)\b)"
    r"(?=.*\b(?:newsletters?|e-?mail (?:alerts|updates)|emails|mailing list|inbox)\b)"
    r"|\W*sign up (?:for|to)\b)",
    re.I,
)
# What a web archive shows in place of a page it could not capture: its notice about the crawl.
_ARCHIVE_NOTICE = re.compile(
    r"^(?:starting in \d{4}, .{0,40}\bdonating (?:their|its) crawl data to the internet archive"
    r"|these crawls are part of an effort to archive pages"
    r"|the seed for (?:this crawl|\w*\d+) was"
    r"|this crawl was run at a level"
    r"|the warc files associated with this crawl)\b",
    re.I,
)
# A social network's embed text that scrapers keep when the post itself did not load.
_SOCIAL_WIDGET = re.compile(
    r"^(?:tweet with a location|you can add location information to your tweets\b.*"
    r"|(?:this|the) (?:tweet|post) (?:is|was) unavailable\b.*"
    r"|rating is available when the video has been rented)[.!]?$",
    re.I,
)
# A site's account and sign-up screens, printed where the article should be: "Welcome back. Please
# sign in", "Already have an account?", "Thank you for registering!", "By submitting your
# registration information, you agree to our Terms of Service …", an unfilled template
# ("{* data_emailAddress *}"), "Join us on Facebook".
_ACCOUNT_PROMPT = re.compile(
    r"^(?:welcome back\b.{0,20}\bsign in\b.*"
    r"|(?:already have an account|don'?t have an account|forgot (?:your )?password|why are we asking this)\?.*"
    r"|by (?:submitting|registering|creating|signing up|clicking)\b.{0,120}"
    r"\b(?:terms of (?:service|use)|privacy policy)\b.*"
    r"|thank you for (?:registering|signing up|subscribing)\b.*"
    r"|we have sent (?:a|you a) confirmation e-?mail\b.*"
    r"|we look forward to seeing you on\b.*"
    r"|join us on (?:facebook|twitter|instagram)\b.*"
    r"|.*\{\*[^{}]{1,60}\*\}.*)$",
    re.I,
)
# "Follow Ana Brek on Twitter and Google+.", "Follow @anabrek on Twitter", "Follow me on Twitter
# (@anabrek), Facebook and Google+.", with "Original article on Site." after it: the page's
# prompt to follow its reporter or outlet. An imperative "Follow" that names a network.
_FOLLOW_PROMPT = re.compile(
    r"^(?:(?:Follow\s+(?:[A-Z@\"“]|me\b|us\b|the\s+reporter\b)[^!?\n]{0,120}?"
    r"\b(?i:on|at|via)\s+(?:Twitter|Facebook|Instagram|Google\+|YouTube|LinkedIn|https?://)"
    r"[^!?\n]{0,160}?|Original article on [^.!?\n]{1,40})(?:[.!]\s*|\s*$))+$"
)
# The signature an embedded post ends with: "… pic.twitter.com/x1Y2 — Ana Brek (@anabrek) March 25,
# 2014", "… A post shared by Ana Brek (@ana.brek) on Jun 20, 2017 at 10:33am PDT", with the links
# to the post's picture and pages before it. The author's name holds no dash, so a dash inside the
# post ("… goes UP --- should not be that way!") stays with the post.
_EMBED_SIGNATURE = re.compile(
    r"(?:\s*(?:pic\.twitter\.com/\w+|https?://t\.co/\w+))*\s*"
    r"(?:(?:^|(?<=\s))(?:—|–|--?)\s*(?:(?!\s-{1,2}\s)[^()\n—–]){1,50}?\s*\(@\w{1,15}\)\s+"
    rf"{_MONTHS}\s+\d{{1,2}},\s+\d{{4}}"
    r"|(?:^|(?<=\s))A post shared by\s+[^()\n]{1,50}?\s*\(@[\w.]{1,30}\)\s+on\s+"
    rf"{_MONTHS}\s+\d{{1,2}},\s+\d{{4}}(?:\s+at\s+\d{{1,2}}:\d{{2}}\s*[ap]m(?:\s+[A-Z]{{2,4}})?)?"
    r")\s*$"
)
#: A page whose archive notice leaves less text than this is the archive's page, not an article.
ARCHIVE_PAGE_WORDS = 100
#: The warning on a page that may be no article (a video's description, a form, a list of credits or
#: links, a notice): its text stays, and the warning says why it may not be a story.
NOT_AN_ARTICLE = "may not be an article"


def may_not_be_article(warnings: Iterable[str]) -> bool:
    """Whether an article's ``warnings`` say its page may not be an article (see NOT_AN_ARTICLE)."""
    return any(w.startswith(NOT_AN_ARTICLE) for w in warnings)


#: A sentence of prose has this many words at least, four of them written in lower case.
PROSE_SENTENCE_WORDS = 8
#: A page with this many times as many lines of furniture as paragraphs of prose is mostly furniture.
FURNITURE_PER_PROSE = 2
_FURNITURE_REASONS = frozenset(["site furniture", "related link", "social media widget", "photo gallery link"])
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"'’”)\]]*\s+(?=[\"'‘“(]?[A-Z0-9])")
_SENTENCE_END = re.compile(r"[.!?…][\"'’”)\]]*$")
_LOWER_WORD = re.compile(r"[a-z][a-z'’-]*[,;:]?")
_SECTION_LABELS = {
    "politics",
    "world",
    "business",
    "economy",
    "sport",
    "sports",
    "opinion",
    "analysis",
    "technology",
    "tech",
    "science",
    "health",
    "europe",
    "asia",
    "americas",
    "africa",
    "middle east",
    "news",
    "latest",
    "latest news",
    "breaking",
    "breaking news",
    "local",
    "national",
    "international",
    "culture",
    "entertainment",
    "lifestyle",
    "markets",
    "finance",
    "world news",
    "us news",
    "uk news",
    "region",
    "society",
    "defence",
    "defense",
    "diplomacy",
    "security",
    "energy",
    "environment",
    "climate",
    "education",
    "travel",
    "video",
    "photos",
    "live",
    "exclusive",
    "interview",
    "feature",
    "features",
    "editorial",
}
_SUBHEADING_BULLET = re.compile(r"^[-–—•*▪►]\s+\S")

_DATELINES = [
    # " date 2024-11-13 Brussels — "
    re.compile(r"^date\s+(?P<date>\d{4}-\d{2}-\d{2})\s+(?P<place>[A-Z][\w .'’-]{0,40}?)\s*[—–-]{1,2}\s+"),
    # "BRUSSELS (Reuters) - ", "WASHINGTON, Nov 13 (Reuters) - ", "NEW YORK (AP) _ "
    re.compile(
        r"^(?P<place>[A-Z][A-Z.'’ -]{1,40}?(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?)"
        rf"(?:,\s*(?P<mdate>{_MONTHS}\s+\d{{1,2}}(?:,?\s*\d{{4}})?))?\s*"
        r"\((?P<agency>[A-Za-z][\w .&-]{0,30})\)\s*(?:[-–—_]{1,2}|:)\s*"
    ),
    # "KYIV — ", "WASHINGTON -- ", "WASHINGTON—The" (no space before the story)
    re.compile(
        r"^(?P<place>[A-Z]{2}[A-Z.'’ -]{0,40}?(?:,\s*[A-Z][A-Za-z.]+)?)"
        rf"(?:,\s*(?P<mdate>{_MONTHS}\s+\d{{1,2}}(?:,?\s*\d{{4}})?))?\s*(?:[-–—_]{{1,2}}\s+|(?:--|—)(?=[A-Z\"“‘]))"
    ),
    # "Brussels, Nov. 13 — "
    re.compile(
        rf"^(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+){{0,2}}),\s+(?P<mdate>{_MONTHS}\s+\d{{1,2}}(?:,?\s*\d{{4}})?)"
        r"\s*[-–—]{1,2}\s+"
    ),
]

# AP's file-photo captions, which web pages print inside the story ("FILE - In this May 3, 2015
# photo, authorities ..."): "FILE" is no dateline.
_PHOTO_CAPTION = re.compile(r"^FILE\s*[-–—:]+\s.{0,200}?\b(?:photo|photograph|image|file picture)\b", re.I | re.S)
# The same captions without "FILE", which a page prints as a paragraph of their own, alone or with
# the story's opening cut short after them ("… in Barcelona, Spain. A Spanish..."): "In this Tuesday,
# Feb. 26, 2013, file photo, a man …", "In this photo provided by the Vatican paper …", "Aurelie
# Chatelain, in this photograph provided by the Caudry City Hall …, is seen …".
_CAPTION_OPENING = re.compile(
    r"^In (?:this|these) (?:(?:[A-Z][\w'’-]*\.?|\d{1,4}|file|undated|handout|evidence|aerial|video|still|family)"
    r",?\s+){0,8}(?:photo|photograph|image|picture|frame grab)s?\b"
    r"|^[^.!?]{0,120}\bin this (?:[\w-]+ ){0,3}(?:photo|photograph|image|picture)\s+"
    r"(?:provided|released|taken|made available|obtained|distributed)\b"
)
_CUT_SHORT = re.compile(r"(?:\.\.\.|…)(?:\s*\((?:Associated Press|AP|Reuters|AFP)\))?$")
# The credit a picture's caption ends with: "(AP Photo/Reed Saxon)", "(Joe Raedle/Getty Images)",
# "(Photo: Ralph Wilson, AP)", the truncated "(AP..." of a caption cut short, with the "(Associated
# Press)" that some sites add after it. A bare "(Reuters)" or "(AP)" is no picture credit.
_CAPTION_CREDIT = re.compile(
    r"(?:\s*(?:\([^()]*\b(?:Photo|Photograph|Photos|Image|Images|Getty|Pool|Handout)\b[^()]*\)"
    r"|\([^()]*/\s*(?:AP|AFP|Reuters|EPA|Getty|[^()]*Images)\b[^()]*\)"
    r"|\((?:AP|AFP|REUTERS|Reuters|EPA)\s*/[^()]*\)"
    # "(Courtesy of the Velm Harbour Board)", "(Courtesy photo)", "(U.S. Navy photo)"
    r"|\((?:[Pp]hoto\s+)?[Cc]ourtesy\b[^()]{0,60}\)|\([^()]{1,60}\b(?:photo|photograph)\)"
    r"|\((?:AP|AFP|Reuters)\b[^()]{0,40}(?:\.\.\.|…)))+"
    r"(?:\s*\((?:Associated Press|AP|Reuters|AFP)\))?\s*$"
    # A caption cut short ("… in Washington, Tuesday,... (Associated Press)"): only the site's
    # credit goes.
    r"|(?:(?<=\.\.\.)|(?<=…))\s*\(Associated Press\)\s*$"
    # Without brackets, after the caption's last sentence: "… in action last year. Photo: Getty
    # Images", "… on Feb. 6. Photographer: Ana Brek/AFP via Getty Images", "… in 2005. Michael
    # Nagle/Getty Images", "… correct spelling. AP Photo/Ana Brek", "… in 2016. REUTERS/Ana Brek".
    r"|(?<=[.!?])\s+(?:(?:Photo|Photograph|Photographer|Picture|Image)(?:\s+credit)?:\s*[^.!?:()]{1,60}"
    r"|(?:AP|AFP|Reuters) Photo\s*/\s*[^.!?:()/]{1,40}"
    # The wire's own form, agency first: "… May 30, 2016. REUTERS/Ana Brek/File Photo".
    r"|(?:REUTERS|Reuters|AFP|EPA)\s*/\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}(?:\s*/\s*File(?: Photo)?)?"
    r"|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s*/\s*(?:[A-Z][\w.-]*\s*/\s*)*"
    r"(?:Getty Images|AFP|AP|Reuters|EPA|Bloomberg|Redux|\w+ Images))\s*$"
)
# CNN's photo gallery, printed as one paragraph: "Photos: Title Photos: Title First caption. Hide
# Caption 1 of 43 Photos: Title Second caption. Hide Caption 2 of 43 …". Each caption becomes a
# paragraph of its own, marked a caption; the gallery's labels go.
_GALLERY_COUNTER = re.compile(r"\s*\bHide Caption \d+ of \d+\b\s*")
_GALLERY_TITLE = re.compile(r"^(?P<label>(?:Photos:\s*)+)(?P<title>\S.{0,100}?)\s+(?P=label)(?P=title)\s+(?=\S)")
# A video player's caption printed into the page, after its "CLOSE" button and sharing links:
# "CLOSE Skip in Skip x Embed x Share Police confirmed … Video provided by …".
_VIDEO_CAPTION = re.compile(
    r"^(?:Skip in Skip x Embed x Share\s+)?CLOSE\s+(?:Skip in Skip x Embed x Share\s+)?(?=[A-Z0-9\"“‘])"
)
# CNN's links to other videos: "JUST WATCHED Title Replay More Videos ... MUST WATCH Title 02:04".
_VIDEO_LINK = re.compile(r"^(?:JUST WATCHED|Replay More Videos|MUST WATCH)\b")
# The labels around a picture or video on web pages: the BBC's "Image copyright Getty Images Image
# caption …" and "Media playback is unsupported on your device Media caption …", the Guardian's
# share buttons "Facebook Twitter Pinterest …". What follows is the caption.
_CAPTION_LABEL = re.compile(
    r"^(?:(?:Image copyright\s+(?P<credit>.{1,80}?)\s+)?Image caption"
    r"|(?:Media playback is unsupported on your device\s+)?Media caption"
    r"|Facebook Twitter Pinterest)\s+(?=\S)"
)
# A picture's credit run into the text after it, where the picture was: "Ana Brek/Getty Images Rep.
# Lena Ortiz will host …", "Ana Brek / AP Senator Lena Ortiz listens …".
_LEADING_CREDIT = re.compile(
    r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}\s*/\s*(?:Getty Images|AP|AFP|Reuters|EPA|Bloomberg)\s+(?=[A-Z])"
)
# A labelled credit before the caption it belongs to: "CREDIT: AP Photo/Ana Brek The crane at work".
_LABELLED_CREDIT = re.compile(
    r"^CREDIT:\s*(?:(?:AP|AFP|Reuters|EPA|Getty Images)\s+Photo\s*/\s*)?[A-Z][\w.'’-]*\s+[A-Z][\w.'’-]*\s+(?=[A-Z])"
)
# The same credit with a comma, run into the story's first sentence: "William Wei, Business Insider
# Facebook is buying …". A comma after a name also opens an apposition ("Ana Brek, Reuters bureau
# chief, said"), so the outlet must be one credits are signed with, named in full, the name a
# person's (no "On Tuesday, Reuters …"), and what follows no role or reporting verb.
_LEADING_NAMED_CREDIT = re.compile(
    r"^(?P<name>[A-Z][a-z][\w'’-]*(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z][\w'’-]*){1,2}),\s+(?P<outlet>"
    + "|".join(re.escape(o) for o in sorted(CREDIT_OUTLETS, key=len, reverse=True))
    + r")\s+(?P<rest>[A-Z][\w'’-]*\s.*[.!?]['\"’”]?)$"
)
_NOT_A_NAME = re.compile(
    r"(?:on|in|at|by|for|from|of|to|this|that|these|last|late|early|earlier|later|since|until|after|before|when"
    r"|while|as|the|a|an|and|but|so|yet|meanwhile|today|yesterday|tonight|(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|january|february|march|april|may|june|july|august|september|october|november|december)",
    re.I,
)
# Words that make "Name, Outlet …" the apposition of a sentence, not a credit before one.
_APPOSITION_WORD = re.compile(
    r"(?:reporter|correspondent|columnist|editor|writer|photographer|journalist|contributor|staff|bureau|chief"
    r"|producer|anchor|host|analyst|presenter|news|opinion|said|says|told|reported|reports|wrote|writes)\W*",
    re.I,
)


def _named_credit(text: str) -> re.Match | None:
    """The "Name Name, Outlet" credit that opens ``text`` before a sentence, else None."""
    match = _LEADING_NAMED_CREDIT.match(text)
    if match is None or any(_NOT_A_NAME.fullmatch(w) for w in match["name"].split()):
        return None
    head = re.split(r"[,;:]", match["rest"], maxsplit=1)[0].split()[:6]
    if any(_APPOSITION_WORD.fullmatch(w) for w in head):
        return None
    return match


# A picture's label and credit with no caption: "Image copyright PA", NPR's "Enlarge this image
# toggle caption Ana Brek/Getty Images Ana Brek/Getty Images".
_CREDIT_LABEL = re.compile(r"^(?:Image copyright|(?:Enlarge this image\s+)?i?toggle caption)\s+\S")
# A reporter's contact line: "Call Star reporter Ana Brek at 555-0100, email her at …".
_CONTACT_LINE = re.compile(
    r"^(?:Call|Contact|Reach|E-?mail|Write to)\s+(?:the\s+)?(?:[\w&.'’-]+\s+){0,3}?"
    r"(?:reporter|writer|columnist|correspondent|editor)\s+(?:[A-Z][\w.'’-]+\s+){1,3}at\s+\S.*$"
)
# A station's sign-off and its prompts: "Stay with KVLM for the latest on this developing story.",
# "Join The Conversation On The KVLM Facebook Page", "Stay Up To Date, Follow KVLM On Twitter".
_STATION_PROMPT = re.compile(
    r"^(?:stay (?:with|tuned to)\s+\S(?:[^.!?]|\.(?=\w)){0,60}\bfor\b[^.!?]{0,60}"
    r"\b(?:developing|latest|updates?|more)\b[^.!?]*"
    r"|join the conversation\b[^.!?]*"
    # "Download the Click2Houston news app in your app store to stay up-to-date with the latest news"
    r"|download (?:our|the)(?: [\w.-]+){0,3} app\b[^.!?]{0,120}"
    r"|(?:stay up to date|stay connected|stay informed)[,:]?\s+follow\b[^.!?]{1,60}\b(?:on|at)\s+"
    r"(?:twitter|facebook|instagram)\b[^.!?]*)[.!]?$",
    re.I,
)
# A share widget's buttons and counts: "Help spread the word! Share Tweet 3.2k total shares", and an
# "add as an interest" button: "Interested in Velm? Add Velm as an interest to stay up to date …".
_SHARE_WIDGET = re.compile(
    r"^(?:(?:help spread the word!?\s*)?(?=.*\bshare)(?:(?:share|tweet|pin|e-?mail|print|total|shares?|comments?"
    r"|\d[\d.,]*[km]?)\b\s*){2,}"
    r"|help spread the word!?"
    r"|(?:interested in\b[^?]{0,60}\?\s*)?add\b[^.]{0,60}\bas an interest\b.*)$",
    re.I,
)
# An editor's note on a change to the story: "Updated at 9:23 a.m. to correct the name of the
# driver.", "This story has been updated to include …". Recorded, not lost: a correction is news to a
# verification desk.
_CORRECTION_NOTE = re.compile(
    r"^[*(\[]?\s*(?:(?:updated|corrected)(?:\s+(?:at|on)\s+)?"
    r"(?:\s*\d[\d:.]*\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?|\s*(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)?"
    r"[,:]?\s+to\s+(?:correct|clarify|reflect|include|add|remove|update|fix)\b"
    r"|(?:correction|editor'?s note)\s*:"
    r"|(?:this|the|an earlier version of this) (?:story|article|post|report)\s+(?:has been|was|is)\s+"
    r"(?:updated|corrected|misstated|misidentified)\b).{0,240}$",
    re.I,
)
# A picture's credit or a link to a gallery, a paragraph of its own on web pages ("Photo: KUVP
# archives", "Photograph by Randy Olson", "(PHOTOS: Oklahoma tornado)"); with no sentence end, so
# "Picture this: a city without cars." stays.
_PHOTO_CREDIT = re.compile(
    r"^\(?(?:photo|photograph|image|picture|illustration|graphic)(?P<plural>s)?\s*(?:credit|courtesy)?\s*"
    r"(?::|\||by\b)\s*[^.!?\n]{1,80}\)?$",
    re.I,
)

_DATE_LINE = re.compile(
    r"^(?:(?:Published|Updated|Posted|Last updated|Date|First published)\s*(?:on|at)?\s*:?\s*)?"
    rf"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
    rf"(?P<date>\d{{4}}-\d{{2}}-\d{{2}}|{_MONTHS}\s+\d{{1,2}}{_ORDINAL},?\s+\d{{4}}|\d{{1,2}}{_ORDINAL}\s+(?:of\s+)?{_MONTHS},?\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{4}})"
    r"(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}|\s*[+-]\d{2}:?\d{2})?)?\.?$",
    re.I,
)


# A publication stamp in brackets closing a paragraph: "… the details. (Published Tuesday, April 23, 2013)".
_DATE_STAMP = re.compile(r"\s*\(((?:Published|Updated|Posted)\b[^()]{6,60})\)\s*$", re.I)


@dataclass
class _Para:
    text: str
    keep: bool = True
    caption: bool = False  # a picture's caption, its credit cut: never the title
    embed: bool = False  # a post embedded from a social network, its signature cut: never the title


@dataclass
class Cleaned:
    """The parts of one article text."""

    title: str | None
    body: list[str]
    byline: str | None = None
    dateline: Dateline | None = None
    published: str | None = None
    outlet: str | None = None
    removed: list[Removal] = field(default_factory=list)
    captions: list[int] = field(default_factory=list)
    """Indexes into ``body`` of the paragraphs that are a picture's caption."""
    embeds: list[int] = field(default_factory=list)
    """Indexes into ``body`` of the paragraphs that are a post embedded from a social network."""
    warnings: list[str] = field(default_factory=list)
    """What a reader should know about the text: that the page may not be an article."""


def split_paragraphs(raw: str) -> list[str]:
    """Paragraphs of a text: blank-line blocks, one line per paragraph unless hard-wrapped."""
    blocks: list[list[str]] = [[]]
    for line in raw.split("\n"):
        line = line.strip()
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    paragraphs = []
    for block in blocks:
        if not block:
            continue
        if _hard_wrapped(block):
            paragraphs.append(" ".join(block))
        else:
            paragraphs.extend(block)
    # A page's drop cap comes out as a paragraph of its own: "T", then "he most likely person …".
    for i in range(len(paragraphs) - 2, -1, -1):
        if re.fullmatch(r"[A-Z]", paragraphs[i]) and paragraphs[i + 1][:1].islower():
            paragraphs[i : i + 2] = [paragraphs[i] + paragraphs[i + 1]]
    return paragraphs


def _hard_wrapped(lines: list[str]) -> bool:
    """Lines wrapped at a fixed width (newswire, e-mail) rather than one paragraph per line."""
    if len(lines) < 2:
        return False
    inner = lines[:-1]
    open_ended = sum(1 for line in inner if not _TERMINAL.search(line))
    lengths = sorted(len(line) for line in inner)
    return open_ended >= len(inner) * 0.5 and lengths[len(lengths) // 2] >= 35


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _words(text: str) -> int:
    return len(text.split())


def _printed_twice(text: str) -> bool:
    """A caption the page printed twice in one paragraph (its picture's text, then its caption)."""
    return _words(text) <= 160 and len(text) > 120 and text[:60] in text[60:]


def _one_sentence(text: str) -> bool:
    return re.search(r"[.!?][\"”’)]?\s+[A-Z]", text) is None


def _is_headline(text: str) -> bool:
    if not 2 <= _words(text) <= 40 or len(text) > 300:
        return False
    if _TERMINAL.search(text) and not _CLOSING_QUOTE_END.search(text):
        return False
    if re.search(r"[.!?]['\"’”]$", text):
        return False  # a sentence ending in a quotation ('… called it an “insult.”') is body text
    return not any(p.match(text) for p in _DATELINES)


def parse_date_line(text: str) -> str | None:
    """ISO date of a paragraph that is nothing but a publication date, else None."""
    match = _DATE_LINE.match(text.strip())
    return _iso_date(match.group("date")) if match else None


def _iso_date(text: str, year_hint: int | None = None) -> str | None:
    text = text.strip().rstrip(".")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if m:
        month, day, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if month > 12:
            day, month = month, day
        return _safe_date(year, month, day)
    m = re.fullmatch(rf"(?P<m>{_MONTHS})\s+(?P<d>\d{{1,2}}){_ORDINAL},?\s*(?P<y>\d{{4}})?", text, re.I) or re.fullmatch(
        rf"(?P<d>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?(?P<m>{_MONTHS}),?\s+(?P<y>\d{{4}})", text, re.I
    )
    if not m:
        return None
    month = _MONTH_NUM[m.group("m").lower()[:3]]
    year = int(m.group("y")) if m.group("y") else year_hint
    return _safe_date(year, month, int(m.group("d"))) if year else None


def _safe_date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_dateline(text: str) -> Dateline | None:
    """The dateline that opens ``text``, if any."""
    for pattern in _DATELINES:
        match = pattern.match(text)
        if not match:
            continue
        groups = match.groupdict()
        place = re.sub(r"\s+", " ", groups["place"]).strip(" ,.-")
        if not place or _words(place) > 5 or place.upper() == "FILE":
            continue  # "FILE - …" opens a file photo's caption, not a dispatch from a place
        # "BRUSSELS" -> "Brussels"; "SEOUL, South Korea" -> "Seoul, South Korea"
        head, sep, rest = place.partition(",")
        if head.isupper():
            head = " ".join(w.capitalize() if len(w) > 2 else w for w in head.split())
        place = head + sep + rest
        agency = groups.get("agency")
        date = groups.get("date") or (groups.get("mdate") and _iso_date(groups["mdate"]))
        return Dateline(
            text=match.group(0),
            place=place,
            agency=(wire_service(agency) or agency.strip()) if agency else None,
            date=date or None,
        )
    return None


def _byline(text: str) -> str | None:
    match = _BYLINE.match(text)
    if match and _words(text) <= 12:
        return match.group("name").strip()
    match = _BYLINE_WIRE.match(text)
    if match and wire_service(match.group("agency")):
        return match.group("name").strip()
    return None


def _is_linked_headline(text: str) -> bool:
    """A headline, as a link shows it: short, and not a sentence ending in a full stop."""
    if not 0 < _words(text) <= RELATED_HEADLINE_WORDS:
        return False
    return not _SENTENCE_STOP.search(text) or bool(_ABBREVIATION_END.search(text))


def _related_link(text: str) -> str | None:
    """The headline of a link to another story ("" for the heading of a list of them), else None."""
    if (link := _RELATED_LINK.match(text)) is not None:
        headline = link["headline"] or ""
        return headline if not headline or _is_linked_headline(headline) else None
    if (teaser := _RELATED_TEASER.match(text)) is not None:
        headline = teaser["headline"]
        with_standfirst = RELATED_HEADLINE_WORDS // 2 <= _words(headline) <= 2 * RELATED_HEADLINE_WORDS
        if with_standfirst and not _SENTENCE_STOP.search(headline):
            return headline
    return None


def _captions(text: str, removed: list[Removal]) -> list[_Para]:
    """A paragraph, or what a picture or video shows printed into the page: a video player's
    caption after its buttons, or a CNN photo gallery's captions (see :func:`_gallery`), each a
    paragraph marked a caption; the buttons are recorded as removed."""
    if video := _VIDEO_CAPTION.match(text):
        removed.append(Removal(video.group(0).strip(), "video link"))
        return [_Para(text[video.end() :].strip(), caption=True)]
    return _gallery(text, removed)


def _gallery(text: str, removed: list[Removal]) -> list[_Para]:
    """A paragraph, or the captions of a CNN photo gallery printed as one ("Photos: Title … Hide
    Caption 1 of 6 Photos: Title …"), each its own paragraph marked a caption; the labels
    ("Hide Caption 1 of 6", "Photos: Title") are recorded as removed."""
    if not _GALLERY_COUNTER.search(text):
        return [_Para(text)]
    head = _GALLERY_TITLE.match(text)
    label = re.compile(rf"^(?:Photos:\s*)+{re.escape(head['title']) if head else ''}\s*")
    paras = []
    pieces = _GALLERY_COUNTER.split(text)
    for counter in _GALLERY_COUNTER.findall(text):
        removed.append(Removal(counter.strip(), "photo gallery label"))
    for i, piece in enumerate(pieces):
        opening = head if i == 0 and head else label.match(piece)
        if opening is not None and opening.end() > 0:
            removed.append(Removal(opening.group(0).strip(), "photo gallery label"))
            piece = piece[opening.end() :]
        if piece.strip():
            paras.append(_Para(piece.strip(), caption=True))
    return paras


def _furniture_reason(text: str) -> str | None:
    if _related_link(text) is not None:
        return "related link"
    if _ARCHIVE_NOTICE.match(text):
        return "web archive notice"
    if _PHOTO_CAPTION.match(text) and (_words(text) <= 80 or _printed_twice(text)):
        return "photo caption"
    if _words(text) <= 80 and _CAPTION_OPENING.match(text) and (_one_sentence(text) or _CUT_SHORT.search(text)):
        return "photo caption"
    if _words(text) <= 16 and _CREDIT_LABEL.match(text):
        return "photo credit"
    if _words(text) <= 60 and _CONTACT_LINE.match(text):
        return "credit line"
    if _words(text) <= 30 and (_STATION_PROMPT.match(text) or _SHARE_WIDGET.match(text)):
        return "site furniture"
    if _words(text) <= 60 and _CORRECTION_NOTE.match(text):
        return "correction note"
    if _words(text) <= 40 and _VIDEO_LINK.match(text):
        return "video link"
    if credit := _PHOTO_CREDIT.match(text):
        return "photo gallery link" if credit["plural"] else "photo credit"
    if _words(text) <= 40 and _SOCIAL_WIDGET.match(text):
        return "social media widget"
    if _words(text) <= 45 and (_FOLLOW_PROMPT.match(text) or _ACCOUNT_PROMPT.match(text)):
        return "site furniture"
    if _COPYRIGHT.match(text):
        return "copyright notice"
    if _CREDIT.match(text) or _contributors(text):
        return "credit line"
    if _words(text) <= 10 and _LINK_LINE.match(text):
        return "site furniture"
    if _words(text) <= 14 and _FURNITURE.match(text):
        return "site furniture"
    if _words(text) <= 45 and _SUBSCRIPTION_PITCH.match(text):
        return "site furniture"
    if _words(text) <= 60 and _SIGNUP_PITCH.match(text):
        return "site furniture"
    if _words(text) <= 3 and text.strip(" .:|").lower() in _SECTION_LABELS:
        return "section label"
    return None


def clean_text(raw: str, title: str | None = None, find_title: bool = True) -> Cleaned:
    """Split a raw article text into its parts, recording every removal.

    ``title`` is a title the input's metadata gives: paragraphs opening the body that repeat it
    are removed, and no other title is looked for. ``find_title=False`` takes no body line as
    the title (a page or feed entry whose metadata has none).
    """
    removed: list[Removal] = []
    paras = [para for text in split_paragraphs(raw) for para in _captions(text, removed)]

    def drop(para: _Para, reason: str) -> None:
        para.keep = False
        removed.append(Removal(para.text, reason))

    # Furniture and credits anywhere; section labels only where sites put them.
    for i, para in enumerate(paras):
        if (label := _CAPTION_LABEL.match(para.text)) is not None:
            removed.append(Removal(label.group(0).strip(), "photo credit" if label["credit"] else "site furniture"))
            para.text = para.text[label.end() :]
            para.caption = True
        reason = _furniture_reason(para.text)
        if reason == "section label" and 2 < i < len(paras) - 4:
            continue
        if reason:
            drop(para, reason)
    # The headlines listed under a related-stories heading ("ALSO:", "Read more:"), up to the
    # first line that reads like the article's own sentence.
    for i, para in enumerate(paras):
        if para.keep or _related_link(para.text) != "":
            continue
        for item in paras[i + 1 :]:
            if not item.keep:
                continue
            if not (_is_linked_headline(item.text) and re.match(r"[A-Z0-9'‘“\"]", item.text)):
                break
            drop(item, "related link")
    if any(r.reason == "web archive notice" for r in removed):
        # The rest of such a page is the archive's own listing or error text ("Sorry, the page you
        # requested could not be found"): there is no article to keep.
        rest = [p for p in paras if p.keep]
        if sum(_words(p.text) for p in rest) < ARCHIVE_PAGE_WORDS:
            for para in rest:
                drop(para, "web archive page, not an article")

    # An embedded post keeps its words, which are often what the story reports ("Persson took to
    # Twitter to voice his displeasure:"); its signature goes, whose date would date no event.
    for para in paras:
        signature = _EMBED_SIGNATURE.search(para.text) if para.keep else None
        if signature is None:
            continue
        if signature.start() == 0:
            drop(para, "social media embed")
            continue
        removed.append(Removal(signature.group(0).strip(), "social media embed"))
        para.text = para.text[: signature.start()].rstrip()
        para.embed = True

    # A caption keeps its words (it may be a sentence of the story, and nothing of the body is
    # dropped on a guess); its credit goes, and a captioned line is never taken as the title.
    for para in paras:
        if para.keep and (lead := _LEADING_CREDIT.match(para.text)) is not None:
            removed.append(Removal(lead.group(0).strip(), "photo credit"))
            para.text = para.text[lead.end() :]
        elif para.keep and (label := _LABELLED_CREDIT.match(para.text)) is not None:
            removed.append(Removal(label.group(0).strip(), "photo credit"))
            para.text = para.text[label.end() :]
            para.caption = True
        credit = _CAPTION_CREDIT.search(para.text) if para.keep else None
        if credit is None:
            continue
        if credit.start() == 0:
            drop(para, "photo credit")
            continue
        removed.append(Removal(credit.group(0).strip(), "photo credit"))
        para.text = para.text[: credit.start()].rstrip()
        para.caption = True

    byline = published = None
    live = [p for p in paras if p.keep]
    edge = live[:4] + live[-3:]
    for para in edge:
        if not para.keep:
            continue
        name = _byline(para.text)
        if name and byline is None:
            byline = name
            drop(para, "byline")
        elif (date := parse_date_line(para.text)) and published is None:
            published = date
            drop(para, "date line")
        elif (stamp := _DATE_STAMP.search(para.text)) and (date := parse_date_line(stamp.group(1))):
            # "… has the details. (Published Tuesday, April 23, 2013)": a video blurb's stamp
            removed.append(Removal(stamp.group(0).strip(), "date stamp"))
            para.text = para.text[: stamp.start()].rstrip()
            published = published or date

    live = [p for p in paras if p.keep]
    if title is not None:
        for para in live[:3]:
            if _norm(para.text) != _norm(title):
                break
            drop(para, "repeated title")
    elif not find_title:
        pass
    elif len(live) > 1 and _is_headline(live[0].text) and not (live[0].caption or live[0].embed):
        title = live[0].text
        live[0].keep = False
        for para in live[1:4]:
            if _norm(para.text) == _norm(title):
                drop(para, "repeated title")

    # Trailing short lines with no sentence punctuation after the article's last sentence.
    live = [p for p in paras if p.keep]
    for para in reversed(live):
        if _words(para.text) <= 6 and not _TERMINAL.search(para.text) and len(live) > 1 and not para.embed:
            drop(para, "site furniture")
            live.pop()
        else:
            break

    live = [p for p in paras if p.keep]
    if live:
        last = live[-1]
        credit = _TRAILING_CREDIT.search(last.text)
        if credit and credit.start() > 0:
            removed.append(Removal(credit.group(0).strip(), "credit line"))
            last.text = last.text[: credit.start()].rstrip()
        note = _PICKUP_NOTE.search(last.text)
        if note and note.start() > 0:
            removed.append(Removal(note.group(0).strip(), "wire editing note"))
            last.text = last.text[: note.start()].rstrip()

    seen: set[str] = set()
    for i, para in enumerate(live):
        key = _norm(para.text)
        if key in seen and _words(para.text) >= 3:
            drop(para, "duplicate paragraph")
            continue
        seen.add(key)
        inner = 0 < i < len(live) - 1
        # A heading stands alone between paragraphs of prose; a run of short lines is a
        # list, a fact box or verse, and stays. A caption or a post is no heading, however short.
        isolated = inner and _is_prose(live[i - 1].text) and _is_prose(live[i + 1].text)
        if isolated and not (para.caption or para.embed) and _is_subheading(para.text):
            drop(para, "subheading")

    live = [p for p in paras if p.keep]
    dateline = None
    # The dispatch opens the story's first paragraph, after any captions of pictures above it.
    lead = next((p for p in live[:3] if not p.caption), None)
    if lead is not None and (credit := _named_credit(lead.text)) is not None:
        removed.append(Removal(lead.text[: credit.start("rest")].strip(), "photo credit"))
        lead.text = credit["rest"]
    if lead is not None:
        dateline = parse_dateline(lead.text)
        if dateline:
            removed.append(Removal(dateline.text.strip(), "dateline"))
            lead.text = lead.text[len(dateline.text) :].lstrip()
            published = published or dateline.date

    kept = [p for p in live if p.text]
    body = [p.text for p in kept]
    return Cleaned(
        title=title,
        body=body,
        byline=byline,
        dateline=dateline,
        published=published,
        outlet=_outlet(body, dateline, removed),
        removed=removed,
        captions=[i for i, p in enumerate(kept) if p.caption],
        embeds=[i for i, p in enumerate(kept) if p.embed],
        warnings=[w for w in [_not_an_article(body, removed)] if w],
    )


def _is_prose_sentence(text: str) -> bool:
    words = (text.lower() if text.isupper() else text).split()
    if len(words) < PROSE_SENTENCE_WORDS or not _SENTENCE_END.search(text):
        return False
    return sum(1 for w in words if _LOWER_WORD.fullmatch(w)) >= 4


# A wiki's page: its tagline, or its section headings with their edit links ("Scriptures [ edit ]").
# Background, not reporting: it gives a story no title, brief sentence or timeline entry.
_ENCYCLOPEDIA = re.compile(r"^from wikipedia, the free encyclopedia[.!:]?$", re.I)
_WIKI_SECTION = re.compile(r"\S\s*\[\s*edit\s*\]$", re.I)


def _not_an_article(body: list[str], removed: list[Removal]) -> str | None:
    """Why a page whose cleaned text is ``body`` may be no article, else None.

    A story tells itself in sentences: a page with no sentence of prose (a video's "This feature is
    not available right now", a film's credits, a campaign's "Meet her at the following locations")
    or with at least twice as many lines of links and follow, subscribe and share prompts removed as
    paragraphs of prose (a video's description: a blurb and its channel's links) is likely no story.
    On the 690 Multi-News pages the first flags 3 pages, the second 5, none of them an article (five
    video descriptions, a video's licensing notice, a campaign's page, a player's "JavaScript is
    disabled"); no article there has more lines of furniture than paragraphs of prose.
    An encyclopedia page (a wiki's tagline or section headings with edit links, removed as
    furniture and subheadings) is background, not a story: 2 of the 690 Multi-News pages.
    """
    if not body:
        return None  # nothing left: the page is skipped as boilerplate
    if (
        any(_ENCYCLOPEDIA.match(r.text) for r in removed)
        or sum(bool(_WIKI_SECTION.search(r.text)) for r in removed) >= 2
    ):
        return f"{NOT_AN_ARTICLE}: an encyclopedia page (its sections have [edit] links, or it says so)"
    prose = sum(1 for para in body if any(_is_prose_sentence(s) for s in _SENTENCE_BREAK.split(para)))
    furniture = sum(1 for r in removed if r.reason in _FURNITURE_REASONS)
    if prose == 0:
        return f"{NOT_AN_ARTICLE}: no sentence of prose in its text"
    if furniture >= 3 and furniture >= FURNITURE_PER_PROSE * prose:
        return (
            f"{NOT_AN_ARTICLE}: {furniture} lines of links and site prompts removed "
            f"against {prose} paragraph{'s' if prose > 1 else ''} of prose"
        )
    return None


def _is_prose(text: str) -> bool:
    if _QUOTED_HEADING.match(text):
        return False  # a list of quoted terms is a list, not headings between prose
    return _words(text) > 12 or bool(_TERMINAL.search(text) or _CLOSING_QUOTE_END.search(text))


# "'War criminal'", "“Damascus documents”": a heading that quotes a phrase of the section it
# opens, in quote marks and without a stop inside them.
_QUOTED_HEADING = re.compile(r"^['\"‘“](?P<phrase>[A-Z][^'\"‘’“”.!?…,;:]*\w)['\"’”]$")


def _is_subheading(text: str) -> bool:
    if (quoted := _QUOTED_HEADING.match(text)) is not None:
        return 2 <= _words(quoted.group("phrase")) <= 8
    if re.search(r":\s*\S*\d", text) or re.search(r"\w:\s+\S+\s+\S+", text):
        return False  # "Running time: 1 hour", "Hidden Message: For Ethel": a label and its value
    if _TERMINAL.search(text) or _CLOSING_QUOTE_END.search(text):
        return False
    if _SUBHEADING_BULLET.match(text):
        return _words(text) <= 15
    return _words(text) <= 10 and text[:1].isupper()


def _outlet(body: list[str], dateline: Dateline | None, removed: list[Removal]) -> str | None:
    """Who published the text, from the strongest cue it gives: its site's own furniture (a
    newsletter prompt, a copyright notice), else its dispatch's agency ("(Reuters)"), else the text
    naming its own outlet ("TURAN's Washington correspondent") in its head or tail, else interviews
    given to an outlet ("told VOA") there, when every interview the text mentions was given to that
    one outlet: a text that names several quotes other outlets' reporting, and gives none of them.
    Another outlet's report cited ("the New York Times report", "a report by X", "X reported",
    "according to X") is no cue at all."""
    for removal in removed:
        if removal.reason in SITE_REASONS and (site := site_outlet(removal.text)):
            return site
    if dateline and dateline.agency:
        return dateline.agency
    cues = [cue for para in body[:8] + body[-3:] for cue in outlet_cues(para)]
    strong = [cue.outlet for cue in cues if cue.strong]
    if strong:
        return strong[0]
    if not cues:
        return None
    # every interview the text mentions: the head and tail's, found above, and the middle's
    mentioned = {cue.outlet for cue in cues} | {cue.outlet for para in body[8:-3] for cue in outlet_cues(para)}
    return mentioned.pop() if len(mentioned) == 1 else None


# Characters that show nothing but change what is shown: C0/C1 controls (a NUL in an export's
# field) and the bidirectional embeddings, overrides and isolates a "Trojan Source" title uses to
# display in another order than it reads.
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _without_invisible(text: str | None, found: Counter[str]) -> str | None:
    if text is None:
        return None
    text = text.replace("\f", "\n").replace("\v", "\n")
    found.update(_INVISIBLE.findall(text))
    return _INVISIBLE.sub("", text)


def _invisible_warning(found: Counter[str]) -> str:
    names = ", ".join(
        f"U+{ord(ch):04X} {unicodedata.name(ch, 'control character').lower()}" + (f" ×{n}" if n > 1 else "")
        for ch, n in sorted(found.items())
    )
    total = sum(found.values())
    return f"removed {total} invisible control character{'s' if total > 1 else ''} ({names})"


def clean(source: Source) -> Article:
    """Turn a decoded :class:`Source` into an :class:`Article` with a clean body.

    What the source's metadata says (title, byline, publication date, outlet) wins over what
    the text suggests; the outlet comes from the metadata, else the URL's registered domain,
    else the text ("Caliber.Az reports", "(Reuters)"); a page or feed entry's body is never searched for a title.
    """
    found: Counter[str] = Counter()
    raw = _without_invisible(source.raw, found)
    title, byline = _without_invisible(source.title, found), _without_invisible(source.byline, found)
    parts = clean_text(raw, title=title, find_title=source.kind not in ("html", "feed"))
    warnings = list(source.warnings)
    if found:
        warnings.append(_invisible_warning(found))
    if source.partial and not any("partial" in w for w in warnings):
        warnings.append("partial text: the input holds only a summary")
    if not source.partial:  # a summary is short by design: there is no page to judge
        warnings.extend(parts.warnings)
    return Article(
        id=article_id(source.raw),
        source_path=source.source_path,
        text="\n\n".join(parts.body),
        outlet=source.outlet or outlet_from_url(source.url) or parts.outlet,
        title=title or parts.title,
        byline=byline or parts.byline,
        published=source.published or parts.published,
        dateline=parts.dateline,
        removed=parts.removed,
        captions=parts.captions,
        embeds=parts.embeds,
        encoding=source.encoding,
        warnings=warnings,
        url=source.url,
    )
