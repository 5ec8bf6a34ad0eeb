"""What every pass-tui screen and dialog shares: translated key descriptions, the title bar,
screen-reader adjustments, going back home, and failed workers shown in place.

Screens never reach each other through the screen stack. A screen opens another with
:meth:`PassScreenMixin.open` and gets its result back by callback; a request to go back to
the search form (:class:`GoHome`) travels down the stack the same way, each screen
dismissing itself with it until the search form receives it.

The candidate space: the app holds the session (``PassApp.session``). A screen that needs
one calls :meth:`PassScreenMixin.require_login`, which opens the login screen only when
nobody is logged in and then carries on where the candidate was. A worker that meets
:class:`~pass_tui.data.errors.SessionEnded` hands over to ``PassApp.session_ended`` (the
session is dropped and the login screen opens). Screens of the space derive from
:class:`CandidateScreen`: the session, and "Déconnexion" as a button and a key.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import Reactive
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Button, Input, Static
from textual.worker import Worker, WorkerState

from pass_tui.data.criteria import SearchCriteria
from pass_tui.data.errors import PassError, SessionEnded
from pass_tui.i18n import _
from pass_tui.widgets.notice import Notice
from pass_tui.widgets.reader import translate_bindings

if TYPE_CHECKING:
    from pass_tui.app import PassApp
    from pass_tui.data.candidates.accounts import CandidateSession

__all__ = [
    "CandidateScreen",
    "GoHome",
    "PassModal",
    "PassScreen",
    "button",
    "error_text",
    "logout_button",
    "task",
    "title_bar",
]

log = logging.getLogger(__name__)

ResultType = TypeVar("ResultType")


@dataclass(frozen=True)
class GoHome:
    """A request to close every screen above the search form.

    Attributes:
        criteria: Fill the form with these criteria (to refine a search).
        clear: Empty the form (a new search).
    """

    criteria: SearchCriteria | None = None
    clear: bool = False


def task(*, exclusive: bool = False, group: str = "default", thread: bool = False) -> Any:
    """``@work`` for pass-tui screens: a worker that raises does not end the app; the
    screen shows its error in place (:meth:`PassScreenMixin.on_worker_state_changed`)."""
    return work(exclusive=exclusive, group=group, thread=thread, exit_on_error=False)


def title_bar(where: str) -> Static:
    """The one-line bar at the top of a screen: application name, then where we are."""
    return Static(f"{_('PASS')} · {where}", classes="title-bar", markup=False)


def button(label: str, id: str, *, primary: bool = False) -> Button:
    """A one-line button (no border): fits 80×24 and draws no block characters."""
    return Button(label, id=id, variant="primary" if primary else "default", compact=True)


def logout_button() -> Button:
    """ "Déconnexion", on every screen of the candidate space (:class:`CandidateScreen`
    handles it)."""
    return button(_("Déconnexion"), "logout")


def error_text(error: BaseException) -> str:
    """What a person reads when an operation failed: "Erreur : <what happened>"."""
    if isinstance(error, PassError):
        return _("Erreur : {error}", error=error)
    if isinstance(error, OSError):
        return _("Erreur : {error}", error=error.strerror or error)
    return _("Erreur inattendue : {error}", error=type(error).__name__)


class PassScreenMixin:
    """Shared behaviour of :class:`PassScreen` and :class:`PassModal`."""

    is_home = False
    """The search form sets this: it handles :class:`GoHome` instead of passing it on."""

    def __init__(self, name: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id)  # type: ignore[call-arg]
        translate_bindings(self)  # type: ignore[arg-type]

    @property
    def pass_app(self) -> PassApp:
        return self.app  # type: ignore[attr-defined, no-any-return]

    def compose_title(self, where: str) -> ComposeResult:
        yield title_bar(where)

    def on_mount(self) -> None:
        if self.pass_app.screen_reader:
            # No blinking cursor in screen-reader mode: nothing repaints while idle.
            for field in self.query(Input):  # type: ignore[attr-defined]
                field.cursor_blink = False

    def on_screen_resume(self) -> None:
        self.pass_app.hold_cursor()

    # -- navigation ---------------------------------------------------------------------------
    def open(self, screen: Screen[Any], callback: Callable[[Any], None] | None = None) -> None:
        """Push ``screen``; ``callback`` receives its result. A :class:`GoHome` result is
        passed on down the stack instead."""

        def returned(result: Any) -> None:
            if isinstance(result, GoHome):
                self.go_home(result)
            elif callback is not None:
                callback(result)

        self.app.push_screen(screen, returned)  # type: ignore[attr-defined]

    def go_home(self, request: GoHome | None = None) -> None:
        """Close this screen (and those below it, down to the search form) with ``request``."""
        self.dismiss(request or GoHome())  # type: ignore[attr-defined]

    def require_login(self, then: Callable[[CandidateSession], None]) -> None:
        """Call ``then`` with the candidate's session: at once when someone is logged in,
        else once they have logged in (or signed up) on the login screen opened above this
        one. Closing the login screen without logging in calls nothing: the candidate is
        back where they were."""
        session = self.pass_app.session
        if session is not None:
            then(session)
            return
        from pass_tui.screens.space.login import LoginScreen

        def logged_in(result: CandidateSession | None) -> None:
            if result is not None:
                then(result)

        self.open(LoginScreen(), logged_in)

    # -- failures -----------------------------------------------------------------------------
    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker that raised: its error is shown in place, and the app stays up."""
        if event.state is not WorkerState.ERROR:
            return
        error = event.worker.error
        assert error is not None
        if isinstance(error, SessionEnded):
            self.pass_app.session_ended(error)
            return
        if not isinstance(error, PassError | OSError):
            log.error("worker %s failed", event.worker.name, exc_info=error)
        self.show_error(error_text(error))

    def show_error(self, text: str) -> None:
        """Show ``text`` where this screen shows its messages (its Notice, else a toast)."""
        self.show_message(text, error=True)

    def show_message(self, text: str, *, error: bool = False) -> None:
        """Say ``text`` where this screen shows its messages (its Notice, else a toast)."""
        notices = self.query(Notice)  # type: ignore[attr-defined]
        if notices:
            notices.first().announce(text, error=error)
        else:
            self.app.notify(text, severity="error" if error else "information")  # type: ignore[attr-defined]


