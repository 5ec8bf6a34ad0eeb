"""Ma fiche candidat: the candidate's profile form, its checks in words, then a recap."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static, TextArea

from pass_tui.data.errors import FormError, PassError, SessionEnded
from pass_tui.data.refdata import refdata
from pass_tui.i18n import _, _n
from pass_tui.screens.base import CandidateScreen, button, error_text, logout_button
from pass_tui.widgets.checkbox import Checkbox
from pass_tui.widgets.choice_list import Choice, ChoiceList
from pass_tui.widgets.footer import PassFooter
from pass_tui.widgets.line_list import LineList
from pass_tui.widgets.notice import Notice
from pass_tui.widgets.radio import RadioList
from pass_tui.widgets.reader import ReaderScroll
from pass_tui.widgets.text_field import LabelledField, TextField

if TYPE_CHECKING:
    from pass_tui.data.candidates.accounts import CandidateSession
    from pass_tui.data.candidates.profile import Profile, ProfileService

__all__ = ["ProfileRecapScreen", "ProfileScreen", "recap_lines"]

log = logging.getLogger(__name__)

DOMAIN = "domaine:"
"""Prefix of a métiers group's value (a domain name may equal no métier, but be safe)."""
REGION = "region:"
DEPARTMENT = "departement:"


def civility_options() -> list[tuple[str, str]]:
    return [("madame", _("Madame")), ("monsieur", _("Monsieur"))]


def seeking_options() -> list[tuple[str, str]]:
    return [
        ("apprentissage", _("À la recherche d'un apprentissage")),
        ("stage", _("À la recherche d'un stage")),
        ("les deux", _("À la recherche d'un apprentissage ou d'un stage")),
    ]


def _jobs_summary(chosen: int, total: int) -> str:
    return _n(
        "{chosen} métier choisi sur {total}",
        "{chosen} métiers choisis sur {total}",
        chosen,
        chosen=chosen,
        total=total,
    )


def _departments_summary(chosen: int, total: int) -> str:
    return _n(
        "{chosen} département choisi sur {total}",
        "{chosen} départements choisis sur {total}",
        chosen,
        chosen=chosen,
        total=total,
    )


def job_choices() -> list[Choice]:
    """The métiers grouped by functional domain (a domain itself is not chosen)."""
    return [
        Choice(
            DOMAIN + domain.name,
            _(domain.name),
            tuple(Choice(metier, metier) for metier in domain.metiers),
            selectable=False,
        )
        for domain in refdata().domains
    ]


def zone_choices() -> list[Choice]:
    """The regions, each with its departments; a region can be chosen as a whole."""
    data = refdata()
    return [
        Choice(
            REGION + region.code,
            region.name,
            tuple(
                Choice(DEPARTMENT + d.code, f"{d.name} ({d.code})")
                for d in data.departments_of(region.code)
            ),
        )
        for region in data.regions
    ]


def recap_lines(profile: Profile) -> list[str]:
    """Every answer of the fiche, one per line: "Nom : Dupont"."""
    data = refdata()
    missing = _("non renseigné")

    def line(label: str, value: str | None) -> str:
        return _("{label} : {value}", label=label, value=value or missing)

    civility = dict(civility_options()).get(profile.civility or "")
    seeking = dict(seeking_options()).get(profile.seeking or "")
    lines = [
        line(_("Civilité"), civility),
        line(_("Nom"), profile.last_name),
        line(_("Prénom"), profile.first_name),
        line(_("Téléphone"), profile.phone),
        line(_("Adresse postale"), profile.address),
        line(_("Domaine fonctionnel principal"), profile.main_domain and _(profile.main_domain)),
    ]
    lines += [line(_("Métier"), job) for job in profile.jobs] or [line(_("Métiers"), None)]
    lines += [line(_("Région"), data.region_name(code)) for code in profile.regions]
    lines += [
        line(_("Département"), f"{data.department_by_code[code].name} ({code})")
        for code in profile.departments
        if code in data.department_by_code
    ]
    if not profile.regions and not profile.departments:
        lines.append(line(_("Zones géographiques"), None))
    lines.append(line(_("Vous êtes"), seeking))
    lines.append(
        line(
            _("Conditions générales d'utilisation"),
            _("acceptées") if profile.terms_accepted else _("non acceptées"),
        )
    )
    return lines


