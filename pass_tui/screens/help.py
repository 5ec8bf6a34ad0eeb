"""F1: every key active on the screen below, with its description, one per line."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Button, Static

from pass_tui.i18n import _
from pass_tui.keys import key_label
from pass_tui.screens.base import PassModal, button, title_bar
from pass_tui.widgets.criteria_list import CriteriaList
from pass_tui.widgets.footer import PassFooter
from pass_tui.widgets.reader import ReaderScroll
from pass_tui.widgets.result_list import ResultList

__all__ = ["HelpScreen", "help_lines"]


def _keys_of(node: DOMNode, keymap: dict[str, str]) -> list[tuple[str, Binding]]:
    """(keys, binding) for each binding of ``node`` with a description, keymap applied;
    several keys of one binding are joined ("Haut ou k")."""
    grouped: dict[tuple[str, str], tuple[list[str], Binding]] = {}
    for key, binding in node._bindings:
        # Ours all have an id; Textual's own (Tab, Maj+Tab...) are described in words below.
        if not binding.id or not binding.description or binding.system:
            continue
        group = (binding.action, binding.description)
        keys = keymap[binding.id].split(",") if binding.id and binding.id in keymap else [key]
        entry = grouped.setdefault(group, ([], binding))
        for one in keys:
            label = key_label(one.strip())
            if label not in entry[0]:
                entry[0].append(label)
    return [(f" {_('ou')} ".join(keys), binding) for keys, binding in grouped.values()]


def help_lines(screen: Screen) -> list[str]:
    """The help text for ``screen``: its keys, its lists' keys, the global keys."""
    app = screen.app
    keymap: dict[str, str] = dict(getattr(app, "_keymap", {}) or {})
    sections: list[tuple[str, list[str]]] = []

    def describe(node: DOMNode) -> list[str]:
        lines = []
        for keys, binding in _keys_of(node, keymap):
            state = node.check_action(binding.action, ())
            if state is False:
                continue  # not for this screen as it stands (Textual hides it too)
            suffix = f" ({_('indisponible ici')})" if state is None else ""
            action = binding.tooltip or binding.description
            lines.append(_("{keys} : {action}", keys=keys, action=action) + suffix)
        return lines

    sections.append((_("Sur cet écran"), describe(screen)))
    results = list(screen.query(ResultList))
    if results:
        sections.append((_("Dans la liste des offres"), describe(results[0])))
    pickers = list(screen.query(CriteriaList))
    if pickers:
        lines = describe(pickers[0])
        lines.append(
            _("{keys} : {action}", keys=_("Entrée"), action=_("Cocher ou décocher la valeur"))
        )
        sections.append((_("Dans les listes de critères"), lines))
    sections.append((_("Partout"), describe(app)))
    sections.append(
        (
            _("Se déplacer"),
            [
                _("Tab : élément suivant"),
                _("Maj+Tab : élément précédent"),
                _("Entrée : activer le bouton ou ouvrir l'élément choisi"),
                _("Haut, Bas, Page préc., Page suiv. : faire défiler le texte"),
            ],
        )
    )
    out: list[str] = []
    for title, lines in sections:
        if not lines:
            continue
        out.append(title)
        out.extend(f"  {line}" for line in lines)
        out.append("")
    return out


class HelpScreen(PassModal[None]):
    """The keys of the screen it was opened from. Its "Fermer" button, `q`, `?`, Ctrl+G
    (or F1, Escape) close it."""

    BINDINGS = [
        Binding("q", "close", "Fermer l'aide", id="help.close"),
        Binding("question_mark,escape,f1", "close", show=False, id="help.close_other"),
    ]

    def __init__(self, for_screen: Screen) -> None:
        super().__init__(id="help-screen")
        self.for_screen = for_screen
        self.lines = help_lines(for_screen)

    def compose(self) -> ComposeResult:
        yield title_bar(_("Aide : les touches de cet écran"))
        with ReaderScroll(id="help-body"):
            yield Static("\n".join(self.lines), id="help-text", markup=False)
        # Below the text, on the last row but one: not where the focus usually was when
        # help was asked for (the keywords field, a button near the top), so the cursor's
        # move onto it is a change of row, which a screen reader reads after the help.
        yield button(_("Fermer l'aide"), "close", primary=True)
        yield PassFooter()

    def on_mount(self) -> None:
        # The help is read as it appears; the cursor then rests on its way out.
        self.query_one("#close").focus()

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss()
