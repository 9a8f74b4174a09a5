"""Guards against regrowth: the layers of cfp_core, no import circles, small faces, pages through faces.

The import graph is computed from the source with ``ast`` (every import, also those inside functions;
``if TYPE_CHECKING:`` blocks are not imports). See docs/architecture.md for the picture.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "cfp_core"

# Floors, lowest first. A module may import from its own floor or a lower one, never from a higher one.
# The unit of a module is its top-level name under cfp_core ("store" for cfp_core.store.db).
FLOORS: tuple[tuple[str, ...], ...] = (
    ("i18n",),                                    # catalogues
    ("errors", "numbers"),                        # ground: vocabulary
    ("text", "units", "validation"),
    ("models",),
    ("factors", "access"),                       # access: roles, actions, the acting principal
    ("calculate", "portfolio"),                   # ground: calculation
    ("__init__",),                                # cfp_core's own face (calculate_footprint, models)
    ("frames",),
    ("charts",),
    ("library",),                                 # wings that hold data
    ("store",),
    ("service",),                                 # the ground's one door to the store (load + calculate)
    ("io",),                                      # feature wings
    ("editor", "analysis"),
    ("publish",),
    ("cli", "server"),                            # front doors of the core
    ("__main__",),
)
RANK = {unit: n for n, floor in enumerate(FLOORS) for unit in floor}
WINGS = ("store", "library", "io", "editor", "analysis", "publish", "cli", "server")
MAX_TOP_LEVEL_MODULES = 15


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def core_modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(CORE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST):
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            yield from (n for child in node.orelse for n in _imports_of(child))
            continue
        yield from _imports_of(node)


def _imports_of(node: ast.AST):
    if isinstance(node, ast.Import | ast.ImportFrom):
        yield node
    elif not (isinstance(node, ast.If) and _is_type_checking(node)):
        yield from _imports(node)


def imported_modules(path: Path) -> set[str]:
    """Modules of cfp_core that ``path`` imports explicitly (``from pkg import sub`` -> ``pkg.sub``)."""
    modules = core_modules()
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found: set[str] = set()
    for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "cfp_core"}
            continue
        base = node.module or ""
        if node.level:
            base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
        if base.split(".")[0] != "cfp_core":
            continue
        for alias in node.names:
            sub = f"{base}.{alias.name}"
            found.add(sub if sub in modules else base)
    return found


@cache
def import_graph() -> dict[str, set[str]]:
    return {name: imported_modules(path) - {name} for name, path in core_modules().items()}


def unit_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "__init__"
    return parts[1]


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_import_graph_sees_the_whole_core():
    graph = import_graph()
    assert len(graph) >= 60
    assert "cfp_core.store" in graph["cfp_core.service"] and "cfp_core.store.db" in graph["cfp_core.store.seed"]
    assert "cfp_core.analysis.findings" in graph["cfp_core.analysis.reconcile"]


def test_cfp_core_has_no_import_circle():
    assert _cycles(import_graph()) == []


def test_the_cycle_finder_finds_a_circle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_every_top_level_unit_has_a_floor():
    units = {unit_of(m) for m in core_modules()}
    assert units - set(RANK) == set(), "give the new module or wing a floor in FLOORS"


def test_no_import_runs_up_the_floors():
    upward = [f"{source} -> {target}" for source, targets in import_graph().items() for target in targets
              if RANK[unit_of(target)] > RANK[unit_of(source)]]
    assert upward == []


def test_a_wing_imports_no_other_wings_face_from_inside_its_own_face():
    """A wing's ``__init__`` re-exports its own modules only (a face, not a hub).

    ``cli`` is the exception: its ``__init__`` is the command group itself (it reads ``__version__``).
    """
    wrong = []
    for wing in WINGS:
        if wing == "cli":
            continue
        face = f"cfp_core.{wing}"
        if face in import_graph():
            wrong += [f"{face} -> {t}" for t in import_graph()[face] if not t.startswith(face + ".")]
    assert wrong == []


def test_the_top_of_cfp_core_stays_small():
    top = sorted(p.name for p in CORE.glob("*.py"))
    assert len(top) <= MAX_TOP_LEVEL_MODULES, f"{len(top)} modules at the top of cfp_core: give them a wing"


def test_no_three_top_level_siblings_share_a_name_prefix():
    names = [p.stem for p in CORE.glob("*.py") if not p.stem.startswith("__")]
    names += [p.name for p in CORE.iterdir() if p.is_dir() and (p / "__init__.py").exists()]
    prefixes = defaultdict(list)
    for name in names:
        prefixes[name.split("_")[0]].append(name)
    assert {prefix: group for prefix, group in prefixes.items() if len(group) >= 3} == {}


def test_noqa_f401_only_in_faces():
    offenders = [module_name(p) for p in CORE.rglob("*.py") if p.name != "__init__.py"
                 and "noqa: F401" in p.read_text(encoding="utf-8")]
    assert offenders == []


# ---- pages (and ui helpers) see the core only through its faces --------------------------------

FRONT_END = sorted((ROOT / "pages").glob("*.py")) + sorted((ROOT / "ui").glob("*.py")) + [ROOT / "app.py"]


@cache
def face_names(face: str) -> set[str]:
    """Names a face (a ground module or a wing's ``__init__``) offers."""
    import importlib

    module = importlib.import_module(face)
    return {name for name in vars(module) if not name.startswith("_")}


def is_face(module: str) -> bool:
    path = core_modules().get(module)
    if path is None:
        return False
    return module.count(".") == 1 or path.name == "__init__.py"  # ground module, wing or sub-wing package


def facade_violations(path: Path) -> list[str]:
    wrong = []
    for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            wrong += [a.name for a in node.names if a.name.startswith("cfp_core.") and not is_face(a.name)]
        elif node.module and node.module.split(".")[0] == "cfp_core":
            if not is_face(node.module):
                wrong.append(node.module)
                continue
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                if sub in core_modules() and (node.module == "cfp_core" or core_modules()[sub].name == "__init__.py"):
                    ok = is_face(sub)  # a ground module, a wing or a sub-wing (publish.card)
                else:
                    ok = alias.name in face_names(node.module)  # what the face offers (names or submodules)
                if not ok:
                    wrong.append(sub)
    return wrong


@pytest.mark.parametrize("path", FRONT_END, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_front_end_imports_the_core_only_through_its_faces(path):
    assert facade_violations(path) == []


def test_the_face_rule_catches_a_deep_import(tmp_path):
    page = tmp_path / "page.py"
    page.write_text("from cfp_core.analysis.trends import trend_frame\nfrom cfp_core.publish import Snapshot\n")
    assert facade_violations(page) == ["cfp_core.analysis.trends"]
