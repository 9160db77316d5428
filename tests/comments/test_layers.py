"""Inside the comments app the imports run one way: models ← spam, emails, display ← services ← views,
template tags, admin (readers, the reader's vote cookie, imports nothing of the app). A lower module
that reached up would bring back the import cycles (and the lazy imports that hid them)."""

import ast
from pathlib import Path

import pytest

import comments

APP = Path(comments.__file__).parent
# The modules below the entry points (views, the template tag, the admin), which import none of each other.
BELOW_ENTRY_POINTS = {"models", "spam", "emails", "display", "forms", "services", "readers"}
# What each module may import from the app.
ALLOWED = {
    "models": set(),
    "readers": set(),
    "spam": {"models"},
    "emails": {"models"},
    "display": {"models"},
    "forms": {"models", "spam"},
    "services": {"models", "spam", "emails"},
    "views": BELOW_ENTRY_POINTS,
    "templatetags.comments_tags": BELOW_ENTRY_POINTS,
    # The queue's cards, row views and keys are the admin's, kept in their own module.
    "admin_queue": BELOW_ENTRY_POINTS,
    "admin": BELOW_ENTRY_POINTS | {"admin_queue"},
}


def _app_imports(module: str) -> set[str]:
    """The comments modules `module` imports, at the top or inside a function."""
    tree = ast.parse((APP / (module.replace(".", "/") + ".py")).read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "comments":
            if node.module == "comments":
                found |= {alias.name for alias in node.names}
            else:
                found.add(node.module.removeprefix("comments."))
        elif isinstance(node, ast.Import):
            found |= {a.name.removeprefix("comments.") for a in node.names if a.name.startswith("comments.")}
    return found


@pytest.mark.parametrize("module", sorted(ALLOWED))
def test_imports_inside_the_app_run_one_way(module):
    assert _app_imports(module) <= ALLOWED[module]
