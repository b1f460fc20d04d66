"""The story stages on real text: the shipped sample (its features are listed in examples/README.md),
the seeds when present, and small articles written here to isolate one behaviour each."""

from __future__ import annotations

from collections import Counter

import pytest

from crosswire import brief as briefing
from crosswire.claims import numbers
from crosswire.fidelity import compare_quotes
from crosswire.origins import derivations
from crosswire.story import build_story
from crosswire.textsim import narrative_words, words


@pytest.fixture(scope="module")
def sample_story(sample):
    articles = [sample[k] for k in sorted(sample)]
    return build_story(articles), sample


def _edges(story, by_key):
    key_of = {a.id: k for k, a in by_key.items()}
    return {(key_of[a.id], key_of[d.article]) for a in story.articles for d in a.derived_from}


def test_sample_copy_graph_and_independent_sources(sample_story):
    story, sample = sample_story
    # examples/README.md: 02 and 04 copy 01; 03 and 05 are independent (they share only quotes).
    assert _edges(story, sample) == {("02", "01"), ("04", "01")}
    assert story.independent_sources == 3
    groups = {k: next(a.origin_group for a in story.articles if a.id == art.id) for k, art in sample.items()}
    assert groups["01"] == groups["02"] == groups["04"]
    assert len({groups["01"], groups["03"], groups["05"]}) == 3


def test_derivation_shows_its_evidence(sample_story):
    story, sample = sample_story
    rewrite = next(a for a in story.articles if a.id == sample["02"].id)
    (link,) = rewrite.derived_from
    assert link.direction  # why 02 is the copy, not 01
    assert 0 < link.score <= 1
    assert len(link.pairs) >= 5
    for pair in link.pairs:
        assert pair.text == sample["02"].sentences[pair.sentence].text
        assert pair.source_text == sample["01"].sentences[pair.source_sentence].text
        assert pair.similarity >= 0.5


def test_seed_rewrites_of_the_reuters_report(seeds):
    articles = [seeds[k] for k in sorted(seeds)]
    derived, groups = derivations(articles)
    by_id = {a.id: k for k, a in seeds.items()}
    edges = {(by_id[k], by_id[d.article]) for k, ds in derived.items() for d in ds}
    reuters = next(k for k, a in seeds.items() if a.outlet == "Reuters")
    assert edges, "the two rewrites of the Reuters report were not found"
    assert all(source == reuters for _, source in edges)
    assert len(edges) == 2
    assert len(set(groups.values())) == 3


def test_shared_quotes_alone_are_not_copying(analyze_text):
    speech = (
        '"We will rebuild every school that was lost, and we will do it before winter," the mayor said.\n\n'
        '"Nobody in this city will be left without a classroom," she added.\n\n'
        '"The money is there and the builders are ready," the mayor said.'
    )
    a = analyze_text(
        "Flood-hit town promises new schools\n\n"
        "Officials in the river town of Tessaly unveiled a reconstruction plan on Monday after floods "
        "destroyed three primary schools last month.\n\n" + speech
    )
    b = analyze_text(
        "Mayor vows speedy rebuild\n\n"
        "Speaking at a packed council meeting, the mayor of Tessaly set out a timetable for rebuilding "
        "classrooms that the October floods swept away.\n\n"
        + speech.replace("the mayor said", "Mayor Ilse Brandt said")
    )
    derived, groups = derivations([a, b])
    assert derived[a.id] == [] and derived[b.id] == []
    assert len(set(groups.values())) == 2


def test_direction_follows_the_wire_credit(analyze_text):
    body = (
        "The central bank raised its main interest rate by half a percentage point on Thursday, "
        "its third increase this year, as inflation climbed to a ten-year high.\n\n"
        "Policymakers voted seven to two for the move, with the two dissenters favouring a smaller rise.\n\n"
        "The bank said further increases were likely if price growth failed to slow in the coming months.\n\n"
        "Markets had expected the decision, and the currency barely moved after the announcement."
    )
    wire = analyze_text("Central bank raises rates again\n\nLONDON (Reuters) - " + body)
    copy = analyze_text("Bank lifts rates\n\n" + body.replace("on Thursday", "on Thursday, Reuters reported"))
    derived, _ = derivations([copy, wire])
    (link,) = derived[copy.id]
    assert link.article == wire.id
    assert derived[wire.id] == []


WIRE_BLOCK = [
    "The regional water authority declared a drought emergency on Tuesday after three months without rain.",
    "Reservoir levels fell to 31 percent of capacity, the lowest reading since records began in 1962.",
    "Under the emergency rules, farms may irrigate only at night and car washes must recycle their water.",
    "The authority said it would review the measures every two weeks and lift them once reservoirs passed half.",
]
LOCAL = [
    "Olive growers in the hill villages above Marrow Creek say this harvest will be the smallest in a generation.",
    "At the Bertolli family grove, half the trees have dropped their fruit early and the pond is cracked clay.",
    "Several growers have started selling equipment to cover their debts to the village cooperative.",
    "The cooperative has asked the district council to defer the land tax for members who lost half their crop.",
    "Council members are expected to discuss the request next month, along with a plan for a shared well.",
    "A local bakery has begun buying flour from a mill two valleys away because the nearest mill closed.",
    "The village school has moved its autumn fair indoors, fearing that the dust would drive families away.",
    "Growers said they would plant drought-tolerant varieties next spring if the cooperative finds the money.",
    "Some younger farmers have taken seasonal jobs in the city, leaving older relatives to tend the groves.",
    "The regional agriculture office has promised to send an adviser to the villages before the end of the month.",
    "Beekeepers report that their hives have produced almost no honey since the lavender fields dried out.",
    "The parish priest has opened the church hall in the afternoons so that older residents can escape the heat.",
    "Shepherds have sold part of their flocks because the summer pastures no longer hold enough grass.",
]
WIRE_OWN = [
    "Officials urged households to cut their use by a fifth and warned that fines would follow for gardens.",
    "Forecasters expect no meaningful rain for at least another three weeks across the southern districts.",
    "Hydrologists said groundwater was also falling, and several small towns were receiving water by truck.",
    "The emergency is the first since the drought of 2003, when rationing lasted five months.",
    "Opposition councillors accused the authority of reacting too late, after years of leaks in the network.",
    "The authority's chief engineer said repairs to the network had been brought forward to next week.",
    "Farmers' unions called for compensation for growers who lose crops because of the irrigation limits.",
    "Tourism officials said hotels had been asked to take bathtubs out of use and to change towels less often.",
    "The fire service has banned barbecues in all parks and forests until further notice.",
    "River cruises on the lower reaches have been suspended because boats can no longer pass the shallows.",
    "Electricity producers warned that hydroelectric output would fall and that prices could rise in winter.",
    "Schools will close their swimming pools for the rest of the term to save water.",
    "The authority has opened a telephone line for residents who want advice on saving water at home.",
]


def _long_story(sentences: list[str]) -> str:
    return "Valley farmers count the cost of the dry summer\n\n" + "\n\n".join(sentences)


def test_a_block_of_wire_copy_inside_a_longer_story_is_copying(analyze_text):
    """Three pasted sentences are under a fifth of either article, but they run in order in both."""
    wire = analyze_text("Drought emergency declared\n\nMARROW (Reuters) - " + " ".join(WIRE_BLOCK + WIRE_OWN))
    local = analyze_text(_long_story(LOCAL[:2] + WIRE_BLOCK[:3] + LOCAL[2:]))
    assert len(local.sentences) >= 16 and len(wire.sentences) >= 16  # 3 pairs: under MIN_SHARE of either
    derived, _ = derivations([local, wire])
    (link,) = derived[local.id]
    assert link.article == wire.id and len(link.pairs) == 3
    assert derived[wire.id] == []
    # the same story without the block, or with two of its sentences far apart: no link
    alone = analyze_text(_long_story(LOCAL))
    scattered = analyze_text(_long_story(LOCAL[:3] + WIRE_BLOCK[:1] + LOCAL[3:7] + WIRE_BLOCK[2:3] + LOCAL[7:]))
    for other in (alone, scattered):
        derived, _ = derivations([other, wire])
        assert derived[other.id] == [] and derived[wire.id] == []


def test_narrative_words_leave_out_quoted_words(analyze_text):
    article = analyze_text('The minister called the plan "a betrayal of every farmer in the valley" on Tuesday.')
    assert narrative_words(article, 0) == words("The minister called the plan on Tuesday.")


def test_claims_group_paraphrase_and_count_origins(sample_story):
    story, sample = sample_story
    ids = {a.id: k for k, a in sample.items()}
    hiring = [c for c in story.claims if any("300 permanent crane operators" in s.text for s in c.support)]
    assert len(hiring) == 1, "the hiring pledge is one claim however each outlet words it"
    (claim,) = hiring
    assert {ids[s.article] for s in claim.support} == {"01", "02", "04", "05"}
    assert claim.outlets == 4
    assert claim.independent == 2  # 02 and 04 copy 01; 05 is its own source
    assert not claim.single_origin
    for c in story.claims:
        assert c.independent <= c.outlets <= len(c.support)
        assert c.single_origin == (c.independent == 1)
        for s in c.support:
            assert s.text == sample[ids[s.article]].sentences[s.sentence].text
    # Best-supported first.
    assert [c.independent for c in story.claims] == sorted((c.independent for c in story.claims), reverse=True)


def test_disagreement_on_a_number(analyze_text):
    a = analyze_text("The earthquake killed 12 people in the mountain villages of Kessar province, officials said.")
    b = analyze_text("The earthquake killed 15 people in the mountain villages of Kessar province, officials said.")
    story = build_story([a, b])
    (claim,) = [c for c in story.claims if len(c.support) == 2]
    (disagreement,) = claim.disagreements
    assert disagreement.kind == "number"
    assert sorted(side.value for side in disagreement.sides) == ["12 people", "15 people"]


def test_a_name_spelt_with_and_without_accents_is_one_person(analyze_text):
    quote = '"With my bill, I want to pay tribute to the women who built this country," '
    a = analyze_text(f"Anthem bill passes\n\n{quote}said Liberal MP Mauril Bélanger on Wednesday in Ottawa.")
    b = analyze_text(f"Anthem bill passes\n\n{quote}said Liberal MP Mauril Belanger on Wednesday in Ottawa.")
    assert {q.speaker.name for q in a.quotes + b.quotes} == {"Mauril Bélanger", "Mauril Belanger"}
    story = build_story([a, b])
    assert not [d for c in story.claims for d in c.disagreements if d.kind == "speaker"]
    (group,) = [g for g in story.quotes if "pay tribute" in g.text]
    assert len(group.renderings) == 2
    assert len([e for e in story.entities if e.type == "PERSON" and "Mauril" in e.name]) == 1


