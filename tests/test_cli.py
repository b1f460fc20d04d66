"""The command line and its JSON contract, on good and bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from crosswire.cli import EXIT_BROKEN_PIPE, EXIT_CANNOT_WRITE, EXIT_NOTHING, EXIT_SKIPPED, app

from .conftest import SAMPLE, SEEDS

runner = CliRunner()
SCHEMA = json.loads(resources.files("crosswire.schemas").joinpath("analysis.schema.json").read_text("utf-8"))

FRENCH = (
    "Le ministre a déclaré mercredi que le gouvernement soutiendrait les dockers aussi longtemps que "
    "nécessaire, et que les négociations reprendraient la semaine prochaine à Paris avec les syndicats."
)


def _run(*args):
    result = runner.invoke(app, ["analyze", *map(str, args)])
    return result, result.stdout


def test_json_output_follows_the_published_schema(tmp_path):
    paths = [SAMPLE] + ([SEEDS] if SEEDS.is_dir() else [])
    result, out = _run(*paths, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(out)
    jsonschema.validate(data, SCHEMA)
    assert len(data["articles"]) == 5 + (5 if SEEDS.is_dir() else 0)
    assert data["skipped"] == []


def test_schema_rejects_a_broken_document():
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"articles": [{"id": "x"}], "skipped": []}, SCHEMA)


def test_text_output(tmp_path):
    out_file = tmp_path / "out.txt"
    result, _ = _run(SAMPLE / "01_wire.txt", "--format", "text", "-o", out_file)
    assert result.exit_code == 0
    text = out_file.read_text()
    assert "Elena Vask" in text and "Harbor Minister" in text and "1 analysed, 0 skipped" in text


def test_bad_inputs_are_skipped_with_reasons_and_the_run_goes_on(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good.txt").write_bytes((SAMPLE / "01_wire.txt").read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    (folder / "noise.txt").write_bytes(b"abc " + bytes(range(0xA0, 0x100)) * 30)
    (folder / "french.txt").write_text(f"Les dockers reprennent le travail\n\n{FRENCH}\n", encoding="utf-8")
    (folder / "boilerplate.txt").write_text("Share this article\n\nSubscribe to our newsletter\n\nRead more\n")
    with (folder / "huge.txt").open("wb") as fh:
        fh.truncate(50_000_000)
    (folder / "broken.txt").symlink_to(folder / "gone.txt")
    proc = subprocess.run(
        [sys.executable, "-m", "crosswire.cli", "analyze", str(folder), "-q"], capture_output=True, text=True
    )
    assert "Traceback" not in proc.stderr
    assert proc.returncode == EXIT_SKIPPED
    data = json.loads(proc.stdout)
    jsonschema.validate(data, SCHEMA)
    assert [a["source_path"].split("/")[-1] for a in data["articles"]] == ["good.txt"]
    reasons = {s["path"].split("/")[-1]: s["reason"] for s in data["skipped"]}
    assert set(reasons) == {
        "empty.txt",
        "binary.txt",
        "noise.txt",
        "french.txt",
        "boilerplate.txt",
        "huge.txt",
        "broken.txt",
    }
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "undecodable" in reasons["noise.txt"]
    assert "not English" in reasons["french.txt"] and "'fr'" in reasons["french.txt"]
    assert "only boilerplate" in reasons["boilerplate.txt"]
    assert "too large" in reasons["huge.txt"]
    assert "cannot read" in reasons["broken.txt"]
    for path in reasons:
        assert path in proc.stderr  # each skip is also reported to the user


def test_nothing_analysable_exits_with_its_own_code(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result, _ = _run(tmp_path)
    assert result.exit_code == EXIT_NOTHING


def test_reference_date_option(tmp_path):
    result, out = _run(SAMPLE / "01_wire.txt", "--reference-date", "2026-03-04")
    assert result.exit_code == 0
    dates = {d["text"]: d["date"] for d in json.loads(out)["articles"][0]["dates"]}
    assert dates["Wednesday"] == "2026-03-04" and dates["Friday"] == "2026-03-06" and dates["March 31"] == "2026-03-31"
    bad, _ = _run(SAMPLE / "01_wire.txt", "--reference-date", "yesterday")
    assert bad.exit_code == 2 and "ISO date" in bad.output


STORY_SCHEMA = json.loads(resources.files("crosswire.schemas").joinpath("story.schema.json").read_text("utf-8"))


def test_brief_json_follows_the_story_schema_and_shows_the_copying(tmp_path):
    report = tmp_path / "report.json"
    args = ["brief", str(SAMPLE), "--format", "json", "--words", "80", "--quiet", "--report", str(report)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    accounting = json.loads(report.read_text("utf-8"))
    assert accounting["articles"] == accounting["inputs"] == len(list(SAMPLE.glob("*.txt")))
    assert accounting["skipped"] == [] and accounting["archives"] == {}
    story = json.loads(result.stdout)
    jsonschema.validate(story, STORY_SCHEMA)
    assert story["independent_sources"] == 3
    assert sum(1 for a in story["articles"] if a["derived_from"]) == 2
    assert 40 <= sum(len(b["text"].split()) for b in story["brief"]) <= 80 + 60


def test_brief_from_saved_analysis_writes_markdown_and_html(tmp_path):
    saved = tmp_path / "analysis.json"
    assert runner.invoke(app, ["analyze", str(SAMPLE), "-o", str(saved)]).exit_code == 0
    md = runner.invoke(app, ["brief", "--analysis", str(saved), "--format", "md"])
    assert md.exit_code == 0, md.output
    assert md.stdout.startswith("# ") and "## Brief" in md.stdout
    page = tmp_path / "story.html"
    html = runner.invoke(app, ["brief", "--analysis", str(saved), "--format", "html", "-o", str(page)])
    assert html.exit_code == 0, html.output
    text = page.read_text("utf-8")
    assert text.lstrip().lower().startswith("<!doctype html>") and "<svg" in text


def test_brief_needs_articles(tmp_path):
    assert runner.invoke(app, ["brief"]).exit_code == 2
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    result = runner.invoke(app, ["brief", "--analysis", str(broken)])
    assert result.exit_code == EXIT_NOTHING
    assert "cannot read" in result.output and "not JSON" in result.output
    # JSON of another shape: the first misfit, by its place in the file, not Python's internals
    broken.write_text('{"articles": [{"id": 3, "text": "x"}], "skipped": []}', encoding="utf-8")
    result = runner.invoke(app, ["brief", "--analysis", str(broken)])
    assert result.exit_code == EXIT_NOTHING and "__init__" not in result.output
    assert "at articles/0" in " ".join(result.output.split())


def test_brief_warns_when_the_articles_are_several_stories(sample, seeds):
    """A folder holding two unrelated stories is still briefed, with a warning naming the
    groups; one story over several days is not warned about."""
    import io

    from rich.console import Console

    from crosswire.cli import _warn_if_several_stories

    def warning(articles):
        out = io.StringIO()
        _warn_if_several_stories(articles, Console(file=out, width=400))
        return out.getvalue()

    assert warning(list(sample.values())) == "" and warning(list(seeds.values())) == ""
    mixed = warning(list(sample.values()) + list(seeds.values()))
    assert "look like 2 separate stories: 5 articles" in mixed and "; 5 articles" in mixed


def test_the_analysis_does_not_depend_on_the_hash_seed(tmp_path):
    """Python orders sets by a hash seeded per process: nothing crosswire outputs may follow it
    (a bare surname two people share went to either of them, from run to run)."""
    article = tmp_path / "porter.txt"
    article.write_text(
        "Mother speaks from jail\n\n"
        "VELM (AP) - The Velm mother accused of leaving her two children in a stolen car said she acted when "
        'she heard the alert on the radio. "That is when I went straight to the coast," said Porter.\n\n'
        "In an interview from the county jail on Monday, Amy Porter admitted to the crime. Porter faces two "
        "charges in the deaths of 6-year-old Ryan Porter and 7-year-old Lili Kertesz.\n",
        encoding="utf-8",
    )
    outputs = []
    for seed in ("1", "2", "3", "4"):
        proc = subprocess.run(
            [sys.executable, "-m", "crosswire.cli", "analyze", str(article), "-q"],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        assert proc.returncode == 0, proc.stderr
        outputs.append(proc.stdout)
    assert len(set(outputs)) == 1
    quotes = json.loads(outputs[0])["articles"][0]["quotes"]
    assert [q["speaker"]["name"] for q in quotes if q["kind"] == "direct"] == ["Amy Porter"]


def test_python_dash_m_runs_the_command_line():
    result = subprocess.run(
        [sys.executable, "-m", "crosswire", "--help"], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0
    assert "Usage: crosswire" in result.stdout and "brief" in result.stdout


def test_inputs_that_would_crash_or_hang_the_run_are_skipped(tmp_path):
    """A pipe or a device in a folder (reading one never ends), a paragraph longer than the parser
    takes, JSON nested past Python's recursion limit, an OPML file listing itself and a name too
    long for the file system: each is skipped with its reason, and the good article is analysed."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good.txt").write_bytes((SAMPLE / "01_wire.txt").read_bytes())
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    one_line = (SAMPLE / "01_wire.txt").read_text("utf-8").replace("\n", " ")
    (folder / "dump.txt").write_text((one_line * 200)[:150_000], encoding="utf-8")
    (folder / "nested.jsonl").write_text("[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    (folder / "self.opml").write_text(
        "<?xml version='1.0'?><opml version='2.0'><body><outline xmlUrl='self.opml'/></body></opml>"
    )
    too_long = tmp_path / ("a" * 300 + ".txt")
    result, out = _run(folder, too_long, "--jobs", "1")
    assert result.exit_code == EXIT_SKIPPED, result.output
    data = json.loads(out)
    assert [a["source_path"] for a in data["articles"]] == [str(folder / "good.txt")]
    reasons = {os.path.basename(s["path"]): s["reason"] for s in data["skipped"]}
    assert reasons["pipe.txt"].startswith("not a regular file")
    assert reasons["zero.txt"].startswith("not a regular file")
    assert "paragraph of 150,000 characters" in reasons["dump.txt"]
    assert reasons["nested.jsonl#1"] == "line 1: malformed JSON (nested too deeply)"
    assert "list each other" in reasons["self.opml"]
    assert reasons[too_long.name].startswith("cannot read")


