"""No import cycles among engine modules, counting every import the code names.

The graph is built from the AST of every module under ``engine/``: module-level imports, imports
inside functions (lazy imports) and imports under ``if TYPE_CHECKING:`` all count, because each is
a dependency a reader has to follow and a cycle hidden behind laziness is still a cycle. A package's
``__init__`` counts as a module with its own explicit imports (re-exports are edges); the implicit
"importing ``engine.a.b`` first runs ``engine/__init__.py`` and ``engine/a/__init__.py``" is not an
edge, since no code names it. ``from engine.a import b`` is an edge to ``engine.a.b`` when ``b`` is a
submodule, else to ``engine.a``.

There are no exceptions.
"""

from __future__ import annotations

import ast
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[2] / "engine"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ENGINE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_package(path: Path) -> bool:
    return path.name == "__init__.py"


def import_graph() -> dict[str, set[str]]:
    """Every engine module and the engine modules it imports (explicitly, anywhere in its code)."""
    files = {_module_name(path): path for path in sorted(ENGINE.rglob("*.py"))}
    graph: dict[str, set[str]] = {name: set() for name in files}
    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        package = name if _is_package(path) else name.rpartition(".")[0]
        for node in ast.walk(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[:len(base) - node.level + 1]
                    source = ".".join(base + ([node.module] if node.module else []))
                else:
                    source = node.module or ""
                for alias in node.names:
                    candidate = f"{source}.{alias.name}"
                    targets.append(candidate if candidate in files else source)
            for target in targets:
                if target in files and target != name:
                    graph[name].add(target)
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_graph_sees_lazy_and_type_checking_imports() -> None:
    sample = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycles(sample) == [["a", "b", "c"]]
    graph = import_graph()
    assert "engine.runtime.facade" in graph and graph["engine.runtime.facade"]


def test_no_import_cycles_among_engine_modules() -> None:
    cycles = find_cycles(import_graph())
    assert cycles == [], "import cycles: " + "; ".join(" <-> ".join(cycle) for cycle in cycles)