def test_more_detail_is_not_a_disagreement(analyze_text):
    a = analyze_text("Rescuers pulled 40 survivors from the collapsed building in the city centre on Sunday.")
    b = analyze_text("Rescuers pulled 40 survivors, 3 of them children, from the collapsed building downtown.")
    story = build_story([a, b])
    assert all(not c.disagreements for c in story.claims)


def test_numbers_are_normalised():
    assert numbers("about 6,400 workers got a 7% raise after a 19-day strike") == {"about 6400 worker", "7%", "19 day"}
    assert numbers("$5 million in aid for two villages") == {"$5 million", "2 village"}
    assert numbers("dlrs 5 million of grain") == {"$5 million"}
    assert numbers("Sixty-five more were hurt; the fine is $2,700, the board said.") == {"65", "$2700"}
    assert numbers("It lasted more than nine hours, 40km away") == {"more than 9 hour", "40 km"}
    assert numbers("One hundred and three patients were seen in the 1990s") == {"103 patient", "1990"}


def test_a_number_in_a_name_is_no_count_and_an_area_counts_its_unit():
    """ "Bluefin-21" and "F-16" name things; "15 square miles" counts square miles, not "square"."""
    assert numbers("The Bluefin-21 drone and two F-16 jets flew 40 miles") == {"2", "40 mile"}
    assert numbers("about 15 square miles, or 38 square kilometres") == {"about 15 square mile", "38 square kilometre"}
    assert numbers("a square deal for 3 cubic metres") == {"3 cubic metre"}


def test_a_bound_or_an_estimate_is_not_a_disagreement(analyze_text):
    """'More than nine hours' and '10 hours' can both be true; 'nine hours' and '12 hours'
    cannot, nor can 'about 50' and 'about 56'. Bare numbers are compared one against one, or as
    lists that share a value: otherwise which of several matches which is a guess."""

    def kinds(first, second):
        story = build_story([analyze_text(first), analyze_text(second)])
        return [d.kind for c in story.claims for d in c.disagreements]

    hearing = "The hearing on the Velm harbour plan lasted {} hours and ended in a shouting match."
    assert kinds(hearing.format("more than nine"), hearing.format("10")) == []
    assert kinds(hearing.format("about 10"), hearing.format("10")) == []
    assert kinds(hearing.format("about 50"), hearing.format("about 56")) == ["number"]
    assert kinds(hearing.format("nine"), hearing.format("12")) == ["number"]
    found = "Divers found {} in the bay off Velm on the second day of the search for the ferry."
    assert kinds(found.format("300 pieces"), found.format("pieces of 2m, 15m and 40m")) == []
    from crosswire.claims import _conflict

    assert _conflict(frozenset({"18", "20"}), frozenset({"18", "21"}))  # "Price, 18, and Pasley, 20"
    assert not _conflict(frozenset({"300"}), frozenset({"2", "15", "40"}))


def test_numbers_of_different_things_do_not_disagree(analyze_text):
    a = analyze_text("The dockworkers ended a strike of almost three weeks at the port on Wednesday.")
    b = analyze_text("The dockworkers ended a 19-day strike at the port on Wednesday, union officials said.")
    story = build_story([a, b])
    assert any(len(c.support) == 2 for c in story.claims)
    assert all(not c.disagreements for c in story.claims)


def test_quote_fidelity_classes_on_the_sample(sample):
    articles = [sample[k] for k in sorted(sample)]
    ids = {a.id: k for k, a in sample.items()}
    groups = compare_quotes(articles)

    def fidelity(fragment: str) -> dict[str, str]:
        (group,) = [g for g in groups if any(fragment in r.text for r in g.renderings)]
        return {ids[r.article]: r.fidelity for r in group.renderings}

    # examples/README.md, "How each outlet renders each wire quote".
    assert fidelity("keep every berth open")["04"] == "extended"
    assert fidelity("keep every berth open")["01"] == "verbatim"
    assert fidelity("can breathe again") == {"01": "verbatim", "02": "verbatim", "04": "altered"}
    q3 = fidelity("national defen")
    assert q3["02"] == "truncated" and q3["01"] == "verbatim"
    q5 = fidelity("stood on the quay")
    assert q5["02"] == "elided" and q5["05"] == "elided" and q5["01"] == q5["04"] == "verbatim"
    assert set(fidelity("every two years").values()) == {"verbatim"}
    # What a verification desk wants first.
    assert groups[0].renderings[0].fidelity in ("extended", "altered")
    extended = next(r for g in groups for r in g.renderings if r.fidelity == "extended")
    assert words("until the backlog is cleared") == extended.added


def test_speakers_of_merged_quotes(sample):
    groups = compare_quotes([sample[k] for k in sorted(sample)])
    (berth,) = [g for g in groups if "keep every berth open" in g.text]
    assert berth.speaker.name == "Elena Vask"


def test_quotes_by_different_speakers_are_not_merged(analyze_text):
    a = analyze_text('"We will not accept this deal under any circumstances," union leader Mara Holt said.')
    b = analyze_text('"We will not accept this deal under any circumstances," company chairman Piet Anders said.')
    groups = compare_quotes([a, b])
    assert len(groups) == 2
    assert all(r.fidelity is None for g in groups for r in g.renderings)


def test_a_headline_quote_is_compared_with_its_own_body(analyze_text):
    a = analyze_text(
        "'Ferry that stops for month is economic problem for whole island,' says mayor Lotte Brandt\n\n"
        "The island's only ferry resumed service on Tuesday after a month of repairs.\n\n"
        '"A ferry that stops for a month is an economic problem for the whole island," '
        "Mayor Lotte Brandt told reporters at the harbour.\n\n"
        "Repairs to the hull cost more than expected, the operator said."
    )
    b = analyze_text("The island's ferry is running again after repairs to its hull, its operator said on Tuesday.")
    groups = compare_quotes([a, b])
    (group,) = [g for g in groups if "economic problem" in g.text]
    assert group.speaker.name == "Lotte Brandt"
    by_text = {r.text.split()[0]: r for r in group.renderings}
    # The headline drops "a", "an" and "the" inside the quote; the body is its reference. (A
    # headline that is a contiguous part of the body's quote is the same quote, not a rendering.)
    assert by_text["Ferry"].fidelity == "elided" and "a" in by_text["Ferry"].missing
    assert by_text["A"].fidelity == "verbatim"
    assert group.text.startswith("A ferry")


def test_brief_cites_its_sources_and_keeps_to_length(sample_story):
    story, sample = sample_story
    by_id = {a.id: a for a in sample.values()}
    assert story.brief
    n_words = sum(len(b.text.split()) for b in story.brief)
    assert 60 <= n_words <= 120 + 60
    claims = {c.id: c for c in story.claims}
    assert len({b.claim for b in story.brief}) == len(story.brief), "nothing said twice"
    for sentence in story.brief:
        cited = [by_id[c.article].sentences[c.sentence].text for c in sentence.citations]
        assert sentence.text in cited  # extractive: the sentence is one of its sources
        claim = claims[sentence.claim]
        assert {(c.article, c.sentence) for c in sentence.citations} == {(s.article, s.sentence) for s in claim.support}
    # Better-supported claims are preferred: the brief's claims have more independent origins
    # than the story's claims on average.
    mean_all = sum(c.independent for c in story.claims) / len(story.claims)
    chosen = [claims[b.claim].independent for b in story.brief]
    assert sum(chosen) / len(chosen) > mean_all


def test_brief_never_repeats_a_misquote(sample_story):
    story, _ = sample_story
    flagged = {
        (r.article, r.sentence)
        for g in story.quotes
        for r in g.renderings
        if r.fidelity in ("extended", "altered", "elided")
    }
    for sentence in story.brief:
        chosen = next(c for c in sentence.citations if _text_of(story, c) == sentence.text)
        assert (chosen.article, chosen.sentence) not in flagged


def _text_of(story, citation):
    for claim in story.claims:
        for s in claim.support:
            if (s.article, s.sentence) == (citation.article, citation.sentence):
                return s.text
    return None


def test_a_story_with_one_origin_still_gets_a_full_brief(sample):
    # 01 and its two copies: every concept has one origin, yet the brief fills its budget.
    story = build_story([sample["01"], sample["02"], sample["04"]], words=100)
    assert story.independent_sources == 1
    assert sum(len(b.text.split()) for b in story.brief) >= 90


def test_words_option_changes_the_length(sample):
    articles = [sample[k] for k in sorted(sample)]
    short = build_story(articles, words=40)
    long = build_story(articles, words=250)
    assert sum(len(b.text.split()) for b in short.brief) < sum(len(b.text.split()) for b in long.brief)


def test_brief_length_counts_words_as_a_reader_does(analyze_text):
    # "U.S.", "1,200" and "350-mile" are one word each to a reader and to --words.
    facts = [
        "The U.S. Navy sent 1,200 sailors and a 350-mile convoy to Port Alder on Monday.",
        "The E.U. pledged $5.5 million in short-term aid to the flood-hit north-east.",
        "About 3,400 homes in the low-lying south-west lost power for 2.5 days.",
        "The U.N. said 1,800 people had moved to 24-hour shelters run by the Red Cross.",
        "Rail links to the north-west reopened on Thursday after a 72-hour closure.",
    ]
    a = analyze_text("Floods hit Estravia\n\n" + " ".join(facts))
    b = analyze_text("Estravia floods\n\n" + " ".join(f.replace(" on ", " late on ") for f in facts))
    for budget in (30, 50):
        story = build_story([a, b], words=budget)
        assert sum(len(s.text.split()) for s in story.brief) >= budget


