"""Every problem of a form, listed at its top: one line each, "Erreur : …"."""

from __future__ import annotations

from collections.abc import Mapping

from textual.widget import Widget
from textual.widgets import Static

from pass_tui.data.errors import FieldProblem, FormError
from pass_tui.i18n import _, _n
from pass_tui.widgets.notice import Notice

__all__ = ["FormErrors"]


class FormErrors(Static):
    """The problems of a form, one per line, each "Erreur : <message>"; takes no room
    while there are none.

    :meth:`report` shows a :class:`FormError` the way a screen reader user hears it: the
    lines are drawn (a reader reads lines whose text changes), the focus goes to the first
    wrong field, and the screen's notice says "2 erreurs : <first>" last.
    """

    DEFAULT_CSS = """
    FormErrors {
        height: auto;
        width: 1fr;
        color: $text-error;
        text-style: bold;
        display: none;
        &.-shown { display: block; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.problems: list[FieldProblem] = []

    def show(self, problems: list[FieldProblem]) -> None:
        """List ``problems`` (an empty list hides the widget)."""
        self.problems = list(problems)
        self.update("\n".join(_("Erreur : {error}", error=p.message) for p in problems))
        self.set_class(bool(problems), "-shown")

    def clear(self) -> None:
        """Hide the list."""
        self.show([])

    def report(
        self, error: FormError, notice: Notice, fields: Mapping[str, Widget]
    ) -> Widget | None:
        """List every problem of ``error``, focus the first wrong field (``fields`` maps a
        :attr:`FieldProblem.field` to its widget) and say how many problems there are.

        Returns:
            The widget focused, if a problem names a known field.
        """
        problems = error.problems or [FieldProblem("", str(error))]
        # The list is drawn first, the cursor moved to the first wrong field in a frame of
        # its own once drawing pauses: a screen reader reads the new lines, then the field.
        hold = getattr(self.app, "hold_cursor", None)
        if hold is not None:
            hold()
        self.show(problems)
        first = next((fields[p.field] for p in problems if p.field in fields), None)
        if first is not None:
            first.focus()
        count = len(problems)
        notice.announce(
            _n(
                "{count} erreur : {first}",
                "{count} erreurs : {first}",
                count,
                count=count,
                first=problems[0].message,
            ),
            error=True,
        )
        return first
