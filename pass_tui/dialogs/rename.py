"""A one-field dialog that runs its action and shows a refusal in place: renaming a
document, saving a copy to a path (and, through UrlImportDialog, importing from an address)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Input, Static
from textual.worker import Worker, WorkerState

from pass_tui.data.errors import SessionEnded
from pass_tui.i18n import _
from pass_tui.screens.base import PassModal, button, task
from pass_tui.widgets.notice import Notice
from pass_tui.widgets.text_field import LabelledField, TextField

__all__ = ["PromptDialog", "RenameDialog"]


class PromptDialog(PassModal[Any]):
    """A question, one field ("Label : value"), the action and "Annuler".

    The action runs ``run(value)`` in a thread; its result closes the dialog (and is the
    dialog's result). A refusal (a :class:`~pass_tui.data.errors.PassError`) is said in
    the dialog, the value kept, the focus back in the field: nothing typed is lost.
    Escape or "Annuler" closes with None.
    """

    BINDINGS = [
        Binding("escape", "cancel", "Annuler", show=False, id="prompt.cancel"),
    ]

    def __init__(
        self,
        question: str,
        label: str,
        run: Callable[[str], Any],
        *,
        value: str = "",
        action: str,
        busy: str | None = None,
        id: str | None = None,
    ) -> None:
        """Args:
        question: What the dialog is for (its first line).
        label: The field's label, with its colon ("Nouveau nom :").
        run: Does the work with the typed value (in a thread); raises PassError to refuse.
        value: The field's first value.
        action: The action button's label ("Renommer").
        busy: Said while ``run`` works ("Import en cours…").
        """
        super().__init__(id=id or "prompt-dialog")
        self.question = question
        self.label = label
        self.run = run
        self.value = value
        self.action_label = action
        self.busy = busy

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-question", markup=False)
            yield LabelledField(self.label, TextField(self.value, id="value"))
            yield Notice(id="prompt-notice", reserve=False)
            with Vertical(classes="buttons"):
                yield button(self.action_label, "ok", primary=True)
                yield button(_("Annuler"), "cancel")

    def on_mount(self) -> None:
        self.query_one("#value", Input).focus()
        # The end of a long value in view (and the cursor with it) once laid out.
        self.call_after_refresh(self._value_end)

    def _value_end(self) -> None:
        field = self.query_one("#value", Input)
        field.cursor_position = 0
        field.action_end()

    @property
    def notice(self) -> Notice:
        return self.query_one("#prompt-notice", Notice)

    @on(Input.Submitted, "#value")
    @on(Button.Pressed, "#ok")
    def submit(self) -> None:
        value = self.query_one("#value", Input).value.strip()
        if self.busy:
            self.notice.announce(self.busy)
        self._run(value)

    @task(exclusive=True, group="prompt", thread=True)
    def _run(self, value: str) -> Any:
        return self.run(value)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # Textual also runs PassScreenMixin's handler (every class's handler in the MRO
        # runs): it says a failure in this dialog's notice, or hands an ended session to
        # the app. Calling it here as well did both twice.
        if event.worker.group != "prompt":
            return
        if event.state is WorkerState.SUCCESS:
            self.dismiss(event.worker.result)
        elif event.state is WorkerState.ERROR and not isinstance(event.worker.error, SessionEnded):
            self.query_one("#value", Input).focus()  # to correct what was typed

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class RenameDialog(PromptDialog):
    """ "Nouveau nom : MON CV.PDF", then "Renommer"."""

    def __init__(self, name: str, run: Callable[[str], Any]) -> None:
        super().__init__(
            _("Renommer « {name} »", name=name),
            _("Nouveau nom :"),
            run,
            value=name,
            action=_("Renommer"),
            id="rename-dialog",
        )
