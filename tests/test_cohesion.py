"""Articles given as one story that are about something else (crosswire.cohesion), on small
articles written here: three outlets on one ferry accident, and pages that are not about it."""

from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from crosswire.cli import EXIT_SKIPPED, app
from crosswire.cohesion import off_story
from crosswire.story import build_story

FERRY = [
    """Ferry hits pier in Halvik harbour, 14 hurt

HALVIK, Norland (Reuters) - A passenger ferry struck a concrete pier in Halvik harbour on Tuesday
morning, injuring 14 people, two of them seriously, the Norland coast guard said.

The ferry Morgenstjerne, carrying 212 passengers from the island of Vessa, lost steering power
about 300 metres from the terminal, coast guard spokeswoman Inga Solberg told reporters.

"The crew dropped both anchors, but the current carried the ship into the pier," Solberg said.
The harbour was closed to traffic for six hours while divers inspected the hull.
""",
    """Fourteen injured as Vessa ferry crashes into Halvik pier

A ferry from Vessa slammed into a pier in Halvik harbour on Tuesday, leaving 14 passengers
injured, according to the Norland coast guard.

The Morgenstjerne lost steering about 300 metres out, said Inga Solberg, a spokeswoman for the
coast guard. Two of the injured were taken to Halvik University Hospital in serious condition.

The ferry operator, Nordsund Lines, said it would suspend its Vessa crossings until the cause of
the steering failure was known. Divers inspected the damaged hull before the harbour reopened.
""",
    """Steering failure blamed in Halvik ferry accident

Investigators in Norland are looking at a steering failure after the ferry Morgenstjerne hit a
pier in Halvik harbour, injuring 14 people on Tuesday.

Nordsund Lines, which runs the Vessa route, said the ship had passed its annual inspection in
March. The coast guard said the crew dropped anchors before the collision but could not stop the
ferry in the strong current.

Passengers described a loud bang and people thrown to the deck. The harbour reopened after six
hours.
""",
]

INDEX_PAGE = """Local news

City council approves new budget for parks and libraries

Weather: rain expected through the weekend, with cooler temperatures

High school basketball team wins regional championship in overtime

Farmers market returns to the old town square on Saturday mornings

Road works close two lanes on the ring road until next month
"""

ROUNDUP = [
    """Council approves library budget

The Halvik city council approved a budget of 4 million crowns for its three public libraries on
Monday, after a debate over opening hours. Councillor Per Dahl said the money would pay for
longer evening hours and new children's books.
""",
    """Basketball champions return home

The Vessa high school basketball team returned home on Sunday after winning the regional
championship in overtime. Coach Marta Lind said her players had trained every morning since
August and deserved the welcome.
""",
    """Rain to last through the weekend

Forecasters at the Norland weather office expect heavy rain through the weekend, with up to 40
millimetres in the hills and cooler temperatures. Farmers were told to expect flooding on low
fields near the river.
""",
]


@pytest.fixture(scope="module")
def ferry(analyzer):
    from crosswire.clean import clean
    from crosswire.model import Source

    def analysed(name, raw):
        return analyzer.analyze(clean(Source(name, raw, "utf-8")))

    return [analysed(f"ferry{i}.txt", raw) for i, raw in enumerate(FERRY)], analysed


def test_a_page_about_something_else_is_set_aside_with_its_reason(ferry):
    articles, analysed = ferry
    index = analysed("index.txt", INDEX_PAGE)
    (stray,) = off_story([*articles, index])
    assert stray.article == index.id and stray.closest in {a.id for a in articles}
    story = build_story([*articles, index])
    assert index.id not in {a.id for a in story.articles}
    assert len(story.articles) == 3
    (skipped,) = story.skipped
    assert skipped.path == "index.txt"
    assert "not about the story the other 3 articles tell" in skipped.reason and "closest to ferry" in skipped.reason
    cited = {c.article for b in story.brief for c in b.citations}
    assert cited and index.id not in cited
    assert "budget" not in (story.title or "").lower()


def test_the_story_articles_are_all_kept(ferry):
    articles, _ = ferry
    assert off_story(articles) == []
    assert not build_story(articles).skipped


def test_keep_off_story_keeps_every_article(ferry):
    articles, analysed = ferry
    index = analysed("index.txt", INDEX_PAGE)
    story = build_story([*articles, index], keep_off_story=True)
    assert len(story.articles) == 4 and not story.skipped


