"""The apps' layering: a lower app never imports a higher one (meetings < directives < recording, documents).

Every import statement in each module is read, including those inside functions, so a late import
does not hide a dependency.
"""

import ast
from pathlib import Path

import pytest

import giaoban

PACKAGE = Path(giaoban.__file__).parent

# app → packages none of its modules may import
FORBIDDEN = {
    "meetings": ("giaoban.directives", "giaoban.documents", "giaoban.recording"),
    "directives": ("giaoban.documents", "giaoban.recording"),
}


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _violations(app: str) -> list[str]:
    found = []
    for path in sorted((PACKAGE / app).rglob("*.py")):
        for name in sorted(imported_modules(path)):
            if any(name == banned or name.startswith(banned + ".") for banned in FORBIDDEN[app]):
                found.append(f"{path.relative_to(PACKAGE.parent)} imports {name}")
    return found


@pytest.mark.parametrize("app", sorted(FORBIDDEN))
def test_a_lower_app_imports_no_higher_one(app):
    assert _violations(app) == []


def test_the_check_sees_an_import_inside_a_function(tmp_path):
    module = tmp_path / "late.py"
    module.write_text("def f():\n    from giaoban.directives.models import Directive\n    return Directive\n")
    assert "giaoban.directives.models" in imported_modules(module)
