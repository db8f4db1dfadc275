"""No value ever becomes query text: the stores run only constant statements.

Read from the source with ``ast``: ``sql.py`` and ``cypher.py`` hold nothing but
constants, and every ``execute`` / ``executemany`` / ``executescript`` / ``run``
call of the store modules receives, as its statement, a constant of those
modules or a string literal — directly, or through a local name or a
parameter that is only ever bound to one (each caller of the function is
checked in turn). Values reach the database as parameters only.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import maillage.graph.storage as storage_package

STORAGE = Path(storage_package.__file__).parent
STATEMENT_MODULES = ("sql", "cypher", "gds_cypher")
#: Every other module of the storage package: none may build a statement.
STORE_MODULES = tuple(
    sorted(p.name for p in STORAGE.glob("*.py") if p.stem not in STATEMENT_MODULES)
)
QUERY_METHODS = frozenset({"execute", "executemany", "executescript", "run"})


def parse(name: str) -> ast.Module:
    path = STORAGE / name
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _is_constant(node: ast.expr, known: set[str]) -> bool:
    """A literal string or number, or literals glued together or grouped, or a known constant."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str | int | float | bool) or node.value is None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _is_constant(node.left, known) and _is_constant(node.right, known)
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return all(_is_constant(element, known) for element in node.elts)
    if isinstance(node, ast.Name):
        return node.id in known
    return False  # f-strings, calls (format, join, %), subscripts: anything built at run time


def statement_constants(module: str) -> set[str]:
    """The names ``module`` binds, after checking that each is a constant (and nothing else)."""
    tree = parse(f"{module}.py")
    known: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # docstrings
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            continue
        assert isinstance(node, ast.Assign | ast.AnnAssign), (
            f"{module}.py:{node.lineno}: only constants belong here, found {type(node).__name__}"
        )
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        assert node.value is not None and _is_constant(node.value, known), (
            f"{module}.py:{node.lineno}: {ast.unparse(node)[:80]} is not a constant"
        )
        for target in targets:
            assert isinstance(target, ast.Name), f"{module}.py:{node.lineno}"
            known.add(target.id)
    return known


@pytest.mark.parametrize("module", STATEMENT_MODULES)
def test_statement_modules_hold_only_constants(module: str):
    assert len(statement_constants(module)) > 10


class _Items(ast.expr):
    """The items of a loop's iterable, for ``bindings``."""

    def __init__(self, iterable: ast.expr) -> None:
        super().__init__()
        self.iterable = iterable


