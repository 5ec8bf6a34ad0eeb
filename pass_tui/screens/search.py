"""The home screen: keywords and the PASS search criteria, each value with its facet count."""

from __future__ import annotations

import asyncio

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Input, Label, SelectionList, Static

from pass_tui.data.catalogue import SearchResult
from pass_tui.data.criteria import BY_NAME, CRITERIA, SearchCriteria
from pass_tui.data.refdata import refdata
from pass_tui.i18n import _, _n
from pass_tui.screens.base import GoHome, PassScreen, button, task
from pass_tui.widgets.criteria_list import CriteriaList
from pass_tui.widgets.footer import PassFooter
from pass_tui.widgets.notice import Notice
from pass_tui.widgets.reader import ReaderScroll
from pass_tui.widgets.text_field import LabelledField, TextField

__all__ = ["SearchScreen", "matching_text"]

COUNT_DELAY_S = 0.3
"""How long typing must pause before the count follows the keywords."""


def matching_text(count: int) -> str:
    """ "12 offres correspondent aux critères choisis." ("0 offers match" in English)."""
    return _n(
        "{count} offre correspond aux critères choisis.",
        "{count} offres correspondent aux critères choisis.",
        count,
        count=count,
    )


class SearchScreen(PassScreen[None]):
    """The search form. Enter in the keywords field, Ctrl+R anywhere, or the buttons launch
    the search. This is the home screen: going back never leaves it."""

    is_home = True

    BINDINGS = [
        Binding("ctrl+r", "search", "Rechercher", tooltip="Lancer ma recherche", id="search.run"),
        Binding(
            "ctrl+t",
            "all_offers",
            "Toutes les offres",
            tooltip="Voir toutes les offres",
            id="search.all",
        ),
        Binding("ctrl+l", "clear", "Effacer", tooltip="Effacer les critères", id="search.clear"),
        # Ctrl+E moves to the end of a text field elsewhere (End does too); here it opens
        # the candidate space even from the keywords field, where the focus usually is.
        # Not in the footer: shown there, it made the footer differ between the keywords
        # field and the buttons, and a screen reader read the footer instead of the button.
        Binding(
            "ctrl+e",
            "space",
            "Mon espace",
            tooltip="Mon espace candidat",
            show=False,
            id="search.space",
            priority=True,
        ),
        Binding("f5", "search", show=False, id="search.run_f5"),
        Binding("f6", "all_offers", show=False, id="search.all_f6"),
        Binding("f8", "clear", show=False, id="search.clear_f8"),
        Binding("escape", "nothing", show=False, id="search.escape"),
    ]

    def __init__(self) -> None:
        super().__init__(id="search")
        self._facets: dict[str, dict[str, int]] | None = None
        self._pending_criteria: SearchCriteria | None = None

    # -- layout -------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield from self.compose_title(_("Rechercher une offre"))
        with Vertical(id="search-top"):
            yield LabelledField(
                _("Mots clés ou numéro d'offre :"),
                TextField(id="keywords", select_on_focus=False),
            )
            with Vertical(classes="buttons"):
                yield button(_("Lancer ma recherche"), "run", primary=True)
                yield button(_("Voir toutes les offres"), "all")
                yield button(_("Effacer les critères"), "clear")
                yield button(_("Mon espace candidat"), "space")
                yield button(_("Aide"), "help")
            yield Static(_("Chargement des critères…"), id="criteria-status", markup=False)
            yield Notice(id="notice", reserve=False)  # errors only
        with ReaderScroll(id="search-form", can_focus=False):
            for criterion in CRITERIA:
                label = Label(
                    criterion.heading, id=f"{criterion.name}-label", classes="field-label"
                )
                yield label
                if criterion.name == "departments":
                    yield Static(
                        _("Choisissez d'abord une ou plusieurs régions."),
                        id="departments-hint",
                        classes="hint",
                        markup=False,
                    )
                picker = CriteriaList(
                    id=criterion.name,
                    classes="criteria",
                    lazy_counts=self.pass_app.screen_reader,
                )
                picker.heading = label
                yield picker
        yield PassFooter()

    def on_mount(self) -> None:
        self.picker("departments").display = False
        self.focus_keywords()
        self.refresh_counts()

    # -- the criteria -------------------------------------------------------------------------
    def picker(self, criterion: str) -> CriteriaList:
        """The list for one criterion ("natures", "levels", ...)."""
        return self.query_one(f"#{criterion}", CriteriaList)

    @property
    def criteria(self) -> SearchCriteria:
        """The criteria as the form shows them now."""
        return SearchCriteria(
            keywords=self.query_one("#keywords", Input).value,
            **{c.name: tuple(c.kind(v) for v in self.picker(c.name).selected) for c in CRITERIA},
        )

    def set_criteria(self, criteria: SearchCriteria) -> None:
        """Fill the form with ``criteria`` (to refine a search)."""
        self.query_one("#keywords", Input).value = criteria.keywords
        for criterion in CRITERIA:
            if criterion.name == "departments":
                continue
            picker = self.picker(criterion.name)
            picker.deselect_all()
            for value in criteria.values(criterion):
                if str(value) in picker.values:
                    picker.select(str(value))
        self._update_departments(selected=criteria.departments)
        self.refresh_counts()

    def focus_keywords(self) -> None:
        """Put the focus in the keywords field."""
        self.query_one("#keywords", Input).focus()

    def _update_departments(self, selected: tuple[str, ...] | None = None) -> None:
        """Offer the departments of the chosen regions (keeping those still offered)."""
        departments = BY_NAME["departments"]
        picker = self.picker("departments")
        keep = set(picker.selected if selected is None else selected)
        values = [
            (d.code, departments.value_label(d.code))
            for region in self.picker("regions").selected
            for d in refdata().departments_of(region)
        ]
        picker.set_values(
            values,
            self._facets.get("departments") if self._facets else None,
            [code for code, _label in values if code in keep],
        )
        picker.display = bool(values)
        self.query_one("#departments-hint").display = not values

    @task(exclusive=True, group="facets")
    async def refresh_counts(self, delay: float = 0.0) -> None:
        """Recount every criterion value for the criteria now chosen (in a thread); a
        newer call cancels this one, so typing only counts once it pauses."""
        if delay:
            await asyncio.sleep(delay)
        criteria = self.criteria
        catalogue = self.pass_app.services.catalogue
        result: SearchResult = await asyncio.to_thread(catalogue.search, criteria)
        self._show_counts(result)

    def _show_counts(self, result: SearchResult) -> None:
        facets = result.facets
        first = self._facets is None
        self._facets = facets
        for criterion in CRITERIA:
            if criterion.name == "departments":
                continue
            picker = self.picker(criterion.name)
            if first:
                values = [(v, criterion.value_label(v)) for v in facets.get(criterion.name, {})]
                picker.set_values(values, facets.get(criterion.name))
            else:
                picker.set_counts(facets.get(criterion.name, {}))
        if first:
            self._update_departments()
            self._apply_pending_criteria()
        else:
            self.picker("departments").set_counts(facets.get("departments", {}))
        self.query_one("#criteria-status", Static).update(matching_text(result.count))

    def _apply_pending_criteria(self) -> None:
        """Apply criteria that were set before the lists were filled."""
        pending = self._pending_criteria
        if pending is not None:
            self._pending_criteria = None
            self.set_criteria(pending)

    def refine(self, criteria: SearchCriteria) -> None:
        """Show the form again with ``criteria``, to add or change filters."""
        if self._facets is None:
            self._pending_criteria = criteria
            self.query_one("#keywords", Input).value = criteria.keywords
        else:
            self.set_criteria(criteria)
        self.focus_keywords()

    @on(SelectionList.SelectedChanged)
    def _criteria_changed(self, event: SelectionList.SelectedChanged) -> None:
        if event.selection_list.id == "regions":
            self._update_departments()
        self.refresh_counts()

    @on(Input.Changed, "#keywords")
    def _keywords_changed(self) -> None:
        self.refresh_counts(COUNT_DELAY_S)

    # -- going home ---------------------------------------------------------------------------
    def go_home(self, request: GoHome | None = None) -> None:
        """Requests to go home end here: refine, start over, or just the keywords field."""
        request = request or GoHome()
        if request.clear:
            self.action_clear()
        elif request.criteria is not None:
            self.refine(request.criteria)
        else:
            self.focus_keywords()

    # -- actions ------------------------------------------------------------------------------
    @on(Input.Submitted, "#keywords")
    def _keywords_submitted(self) -> None:
        self.action_search()

    @on(Button.Pressed, "#run")
    def action_search(self) -> None:
        """Launch the search with the criteria of the form."""
        self._open_results(self.criteria)

    @on(Button.Pressed, "#all")
    def action_all_offers(self) -> None:
        """Every open offer, newest first."""
        self._open_results(SearchCriteria())

    @on(Button.Pressed, "#clear")
    def action_clear(self) -> None:
        """Untick every value and empty the keywords field."""
        self.set_criteria(SearchCriteria())
        self.focus_keywords()

    @on(Button.Pressed, "#space")
    def action_space(self) -> None:
        """Open "Mon espace candidat" (logging in first if needed)."""
        self.pass_app.action_space()

    @on(Button.Pressed, "#help")
    def _help(self) -> None:
        self.app.action_help()

    def action_nothing(self) -> None:
        """Escape on the home screen: stay (quitting is Ctrl+Q)."""

    def _open_results(self, criteria: SearchCriteria) -> None:
        from pass_tui.screens.results import ResultsScreen

        self.open(ResultsScreen(criteria))
