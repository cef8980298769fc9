"""The project's layout holds: the content's models form layers, each importing only
those below it; no content module imports search, the API, the importer, backups, the
open data or the demo generator; and no module imports one that imports it back (see the
README's Development section).

Imports are read from the source: those at a module's top level, where a circle would
break the import, not those inside a function (`AppConfig.ready()` and the like)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = [
    "core",
    "editorial",
    "people",
    "articles",
    "meetings",
    "search",
    "ingest",
    "api",
    "sitebackups",
    "exports",
    "demo",
    "newsroom",
]
#: The apps each content app's models may import.
MODEL_LAYERS = {
    "core": set(),
    "editorial": set(),
    "people": {"core"},
    "articles": {"core", "editorial", "people"},
    "meetings": {"core", "editorial", "people", "articles"},
}
#: What content never imports.
ABOVE_CONTENT = {"search", "ingest", "api", "sitebackups", "exports", "demo", "newsroom"}


def module_name(path):
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def top_level_imports(path):
    """The project modules `path` imports at its top level."""
    tree = ast.parse(path.read_text(), filename=str(path))
    package = module_name(path) if path.name == "__init__.py" else module_name(path.parent)
    found = set()

    def visit(nodes):
        for node in nodes:
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*parts, base] if base else parts)
                found.add(base)
                found.update(f"{base}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.If | ast.Try):
                visit(node.body)
                visit(getattr(node, "orelse", []))
                for handler in getattr(node, "handlers", []):
                    visit(handler.body)

    visit(tree.body)
    return found


def project_modules():
    paths = [
        path
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts and "management" not in path.parts
    ]
    modules = {module_name(path): path for path in paths}
    return {
        name: {imported for imported in top_level_imports(path) if imported in modules}
        for name, path in modules.items()
    }


GRAPH = project_modules()


def closure(module):
    """`module` and every project module it imports, directly or not."""
    seen, todo = set(), [module]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(GRAPH.get(current, ()))
    return seen


def app_of(module):
    return module.split(".")[0]


def test_the_graph_reads_the_projects_imports():
    assert "articles.models" in GRAPH["meetings.models"]
    assert "core.caching" in GRAPH["core.feeds"]
    assert "search.query" in GRAPH["search.views"]


@pytest.mark.parametrize("app", MODEL_LAYERS)
def test_content_models_import_only_the_layers_below(app):
    reached = {app_of(module) for module in closure(f"{app}.models")} - {app}

    assert reached <= MODEL_LAYERS[app]


@pytest.mark.parametrize("app", ["core", "editorial"])
def test_the_shared_apps_import_no_domain(app):
    modules = [module for module in GRAPH if app_of(module) == app]

    reached = {app_of(imported) for module in modules for imported in GRAPH[module]}

    assert reached <= {app, "core"}


def test_no_content_module_imports_what_sits_above_content():
    content = {module for app in MODEL_LAYERS for module in closure(f"{app}.models")}

    assert not {module for module in content if app_of(module) in ABOVE_CONTENT}


def test_no_module_imports_one_that_imports_it_back():
    circles = sorted(
        (module, imported)
        for module, imports in GRAPH.items()
        for imported in imports
        if imported != module and module in closure(imported)
    )

    assert circles == []
