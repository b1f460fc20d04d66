"""Sentence boundaries the statistical model misses or invents."""

from __future__ import annotations


def test_a_name_ending_like_a_title_abbreviation_ends_its_sentence(analyze_text):
    article = analyze_text(
        "Talks stalled after threats of arrest from strongman Hun Sen. Hun Sen said on Monday that the "
        "opposition wanted to make the dispute an international issue.\n\n"
        "The bill was backed by Sen. Mara Holt and by Gen. Piet Anders, who spoke first."
    )
    texts = [s.text for s in article.sentences]
    assert texts[0].endswith("strongman Hun Sen.") and texts[1].startswith("Hun Sen said on Monday")
    # A title before a name stays where it is.
    assert texts[2] == "The bill was backed by Sen. Mara Holt and by Gen. Piet Anders, who spoke first."


def test_a_title_before_a_name_does_not_end_a_sentence(analyze_text):
    """The model ends sentences after 'Sgt.' and 'Maj.' in 'Sgt. Maj. Tom Vell'."""
    article = analyze_text(
        "VELM, May 20, 2026 (AP) -- Lt. Col. Ana Brek and Sgt. Maj. Tom Vell were hurt, according to "
        "Capt. Lee Orm. He met Gov. Rick Sand in St. Louis."
    )
    texts = [s.text for s in article.sentences]
    assert texts == [
        "Lt. Col. Ana Brek and Sgt. Maj. Tom Vell were hurt, according to Capt. Lee Orm.",
        "He met Gov. Rick Sand in St. Louis.",
    ]


def test_an_outlet_named_by_its_web_address_does_not_end_a_sentence(analyze_text):
    """spaCy's URL rule reads lower case only: "Trend.Az" was cut at its dot, and the parser
    ended a sentence inside the outlet's name."""
    article = analyze_text(
        "The ministers met in Baku on Tuesday to discuss the pipeline, Trend.Az reports, citing "
        "officials. Talks resume next week.\n\nThe deal was first reported by Apa.Az on Monday. He said.In "
        "any case the talks went on."
    )
    texts = [s.text for s in article.sentences]
    assert texts[:2] == [
        "The ministers met in Baku on Tuesday to discuss the pipeline, Trend.Az reports, citing officials.",
        "Talks resume next week.",
    ]
    assert texts[2] == "The deal was first reported by Apa.Az on Monday."
    # A missing space after a full stop, before an English word, still ends a sentence.
    assert texts[3] == "He said." and texts[4].startswith("In any case")


def test_a_nickname_in_brackets_does_not_end_a_sentence(analyze_text):
    """The model ended a sentence after "(Billy)" in "Rep. W.J. (Billy) Tauzin, R-La., said"; a
    bracketed aside that is no sentence of its own ends none, unless it stands alone."""
    article = analyze_text(
        "Some moderates said they would back the plan. Rep. W.J. (Billy) Tauzin, R-La., said the "
        "leaders wanted to avoid another shutdown.\n\n"
        "(OPTIONAL TRIM ENDS HERE) The vote is set for Friday."
    )
    texts = [s.text for s in article.sentences]
    assert "Rep. W.J. (Billy) Tauzin, R-La., said the leaders wanted to avoid another shutdown." in texts
    assert "The vote is set for Friday." in texts


def test_a_new_report_after_a_quoted_question_is_a_new_sentence(analyze_text):
    """'``…?'' Salmon said his refusal …': the model read the question and the next report as one
    sentence, which gave the question to the next speaker."""
    article = analyze_text(
        "``Billy has been loyal to both of them,'' Johnson said. ``Everyone is asking the same "
        "question: Can we refocus the message and re-energize our base without re-aligning the "
        "leadership?'' Salmon said his refusal to support Gingrich no matter what was based on "
        "Gingrich's track record.\n\n"
        '"Why would anyone do that?" Salmon said Monday.'
    )
    texts = [s.text for s in article.sentences]
    assert texts[2].startswith("Salmon said his refusal") and texts[1].endswith("leadership?''")
    assert texts[3] == '"Why would anyone do that?" Salmon said Monday.'
    question = next(q for q in article.quotes if q.text.startswith("Everyone is asking"))
    assert question.speaker is None or question.speaker.name != "Salmon"


def test_an_attribution_after_a_full_stop_inside_the_marks_stays_with_its_quotation(analyze_text):
    """'… a “case study.” Sen. Ann Roe charged on Sunday.': the writer typed a full stop for a
    comma, and the attribution alone became a sentence that the brief could take and that left
    the quotation without its speaker. A sentence that reports something of its own stays apart."""
    article = analyze_text(
        "Reporters crowded the hall on Monday.\n\n"
        "The raid and the response to it were a “case study of a breakdown of planning.” "
        "Sen. Ann Roe charged on Sunday. She spoke for an hour.\n\n"
        '"The talks ended." Officials said it twice.\n\n'
        '"We will appeal." The agency demanded payment on Friday.'
    )
    texts = [s.text for s in article.sentences]
    assert texts[1].endswith("planning.” Sen. Ann Roe charged on Sunday.")
    assert '"The talks ended."' in texts and "Officials said it twice." in texts
    assert "The agency demanded payment on Friday." in texts
    partial = next(q for q in article.quotes if q.text.startswith("case study"))
    assert partial.speaker is not None and partial.speaker.name == "Ann Roe"


def test_a_paragraphs_text_is_joined_once(analyzer):
    """``Doc.text`` joins every token anew; asked per quote and per name it made long
    one-paragraph articles quadratic (crosswire ran at 0.6 of spaCy's rate over DUC 2004)."""
    from crosswire.sentences import build_paragraphs

    text = "He said it. She agreed."
    para = build_paragraphs(text, [analyzer.nlp(text)])[0]
    assert para.text == text and para.text is para.text