def test_a_restated_concept_counts_for_less_but_a_restated_sentence_is_not_taken():
    class Claim:
        def __init__(self, id):
            self.id, self.independent = id, 1

    class Support:
        text = "A plain sentence of news."

    weights = {"storm": 4.0, "rain": 2.0, "wind": 2.0, "flood": 2.0, "hail": 2.0, "vote": 3.0, "friday": 3.0}
    stated = Counter({"storm": 1, "rain": 1})
    both = (Claim(1), Support(), {"storm", "wind", "flood"}, 10, 0.0, 0.0)
    new_only = (Claim(2), Support(), {"hail", "flood"}, 10, 0.0, 0.0)
    mostly_said = (Claim(3), Support(), {"storm", "rain", "hail"}, 5, 0.0, 0.0)
    # Both say "flood" and something new of equal weight; naming the storm again is worth something.
    assert briefing._best([new_only, both], weights, stated, set(), 0, 100) is both
    # A sentence whose weight is mostly stated already is never taken, however short.
    assert briefing._best([mostly_said], weights, stated, set(), 0, 100) is None
    # New facts beside it do not excuse carrying most of an earlier sentence again.
    earlier = {"vote", "friday", "storm"}
    compound = (Claim(4), Support(), {"vote", "friday", "hail", "wind", "flood"}, 10, 0.0, 0.0)
    assert briefing._best([compound], weights, stated, set(), 0, 100, [earlier]) is None
    assert briefing._best([compound], weights, stated, set(), 0, 100, [{"storm", "rain"}]) is compound


def test_the_sample_brief_says_nothing_twice(sample_story):
    story, _ = sample_story
    friday_vote = [b.text for b in story.brief if "vote" in b.text and "Friday" in b.text]
    assert len(friday_vote) <= 1, friday_vote


def test_title_timeline_entities_coverage(sample_story):
    story, sample = sample_story
    titles = {a.title for a in sample.values() if a.title}
    assert story.title in titles
    dates = [e.date for e in story.timeline]
    assert dates == sorted(dates)
    # The story happened on Wednesday 2026-03-04 (examples/README.md).
    assert "2026-03-04" in dates
    assert "2026-03-31" in dates  # "by March 31"
    names = {e.name: e for e in story.entities}
    assert "Harbor Minister" in names["Elena Vask"].roles
    assert len(names["Elena Vask"].articles) == 5
    assert set(story.coverage) == {a.id for a in sample.values()}
    radio = story.coverage[sample["03"].id]
    claims = {c.id: c for c in story.claims}
    assert radio.unique and all({s.article for s in claims[i].support} == {sample["03"].id} for i in radio.unique)
    for i in radio.omitted:
        assert sample["03"].id not in {s.article for s in claims[i].support}


def test_story_round_trips_through_json(sample_story):
    from crosswire.model import Story

    story, _ = sample_story
    assert Story.from_dict(story.to_dict()) == story


def test_empty_and_single_article_stories(analyze_text):
    empty = build_story([])
    assert empty.independent_sources == 0 and empty.brief == [] and empty.title is None
    one = analyze_text("A lone report\n\nThe river burst its banks on Friday, flooding forty homes in the old town.")
    story = build_story([one])
    assert story.independent_sources == 1
    assert story.brief and story.brief[0].citations[0].article == one.id


class _SameMeaning:
    """A stand-in encoder that calls every pair of sentences synonymous."""

    def encode(self, texts):
        import numpy as np

        return np.ones((len(texts), 4), dtype="float32") / 2.0


def test_meaning_aligns_heavier_rewrites_only_with_an_encoder(analyze_text):
    source = analyze_text(
        "Storm shuts airport\n\n"
        "Heavy snow forced the closure of the city's main airport on Tuesday, stranding thousands of "
        "travellers over the holiday weekend.\n\n"
        "Airport officials said crews were working through the night to clear the two runways before "
        "the morning flights.\n\n"
        "The national weather service warned that another storm could reach the region by Thursday."
    )
    rewrite = analyze_text(
        "Snow closes airport\n\n"
        "Thousands of passengers were left stuck over the holiday weekend after a heavy snowfall shut "
        "the city's main airport on Tuesday.\n\n"
        "Airport officials said that crews worked overnight to clear both of the runways ahead of the "
        "first flights.\n\n"
        "A second storm may hit the region by Thursday, the national weather service cautioned."
    )
    plain, _ = derivations([source, rewrite])
    meant, groups = derivations([source, rewrite], encoder=_SameMeaning())
    methods = [p.method for links in meant.values() for link in links for p in link.pairs]
    assert "meaning" in methods
    assert sum(len(v) for v in meant.values()) == 1 and len(set(groups.values())) == 1
    # Without an encoder one reworded sentence is not enough to call it a copy.
    assert sum(len(v) for v in plain.values()) == 0


def test_real_embeddings_keep_the_sample_graph(sample):
    from crosswire import embed

    if not embed.available():
        pytest.skip("MiniLM model packages not installed")
    articles = [sample[k] for k in sorted(sample)]
    story = build_story(articles, encoder=embed.default_encoder())
    assert _edges(story, sample) == {("02", "01"), ("04", "01")}
    assert story.independent_sources == 3


def test_tfidf_and_clustering_match_scikit_learn(sample):
    import numpy as np
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    from crosswire.claims import SIMILARITY, cluster, sentence_units, similarity_matrix, tfidf
    from crosswire.textsim import content_stems

    articles = [sample[k] for k in sorted(sample)]
    units = sentence_units(articles)
    texts = [articles[a].sentences[s].text for a, s in units]
    ours = tfidf(texts).toarray()
    theirs = TfidfVectorizer(analyzer=lambda t: content_stems(words(t)), sublinear_tf=True).fit_transform(texts)
    np.testing.assert_allclose(ours @ ours.T, (theirs @ theirs.T).toarray(), atol=1e-9)

    sim = similarity_matrix(texts)
    owners = [a for a, _ in units]
    dist = 1.0 - sim
    dist[np.equal.outer(owners, owners)] = 2.0
    np.fill_diagonal(dist, 0.0)
    labels = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=1.0 - SIMILARITY
    ).fit_predict(dist)
    expected = {frozenset(int(i) for i in np.flatnonzero(labels == label)) for label in set(labels)}
    assert {frozenset(g) for g in cluster(sim, owners)} == expected


def test_story_entities_merge_across_articles(sample_story):
    story, _ = sample_story
    names = [e.name for e in story.entities]
    assert len(names) == len(set(names)), "one entry per name, whatever type each article gave it"
    assert names.count("Estravian Dockworkers' Union") == 1  # straight and curly apostrophes
    (vask,) = [e for e in story.entities if e.name == "Elena Vask"]
    assert "Vask" in vask.aliases


def test_a_surname_waits_for_the_sentence_that_gives_the_full_name():
    from types import SimpleNamespace

    texts = [
        "The alliance met in Brussels on Wednesday.",
        "Rutte also warned of new threats.",
        "Speaking alongside NATO Secretary General Mark Rutte, Blinken pledged support.",
        "Okafor said members would vote on Friday.",
    ]
    chosen = [(None, SimpleNamespace(text=t)) for t in texts]
    ordered = briefing._introduced_first(chosen, {"Mark Rutte", "Antony Blinken", "Tomas Okafor"})
    assert [c[1].text for c in ordered] == [texts[0], texts[2], texts[1], texts[3]]  # no full name later: stays


def test_the_same_text_given_twice_is_one_article(analyze_text):
    """A wire file sent twice under two names (same text, same id) is one article, not an article
    that copies itself, and its brief cites each sentence once."""
    text = (
        "Ferry talks stall\n\nTalks between the Harlow ferry company and its crews broke down on Monday "
        "after nine hours, the union said.\n\nThe company offered a raise of four percent over two years."
    )
    first = analyze_text(text)
    again = analyze_text(text)
    again.source_path = "again.txt"
    story = build_story([first, again])
    assert [a.id for a in story.articles] == [first.id]
    assert story.articles[0].derived_from == []
    assert [(s.path, s.reason) for s in story.skipped] == [("again.txt", f"same text as {first.source_path}")]
    for sentence in story.brief:
        cited = [(c.article, c.sentence) for c in sentence.citations]
        assert len(cited) == len(set(cited))


def test_a_surname_inside_another_name_does_not_hold_the_lead_back():
    """'the Varga Prize' does not name Ilona Varga: the lead that names the winner stays first."""
    from types import SimpleNamespace

    texts = [
        "Marek Holt became the first poet from Estravia to win the Varga Prize on Thursday.",
        "Holt, 70, wrote his breakthrough collection in 1985.",
        "The prize was founded by Ilona Varga, a shipbuilder.",
    ]
    chosen = [(None, SimpleNamespace(text=t)) for t in texts]
    ordered = briefing._introduced_first(chosen, {"Marek Holt", "Ilona Varga"})
    assert [c[1].text for c in ordered] == texts


def test_the_brief_prefers_a_whole_sentence_to_the_tail_of_a_cut_one():
    """'(The Harbour Song) angered the church …' is the end of a sentence the splitter cut in two:
    a whole sentence saying as much is taken before it."""
    from types import SimpleNamespace

    def cand(claim_id, text):
        claim = SimpleNamespace(id=claim_id, independent=1)
        return (claim, SimpleNamespace(text=text), briefing.concepts(text), len(text.split()), 0.0, 0.0)

    tail = cand(0, "(The Harbour Song) angered the church in Estravia and divided the country.")
    whole = cand(1, "His novel The Harbour Song angered the church in Estravia and divided the country.")
    weights = {c: 1.0 for c in tail[2] | whole[2]}
    best = briefing._best([tail, whole], weights, briefing.Counter(), set(), 0, 100)
    assert best is whole


def test_a_timeline_entry_is_told_by_a_sentence_that_gives_its_date():
    """A claim may group a sentence without a date ('Nine others died in Velm.') with one that has
    it: the timeline shows the dated sentence, so its text says what happened on that day."""
    from crosswire.model import Article, Claim, DateMention, Sentence, Support

    undated = "Nine others died in Velm in the floods."
    dated = "Oskia declared an emergency on Saturday, where 40 people died in the floods."
    first = Article("a1", "a1.txt", undated, sentences=[Sentence(0, undated, 0, len(undated))])
    second = Article(
        "a2",
        "a2.txt",
        dated,
        sentences=[Sentence(0, dated, 0, len(dated))],
        dates=[DateMention("Saturday", "2026-05-02", 0)],
    )
    claim = Claim(0, undated, [Support("a1", 0, undated), Support("a2", 0, dated)])
    (event,) = briefing.timeline([first, second], [claim])
    assert (event.date, event.text) == ("2026-05-02", dated)
    assert [(c.article, c.sentence) for c in event.citations] == [("a2", 0), ("a1", 0)]


