"""The home screen: the six PASS search criteria, each value with its facet count."""

from __future__ import annotations

import asyncio

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Footer, Input, Label, SelectionList, Static

from pass_tui.data.catalogue import SearchResult
from pass_tui.data.criteria import SearchCriteria
from pass_tui.data.refdata import refdata
from pass_tui.i18n import _
from pass_tui.screens.base import PassScreen, button
from pass_tui.widgets.criteria_list import CriteriaList

__all__ = ["SearchScreen"]

# (criterion in SearchCriteria and in SearchResult.facets, French heading)
CRITERIA = (
    ("natures", "Nature de l'emploi"),
    ("domains", "Domaine fonctionnel"),
    ("organisations", "Organisme de rattachement"),
    ("levels", "Niveau d'études"),
    ("regions", "Localisation du poste : région"),
    ("departments", "Localisation du poste : département"),
)


class SearchScreen(PassScreen[None]):
    """The search form. Enter in the keywords field, F5 anywhere, or the buttons launch
    the search; Escape does nothing here (this is the home screen, it never quits)."""

    BINDINGS = [
        Binding("f5", "search", "Rechercher", tooltip="Lancer ma recherche", id="search.run"),
        Binding(
            "f6",
            "all_offers",
            "Toutes les offres",
            tooltip="Voir toutes les offres",
            id="search.all",
        ),
        Binding("f8", "clear", "Effacer", tooltip="Effacer les critères", id="search.clear"),
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
            yield Label(_("Mots clés ou numéro d'offre"), classes="field-label")
            yield Input(
                id="keywords",
                placeholder=_("Mots clés ou numéro d'offre"),
                select_on_focus=False,
            )
            with Horizontal(classes="buttons"):
                yield button(_("Lancer ma recherche"), "run", primary=True)
                yield button(_("Voir toutes les offres"), "all")
                yield button(_("Effacer les critères"), "clear")
            yield Static(_("Chargement des critères…"), id="criteria-status", markup=False)
        with VerticalScroll(id="search-form", can_focus=False):
            for criterion, heading in CRITERIA:
                label = Label(_(heading), id=f"{criterion}-label", classes="field-label")
                yield label
                if criterion == "departments":
                    yield Static(
                        _("Choisissez d'abord une ou plusieurs régions."),
                        id="departments-hint",
                        classes="hint",
                        markup=False,
                    )
                picker = CriteriaList(id=criterion, classes="criteria")
                picker.heading = label
                yield picker
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#departments", CriteriaList).display = False
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
            natures=tuple(self.picker("natures").selected),
            domains=tuple(self.picker("domains").selected),
            organisations=tuple(self.picker("organisations").selected),
            levels=tuple(int(v) for v in self.picker("levels").selected),
            regions=tuple(self.picker("regions").selected),
            departments=tuple(self.picker("departments").selected),
        )

    def set_criteria(self, criteria: SearchCriteria) -> None:
        """Fill the form with ``criteria`` (to refine a search)."""
        self.query_one("#keywords", Input).value = criteria.keywords
        wanted = {
            "natures": criteria.natures,
            "domains": criteria.domains,
            "organisations": criteria.organisations,
            "levels": tuple(str(n) for n in criteria.levels),
            "regions": criteria.regions,
        }
        for criterion, values in wanted.items():
            picker = self.picker(criterion)
            picker.deselect_all()
            for value in values:
                if value in picker.values:
                    picker.select(value)
        self._update_departments(selected=criteria.departments)
        self.refresh_counts()

    def focus_keywords(self) -> None:
        """Put the focus in the keywords field."""
        self.query_one("#keywords", Input).focus()

    def _values(self, criterion: str, facets: dict[str, dict[str, int]]) -> list[tuple[str, str]]:
        rd = refdata()
        values = list(facets.get(criterion, {}))
        if criterion == "levels":
            return [(v, rd.level_label(int(v))) for v in values]
        if criterion == "regions":
            return [(v, rd.region_name(v)) for v in values]
        return [(v, v) for v in values]

    def _update_departments(self, selected: tuple[str, ...] | None = None) -> None:
        """Offer the departments of the chosen regions (keeping those still offered)."""
        rd = refdata()
        picker = self.picker("departments")
        keep = set(picker.selected if selected is None else selected)
        regions = self.picker("regions").selected
        values = [
            (d.code, f"{d.name} ({d.code})")
            for region in regions
            for d in rd.departments_of(region)
        ]
        picker.set_values(
            values,
            self._facets.get("departments") if self._facets else None,
            [code for code, _label in values if code in keep],
        )
        picker.display = bool(values)
        self.query_one("#departments-hint").display = not values

    @work(exclusive=True, group="facets")
    async def refresh_counts(self) -> None:
        """Recount every criterion value for the criteria now chosen (in a thread)."""
        criteria = self.criteria
        catalogue = self.pass_app.services.catalogue
        result: SearchResult = await asyncio.to_thread(catalogue.search, criteria)
        self._show_counts(result)

    def _show_counts(self, result: SearchResult) -> None:
        facets = result.facets
        first = self._facets is None
        self._facets = facets
        for criterion, _heading in CRITERIA:
            if criterion == "departments":
                continue
            picker = self.picker(criterion)
            if first:
                picker.set_values(self._values(criterion, facets), facets.get(criterion))
            else:
                picker.set_counts(facets.get(criterion, {}))
        if first:
            self._update_departments()
            self.set_criteria_after_load()
        else:
            self.picker("departments").set_counts(facets.get("departments", {}))
        status = self.query_one("#criteria-status", Static)
        status.update(
            _("{count} offres correspondent aux critères choisis.", count=result.count)
            if result.count != 1
            else _("1 offre correspond aux critères choisis.")
        )

    def set_criteria_after_load(self) -> None:
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

    def action_nothing(self) -> None:
        """Escape on the home screen: stay (quitting is Ctrl+Q)."""

    def _open_results(self, criteria: SearchCriteria) -> None:
        from pass_tui.screens.results import ResultsScreen

        self.app.push_screen(ResultsScreen(criteria))
