"""Reading: encodings, ids, and every bad input turned into a readable reason."""

from __future__ import annotations

import codecs
import json
import os

import pytest

from crosswire.model import Skipped, Source
from crosswire.read import article_id, decode, read_paths

TEXT = "The minister said the port would reopen on Friday — “a fair start,” she added. Café owners cheered.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("cp1252"), "cp1252"),
        (TEXT.replace("—", "-").replace("“", '"').replace("”", '"').encode("latin-1"), "latin-1"),
        (TEXT.encode("utf-16"), "utf-16"),
        # UTF-32's little-endian BOM starts with UTF-16's: read as UTF-16, it was garbage
        (TEXT.encode("utf-32"), "utf-32"),
        (codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"), "utf-32"),
        # Windows' "Unicode" without a BOM: every other byte NUL
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_encodings_are_detected(data, encoding):
    text, found = decode(data)
    assert found == encoding
    assert "Café" in text


def test_id_depends_on_content_not_encoding_or_newlines(tmp_path):
    (tmp_path / "a.txt").write_bytes(TEXT.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(TEXT.replace("\n", "\r\n").encode("cp1252"))
    (tmp_path / "c.txt").write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    items = list(read_paths([tmp_path]))
    assert all(isinstance(i, Source) for i in items)
    ids = {article_id(i.raw) for i in items}
    assert len(ids) == 1
    assert all("\r" not in i.raw for i in items)
    assert article_id(TEXT + " More.") not in ids


def _reason(tmp_path, name, data) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    (item,) = read_paths([path])
    assert isinstance(item, Skipped), item
    return item.reason


def test_empty_file(tmp_path):
    assert "empty" in _reason(tmp_path, "empty.txt", b"  \n\n")


def test_binary_file(tmp_path):
    assert "binary" in _reason(tmp_path, "img.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_nul_bytes_that_are_not_utf16_are_binary(tmp_path):
    assert "binary" in _reason(tmp_path, "wide.txt", TEXT.encode("utf-32-le"))
    assert "binary" in _reason(tmp_path, "half.txt", b"Some words\x00\x00 and more")


def test_undecodable_bytes(tmp_path):
    noise = bytes(b for b in range(0xA0, 0x100)) * 20
    assert "undecodable" in _reason(tmp_path, "noise.txt", b"Some words " + noise)


def test_huge_file_is_skipped_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50_000_000)
    (item,) = read_paths([path])
    assert isinstance(item, Skipped)
    assert "too large" in item.reason and "50.0 MB" in item.reason


def _sparse(path, head: bytes, size: int):
    with path.open("wb") as fh:
        fh.write(head)
        fh.truncate(size)  # a hole: no disk used, but every byte past the head reads as zero
    return path


@pytest.mark.parametrize("name", ["huge.html", "huge.rss", "huge.opml"])
def test_a_2gb_page_or_feed_is_skipped_without_reading_it(tmp_path, name):
    (item,) = read_paths([_sparse(tmp_path / name, b"<html>", 2_100_000_000)])
    assert isinstance(item, Skipped) and "too large" in item.reason and "2100.0 MB" in item.reason


def test_a_huge_archive_of_garbage_is_one_broken_record(tmp_path):
    """A WARC that is a header and then zeros (a pre-allocated download): warcio alone would read
    the zeros as one header line, in time quadratic in its length."""
    (item,) = read_paths([_sparse(tmp_path / "crawl.warc", b"WARC/1.0\r\n", 300_000_000)])
    assert isinstance(item, Skipped) and item.reason == "broken record at byte 0: no WARC-Type header"
    (item,) = read_paths([_sparse(tmp_path / "zeros.warc", b"", 300_000_000)])
    assert isinstance(item, Skipped)
    assert item.reason == "not a WARC or ARC archive: binary data with no record header"


@pytest.mark.parametrize("name", ["export.jsonl", "export.csv"])
def test_an_export_line_over_the_limit_is_skipped_and_the_rest_read(tmp_path, name):
    text = "Dockers in Antwerp voted to end the strike on Tuesday, the union said."
    if name.endswith(".jsonl"):
        good = (json.dumps({"text": text}) + "\n").encode()
        data = good + b'{"text": "' + b"x" * 12_000_000 + b'"}\n' + good
    else:
        good = f'"{text}"\n'.encode()
        data = b"text\n" + good + b'"' + b"x" * 12_000_000 + b'"\n' + good
    path = tmp_path / name
    path.write_bytes(data)
    items = list(read_paths([path], max_bytes=1_000_000))
    assert [type(i).__name__ for i in items] == ["Source", "Skipped", "Source"]
    assert "over the 3 MB limit for one record" in items[1].reason


def test_unreadable_file_in_a_folder_does_not_stop_the_rest(tmp_path, monkeypatch):
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "locked.txt").write_text(TEXT, encoding="utf-8")
    os.symlink(tmp_path / "missing.txt", tmp_path / "broken.txt")
    real = type(tmp_path).read_bytes

    def guarded(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(type(tmp_path), "read_bytes", guarded)
    items = {os.path.basename(getattr(i, "source_path", getattr(i, "path", ""))): i for i in read_paths([tmp_path])}
    assert isinstance(items["good.txt"], Source)
    assert "Permission denied" in items["locked.txt"].reason
    assert "cannot read" in items["broken.txt"].reason


def test_missing_path_and_unsupported_type(tmp_path):
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.4")
    items = list(read_paths([tmp_path / "nope", tmp_path / "doc.pdf"]))
    assert [type(i) for i in items] == [Skipped, Skipped]
    assert "no such file" in items[0].reason
    assert "unsupported file type '.pdf'" in items[1].reason


def test_folders_are_walked_in_a_stable_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(TEXT)
    (tmp_path / "1.txt").write_text(TEXT)
    names = [os.path.relpath(i.source_path, tmp_path) for i in read_paths([tmp_path])]
    assert names == ["1.txt", os.path.join("b", "2.txt")]


def test_what_a_folder_walk_passes_over_is_reported(tmp_path, monkeypatch):
    """Hidden files and folders are passed over, a linked folder is read once however it is
    reached, a folder that cannot be entered is skipped: each with a reason, none silently."""
    top = tmp_path / "top"
    (top / "a").mkdir(parents=True)
    (top / "a" / "1.txt").write_text(TEXT)
    (top / ".hidden.txt").write_text(TEXT)
    (top / ".git").mkdir()
    (top / ".git" / "config").write_text("[core]\n")
    (top / "a" / "up").symlink_to(top)  # a loop
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "2.txt").write_text(TEXT + " Elsewhere.")
    (top / "linked").symlink_to(tmp_path / "elsewhere")
    (top / "locked").mkdir()
    (top / "locked" / "3.txt").write_text(TEXT)
    real = os.scandir

    def guarded(path="."):
        if os.fspath(path).endswith("locked"):  # the tests run as root: no chmod makes it unreadable
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", guarded)
    items = list(read_paths([top]))
    read = sorted(os.path.relpath(i.source_path, top) for i in items if isinstance(i, Source))
    assert read == [os.path.join("a", "1.txt"), os.path.join("linked", "2.txt")]
    reasons = {os.path.relpath(i.path, top): i.reason for i in items if isinstance(i, Skipped)}
    assert reasons == {
        ".hidden.txt": "hidden file: passed over (give its path to read it)",
        ".git": "hidden folder: passed over (give its path to read it)",
        os.path.join("a", "up"): "link to a folder already read (a loop, or a second way in): not read again",
        "locked": "cannot read the folder: Permission denied",
    }