def _dated_article(aid, day, sentences):
    """An analysed-looking article of the given sentences, published on ``day`` (None: undated)."""
    from crosswire.model import Article, Sentence

    text, sents = "", []
    for i, s in enumerate(sentences):
        start = len(text) + (1 if text else 0)
        text = f"{text} {s}" if text else s
        sents.append(Sentence(i, s, start, start + len(s)))
    return Article(aid, f"{aid}.txt", text, outlet="Kell Wire", published=day, sentences=sents)


def test_a_brief_over_several_days_reads_in_the_order_they_came():
    """Monday's report comes before Thursday's, even when Thursday's sentence leads its article
    and Monday's does not."""
    from crosswire.model import Claim, Support

    monday = _dated_article(
        "mon",
        "2026-05-04",
        [
            "Storm Orla gathered strength over the Velm Sea on Monday as crews prepared the harbour.",
            "Forecasters said Storm Orla would reach the coast of Oskia by Thursday with strong winds.",
        ],
    )
    thursday = _dated_article(
        "thu",
        "2026-05-07",
        ["Storm Orla struck the coast of Oskia on Thursday, flooding the harbour and cutting power to homes."],
    )
    claims = [
        Claim(0, monday.sentences[1].text, [Support("mon", 1, monday.sentences[1].text)]),
        Claim(1, thursday.sentences[0].text, [Support("thu", 0, thursday.sentences[0].text)]),
    ]
    brief = briefing.select([monday, thursday], claims, {"mon": 0, "thu": 1}, words_budget=40)
    assert [b.claim for b in brief] == [0, 1]


def test_an_undated_article_is_read_with_the_first_day_not_before_it():
    """An undated page's closing sentence does not open a story that dated articles place over
    several days: it is read with the first day, by its place in its article."""
    from crosswire.model import Claim, Support

    monday = _dated_article(
        "mon",
        "2026-05-04",
        ["Storm Orla gathered strength over the Velm Sea on Monday as crews prepared the harbour."],
    )
    thursday = _dated_article(
        "thu",
        "2026-05-07",
        ["Storm Orla struck the coast of Oskia on Thursday, flooding the harbour and cutting power to homes."],
    )
    undated = _dated_article(
        "page",
        None,
        [
            "Oskia lies on the eastern shore of the Velm Sea and has a busy fishing harbour.",
            "Repairs to the harbour wall are expected to take most of the summer, officials said.",
        ],
    )
    claims = [
        Claim(0, monday.sentences[0].text, [Support("mon", 0, monday.sentences[0].text)]),
        Claim(1, thursday.sentences[0].text, [Support("thu", 0, thursday.sentences[0].text)]),
        Claim(2, undated.sentences[1].text, [Support("page", 1, undated.sentences[1].text)]),
    ]
    brief = briefing.select([monday, thursday, undated], claims, {"mon": 0, "thu": 1, "page": 2}, words_budget=60)
    assert [b.claim for b in brief] == [0, 2, 1]


def test_a_number_before_a_function_word_counts_nothing():
    """'Ana Vell, 18, and Ida Marr, 20, have been charged': the numbers are 18 and 20, not
    '18 and' and '20 have' (shown as such in a disagreement, and never compared with '20 and')."""
    assert numbers("Ana Vell, 18, and Ida Marr, 20, have been charged with two offences.") == {
        "18",
        "20",
        "2 offence",
    }
    assert numbers("Nine were hurt") == {"9"}


def test_a_misspelt_or_split_word_is_not_an_altered_quote(analyze_text):
    """One outlet prints 'constituional' or 'mess age', the other the words as said: that is a
    typo, not a changed quote. A different word is still 'altered'."""

    def fidelity(first, second):
        a = analyze_text(f'Council faces deadline\n\nMayor Ines Dara said: "{first}" She left at noon.')
        b = analyze_text(f'Dara sets deadline\n\nThe mayor of Velm, Ines Dara, said: "{second}" Talks resume Monday.')
        (group,) = compare_quotes([a, b])
        return sorted(r.fidelity for r in group.renderings)

    said = "The council has a clear constitutional duty to send its message before winter comes"
    assert fidelity(said, said.replace("constitutional", "constituional")) == ["verbatim", "verbatim"]
    assert fidelity(said, said.replace("message", "mess age")) == ["verbatim", "verbatim"]
    assert "altered" in fidelity(said, said.replace("constitutional", "political"))


def test_a_brief_does_not_open_on_a_quote():
    """'``It was like a war,'' said …' cannot open the brief: the sentence that says what happened
    goes first, the rest keeps its order (newswire's `` opening mark included)."""
    from types import SimpleNamespace

    texts = [
        "``It was like a war,'' said Ona Brel, who lives near the Velm bridge.",
        '"We lost everything," said a neighbour.',
        "The Velm bridge collapsed on Monday, killing four people.",
        "Engineers had warned of cracks in 2024.",
    ]
    chosen = [(None, SimpleNamespace(text=t)) for t in texts]
    ordered = [c[1].text for c in briefing._told_before_quoted(chosen)]
    assert ordered == [texts[2], texts[0], texts[1], texts[3]]
    assert briefing._told_before_quoted(chosen[2:]) == chosen[2:]


def test_two_facts_from_one_source_are_two_claims(analyze_text):
    """'The fire began in the bakery kitchen, according to the Velm fire brigade' and 'The owner
    was away on holiday, according to the Velm fire brigade' share their source, not a fact."""
    kitchen = analyze_text("The fire began in the kitchen of the bakery, according to the Velm fire brigade.")
    owner = analyze_text("The owner of the bakery was away on holiday, according to the Velm fire brigade.")
    assert sorted(len(c.support) for c in build_story([kitchen, owner]).claims) == [1, 1]
    again = analyze_text("The fire started in the kitchen of the bakery, the brigade said.")
    assert [len(c.support) for c in build_story([kitchen, again]).claims] == [2]


def test_two_facts_with_their_own_numbers_are_two_claims(analyze_text, monkeypatch):
    """'Four people were killed on Tuesday when the old dam burst' and 'Sixty-five more were killed
    on Tuesday in the fighting' share enough words to pass as one fact, and no number: two
    claims. The same fact told with two numbers stays one claim, with a disagreement."""
    import crosswire.claims

    dam = analyze_text("Four people were killed on Tuesday when the old dam burst, the regional governor said.")
    fighting = analyze_text("Sixty-five more were killed on Tuesday in the fighting, the regional governor said.")
    assert sorted(len(c.support) for c in build_story([dam, fighting]).claims) == [1, 1]
    monkeypatch.setattr(crosswire.claims, "OTHER_NUMBERS", 1.0)
    assert [len(c.support) for c in build_story([dam, fighting]).claims] == [2]
    monkeypatch.undo()

    four = analyze_text("Four people were killed when the old bridge over the Velm river collapsed on Monday.")
    five = analyze_text("Five people were killed when the old bridge over the Velm river collapsed on Monday.")
    (claim,) = build_story([four, five]).claims
    assert [d.kind for d in claim.disagreements] == ["number"]


def test_the_same_event_in_two_places_is_two_claims():
    """'Nine others died in the floods in Velm on Sunday.' and 'In Oskia 40 people died in the
    floods on Sunday' share their words but tell of two countries: two claims. The same fact told
    with the same place stays one."""
    from crosswire.claims import build_claims
    from crosswire.model import Article, Entity, Mention, Sentence

    def article(aid, text, places):
        entities = [Entity(p, "GPE", mentions=[Mention(p, text.index(p), text.index(p) + len(p), 0)]) for p in places]
        return Article(aid, f"{aid}.txt", text, sentences=[Sentence(0, text, 0, len(text))], entities=entities)

    velm = article("a", "Nine others died in the floods in Velm on Sunday.", ["Velm"])
    oskia = article("b", "In Oskia 40 people died in the floods on Sunday, officials said.", ["Oskia"])
    claims = build_claims([velm, oskia], {"a": 0, "b": 1})
    assert sorted(len(c.support) for c in claims) == [1, 1]
    again = article("c", "In Velm nine more people died in the floods on Sunday, officials said.", ["Velm"])
    claims = build_claims([velm, again], {"a": 0, "c": 1})
    assert [len(c.support) for c in claims] == [2]


def test_words_another_outlet_drops_at_its_attribution_are_not_altered(analyze_text):
    """One outlet prints the whole quote; another splits it around 'Dara said' and drops the
    middle there. The fuller one has not altered the quote; the split one elided it."""
    full = analyze_text(
        'Harbour plan approved\n\nMayor Ines Dara said: "We have ten ships to build and many problems, '
        'but thanks to the trust of the crews the new harbour in Velm will be a reality." She left at noon.'
    )
    split = analyze_text(
        'Velm harbour\n\n"We have ten ships to build and many problems," Mayor Ines Dara said. '
        '"The new harbour in Velm will be a reality." Talks resume Monday.'
    )
    (group,) = compare_quotes([full, split])
    by_article = {r.article: r.fidelity for r in group.renderings}
    assert by_article == {full.id: "verbatim", split.id: "elided"}


def test_two_schedules_that_share_dates_do_not_disagree():
    """'Prizes on May 4, 5 and 6' and 'on May 5, 6 and 8' list a schedule from two ends: no
    disagreement. 'On May 4' against 'on May 5' is one."""
    from crosswire.claims import _dates_conflict

    assert not _dates_conflict(
        frozenset({"2026-05-04", "2026-05-05", "2026-05-06"}), frozenset({"2026-05-05", "2026-05-06", "2026-05-08"})
    )
    assert _dates_conflict(frozenset({"2026-05-04"}), frozenset({"2026-05-05"}))
    assert _dates_conflict(frozenset({"2026-05-04", "2026-05-05"}), frozenset({"2026-06-01", "2026-06-02"}))
    assert not _dates_conflict(frozenset({"2026-05-04"}), frozenset({"2026-05-04", "2026-05-05"}))


def test_dates_of_different_precision_disagree_only_where_they_overlap_and_differ():
    """'On May 4' and 'in May' agree; 'Monday' and 'this week' too. 'In 1984' and 'on Friday' date
    different things (the background and the news), not one thing two ways. Weeks against weeks,
    years against years still disagree."""
    from crosswire.claims import _dates_conflict

    assert not _dates_conflict(frozenset({"2026-05-04"}), frozenset({"2026-05"}))
    assert not _dates_conflict(frozenset({"2026-05-04"}), frozenset({"2026-W19"}))
    assert not _dates_conflict(frozenset({"1975"}), frozenset({"1975-12"}))
    assert not _dates_conflict(frozenset({"1984"}), frozenset({"2026-11-13"}))
    assert not _dates_conflict(frozenset({"1996", "1998", "2000"}), frozenset({"1998-12-13"}))
    assert _dates_conflict(frozenset({"2026-W18"}), frozenset({"2026-W19"}))
    assert _dates_conflict(frozenset({"1988"}), frozenset({"1989"}))
    assert _dates_conflict(frozenset({"2026-05-04"}), frozenset({"2026-06"})) is False  # no overlap, two precisions