class _Resolver:
    """Decides whether an expression of a store module can only be a constant statement."""

    def __init__(self, tree: ast.Module, module: str) -> None:
        self.module = module
        self.constants = {m: statement_constants(m) for m in STATEMENT_MODULES}
        self.parents: dict[ast.AST, ast.AST] = {}
        for parent in ast.walk(tree):
            for child in ast.iter_child_nodes(parent):
                self.parents[child] = parent
        self.functions: dict[str, list[ast.FunctionDef]] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                self.functions.setdefault(node.name, []).append(node)
        self.calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)]

    def where(self, node: ast.AST) -> str:
        return f"{self.module}:{getattr(node, 'lineno', '?')}: {ast.unparse(node)[:90]}"

    def enclosing(self, node: ast.AST) -> ast.FunctionDef | ast.Lambda | None:
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, ast.FunctionDef | ast.Lambda):
                return node
        return None

    def constant(self, node: ast.expr, depth: int = 0) -> bool:
        if depth > 8:
            return False
        if isinstance(node, _Items):  # looping over a constant tuple of statements
            return self.constant(node.iterable, depth + 1)
        if isinstance(node, ast.Constant):
            return isinstance(node.value, str)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            return node.value.id in self.constants and node.attr in self.constants[node.value.id]
        if isinstance(node, ast.IfExp):
            return self.constant(node.body, depth + 1) and self.constant(node.orelse, depth + 1)
        if isinstance(node, ast.Name):
            return self.name(node, depth + 1)
        return False

    def name(self, node: ast.Name, depth: int) -> bool:
        function = self.enclosing(node)
        if function is None:
            return False
        bindings = list(self.bindings(function, node.id))
        if bindings:
            return all(self.constant(value, depth) for value in bindings)
        parameters = [a.arg for a in (*function.args.posonlyargs, *function.args.args)]
        if node.id not in parameters and node.id not in [a.arg for a in function.args.kwonlyargs]:
            return False
        if isinstance(function, ast.Lambda):
            return False
        return self.every_caller_passes_a_constant(function, node.id, depth)

    def bindings(self, function: ast.AST, name: str) -> Iterator[ast.expr]:
        """Each expression ``name`` is bound to in ``function``; a loop binds its items."""
        for node in ast.walk(function):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name) and target.id == name:
                        yield node.value
            elif isinstance(node, ast.AnnAssign | ast.AugAssign | ast.NamedExpr):
                target = node.target
                if isinstance(target, ast.Name) and target.id == name:
                    yield node.value if node.value is not None else ast.Constant(None)
            elif isinstance(node, ast.For | ast.comprehension):
                if isinstance(node.target, ast.Name) and node.target.id == name:
                    yield _Items(node.iter)
                elif any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(node.target)):
                    yield ast.Constant(None)  # unpacked from a loop: not provably constant

    def every_caller_passes_a_constant(self, function: ast.FunctionDef, name: str, depth: int):
        positional = [a.arg for a in (*function.args.posonlyargs, *function.args.args)]
        is_method = bool(positional) and positional[0] in ("self", "cls")
        callers = [
            call
            for call in self.calls
            if (isinstance(call.func, ast.Attribute) and call.func.attr == function.name)
            or (isinstance(call.func, ast.Name) and call.func.id == function.name)
        ]
        if not callers:
            return False
        for call in callers:
            keyword = next((k.value for k in call.keywords if k.arg == name), None)
            if keyword is not None:
                argument = keyword
            else:
                index = positional.index(name) - (1 if is_method else 0)
                if index >= len(call.args):
                    return False
                argument = call.args[index]
            if not self.constant(argument, depth + 1):
                return False
        return True


def _query_calls(tree: ast.Module) -> Iterator[ast.Call]:
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in QUERY_METHODS
        ):
            yield node


@pytest.mark.parametrize("module", STORE_MODULES)
def test_stores_run_only_constant_statements(module: str):
    tree = parse(module)
    resolver = _Resolver(tree, module)
    calls = list(_query_calls(tree))
    for call in calls:
        statement = call.args[0] if call.args else None
        statement = next((k.value for k in call.keywords if k.arg in ("sql", "query")), statement)
        assert statement is not None, resolver.where(call)
        assert resolver.constant(statement), (
            f"statement not provably constant: {resolver.where(call)}"
        )
    if module in ("sqlite.py", "neo4j.py"):
        assert len(calls) > 20, f"found only {len(calls)} query calls in {module}"


def test_the_check_catches_a_statement_built_from_a_value():
    """The resolver refuses f-strings, concatenation with values, ``format`` and unknown names."""
    source = """
from . import sql
def bad(conn, value, rows):
    conn.execute(f"SELECT * FROM actors WHERE id = '{value}'")
    conn.execute("SELECT * FROM actors WHERE id = '" + value + "'")
    conn.execute(sql.ACTOR.replace("?", value))
    conn.execute(value)
    statement = sql.ACTOR + value
    conn.execute(statement)
    for statement in rows:
        conn.execute(statement)
    helper(conn, value)
def helper(conn, text):
    conn.execute(text)
def good(conn, value):
    conn.execute(sql.ACTOR, (value,))
    for statement in sql.SCHEMA:
        conn.execute(statement)
    query = sql.ACTOR if value else sql.TERRITORIES
    conn.execute(query, (value,))
"""
    tree = ast.parse(source)
    resolver = _Resolver(tree, "example")
    verdicts = {}
    for call in _query_calls(tree):
        function = resolver.enclosing(call)
        verdicts.setdefault(function.name, []).append(resolver.constant(call.args[0]))
    assert verdicts == {"bad": [False] * 6, "helper": [False], "good": [True, True, True]}
