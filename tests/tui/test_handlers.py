"""Textual runs every class's own message handler, most derived first (its
`_get_dispatch_methods` walks the MRO). A handler that also calls its base with `super()`
runs the base twice: a click selected twice, so a clicked criterion was ticked and
unticked at once. The rule, and what broke without it."""

from __future__ import annotations

import ast
from pathlib import Path

import pass_tui
from pass_tui.widgets import CriteriaList

from .helpers import SIZE, prompts, settle

PACKAGE = Path(pass_tui.__file__).parent

# Not message handlers: `on_event` is the dispatcher itself, and the feed server's
# `on_response_complete` is an h11/uvicorn-style callback, not a Textual message.
NOT_HANDLERS = {"on_event", "on_response_complete"}


def handler_super_calls(source: str) -> list[str]:
    """``Class.method`` for every ``on_x``/``_on_x`` method calling ``super().<same>()``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.ClassDef):
            continue
        for method in node.body:
            if not isinstance(method, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            name = method.name
            if not name.lstrip("_").startswith("on_") or name in NOT_HANDLERS:
                continue
            for call in ast.walk(method):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and call.func.attr == name
                    and isinstance(call.func.value, ast.Call)
                    and isinstance(call.func.value.func, ast.Name)
                    and call.func.value.func.id == "super"
                ):
                    found.append(f"{node.name}.{name}")
    return found


def test_the_rule_catches_a_handler_calling_its_base() -> None:
    planted = (
        "class A(Screen):\n"
        "    def on_mount(self):\n"
        "        super().on_mount()\n"
        "    async def _on_click(self, event):\n"
        "        await super()._on_click(event)\n"
        "    def on_event(self, event):\n"
        "        super().on_event(event)\n"
        "    def refresh(self):\n"
        "        super().refresh()\n"
    )
    assert handler_super_calls(planted) == ["A.on_mount", "A._on_click"]


def test_no_handler_calls_its_base() -> None:
    offenders = {
        f"{path.relative_to(PACKAGE)}: {where}"
        for path in PACKAGE.rglob("*.py")
        for where in handler_super_calls(path.read_text(encoding="utf-8"))
    }
    assert not offenders, sorted(offenders)


async def test_a_click_ticks_a_criterion_and_a_second_click_unticks_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        natures = app.screen.query_one("#natures", CriteriaList)
        row = next(i for i, p in enumerate(prompts(natures)) if p.startswith("Apprentissage"))
        await pilot.click(natures, offset=(3, row))
        await settle(pilot)
        assert natures.selected == ["Apprentissage"]
        assert prompts(natures)[row] == "Apprentissage (6) : coché"
        await pilot.click(natures, offset=(3, row))
        await settle(pilot)
        assert natures.selected == []