def test_a_year_the_news_is_measured_against_is_not_its_date(analyze_text):
    article = analyze_text(
        "ISLA VERDE, March 4, 2026 (AP) -- The storm flooded the harbour on Tuesday, officials said.\n\n"
        "Its winds were the strongest since the hurricane of 1961.\n\n"
        "The island was first settled in 1852."
    )
    events = {e.date: e.text for e in build_story([article]).timeline}
    assert events.get("2026-03-03", "").startswith("The storm flooded")
    assert "1961" not in events and events.get("1852", "").startswith("The island was first settled")


def test_a_date_that_only_modifies_a_noun_does_not_date_the_sentence(analyze_text):
    """'arrested under a 1974 law' is not an arrest in 1974, and 'paid for the May 2 fire' was
    said later: neither goes on the timeline at that date. The fire itself, told with 'On May 2',
    does."""
    article = analyze_text(
        "VELM, May 20, 2026 (AP) -- Two men were arrested under a 1974 law on arson.\n\n"
        "Prosecutors say a builder paid the two men for the May 2 fire.\n\n"
        "On May 2, flames tore through the old market in Velm."
    )
    events = [(e.date, e.text) for e in build_story([article]).timeline]
    assert not any(text.startswith(("Two men", "Prosecutors")) for _, text in events), events
    assert ("2026-05-02", "On May 2, flames tore through the old market in Velm.") in events


def test_a_short_given_name_is_the_same_person(analyze_text):
    a = analyze_text(
        '"We will vote against the budget," Senator Bob Harlan said on Monday.\n\n'
        "The budget goes to the full chamber next week."
    )
    b = analyze_text(
        '"We will vote against the budget," Senator Robert Harlan said on Monday.\n\n'
        "Party leaders said they expected the budget to pass."
    )
    story = build_story([a, b])
    harlan = [e for e in story.entities if e.name.endswith("Harlan")]
    assert len(harlan) == 1 and {harlan[0].name, *harlan[0].aliases} >= {"Bob Harlan", "Robert Harlan"}
    assert not any(d.kind == "speaker" for c in story.claims for d in c.disagreements)


def test_a_given_name_spelt_two_ways_is_one_person(analyze_text):
    """Outlets that print "Jon Tarrow" and "Jonathan Tarrow", "Randy Pellmore" and "Randall
    Pellmore", or "Lindsey Oskarth" and "Lindsay Oskarth" name one person each: one story entity,
    one speaker heading, and the surname alone joins it."""
    a = analyze_text(
        "Harbor rescue\n\n"
        '"The swimmer held on to a buoy for three hours," harbor chief Jon Tarrow said on Tuesday.\n\n'
        "Randy Pellmore, 58, was taken to hospital in Velm. "
        '"We were lucky with the weather," Senator Lindsey Oskarth said.'
    )
    b = analyze_text(
        "Swimmer found\n\n"
        '"The swimmer held on to a buoy for three hours," harbor chief Jonathan Tarrow said.\n\n'
        "Randall Pellmore had gone out with his son-in-law. Tarrow thanked the crews. "
        '"We were lucky with the weather," Senator Lindsay Oskarth said on Tuesday.'
    )
    story = build_story([a, b])
    for surname, spellings in (
        ("Tarrow", {"Jon Tarrow", "Jonathan Tarrow"}),
        ("Pellmore", {"Randy Pellmore", "Randall Pellmore"}),
        ("Oskarth", {"Lindsey Oskarth", "Lindsay Oskarth"}),
    ):
        people = [e for e in story.entities if e.type == "PERSON" and e.name.endswith(surname)]
        assert len(people) == 1 and {people[0].name, *people[0].aliases} >= spellings, (surname, people)
    speakers = {g.speaker.name for g in story.quotes if g.speaker}
    assert len({s for s in speakers if s.endswith("Tarrow")}) == 1, speakers
    assert len({s for s in speakers if s.endswith("Oskarth")}) == 1, speakers
    assert not any(d.kind == "speaker" for c in story.claims for d in c.disagreements)


def test_a_spelling_that_may_be_two_people_joins_neither():
    """A short form joins its name only where no other given name of the story with that surname
    may be the same; a one-letter spelling only where the surname has no third given name, and
    never a last letter that tells a woman from a man."""
    from crosswire.textsim import People, same_person, spelling_variant, spelt_names

    assert same_person("Jon Tarrow", "Jonathan Tarrow") and same_person("Randy Tarrow", "Randall Tarrow")
    assert spelt_names(["Jon Tarrow", "Jonathan Tarrow", "Mira Tarrow"]) == {
        "jon tarrow": "Jon Tarrow",
        "jonathan tarrow": "Jon Tarrow",
    }
    # "Jon" may be John or Jonathan: with both in the story, none of the three joins another.
    assert spelt_names(["Jon Tarrow", "Jonathan Tarrow", "John Tarrow"]) == {}
    assert not People(["Steve Tarrow", "Stephen Tarrow", "Steven Tarrow"]).same("Steve Tarrow", "Stephen Tarrow")
    # One-letter spellings: a vowel, a doubled letter, a swapped vowel, a transliterated ending.
    for a, b in [("Lindsey", "Lindsay"), ("Kristen", "Kristin"), ("Mohamad", "Mohammad"), ("Jeffery", "Jeffrey")]:
        assert spelling_variant(a, b), (a, b)
    assert spelling_variant("Sergei", "Sergey")
    for a, b in [("Mario", "Maria"), ("Daniel", "Daniela"), ("Louis", "Louise"), ("Peder", "Peter"), ("Ivan", "Ivon")]:
        assert not spelling_variant(a, b), (a, b)
    people = People(["Kristen Oskarth", "Kristin Oskarth"])
    assert people.same("Kristen Oskarth", "Kristin Oskarth") and people.same("Oskarth", "Kristin Oskarth")
    # A third Oskarth: "Kristen" and "Kristin" may be two sisters.
    assert spelt_names(["Kristen Oskarth", "Kristin Oskarth", "Karl Oskarth"]) == {}
    assert not People(["Kristen Oskarth", "Kristin Oskarth", "Karl Oskarth"]).same("Kristen Oskarth", "Kristin Oskarth")


def test_a_family_name_spelt_two_ways_is_one_person(analyze_text):
    """Outlets spell a family name one letter apart ("Gustafsson", "Gustavsson"): with the same
    given name, one person, under the spelling more articles give; and the quote each prints is
    one quote. Short names ("Kerr", "Kern") and a third spelling join nothing."""
    from crosswire.textsim import People, spelt_surnames

    assert spelt_surnames(["Lasse Gustafsson", "Lasse Gustavsson", "Mira Gustafsson"]) == {
        "lasse gustafsson": "Lasse Gustafsson",
        "lasse gustavsson": "Lasse Gustafsson",
    }
    assert spelt_surnames(["Tom Kerr", "Tom Kern"]) == {}
    assert spelt_surnames(["Anna Delosantos", "Anna Delossantos", "Anna Delossantoso"]) == {}
    assert spelt_surnames(["Lasse Gustafsson", "Nils Gustavsson"]) == {}
    assert People(["Lasse Gustafsson", "Lasse Gustavsson"]).same("Gustavsson", "Lasse Gustafsson")
    quote = '"We searched every room twice before the sun came up," '
    articles = [
        analyze_text(f"Fire\n\nFire chief Lasse Gustavsson led the search. {quote}Lasse Gustavsson said."),
        analyze_text(f"Hall fire\n\nThe search ended on Friday. {quote}fire chief Lasse Gustafsson said."),
        analyze_text(f"Dance hall\n\nThe city mourned on Friday. {quote}said Lasse Gustavsson, the fire chief."),
    ]
    story = build_story(articles)
    people = [e for e in story.entities if e.type == "PERSON" and "Lasse" in e.name]
    assert [(e.name, sorted(e.aliases)) for e in people] == [("Lasse Gustavsson", ["Lasse Gustafsson"])]
    (group,) = [g for g in story.quotes if "every room" in g.text]
    assert len(group.renderings) == 3 and group.speaker.name == "Lasse Gustavsson"


def test_a_surname_alone_is_the_one_person_of_the_story_with_that_surname(analyze_text):
    """An outlet that only says "Markov" quotes the governor another names in full: one quote
    group under her full name, and no disagreement over who said it. Where the story has two
    Markovs, the surname alone is neither of them."""
    quote = '"The bridge will be open again before the first snow falls," '
    full = analyze_text(
        f"Bridge to reopen\n\nGovernor Lena Markov visited the site on Monday. {quote}Lena Markov said."
    )
    surname = analyze_text(f"Velm bridge\n\n{quote}Markov said on Monday at the site.")
    assert [q.speaker.name for q in surname.quotes] == ["Markov"]
    story = build_story([full, surname])
    (group,) = [g for g in story.quotes if "first snow" in g.text]
    assert group.speaker.name == "Lena Markov"
    assert {r.article for r in group.renderings} == {full.id, surname.id}
    assert not any(d.kind == "speaker" for c in story.claims for d in c.disagreements)

    other = analyze_text("Bridge works\n\nHer rival Ilona Markov called the plan reckless on Tuesday.")
    groups = compare_quotes([full, surname, other])
    assert {g.speaker.name for g in groups if "first snow" in g.text} == {"Lena Markov", "Markov"}


def test_a_middle_initial_does_not_make_another_person(analyze_text):
    """One outlet prints the minister's middle initial, another leaves it out: one quote group,
    one story entity, and no disagreement over who said it."""
    quote = '"The ferry line will run all winter for the first time," '
    plain = analyze_text(f"Ferry plan\n\nMinister Talia Brennick spoke in Velm on Monday. {quote}Talia Brennick said.")
    initial = analyze_text(f"Winter ferry\n\n{quote}Talia R. Brennick said on Monday in Velm.")
    assert [q.speaker.name for q in initial.quotes] == ["Talia R. Brennick"]
    story = build_story([plain, initial])
    (group,) = [g for g in story.quotes if "ferry line" in g.text]
    assert {r.article for r in group.renderings} == {plain.id, initial.id}
    assert group.speaker.name in {"Talia Brennick", "Talia R. Brennick"}
    assert not any(d.kind == "speaker" for c in story.claims for d in c.disagreements)
    brennick = [e for e in story.entities if e.name.endswith("Brennick")]
    assert len(brennick) == 1 and {brennick[0].name, *brennick[0].aliases} >= {"Talia Brennick", "Talia R. Brennick"}


