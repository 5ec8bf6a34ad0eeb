"""Textual's command palette in the interface language, with a prompt a Linux console draws."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, ProviderSource, SearchIcon

from pass_tui.i18n import _

__all__ = ["PROMPT", "PassCommandPalette"]

PROMPT = ">"
"""What stands before the palette's field. Textual draws an emoji there, which the Linux
console's font cannot draw and a screen reader reads aloud."""


class PassCommandPalette(CommandPalette):
    """The command palette (Ctrl+P) and the theme picker, translated: their placeholder,
    the "no match" line, and a plain ">" instead of the magnifying-glass emoji."""

    DEFAULT_CSS = """
    PassCommandPalette SearchIcon {
        margin-top: 0;  /* the field is one line high: the prompt sits on its line */
    }
    """

    def __init__(
        self,
        providers: ProviderSource | None = None,
        *,
        placeholder: str | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(
            providers,
            placeholder=placeholder or _("Rechercher une commande…"),
            id=id,
        )

    def on_mount(self) -> None:
        self.query_one(SearchIcon).icon = PROMPT

    def _watch__list_visible(self) -> None:
        # Textual shows an English "No matches found" option (with this id) when a search
        # finds nothing; say it in the interface language instead.
        super()._watch__list_visible()
        commands = self.query_one(CommandList)
        if commands.option_count == 1:
            option = commands.get_option_at_index(0)
            if option.id == self._NO_MATCHES:
                commands.replace_option_prompt(
                    self._NO_MATCHES,
                    Align.center(Text(_("Aucun résultat"), style="not bold")),
                )