def _terms_text() -> str:
    from pass_tui.data.candidates.terms import terms_of_use

    return terms_of_use()


class ProfileScreen(CandidateScreen[Any]):
    """The fiche candidat: one control per line, each label on its field's line.

    The form opens with the candidate's draft, else the saved fiche. "Envoyer" checks
    every field: the problems are listed at the top of the form, said through the notice,
    and the focus goes to the first wrong field; a fiche that passes is saved and shown
    as a recap. Whatever is typed is kept as a draft whenever the screen is left
    (Retour, Déconnexion, the session ending): :meth:`save_draft`.
    """

    AUTO_FOCUS = ""  # focused in on_mount, once laid out

    BINDINGS = [
        # Not in the footer: a text field takes Ctrl+D (delete), so the footer would change
        # at every move between a field and a list, and a screen reader read it each time.
        Binding(
            "ctrl+d",
            "logout",
            "Déconnexion",
            show=False,
            tooltip="Me déconnecter",
            id="space.logout",
        ),
        Binding("ctrl+s", "send", "Envoyer", tooltip="Envoyer ma fiche", id="profile.send"),
        Binding(
            "escape",
            "back",
            "Retour",
            show=False,
            tooltip="Revenir à mon espace",
            id="profile.back",
        ),
    ]

    DEFAULT_CSS = """
    ProfileScreen #profile-form {
        padding: 0 1;
    }
    ProfileScreen #terms {
        height: 8;
        padding: 0 1;
        background: $boost;
        &:focus { background: $surface-lighten-1; }
    }
    ProfileScreen LabelledField {
        margin: 1 0 0 0;
    }
    ProfileScreen #terms_accepted {
        margin: 1 0 0 0;
    }
    ProfileScreen .buttons {
        margin: 1 0 0 0;
    }
    """

    FIELDS = (
        "civility",
        "last_name",
        "first_name",
        "phone",
        "address",
        "main_domain",
        "jobs",
        "zones",
        "seeking",
        "terms_accepted",
    )
    """The form's fields in order (ids of their widgets; FieldProblem.field names them)."""

    def __init__(self, session: CandidateSession) -> None:
        super().__init__(session, id="profile")
        self._service: ProfileService | None = None
        self._stored: Profile | None = None
        """What the data layer holds now (draft or saved): nothing to save when unchanged."""
        self._latest: Profile | None = None
        """The form's content at its last change."""

    @property
    def service(self) -> ProfileService:
        if self._service is None:
            self._service = self.pass_app.services.space(self.session).profile
        return self._service

    # -- layout -------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield from self.compose_title(_("Ma fiche candidat"))
        yield Notice(id="notice", reserve=False)
        with ReaderScroll(id="profile-form", can_focus=False):
            yield Static(
                _("Les champs suivis d'un astérisque (*) sont obligatoires."),
                classes="hint",
                markup=False,
            )
            yield from self._list(_("Civilité * :"), RadioList(civility_options(), id="civility"))
            yield LabelledField(_("Nom * :"), TextField(id="last_name"))
            yield LabelledField(_("Prénom * :"), TextField(id="first_name"))
            yield LabelledField(_("Téléphone :"), TextField(id="phone"))
            yield LabelledField(_("Adresse postale :"), TextField(id="address"))
            domains = [(name, _(name)) for name in refdata().domain_names]
            yield from self._list(
                _("Domaine fonctionnel principal * :"), RadioList(domains, id="main_domain")
            )
            yield from self._list(
                _("Métiers :"),
                ChoiceList(job_choices(), group_summary=_jobs_summary, id="jobs"),
            )
            yield from self._list(
                _("Zones géographiques :"),
                ChoiceList(zone_choices(), group_summary=_departments_summary, id="zones"),
            )
            yield from self._list(_("Vous êtes * :"), RadioList(seeking_options(), id="seeking"))
            yield Label(
                _("Conditions générales d'utilisation :"),
                id="terms-label",
                classes="field-label",
                markup=False,
            )
            terms = TextArea(
                _terms_text(), id="terms", read_only=True, soft_wrap=True, show_cursor=True
            )
            terms.cursor_blink = not self.pass_app.screen_reader
            yield terms
            yield Checkbox(
                _("J'accepte les conditions générales d'utilisation *"), id="terms_accepted"
            )
            with Vertical(classes="buttons"):
                yield button(_("Envoyer"), "send", primary=True)
                yield button(_("Retour"), "back")
                yield logout_button()
        yield PassFooter()

    @staticmethod
    def _list(heading: str, widget: ChoiceList) -> ComposeResult:
        label = Label(heading, id=f"{widget.id}-label", classes="field-label", markup=False)
        widget.heading = label
        yield label
        yield widget

    def on_mount(self) -> None:
        try:
            profile, saved = self.service.current()
        except PassError as error:
            self.failed(error)
            return
        self._stored = self._latest = profile
        self.fill(profile)
        if saved:
            self.query_one(Notice).announce(_("Votre fiche est enregistrée."))
        elif profile != type(profile)():
            self.query_one(Notice).announce(
                _("Brouillon repris : envoyez la fiche pour l'enregistrer.")
            )
        self.call_after_refresh(self.query_one("#civility").focus)

    def scroll_to_center(self, widget: Widget, *args: Any, **kwargs: Any) -> None:
        """Bring the focused widget into view by the shortest scroll, not to the middle:
        a screen reader reads every line a scroll changes, and a list's heading above it
        must stay in view (Textual centres a focused widget it thinks is out of view)."""
        widget.scroll_visible(animate=False)

    def on_unmount(self) -> None:
        self.save_draft()

    # -- the form's content -------------------------------------------------------------------
    def fill(self, profile: Profile) -> None:
        """Show ``profile`` in the form."""
        self.query_one("#civility", RadioList).set_selected([profile.civility or ""])
        for name in ("last_name", "first_name", "phone", "address"):
            self.query_one(f"#{name}", Input).value = getattr(profile, name)
        self.query_one("#main_domain", RadioList).set_selected([profile.main_domain or ""])
        self.query_one("#jobs", ChoiceList).set_selected(profile.jobs)
        self.query_one("#zones", ChoiceList).set_selected(
            [REGION + code for code in profile.regions]
            + [DEPARTMENT + code for code in profile.departments]
        )
        self.query_one("#seeking", RadioList).set_selected([profile.seeking or ""])
        self.query_one("#terms_accepted", Checkbox).value = profile.terms_accepted

    @property
    def profile(self) -> Profile:
        """The fiche as the form shows it now."""
        from pass_tui.data.candidates.profile import Profile

        zones = self.query_one("#zones", ChoiceList).selected
        return Profile(
            civility=self.query_one("#civility", RadioList).value,
            last_name=self.query_one("#last_name", Input).value,
            first_name=self.query_one("#first_name", Input).value,
            phone=self.query_one("#phone", Input).value,
            address=self.query_one("#address", Input).value,
            main_domain=self.query_one("#main_domain", RadioList).value,
            jobs=self.query_one("#jobs", ChoiceList).selected,
            regions=[v.removeprefix(REGION) for v in zones if v.startswith(REGION)],
            departments=[v.removeprefix(DEPARTMENT) for v in zones if v.startswith(DEPARTMENT)],
            seeking=self.query_one("#seeking", RadioList).value,
            terms_accepted=self.query_one("#terms_accepted", Checkbox).value,
        )

    @on(Input.Changed)
    @on(ChoiceList.Changed)
    @on(Checkbox.Changed)
    def _changed(self) -> None:
        # Kept up to date so that the draft can still be saved once the widgets are gone
        # (the app ending with this screen open unmounts its fields first).
        if self._stored is not None:
            self._latest = self.profile

    def failed(self, error: PassError) -> None:
        """Say what went wrong; a session that ended hands over to the app (login)."""
        if isinstance(error, SessionEnded):
            self.pass_app.session_ended()
        else:
            self.show_error(error_text(error))

    def save_draft(self) -> None:
        """Keep what the form shows as the candidate's draft (when it changed). Called
        whenever the screen is left, also by the app before an idle logout."""
        if self._stored is None:  # never loaded (the session had ended)
            return
        try:
            profile = self.profile
        except Exception:  # the fields are gone: the app is ending
            profile = self._latest
        if profile is None or profile == self._stored:
            return
        try:
            self.service.save_draft(profile)
        except PassError as error:
            log.warning("draft not saved: %s", type(error).__name__)
            return
        self._stored = profile

    # -- actions ------------------------------------------------------------------------------
    @on(Button.Pressed, "#send")
    def action_send(self) -> None:
        """Check and save the fiche; show the problems or the recap."""
        profile = self.profile
        try:
            saved = self.service.submit(profile)
        except FormError as error:
            self.show_problems(error)
            return
        except PassError as error:
            self.failed(error)
            return
        self._stored = saved
        self.fill(saved)
        self.clear_problems()
        self.open(ProfileRecapScreen(self.session, saved), self._recap_closed)

    def _recap_closed(self, result: str | None) -> None:
        if result == "back":
            self.dismiss(None)
        else:
            self.query_one("#civility").focus()

    def show_problems(self, error: FormError) -> None:
        """List every problem at the top, say them, and focus the first wrong field."""
        problems = error.problems
        messages = [problem.message for problem in problems]
        heading = _n(
            "Le formulaire contient {count} erreur :",
            "Le formulaire contient {count} erreurs :",
            len(messages),
            count=len(messages),
        )
        lines = [heading, *messages]
        # The notice sits above the form, always in view: the list is read as it appears
        # (after the cursor lands on the first wrong field) and stays there. Its rows are
        # made room for now, so that nothing moves under the cursor when it appears.
        notice = self.query_one(Notice)
        width = max(10, (notice.content_region.width or self.size.width) - 2)
        notice.styles.min_height = sum(max(1, -(-cell_len(line) // width)) for line in lines)
        notice.remove_class("-empty")
        notice.announce("\n".join(lines), error=True)
        first = self._field_widget(problems[0].field) if problems else None
        if first is not None:
            self.call_after_refresh(self._focus_field, first)

    def _focus_field(self, widget: Widget) -> None:
        """Focus ``widget`` with its label in view, the reader cursor on the label."""
        already = widget.has_focus
        widget.focus()
        widget.scroll_visible(animate=False, immediate=True)
        if isinstance(widget, LineList):
            if already:
                widget.point_at_heading()
        else:
            parent = widget.parent
            if isinstance(parent, LabelledField):
                parent.scroll_visible(animate=False, immediate=True)

    def clear_problems(self) -> None:
        notice = self.query_one(Notice)
        notice.styles.min_height = None
        notice.clear()

    def _field_widget(self, field: str) -> Widget | None:
        field = {"regions": "zones", "departments": "zones"}.get(field, field)
        found = self.query(f"#{field}")
        return found.first() if found else None

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        """Back to the candidate space, the draft kept."""
        self.save_draft()
        self.dismiss(None)


class ProfileRecapScreen(CandidateScreen[str]):
    """The fiche as sent, one answer per line; "Modifier mes informations" goes back to
    the form (result "edit"), "Retour" back to the candidate space (result "back")."""

    BINDINGS = [
        Binding(
            "escape", "back", "Retour", show=False, tooltip="Revenir à mon espace", id="recap.back"
        ),
    ]

    DEFAULT_CSS = """
    ProfileRecapScreen #recap-body { padding: 0 1; }
    ProfileRecapScreen #recap { max-height: 100%; }
    """

    def __init__(self, session: CandidateSession, profile: Profile) -> None:
        super().__init__(session, id="profile-recap")
        self.profile = profile

    def compose(self) -> ComposeResult:
        yield from self.compose_title(_("Ma fiche candidat : récapitulatif"))
        yield Notice(id="notice", reserve=False)
        with ReaderScroll(id="recap-body", can_focus=False):
            with Vertical(classes="buttons"):
                yield button(_("Modifier mes informations"), "edit", primary=True)
                yield button(_("Retour"), "back")
                yield logout_button()
            heading = Label(_("Vos réponses :"), classes="field-label", markup=False)
            yield heading
            lines = LineList(recap_lines(self.profile), id="recap")
            lines.heading = heading
            yield lines
        yield PassFooter()

    def on_mount(self) -> None:
        self.query_one(Notice).announce(_("Votre fiche est enregistrée."))
        self.query_one("#edit").focus()

    @on(Button.Pressed, "#edit")
    def action_edit(self) -> None:
        self.dismiss("edit")

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        self.dismiss("back")