def test_different_middle_initials_stay_apart():
    """Father and son, "Orrin W. Castell" and "Orrin H. W. Castell": "Orrin Castell" may be
    either, so none of the three joins another."""
    from crosswire.textsim import People, initialled_names

    names = ["Orrin W. Castell", "Orrin H. W. Castell", "Orrin Castell"]
    assert initialled_names(names) == {}
    people = People(names)
    assert not people.same("Orrin Castell", "Orrin W. Castell")
    assert not people.same("Orrin W. Castell", "Orrin H. W. Castell")
    assert not people.same("Castell", "Orrin Castell")
    # Without the father, the son's middle initial is his alone; a middle name is no initial.
    people = People(["Orrin W. Castell", "Orrin Castell"])
    assert people.same("Orrin Castell", "Orrin W. Castell") and people.same("Castell", "Orrin Castell")
    assert not People(["Orrin Wade Castell", "Orrin Castell"]).same("Orrin Castell", "Orrin Wade Castell")
    # A short given name is the initialled name too, unless it may stand for two names there.
    assert People(["Bob Castell", "Robert J. Castell"]).same("Bob Castell", "Robert J. Castell")
    assert "steve castell" not in initialled_names(["Steve Castell", "Steven Castell", "Stephen J. Castell"])


def test_without_headlines_the_title_is_the_lead_most_origins_back():
    """Wire copy has no headlines: the title is the article lead that states what most origins
    report, not the brief's first sentence (the earliest, which may be background)."""
    from crosswire.model import BriefSentence

    article = _article_of
    background = "The harbour of Velm was built in 1890 and rebuilt after the war in 1950."
    articles = [
        article("a", ["Storm Orla flooded the harbour of Velm on Thursday and cut power to homes.", background]),
        article("b", ["Storm Orla flooded Velm's harbour on Thursday, cutting power to thousands.", background]),
        article("c", ['"We lost everything," said a fisherman in Velm after Storm Orla flooded the harbour.']),
    ]
    groups = {"a": 0, "b": 1, "c": 2}
    brief = [BriefSentence(text=background, claim=0, citations=[])]
    assert briefing.title(articles, groups, brief) in {articles[0].sentences[0].text, articles[1].sentences[0].text}
    assert briefing.title([article("d", ["He said so."])], {"d": 0}, brief) == background


def test_an_article_that_states_a_claim_in_a_longer_sentence_does_not_leave_it_out():
    """Claims are grouped strictly, so an article may state a claim's fact inside a longer
    sentence of its own that joined another claim: 'leaves out' must not say it omits it."""
    from crosswire.model import Claim, Support

    article = _article_of
    fact = "A lung infection forced President Arvo Kell to cut short his visit to Oskia."
    a = article("a", [fact, "Kell is 71."])
    b = article("b", [fact.replace("President ", ""), "Kell's doctors prescribed rest for a week."])
    longer = (
        "President Arvo Kell cut short his visit to Oskia on Monday because of a lung infection that "
        "renewed doubts about his health before the vote."
    )
    c = article("c", [longer, "Kell's doctors prescribed rest for a week."])
    d = article("d", ["Kell's rivals met in the capital on Monday to plan the campaign.", "Kell is 71."])
    claims = [
        Claim(0, fact, [Support("a", 0, fact), Support("b", 0, b.sentences[0].text)], 2, 2, False),
        Claim(1, longer, [Support("c", 0, longer)], 1, 1, True),
    ]
    cover = briefing.coverage([a, b, c, d], claims)
    assert 0 not in cover["c"].omitted  # says it, in its own longer sentence
    assert 0 in cover["d"].omitted  # names Kell, but not the infection or the visit


def test_an_article_that_states_a_claim_as_another_outlet_worded_it_does_not_leave_it_out():
    """The claim's text is one outlet's wording; an article that says what another supporting
    outlet said, in that outlet's words, states the claim too. A short supporting sentence
    ('Brel was arrested.') is too little to stand for the claim."""
    from crosswire.model import Claim, Support

    article = _article_of
    said = "Ona Brel, who owns the bakery on Mill Street, was arrested on Friday after the fire."
    worded = "Police say Brel started the fire at her bakery to collect the insurance money."
    a = article("a", [said, "The street was closed."])
    b = article("b", [worded, "Nobody was hurt."])
    e = article("e", ["Brel was arrested.", "The street was closed."])
    c = article("c", ["Investigators believe Brel started the fire at her own bakery to collect insurance money."])
    d = article("d", ["Brel was arrested twice before.", "The bakery on Mill Street sold bread for forty years."])
    claims = [
        Claim(
            0,
            said,
            [Support("a", 0, said), Support("b", 0, worded), Support("e", 0, "Brel was arrested.")],
            3,
            3,
            False,
        )
    ]
    cover = briefing.coverage([a, b, c, d, e], claims)
    assert 0 not in cover["c"].omitted
    assert 0 in cover["d"].omitted


def _article_of(aid, sentences):
    """An analysed article made of ``sentences`` (no headline), from outlet 'Wire <aid>'."""
    from crosswire.model import Article, Sentence

    text, sents = "", []
    for i, s in enumerate(sentences):
        start = len(text) + (1 if text else 0)
        text = f"{text} {s}" if text else s
        sents.append(Sentence(i, s, start, start + len(s)))
    return Article(aid, f"{aid}.txt", text, outlet=f"Wire {aid}", sentences=sents)


def test_a_sentence_in_the_first_person_counts_as_someone_s_own_words(analyze_text):
    """A letter or blog post reprinted as an article speaks in the first person outside quote
    marks: the brief treats that as quoted words, not as the reporter's narrative."""
    article = analyze_text(
        "VELM, May 20, 2026 (AP) -- On behalf of our board, I want to thank you for your gifts to Velm.\n\n"
        "The harbour of Velm reopened on Monday after the storm, the port authority said.\n\n"
        'The U.S. sent aid to Velm, and the mayor said "we are grateful" on Tuesday.'
    )
    assert briefing._quoted_share(article, 0) == 1.0
    assert briefing._quoted_share(article, 1) == 0.0
    assert 0 < briefing._quoted_share(article, 2) < 0.5  # 'we' inside the marks, 'U.S.' is no 'us'


def test_a_name_that_begins_one_longer_name_is_that_person(analyze_text):
    """'Carlos Flores' in one article and 'Carlos Flores Facusse' in another are one president."""
    a = analyze_text("VELM, May 20, 2026 (AP) -- President Carlos Flores Facusse declared an emergency on Monday.")
    b = analyze_text("VELM, May 21, 2026 (AP) -- President Carlos Flores toured the flooded coast on Tuesday.")
    people = [e for e in build_story([a, b]).entities if e.type == "PERSON"]
    assert [(e.name, e.aliases) for e in people] == [("Carlos Flores Facusse", ["Carlos Flores"])]


def test_a_speaker_goes_by_one_name_and_one_role_across_the_story(analyze_text):
    """Outlets spell a title differently ("U.S." and "US") or give only a surname: one person's
    quotes stand under the name and role of the story's people list, and a shorter title that
    ends a fuller one is not listed again."""
    a = analyze_text(
        "U.S. Trade Representative Dana Forde met her Canadian counterpart in Ottawa on Monday.\n\n"
        '"We are close to a deal on dairy," Forde told reporters after the talks.'
    )
    b = analyze_text(
        "US Trade Representative Dana Forde said on Monday that talks in Ottawa were going well.\n\n"
        '"Nobody wants a tariff war with a neighbour," Forde said.'
    )
    c = analyze_text(
        "Trade Representative Dana Forde spent a second day in Ottawa on Tuesday.\n\n"
        '"The lumber file is harder," Forde said.'
    )
    story = build_story([a, b, c])
    (forde,) = [e for e in story.entities if e.name == "Dana Forde"]
    assert forde.roles == ["U.S. Trade Representative"]
    speakers = {(g.speaker.name, g.speaker.role) for g in story.quotes if g.speaker}
    assert speakers == {("Dana Forde", "U.S. Trade Representative")}
    assert len(story.quotes) == 3


def test_an_independent_outlet_that_prints_more_of_a_quote_is_not_extending_it(analyze_text, sample_story):
    """Outlet B paraphrases the end of a quote around a partial quote; outlet A, which reports on
    its own, prints the whole quote. A may simply have heard more of it: not ``extended``. A copy
    that pulls its source's paraphrase inside the marks still is (the sample's aggregator)."""
    a = analyze_text(
        "VELM (Harbor Radio) - Estravia's harbour minister spoke at the quay on Thursday morning.\n\n"
        '"We are closing the old dock for good, and the ferries will move to the north pier next '
        'spring," minister Ana Brek told dockworkers, some of whom booed her.'
    )
    b = analyze_text(
        "VELM, May 7 (Coast Wire) - Estravia will shut the old dock of Velm, its oldest harbour, "
        "after a century of service, the government announced on Thursday.\n\n"
        'Minister Ana Brek said the government was "closing the old dock for good" and that the '
        "ferries will move to the north pier next spring.\n\n"
        "The dock handled a third of the country's ferry traffic last year, port figures show."
    )
    story = build_story([a, b])
    assert story.independent_sources == 2
    (group,) = [g for g in story.quotes if any("old dock for good" in r.text for r in g.renderings)]
    fidelity = {r.article: r.fidelity for r in group.renderings}
    assert fidelity == {a.id: "verbatim", b.id: "truncated"}

    story, sample = sample_story
    (berth,) = [g for g in story.quotes if any("keep every berth open" in r.text for r in g.renderings)]
    assert {r.article: r.fidelity for r in berth.renderings}[sample["04"].id] == "extended"


