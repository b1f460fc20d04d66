"""The English check: confident non-English text is skipped with the language it is in."""

from __future__ import annotations

from crosswire.language import non_english_reason

# Written for this test: dockers return to work, the mayor calls it a fair start.
CHINESE = (
    "港口工人周五恢复工作，工会表示双方已经在周四晚上达成协议。市长说，这是一个公平的开始，"
    "但仍有许多问题需要解决。船只在港外排队等候了整整三天，货主损失惨重。"
)
ENGLISH = "Dockers returned to work on Friday after the union said a deal had been reached late on Thursday."


def test_text_without_spaces_between_words_is_judged():
    assert len(CHINESE.split()) < 12  # the word count alone would let it through
    reason = non_english_reason(CHINESE)
    assert reason is not None and "'zh'" in reason


def test_english_and_short_texts_pass():
    assert non_english_reason(ENGLISH) is None
    assert non_english_reason("港口工人周五恢复工作") is None  # too short to judge
