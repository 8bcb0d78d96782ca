"""Golden files: the pages generated from tests/examples/good/minimal, byte for byte.

After an intended change to the page templates, regenerate them with
``UPDATE_GOLDEN=1 pytest tests/rendering/test_golden.py`` and review the diff.
"""

from __future__ import annotations

import os

from generator.rendering.site import generate
from tests.conftest import EXAMPLES
from tests.conftest import GOLDEN as GOLDEN_ROOT
from tests.helpers import project_for

GOLDEN = GOLDEN_ROOT / "minimal"


def test_generated_pages_match_the_golden_files() -> None:
    output = generate(project_for(EXAMPLES / "good" / "minimal"))
    produced = {page.path: page.content for page in output.pages}
    if os.environ.get("UPDATE_GOLDEN"):
        for path, content in produced.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_text(content, encoding="utf-8")
    expected = {str(p.relative_to(GOLDEN)): p.read_text("utf-8") for p in GOLDEN.rglob("*.md")}
    assert sorted(produced) == sorted(expected), "pages added or removed; UPDATE_GOLDEN=1 to accept"
    for path, content in produced.items():
        assert content == expected[path], f"{path} differs from its golden file; UPDATE_GOLDEN=1 to accept"