def test_output_files_that_cannot_be_written(tmp_path):
    """A missing folder or a folder as the file is a usage error before any work; a write that
    fails (a full disk) ends with a message and its own exit code, never a traceback."""
    for target, code in ((tmp_path / "nowhere" / "x.md", 2), (tmp_path, 2), (Path("/dev/full"), EXIT_CANNOT_WRITE)):
        if not target.parent.exists() and code == EXIT_CANNOT_WRITE:
            continue
        result = runner.invoke(app, ["brief", str(SAMPLE), "-q", "--format", "md", "-o", str(target)])
        assert result.exit_code == code, (target, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    bad_jobs = runner.invoke(app, ["analyze", str(SAMPLE), "--jobs", "-2"])
    assert bad_jobs.exit_code == 2


@pytest.mark.parametrize("format", ["json", "text"])
def test_a_reader_that_goes_away_is_not_a_skipped_input(format):
    """`crosswire analyze … | head`: exit code 1 would say inputs were skipped; none was."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "crosswire", "analyze", str(SAMPLE / "01_wire.txt"), "-q", "--format", format],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.close()  # before anything is written: the analysis takes seconds
    stderr = proc.communicate(timeout=300)[1].decode()
    assert proc.returncode == EXIT_BROKEN_PIPE and "Traceback" not in stderr and "Exception" not in stderr


def test_the_same_file_given_twice_is_read_once(tmp_path):
    link = tmp_path / "link.txt"
    link.symlink_to(SAMPLE / "01_wire.txt")
    result, out = _run(SAMPLE / "01_wire.txt", SAMPLE / "01_wire.txt", link)
    data = json.loads(out)
    assert len(data["articles"]) == 1 and result.exit_code == EXIT_SKIPPED
    assert [s["reason"].split(",")[0] for s in data["skipped"]] == [f"the same file as {SAMPLE / '01_wire.txt'}"] * 2


def test_ingest_that_stores_nothing_exits_with_its_own_code(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(app, ["ingest", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "s.db"), "-q"])
    assert result.exit_code == EXIT_NOTHING, result.output


def test_feeds_takes_feed_lists_only(tmp_path):
    # Before, a binary file given as a feed list was an input skipped as "unsupported file type '.bin'".
    (tmp_path / "x.bin").write_bytes(bytes(range(256)))
    db = tmp_path / "s.db"
    result = runner.invoke(app, ["ingest", "--feeds", str(tmp_path / "x.bin"), "--db", str(db), "-q"])
    said = " ".join(result.output.replace("│", " ").split())
    assert result.exit_code == 2 and "is not an OPML list of feeds (nor a feed)" in said
    assert not db.exists()  # refused before a store is made


def test_worker_processes_never_outnumber_the_cores_or_the_articles():
    from crosswire.service import worker_count

    cores = os.cpu_count() or 1
    assert worker_count(10_000, 5) == min(cores, 5)
    assert worker_count(0, 3) == 1
    assert worker_count(0, 400) == cores
    assert worker_count(2, 0) == 1
