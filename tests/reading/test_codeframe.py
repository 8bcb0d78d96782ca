"""A problem's code frame (the lines around it, a caret under its column) and its message as HTML."""

from __future__ import annotations

from pathlib import Path

from generator.errors import Problem
from generator.reading.codeframe import FrameLine, code_frame, frame_html, message_html, problem_html

FAQ = """\
questions:
  - id: forgot-password
    question: I forgot my password?
    answer: |
      Use the link on the sign-in page.
      keywords: [reset]
  - id: order-status
"""
MISPLACED = Problem("content/faq/account.yml", 6, 7, "question 1 (forgot-password) › answer",
                    "this line looks like the field `keywords:` indented into the answer above; move it left "
                    "to line up with `answer:` (column 5)")


def test_the_lines_around_the_problem_and_a_caret_under_its_column() -> None:
    assert code_frame(FAQ, 6, 7) == [
        FrameLine(4, "    answer: |"),
        FrameLine(5, "      Use the link on the sign-in page."),
        FrameLine(6, "      keywords: [reset]", at=True),
        FrameLine(None, "      ^"),
        FrameLine(7, "  - id: order-status"),
    ]


def test_the_frame_stops_at_the_ends_of_the_file() -> None:
    assert [f.number for f in code_frame(FAQ, 1, 1)] == [1, None, 2, 3]
    assert code_frame("", 1, 1) == [] and code_frame(FAQ, 99, 1) == []


def test_a_tab_before_the_column_stays_a_tab_so_the_caret_lines_up() -> None:
    assert code_frame("a:\n\tb: x\n", 2, 5)[-1] == FrameLine(None, "\t   ^")


def test_as_html_the_problem_line_is_marked_and_the_file_text_escaped(tmp_path: Path) -> None:
    (tmp_path / "content" / "faq").mkdir(parents=True)
    (tmp_path / "content" / "faq" / "account.yml").write_text(FAQ.replace("[reset]", "[<reset>]"), "utf-8")
    frame = frame_html(MISPLACED, tmp_path)
    assert frame.startswith('<pre class=frame aria-label="content/faq/account.yml, line 6, column 7">')
    assert "<span class=at><span class=gutter>&gt; 6 | </span>      keywords: [&lt;reset&gt;]</span>" in frame
    assert "<span class=gutter>    | </span><span class=marker>      ^</span>" in frame
    assert frame_html(Problem("content/faq/gone.yml", 1, 1, "", "x"), tmp_path) == ""


def test_names_between_backticks_are_code_and_the_rest_is_escaped() -> None:
    assert message_html("the field `keywords:` <b>here</b>, not `answer: |`") == \
        "the field <code>keywords:</code> &lt;b&gt;here&lt;/b&gt;, not <code>answer: |</code>"


def test_a_problem_item_has_where_field_message_and_frame(tmp_path: Path) -> None:
    (tmp_path / "content" / "faq").mkdir(parents=True)
    (tmp_path / "content" / "faq" / "account.yml").write_text(FAQ, "utf-8")
    item = problem_html(MISPLACED, tmp_path)
    assert item.startswith("<li><code class=where>content/faq/account.yml:6:7</code><br>"
                           "<span class=field>question 1 (forgot-password) › answer:</span> ")
    assert "<code>keywords:</code>" in item and "`" not in item
    assert "<pre class=frame" in item and item.endswith("</pre></li>")