def test_story_entities_join_initials_dotted_spellings_and_a_surname_typed_several_ways():
    """Across articles: "EU" is the "European Union" another article names, "US Congress" is
    "U.S. Congress"; a surname one article types as a person, an organisation and a place
    ("the Biden administration", "Biden will", "Biden officials") is the person another article
    names in full."""
    from crosswire.model import Entity, Mention

    def entity(name, kind):
        return Entity(name, kind, mentions=[Mention(name, 0, len(name), 0)])

    a = _article_of("a", ["The EU and the US Congress backed the plan, Dana Forde said."])
    a.entities = [entity("EU", "ORG"), entity("US Congress", "ORG"), entity("Dana Forde", "PERSON")]
    a.entities += [entity("Forde", "PERSON"), entity("Forde", "ORG"), entity("Forde", "GPE")]
    b = _article_of("b", ["The European Union and the U.S. Congress backed the plan of Dana Forde."])
    b.entities = [entity("European Union", "ORG"), entity("U.S. Congress", "ORG"), entity("Dana Forde", "PERSON")]
    c = _article_of("c", ["The EPA backed the plan of Environmental Protection Agency chief Dana Forde."])
    c.entities = [entity("EPA", "ORG"), entity("Dana Forde", "PERSON")]
    found = {e.name: e for e in briefing.entities([a, b, c])}
    assert set(found) == {"European Union", "U.S. Congress", "Dana Forde", "EPA"}
    assert found["European Union"].aliases == ["EU"] and found["U.S. Congress"].aliases == ["US Congress"]
    assert found["Dana Forde"].type == "PERSON" and found["Dana Forde"].aliases == ["Forde"]
    assert found["Dana Forde"].articles == ["a", "b", "c"]


def test_a_surname_one_article_types_as_an_organisation_joins_the_person_another_names():
    """ "hail Vance", in an article that never gives the full name, typed an organisation: it is
    the "Meryl Vance" other articles name. Not a platform ("Twitter" beside a "Jack Twitter"),
    not a name the model took for a person that starts with an initial ("Q. Halvor"), and not a
    one-word name more articles give than the full name ("Endeavour", the shuttle, beside the
    "Aboard Endeavour" of one article)."""
    from crosswire.model import Entity, Mention

    def entity(name, kind):
        return Entity(name, kind, mentions=[Mention(name, 0, len(name), 0)])

    a = _article_of("a", ["Meryl Vance spoke. Jack Twitter and Q. Halvor came. Aboard Endeavour, crews slept."])
    a.entities = [entity(n, "PERSON") for n in ("Meryl Vance", "Jack Twitter", "Q. Halvor", "Aboard Endeavour")]
    b = _article_of("b", ["Crowds shouted hail Vance on Twitter as Halvor and Endeavour rose."])
    b.entities = [entity(n, "ORG") for n in ("Vance", "Twitter", "Halvor", "Endeavour")]
    c = _article_of("c", ["Meryl Vance watched Endeavour."])
    c.entities = [entity("Meryl Vance", "PERSON"), entity("Endeavour", "ORG")]
    found = {e.name: e for e in briefing.entities([a, b, c])}
    assert found["Meryl Vance"].aliases == ["Vance"] and "Vance" not in found
    assert sorted(found["Meryl Vance"].articles) == ["a", "b", "c"]
    assert {"Twitter", "Halvor", "Endeavour"} <= set(found)
    assert found["Twitter"].type == found["Halvor"].type == found["Endeavour"].type == "ORG"


def test_story_entities_join_a_plural_a_department_s_two_names_an_outlet_s_news_and_a_state_s_abbreviation():
    """Across articles: "Velm Public Schools" is the "Velm Public School" another article names,
    unless a third name is apart from one by a singular or plural word ("Norse Trade Union",
    "Norse Trade Unions", "Norse Trades Union"), or the word has under four letters; "Fisheries
    Department", "Department of Fisheries" and "U.S. Department of Fisheries" are one; so are "KVLM"
    and "KVLM News", "Channel 14" and "Channel 14 News", but not "Vell" and "Vell News"; "Ala." is
    the "Alabama" another article names."""
    from crosswire.model import Entity, Mention

    def entity(name, kind):
        return Entity(name, kind, mentions=[Mention(name, 0, len(name), 0)])

    a = _article_of("a", ["Velm Public Schools closed, KVLM News reported from Selma, Ala."])
    a.entities = [entity(n, "ORG") for n in ("Velm Public Schools", "KVLM News", "Fisheries Department")]
    a.entities += [entity(n, "ORG") for n in ("Norse Trade Union", "Velm Arts Club", "Channel 14", "Vell")]
    a.entities += [entity("Ala.", "GPE"), entity("Ore.", "GPE")]
    b = _article_of("b", ["Velm Public Schools closed, the U.S. Department of Fisheries told KVLM."])
    b.entities = [entity(n, "ORG") for n in ("Velm Public Schools", "U.S. Department of Fisheries", "KVLM")]
    b.entities += [entity(n, "ORG") for n in ("Norse Trade Unions", "Velm Art Club", "Channel 14 News")]
    b.entities += [entity("Alabama", "GPE")]
    c = _article_of("c", ["The Velm Public School board met, the Department of Fisheries said."])
    c.entities = [entity(n, "ORG") for n in ("Velm Public School", "Department of Fisheries", "Norse Trades Union")]
    c.entities += [entity("Vell News", "ORG")]
    found = {e.name: e for e in briefing.entities([a, b, c])}
    assert set(found) == {
        "Velm Public Schools",
        "U.S. Department of Fisheries",
        "KVLM News",
        "Channel 14 News",
        "Alabama",
        "Ore.",
        "Norse Trade Union",
        "Norse Trade Unions",
        "Norse Trades Union",
        "Velm Arts Club",
        "Velm Art Club",
        "Vell",
        "Vell News",
    }
    assert found["Velm Public Schools"].aliases == ["Velm Public School"]
    assert found["Velm Public Schools"].articles == ["a", "b", "c"]
    assert sorted(found["U.S. Department of Fisheries"].aliases) == ["Department of Fisheries", "Fisheries Department"]
    assert found["KVLM News"].aliases == ["KVLM"] and found["Channel 14 News"].aliases == ["Channel 14"]
    assert found["Alabama"].aliases == ["Ala."] and found["Alabama"].articles == ["b", "a"]


def test_the_brief_does_not_tell_the_story_by_a_photo_caption(analyze_text):
    """A web page prints a picture's caption inside the story ("Rescuers search … (AP Photo/…)").
    Cleaning keeps its words but marks its paragraph; the brief then tells what happened from
    the reporting, even when the caption repeats the story's words."""
    caption = "Rescuers search the rubble of the Velm bridge after it collapsed on Monday in Velm."
    articles = [
        analyze_text(
            f"{caption} (AP Photo/Tom Vell)\n\n"
            f"VELM (AP) — The Velm bridge collapsed on Monday, killing four people {lead}.\n\n"
            "Engineers had warned of cracks in the bridge in 2024, the city said.\n"
        )
        for lead in ("on their way to work", "who were crossing it", "in the morning rush")
    ]
    assert all(a.captions == [0] and a.sentences[0].text == caption for a in articles)
    story = build_story(articles, words=20)
    assert story.brief and all(caption not in b.text for b in story.brief)
    assert any("bridge collapsed on Monday" in b.text for b in story.brief)


def test_the_brief_does_not_tell_the_story_by_an_embedded_post(analyze_text):
    """A post embedded in the page ("… — Ana Brek (@anabrek) March 2, 2026") is that person's
    words, printed without quote marks: the brief tells the story from the reporting."""
    post = "The Velm bridge collapsed on Monday in Velm and four people were killed. So sad!"
    articles = [
        analyze_text(
            f"{post} — Ana Brek (@anabrek) March 2, 2026\n\n"
            f"VELM (AP) — The Velm bridge collapsed on Monday, killing four people {lead}.\n\n"
            "Engineers had warned of cracks in the bridge in 2024, the city said.\n"
        )
        for lead in ("on their way to work", "who were crossing it", "in the morning rush")
    ]
    assert all(a.embeds == [0] for a in articles)
    story = build_story(articles, words=20)
    assert story.brief and all("four people were killed." not in b.text for b in story.brief)
    assert any("bridge collapsed on Monday" in b.text for b in story.brief)


def test_the_brief_takes_no_line_without_its_stop(analyze_text):
    """A line without a full stop is a heading, a link, a list item or words that introduce what
    follows ("… where doctors said:"): no reader can take it alone, whatever news it carries."""
    opener = "Twelve others were hurt and taken to Velm General Hospital, where a surgeon told reporters:"
    articles = [
        analyze_text(
            f"VELM (AP) — The Velm bridge collapsed on Monday, killing four people {lead}.\n\n"
            f"{opener}\n\n"
            '"They are stable," the surgeon said.\n\n'
            "Engineers had warned of cracks in the bridge in 2024, the city said.\n"
        )
        for lead in ("on their way to work", "who were crossing it", "in the morning rush")
    ]
    assert all(any(s.text == opener for s in a.sentences) for a in articles)
    story = build_story(articles, words=60)
    assert story.brief and all(opener not in b.text for b in story.brief)
    assert any("bridge collapsed on Monday" in b.text for b in story.brief)


def test_what_two_origins_report_comes_before_what_one_page_of_another_subject_says(analyze_text):
    """Two wire reports tell how the climbers' bodies were found and that an avalanche took them;
    a charity's letter names the same climbers and place but is about earthquake relief. What the
    two reports corroborate comes first, not the letter's lines that share the names."""
    wire = (
        "VELM (AP) — Two climbers found the bodies of Jon Kell and Per Aske on a glacier of Mount Velm "
        "on Friday, 16 years after an avalanche swept them away.\n\n"
        "Kell and Aske were among the best climbers of their time, friends said.\n"
    )
    agency = (
        "VELM (Reuters) — The bodies of mountaineers Jon Kell and Per Aske were found on a Mount Velm "
        "glacier by two climbers, officials said on Saturday.\n\n"
        "An avalanche buried Kell and Aske in 2008 as they tried to climb the peak.\n"
    )
    letter = (
        "Dear friends of the Jon Kell Fund,\n\n"
        "This spring many climbers come to Velm, one year after the earthquake that shook the valleys "
        "of Mount Velm.\n\n"
        "Jon Kell loved the people of Velm, and Per Aske filmed their villages.\n\n"
        "The fund paid for food, clothing and shelter for families after the earthquake.\n\n"
        "The climbing school that Kell and Aske dreamed of trained 80 guides this year.\n\n"
        "We thank all of you who gave to the earthquake relief appeal.\n"
    )
    story = build_story([analyze_text(t) for t in (wire, agency, letter)], words=40)
    assert story.independent_sources == 3
    text = " ".join(b.text for b in story.brief)
    assert "bodies" in text and "avalanche" in text, text
    assert "climbing school" not in text


