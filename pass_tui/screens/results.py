"""The result list: the criteria in words, the number of offers, the offers newest first."""

from __future__ import annotations

import asyncio

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.timer import Timer
from textual.widgets import Button, Static

from pass_tui.data.catalogue import SearchResult
from pass_tui.data.criteria import SearchCriteria
from pass_tui.data.publishing.render import count_line, summary_sentence
from pass_tui.i18n import _
from pass_tui.screens.base import GoHome, PassScreen, button, task
from pass_tui.widgets.footer import PassFooter
from pass_tui.widgets.notice import Notice
from pass_tui.widgets.result_list import ResultList

__all__ = ["ResultsScreen", "criteria_text"]


def criteria_text(criteria: SearchCriteria) -> str:
    """The criteria in words, one criterion per line, after "Critères sélectionnés"."""
    described = criteria.describe()
    if not described:
        return _("Critères sélectionnés : aucun (toutes les offres)")
    lines = [_("Critères sélectionnés :")]
    lines += ["  " + _("{label} : {value}", label=label, value=value) for label, value in described]
    return "\n".join(lines)


class ResultsScreen(PassScreen[None]):
    """Offers matching some criteria. Enter opens the highlighted offer."""

    BINDINGS = [
        Binding("r", "refine", "Affiner", tooltip="Affiner ma recherche", id="results.refine"),
        Binding(
            "n", "new_search", "Nouvelle", tooltip="Nouvelle recherche", id="results.new_search"
        ),
        Binding("f", "feed", "Flux RSS", tooltip="Flux RSS de cette recherche", id="results.feed"),
        Binding("escape", "refine", show=False, id="results.back"),
    ]

    CURRENT_DELAY_S = 0.06
    """How long after the highlight moves the line describing it changes: a screen
    reader reads the new title (where the cursor lands) first, then this line."""

    def __init__(self, criteria: SearchCriteria) -> None:
        super().__init__(id="results-screen")
        self.criteria = criteria
        self.result: SearchResult | None = None
        self._current_timer: Timer | None = None
        self._described = False

    def compose(self) -> ComposeResult:
        yield from self.compose_title(_("Résultats de la recherche"))
        with Vertical(id="results-head"):
            yield Static(criteria_text(self.criteria), id="criteria", markup=False)
            yield Static(_("Recherche en cours…"), id="count", markup=False)
            yield Notice(id="notice", reserve=False)  # errors only
            with Vertical(classes="buttons"):
                yield button(_("Affiner ma recherche"), "refine", primary=True)
                yield button(_("Nouvelle recherche"), "new")
                yield button(_("Flux RSS"), "feed")
                yield button(_("Aide"), "help")
        yield Static(
            _(
                "Aucune offre ne correspond à vos critères. Choisissez « Affiner ma recherche » "
                "pour les modifier."
            ),
            id="empty",
            markup=False,
        )
        yield ResultList(id="results", one_line=self.pass_app.screen_reader)
        yield Static("", id="current", markup=False)
        yield PassFooter()

    def on_mount(self) -> None:
        self.query_one("#empty").display = False
        self.query_one("#refine").focus()
        self.run_search()

    @task(exclusive=True, group="search")
    async def run_search(self) -> None:
        """Search in a thread; a newer search (or leaving the screen) cancels this one."""
        catalogue = self.pass_app.services.catalogue
        result = await asyncio.to_thread(catalogue.search, self.criteria)
        self.show_result(result)

    def show_result(self, result: SearchResult) -> None:
        """Display ``result`` and put the focus on its first offer."""
        self.result = result
        self.query_one("#count", Static).update(result.closed_notice() or count_line(result.count))
        results = self.query_one(ResultList)
        results.set_result(result)
        empty = result.count == 0
        self.query_one("#empty").display = empty
        results.display = not empty
        self.query_one("#current").display = not empty
        if empty:
            self.query_one("#refine").focus()
        else:
            results.focus()

    # -- the highlighted offer in words -------------------------------------------------------
    @on(ResultList.Highlighted)
    def _highlighted(self, event: ResultList.Highlighted) -> None:
        if self._current_timer is not None:
            self._current_timer.stop()
        self._current_timer = self.set_timer(
            self.CURRENT_DELAY_S, lambda: self._describe(event.index)
        )

    def _describe(self, index: int) -> None:
        results = self.query_one(ResultList)
        if not results.count or index != results.highlighted:
            return
        text = _(
            "Offre {n} sur {count} : {summary}.",
            n=index + 1,
            count=results.count,
            summary=summary_sentence(results.summary(index)),
        )
        if not self._described:
            # The count line appears as the cursor lands on the first title, which cuts a
            # screen reader short: say the count again with the first description.
            text = f"{count_line(results.count)}. {text}"
            self._described = True
        self.query_one("#current", Static).update(text, layout=False)  # fixed height

    # -- opening offers -----------------------------------------------------------------------
    @on(ResultList.Selected)
    def _open(self, event: ResultList.Selected) -> None:
        from pass_tui.screens.offer import OfferScreen

        if self.result is None:
            return
        self.open(OfferScreen(self.result, event.index), self._returned)

    def _returned(self, index: int | None) -> None:
        """Back from an offer: highlight the offer last shown."""
        results = self.query_one(ResultList)
        if index is not None:
            results.highlighted = index
            results.scroll_to_highlight(center=True)
        results.focus()

    # -- actions ------------------------------------------------------------------------------
    @on(Button.Pressed, "#refine")
    def action_refine(self) -> None:
        """The criteria form again, filled with this search's criteria."""
        self.go_home(GoHome(criteria=self.criteria))

    @on(Button.Pressed, "#new")
    def action_new_search(self) -> None:
        """An empty criteria form."""
        self.go_home(GoHome(clear=True))

    @on(Button.Pressed, "#feed")
    def action_feed(self) -> None:
        """Show the feed addresses and command line for these criteria."""
        from pass_tui.dialogs.feed import FeedDialog

        self.open(FeedDialog(self.pass_app.services.sharing.feed_addresses(self.criteria)))

    @on(Button.Pressed, "#help")
    def _help(self) -> None:
        self.app.action_help()