# Textual repaints the whole screen when the focus moves (Screen.focused repaints). A screen
# reader reads a frame as the app writes it, and a large frame may arrive in two pieces, so
# the whole-screen repaint on every Tab made Fenrir read a stale line before the focused
# one. The widgets that gain and lose focus repaint themselves (their styles change).


class PassScreen(PassScreenMixin, Screen[ResultType], Generic[ResultType]):
    """Base class of the full screens."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)


class PassModal(PassScreenMixin, ModalScreen[ResultType], Generic[ResultType]):
    """Base class of dialogs."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)


class CandidateScreen(PassScreen[ResultType], Generic[ResultType]):
    """Base class of the screens of the candidate space: built with the candidate's
    session, and "Déconnexion" as a key (Ctrl+D outside a text field) and as a button
    (put :func:`logout_button` in the screen's buttons).

    Logging out (here, after an idle time on a kiosk, or when the session ended) calls
    ``save_draft()`` first on every screen of the stack that has one, while the session
    still works, then closes the screens of the space: a screen keeps its unsent input by
    defining ``save_draft(self) -> None`` (errors it raises are logged, not shown).
    """

    BINDINGS = [
        Binding("ctrl+d", "logout", "Déconnexion", tooltip="Me déconnecter", id="space.logout"),
    ]

    def __init__(self, session: CandidateSession, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._session = session

    @property
    def session(self) -> CandidateSession:
        """The candidate's session: the app's current one (a new address after a change
        of e-mail), else the one this screen was opened with."""
        return self.pass_app.session or self._session

    @on(Button.Pressed, "#logout")
    def action_logout(self) -> None:
        """End the session and go back to the search form."""
        self.pass_app.logout()