def test_a_photo_caption_dates_no_event_in_the_timeline(analyze_text):
    caption = "Rescuers search the rubble of the Velm bridge on Tuesday in Velm."
    articles = [
        analyze_text(
            f"{caption} (AP Photo/Tom Vell)\n\n"
            f"VELM (AP) — The Velm bridge collapsed on Monday, killing four people {lead}.\n\n"
            "Engineers had warned of cracks in the bridge in 2024, the city said.\n",
            "2024-11-13",
        )
        for lead in ("on their way to work", "who were crossing it", "in the morning rush")
    ]
    caption_dates = {d.date for a in articles for d in a.dates if d.sentence == 0}
    assert all(a.captions == [0] for a in articles) and len(caption_dates) == 1 and None not in caption_dates
    story = build_story(articles)
    assert [e.date for e in story.timeline if "collapsed" in e.text] == ["2024-11-11"]
    assert all(caption not in e.text and e.date not in caption_dates for e in story.timeline)


def test_sentences_printing_one_quote_are_one_claim(analyze_text):
    """Three outlets frame one pledge in their own words around the same quote: one statement,
    corroborated by three origins, even though the framing shares too few words to group them."""
    from crosswire.story import build_story

    texts = [
        "VELM (AP) — Speaking at the flooded harbour among volunteers and soldiers on Tuesday, Mayor "
        'Ona Brel promised residents that the city would "rebuild every bridge" before winter returns.\n\n'
        "Nine people died when the river burst its banks near the old market last week.\n",
        "VELM, Estravia (Reuters) - Ona Brel, the mayor of Velm, told a crowded council session that "
        'officials planned to "rebuild every bridge" despite a shortfall in the regional budget.\n\n'
        "Insurers estimated the damage at 40 million euros.\n",
        'Velm\'s mayor Ona Brel, whose own house was flooded, pledged to "rebuild every bridge" as army '
        "engineers inspected cracked pillars along the eastern bank.\n\n"
        "Schools in the lower town will stay closed until next month, the education office said.\n",
    ]
    articles = [analyze_text(t) for t in texts]
    story = build_story(articles)
    assert story.independent_sources == 3
    pledge = [c for c in story.claims if any("rebuild every bridge" in s.text for s in c.support)]
    assert len(pledge) == 1
    assert pledge[0].independent == 3 and len(pledge[0].support) == 3


def test_a_shared_quote_never_puts_two_sentences_of_one_article_in_a_claim():
    from crosswire.claims import _join_same_quotes

    # Units 1 and 2 are two sentences of one article, each printing the quote unit 0 prints.
    assert _join_same_quotes([[0], [1], [2]], {(0, 1), (0, 2)}, owners=[0, 1, 1]) == [[0, 1], [2]]
    assert [sorted(g) for g in _join_same_quotes([[0, 3], [1]], {(1, 3)}, owners=[0, 1, 1, 2])] == [[0, 1, 3]]


def test_a_shared_title_or_phrase_is_not_one_statement():
    """Renderings of one quote group join claims only when they share most of the shorter one:
    a programme's name or two different quotes that both say "the alt right" do not."""
    from crosswire.claims import _shares_words, _title_case

    assert _title_case("Fox News Sunday") and _title_case("Memorial do Convento") and _title_case("H.N.I.C.")
    assert not _title_case("a two-way street") and not _title_case("We will rebuild every bridge")
    assert _shares_words(words("continue to shore up everything"), words("We will continue to shore up everything"))
    assert not _shares_words(
        words("Why is the alt right full of them"), words("a force on the alt right in the future")
    )
    assert not _shares_words(words("I don't want to get into that"), words("I don't want to talk about that"))


def test_one_name_spelt_with_and_without_its_particle_is_one_story_entity(analyze_text):
    """One outlet writes 'Bashar al-Assad', another 'Bashar Assad' (and 'Assad' later): one person
    in the story's list, shown with the particle."""
    a = analyze_text(
        "President Nadim al-Rashidi of Tarsa met the envoy in Velm on Monday. Later al-Rashidi said the talks "
        "went well."
    )
    b = analyze_text(
        "President Nadim Rashidi of Tarsa met the envoy in Velm on Monday. Rashidi said the talks had been useful."
    )
    people = [e for e in build_story([a, b]).entities if e.type == "PERSON"]
    assert [p.name for p in people] == ["Nadim al-Rashidi"]


def test_a_page_that_may_not_be_an_article_tells_nothing_of_the_story():
    """A video's description the cleaner warns about ("may not be an article: …") keeps its claims
    and its place in the story, but gives no brief sentence, title, timeline entry or story date,
    unless every page of the story is one."""
    from crosswire.clean import NOT_AN_ARTICLE
    from crosswire.model import Claim, DateMention, Support
    from crosswire.report import to_markdown

    page = _dated_article(
        "video",
        "2026-04-20",
        [
            "Storm Orla flooded the harbour of Oskia on Saturday, watch the whole show here tonight.",
            "For more shows from the Oskia Evening Hour, click HERE to follow the channel now.",
        ],
    )
    page.title = "Storm Orla floods the harbour of Oskia: the Evening Hour"
    page.warnings = [f"{NOT_AN_ARTICLE}: 6 lines of links and site prompts removed"]
    page.dates = [DateMention("Saturday", "2026-04-18", 0)]
    report = _dated_article(
        "wire",
        "2026-05-04",
        ["Storm Orla flooded the harbour of Oskia on Monday, cutting power to thousands of homes."],
    )
    report.title = "Flood cuts power in Oskia"
    report.dates = [DateMention("Monday", "2026-05-04", 0)]
    claims = [
        Claim(0, report.sentences[0].text, [Support("wire", 0, report.sentences[0].text)]),
        Claim(1, page.sentences[0].text, [Support("video", 0, page.sentences[0].text)]),
        Claim(2, page.sentences[1].text, [Support("video", 1, page.sentences[1].text)]),
    ]
    groups = {"wire": 0, "video": 1}
    brief = briefing.select([page, report], claims, groups, words_budget=60)
    assert [b.claim for b in brief] == [0]
    assert briefing.title([page, report], groups, brief) == report.title
    assert [e.date for e in briefing.timeline([page, report], claims)] == ["2026-05-04"]
    assert set(briefing.coverage([page, report], claims)) == {"wire", "video"}
    story = build_story([page, report])
    assert {a.id for a in story.articles} == {"wire", "video"}
    markdown = to_markdown(story.to_dict(), {a.id: a.to_dict() for a in (page, report)})
    assert "Published 2026-05-04." in markdown and "2026-04-20" not in markdown.split("\n\n## ")[0]
    # Every page warned: the story is told from them as before.
    report.warnings = list(page.warnings)
    assert briefing.select([page, report], claims, groups, words_budget=60)
    assert briefing.title([page, report], groups, brief) is not None
    assert len(briefing.timeline([page, report], claims)) == 2


def test_a_brief_does_not_open_on_a_connective():
    """A sentence opening "Instead, …" answers one before it: it is no opening, and it follows what it answers
    even when its article puts it first."""
    from crosswire.model import Claim, Support

    first = _dated_article(
        "a",
        "2026-05-04",
        [
            "Instead, the school board of Velm called the parents of every pupil to a meeting on Friday.",
            "Teachers said the meeting would take place in the town hall of Velm after the storm.",
        ],
    )
    second = _dated_article(
        "b",
        "2026-05-04",
        [
            "Storm Orla closed the schools of Velm on Monday, and classes were cancelled for the week.",
            "Parents of pupils in Velm collected their children early as the storm approached.",
        ],
    )
    claims = [
        Claim(0, first.sentences[0].text, [Support("a", 0, first.sentences[0].text)]),
        Claim(1, second.sentences[1].text, [Support("b", 1, second.sentences[1].text)]),
    ]
    brief = briefing.select([first, second], claims, {"a": 0, "b": 1}, words_budget=60)
    assert [b.claim for b in brief] == [1, 0]
    for opener in ("Worse, ", "However, ", "Still, ", "Meanwhile, "):
        assert briefing._CONNECTIVE.match(opener + "the storm grew.")
    assert not briefing._CONNECTIVE.match("Still water flooded the harbour of Velm on Monday.")


def test_one_role_whichever_way_its_country_is_put(analyze_text):
    """ "Britain's foreign secretary", "British Foreign Secretary" and "UK Foreign Secretary" are one
    role of one person: the story lists it once (it listed all three)."""
    texts = [
        "Britain's foreign secretary, David Lammy, arrived in Brussels on Wednesday for talks on Ukraine.",
        "British Foreign Secretary David Lammy said the allies would keep supplying Ukraine.",
        "UK Foreign Secretary David Lammy met his counterparts at the NATO headquarters.",
    ]
    (lammy,) = [e for e in briefing.entities([analyze_text(t) for t in texts]) if e.name == "David Lammy"]
    assert len(lammy.roles) == 1 and lammy.roles[0].lower().endswith("foreign secretary"), lammy.roles
    assert lammy.roles == ["British Foreign Secretary"]  # the title, not the description
    # Two possessors that are not one country are two roles; "Britain's" and "UK" are one country.
    role = briefing._country_free
    assert not briefing._same_role(role("Smith's attorney"), role("Jones's attorney"))
    assert briefing._same_role(role("Britain's ambassador"), role("UK's ambassador"))


def test_one_role_whichever_name_of_the_body_it_is_put_with(analyze_text):
    """ "VTU spokesman" in one article and "Velm Transport Union spokesman" in another are one role,
    shown with the body's full name; "North Estravians" and "North Estravian" are one people."""
    texts = [
        "The Velm Transport Union (VTU) called a strike on Monday. VTU spokesman Tomas Okafor said the "
        "strike would last a week. North Estravians crossed the border.",
        "Velm Transport Union spokesman Tomas Okafor said the strike would go on. North Estravian troops "
        "crossed the border on Monday.",
    ]
    found = {e.name: e for e in briefing.entities([analyze_text(t) for t in texts])}
    assert found["Tomas Okafor"].roles == ["Velm Transport Union spokesman"]
    assert "North Estravians" not in found and "North Estravians" in found["North Estravian"].aliases
