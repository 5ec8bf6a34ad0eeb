"""What every pass-tui screen shares: translated key descriptions, the title bar, the
screen-reader adjustments."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar

from textual.app import ComposeResult
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Static

from pass_tui.i18n import _, translate_bindings

if TYPE_CHECKING:
    from pass_tui.app import PassApp

__all__ = ["PassModal", "PassScreen", "button", "title_bar"]

ResultType = TypeVar("ResultType")


def title_bar(where: str) -> Static:
    """The one-line bar at the top of a screen: application name, then where we are."""
    return Static(f"{_('PASS')} · {where}", classes="title-bar", markup=False)


def button(label: str, id: str, *, primary: bool = False) -> Button:
    """A one-line button (no border): fits 80×24 and draws no block characters."""
    return Button(label, id=id, variant="primary" if primary else "default", compact=True)


class _PassScreenMixin:
    """Shared set-up for screens and dialogs."""

    def _setup_screen(self) -> None:
        translate_bindings(self)  # type: ignore[arg-type]

    @property
    def pass_app(self) -> PassApp:
        return self.app  # type: ignore[attr-defined, return-value]

    def _adapt_for_screen_reader(self) -> None:
        """No blinking cursor in screen-reader mode: nothing repaints while idle."""
        if not getattr(self.app, "cursor_blink", True):  # type: ignore[attr-defined]
            for field in self.query(Input):  # type: ignore[attr-defined]
                field.cursor_blink = False

    def compose_title(self, where: str) -> ComposeResult:
        yield title_bar(where)

    def __init__(self, name: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id)  # type: ignore[call-arg]
        self._setup_screen()

    def on_mount(self) -> None:
        self._adapt_for_screen_reader()

    def on_screen_resume(self) -> None:
        self.app.call_after_refresh(self.pass_app.place_cursor)  # type: ignore[attr-defined]


class PassScreen(_PassScreenMixin, Screen[ResultType], Generic[ResultType]):
    """Base class of the full screens."""


class PassModal(_PassScreenMixin, ModalScreen[ResultType], Generic[ResultType]):
    """Base class of dialogs."""
