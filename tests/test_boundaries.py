"""The rooms' walls: `comments` builds on `articles`, never the reverse.

Articles offers extension points (articles/extensions.py) and comments registers with them; nothing
under articles/ may name comments, by import or by the reverse relation's name. No database needed.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOWER_APP = ROOT / "articles"
LOWER_TEMPLATES = ROOT / "templates" / "articles"
# The reverse relation as a query path or attribute, in templates and strings.
RELATION_IN_TEXT = re.compile(r"\bcomments__|\.comments\b")


def _is_comments_module(name: str | None) -> bool:
    return isinstance(name, str) and (name == "comments" or name.startswith("comments."))


def violations_in_python(source: str, label: str) -> list[str]:
    """Where a module refers to the comments app: imports, the relation's name as a string
    ("comments", "comments__status"), or `.comments` attribute access."""
    found = []
    for node in ast.walk(ast.parse(source)):
        where = f"{label}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names if _is_comments_module(alias.name)]
            found += [f"{where}: imports {name}" for name in names]
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0 and _is_comments_module(node.module):
                found.append(f"{where}: imports from {node.module}")
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "__import__":
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and _is_comments_module(first.value):
                found.append(f"{where}: imports {first.value}")
        elif isinstance(node, ast.keyword) and (node.arg or "").startswith("comments__"):
            found.append(f"{label}: {node.arg}=")
        elif isinstance(node, ast.Attribute) and node.attr == "comments":
            found.append(f"{where}: .comments")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if node.value == "comments" or _is_comments_module(node.value) or "comments__" in node.value:
                found.append(f"{where}: names {node.value!r}")
    return found


def violations_in_template(text: str, label: str) -> list[str]:
    return [
        f"{label}:{number}: {match.group(0)}"
        for number, line in enumerate(text.splitlines(), start=1)
        for match in RELATION_IN_TEXT.finditer(line)
    ]


def test_articles_never_refers_to_comments():
    found = []
    for path in sorted(LOWER_APP.rglob("*.py")):
        found += violations_in_python(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    for path in sorted(LOWER_TEMPLATES.rglob("*.html")):
        found += violations_in_template(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert not found, "articles must not know about comments:\n" + "\n".join(found)


def test_the_check_catches_each_way_of_naming_comments():
    """The scan itself: each of these would hide the reverse dependency."""
    cases = [
        "import comments.models",
        "from comments import services",
        "from comments.models import Comment",
        "__import__('comments.services')",
        "Article._meta.get_field('comments')",
        "qs.annotate(n=Count('comments'))",
        "qs.filter(comments__status='published')",
        "article.comments.all()",
    ]
    for source in cases:
        assert violations_in_python(source, "case"), source
    assert violations_in_template("{{ article.comments.count }}", "case")
    # What articles may say: its own field, the parser's keyword, a relative import of its own module.
    allowed = [
        "comments_enabled = True",
        "PressRelease(comments=())",
        "from .comments_free import x",
        "def _split_comments(lines): pass",
    ]
    for source in allowed:
        assert not violations_in_python(source, "case"), source