def test_a_roundup_of_unrelated_items_is_not_split(ferry):
    """No group holds more than half the articles: there is no story to be off."""
    _, analysed = ferry
    items = [analysed(f"item{i}.txt", raw) for i, raw in enumerate(ROUNDUP)]
    assert off_story(items) == []


COUNCIL_FOLLOW_UP = """Libraries to open longer after budget vote

Halvik's three public libraries will stay open until nine in the evening from next month, after
the city council approved their budget of 4 million crowns. Councillor Per Dahl said the budget
also pays for new children's books, and that the debate over opening hours had been settled.
"""


def test_two_pages_of_another_story_both_go(ferry):
    """Articles outside the majority group go even when they hang together themselves."""
    articles, analysed = ferry
    council = [analysed("council0.txt", ROUNDUP[0]), analysed("council1.txt", COUNCIL_FOLLOW_UP)]
    assert {s.article for s in off_story([*articles, *council])} == {a.id for a in council}
    assert off_story([articles[0], *council]) != []  # two of three: the ferry report is the stray
    story = build_story([*articles, *council])
    assert sorted(s.path for s in story.skipped) == ["council0.txt", "council1.txt"]
    assert all("the other 3 articles tell" in s.reason for s in story.skipped)


def test_two_articles_are_never_split(ferry):
    articles, analysed = ferry
    assert off_story([articles[0], analysed("index.txt", INDEX_PAGE)]) == []


def test_the_sample_and_the_seeds_stay_whole(sample, seeds):
    assert off_story(list(sample.values())) == []
    assert off_story(list(seeds.values())) == []


def test_brief_command_reports_the_page_it_set_aside(tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    for i, raw in enumerate(FERRY):
        (folder / f"ferry{i}.txt").write_text(raw, encoding="utf-8")
    (folder / "index.txt").write_text(INDEX_PAGE, encoding="utf-8")
    (folder / "ferry0-again.txt").write_text(FERRY[0], encoding="utf-8")
    runner = CliRunner()
    report = tmp_path / "report.json"
    result = runner.invoke(app, ["brief", str(folder), "--format", "json", "--quiet", "--report", str(report)])
    assert result.exit_code == EXIT_SKIPPED, result.output
    assert "index.txt: not about the story" in " ".join(result.stderr.split())
    # the report accounts for every input as the brief used it
    accounting = json.loads(report.read_text("utf-8"))
    assert (accounting["inputs"], accounting["articles"]) == (5, 4)
    assert [os.path.basename(s["path"]) for s in accounting["skipped"]] == ["index.txt"]
    assert [os.path.basename(d["source_path"]) for d in accounting["duplicates"]] == ["ferry0.txt"]
    story = json.loads(result.stdout)
    assert sorted(os.path.basename(s["path"]) for s in story["skipped"]) == ["ferry0.txt", "index.txt"]
    assert len(story["articles"]) == 3
    (folder / "ferry0-again.txt").unlink()
    kept = runner.invoke(app, ["brief", str(folder), "--format", "json", "--quiet", "--keep-off-story"])
    assert kept.exit_code == 0, kept.output
    assert len(json.loads(kept.stdout)["articles"]) == 4


def test_two_unlike_articles_are_kept_with_a_warning(ferry, tmp_path):
    """Of two articles, neither is more the story than the other: both stay, and the story says
    they may tell two stories, in the JSON, the Markdown, the HTML and on the terminal."""
    articles, analysed = ferry
    index = analysed("index.txt", INDEX_PAGE)
    story = build_story([articles[0], index])
    assert len(story.articles) == 2 and story.skipped == []
    assert len(story.warnings) == 1
    assert "may not tell one story" in story.warnings[0] and "index.txt" in story.warnings[0]
    assert build_story(articles[:2]).warnings == []  # two accounts of the ferry accident

    folder = tmp_path / "two"
    folder.mkdir()
    (folder / "ferry.txt").write_text(FERRY[0], encoding="utf-8")
    (folder / "index.txt").write_text(INDEX_PAGE, encoding="utf-8")
    runner = CliRunner()
    for fmt, marker in (("json", '"warnings"'), ("md", "**Warning:**"), ("html", 'class="warning"')):
        result = runner.invoke(app, ["brief", str(folder), "--format", fmt, "--quiet"])
        assert result.exit_code == 0, result.output
        assert marker in result.stdout and "may not tell one story" in result.stdout
        assert "warning:" in result.stderr and "may not tell one story" in " ".join(result.stderr.split())
