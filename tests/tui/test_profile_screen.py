"""Ma fiche candidat: every field read "Label : value", every problem listed and focused,
the recap, and the draft kept whenever the screen is left (real services on tmp_path)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from pass_tui.app import PassApp
from pass_tui.data.candidates.accounts import CandidateSession
from pass_tui.data.candidates.profile import Profile, profile_problems
from pass_tui.data.config import Settings
from pass_tui.data.refdata import refdata
from pass_tui.data.services import Services
from pass_tui.i18n import set_language
from pass_tui.screens.space.profile import ProfileRecapScreen, ProfileScreen
from pass_tui.widgets.checkbox import Checkbox
from pass_tui.widgets.choice_list import ChoiceList
from pass_tui.widgets.line_list import LineList
from pass_tui.widgets.notice import Notice
from tests.tui.forms_helpers import candidate, show
from tests.tui.helpers import SIZE, assert_no_decoration, press, screen_text, settle, until

FIRST_DOMAIN = refdata().domain_names[0]
SECOND_DOMAIN = refdata().domain_names[1]


@pytest.fixture
def session(services: Services) -> CandidateSession:
    return candidate(services)


async def open_profile(pilot: Pilot, session: CandidateSession) -> ProfileScreen:
    screen = ProfileScreen(session)
    await show(pilot, screen)
    return screen


def notice_of(app: PassApp) -> Notice:
    return app.screen.query_one(Notice)


async def notice_says(pilot: Pilot, text: str) -> None:
    """Wait until the notice shows ``text`` (it is drawn once the cursor has landed)."""
    notice = notice_of(pilot.app)  # type: ignore[arg-type]
    await until(pilot, lambda: text in str(notice.content), f"the notice says {text!r}")


def focused_id(app: PassApp) -> str | None:
    focused = app.screen.focused
    return focused.id if focused is not None else None


async def fill_everything(pilot: Pilot) -> None:
    """From the civility list (focused, cursor on its heading): answer every field by
    keys, the way a keyboard user does."""
    await press(pilot, "down", "space")  # Madame
    await press(pilot, "tab", *"Dupont")
    await press(pilot, "tab", *"Camille")
    await press(pilot, "tab", *"06 12 34 56 78")
    await press(pilot, "tab", *"1 rue de la Paix, 75002 Paris")
    await press(pilot, "tab", "down", "down", "space")  # the second domain
    await press(pilot, "tab", "down", "down", "enter", "down", "space")  # a métier of domain 2
    await press(pilot, "tab", "down", "space")  # the first region
    await press(pilot, "tab", "down", "down", "space")  # stage
    await press(pilot, "tab", "tab", "space")  # past the terms, tick the box


async def test_the_form_reads_label_colon_value_and_tab_goes_field_by_field(
    make_app: Callable[..., PassApp], session: CandidateSession
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_profile(pilot, session)
        assert focused_id(app) == "civility"
        # The cursor is on the label of the focused list, read first.
        heading = app.screen.query_one("#civility-label")
        assert app.cursor_position == heading.content_region.offset
        text = screen_text(app)
        assert "Ma fiche candidat" in text
        assert "Civilité * :" in text and "Nom * :" in text and "Prénom * :" in text
        assert "Madame : non sélectionné" in text
        order = []
        for _ in range(11):
            order.append(focused_id(app))
            await press(pilot, "tab")
        assert order == [
            "civility",
            "last_name",
            "first_name",
            "phone",
            "address",
            "main_domain",
            "jobs",
            "zones",
            "seeking",
            "terms",
            "terms_accepted",
        ]
        assert [b.id for b in app.screen.query("Button")] == ["send", "back", "logout"]
        assert_no_decoration(app)


async def test_envoyer_on_an_empty_form_lists_every_problem_in_order_and_focuses_the_first(
    make_app: Callable[..., PassApp], session: CandidateSession
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_profile(pilot, session)
        await press(pilot, "tab")  # away from the first field, to see the focus come back
        await press(pilot, "ctrl+s")
        expected = [p.message for p in profile_problems(Profile())]
        assert len(expected) == 6
        await notice_says(pilot, expected[-1])
        notice = notice_of(app)
        assert notice.text.splitlines() == ["Le formulaire contient 6 erreurs :", *expected]
        assert notice.has_class("-error")
        assert focused_id(app) == "civility"
        # the cursor on the label of the first wrong field, which is in view
        heading = app.screen.query_one("#civility-label")
        assert app.cursor_position == heading.content_region.offset
        assert "Civilité * :" in screen_text(app)
        # the problems are listed at the top, above the form
        lines = screen_text(app).splitlines()
        assert lines[1].strip() == "Le formulaire contient 6 erreurs :"
        assert lines[2].strip() == expected[0]
        # nothing was saved
        saved = app.services.space(session).profile.saved()
        assert saved is None


@pytest.mark.parametrize(
    ("missing", "keys_to_undo"),
    [
        ("civility", None),
        ("last_name", None),
        ("first_name", None),
        ("main_domain", None),
        ("seeking", None),
        ("terms_accepted", None),
        ("phone", "abc"),
    ],
)
async def test_each_wrong_field_alone_is_named_and_focused(
    make_app: Callable[..., PassApp],
    services: Services,
    session: CandidateSession,
    missing: str,
    keys_to_undo: str | None,
) -> None:
    complete = Profile(
        civility="madame",
        last_name="Dupont",
        first_name="Camille",
        main_domain=FIRST_DOMAIN,
        seeking="stage",
        terms_accepted=True,
    )
    wrong = {
        "civility": None,
        "last_name": "",
        "first_name": "",
        "main_domain": None,
        "seeking": None,
        "terms_accepted": False,
        "phone": keys_to_undo,
    }[missing]
    services.space(session).profile.save_draft(complete.model_copy(update={missing: wrong}))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_profile(pilot, session)
        await press(pilot, "ctrl+s")
        (problem,) = profile_problems(complete.model_copy(update={missing: wrong}))
        await notice_says(pilot, problem.message)
        assert notice_of(app).text.splitlines() == [
            "Le formulaire contient 1 erreur :",
            problem.message,
        ]
        assert focused_id(app) == missing
        focused = app.screen.focused
        assert focused is not None
        # the wrong field is on screen, and so is the cursor's line
        assert app.screen.region.contains_point(app.cursor_position)
        label = focused.parent if isinstance(focused, Input) else getattr(focused, "heading", None)
        if label is not None:
            assert label.region.y >= app.screen.query_one("#profile-form").region.y


async def test_filled_by_keys_then_sent_shows_the_recap_then_modifier(
    make_app: Callable[..., PassApp], services: Services, session: CandidateSession
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_profile(pilot, session)
        await fill_everything(pilot)
        assert app.screen.query_one("#terms_accepted", Checkbox).value
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, ProfileRecapScreen)
        job = refdata().domains[1].metiers[0]
        region = refdata().regions[0].name
        lines = app.screen.query_one("#recap", LineList).lines
        assert list(lines) == [
            "Civilité : Madame",
            "Nom : Dupont",
            "Prénom : Camille",
            "Téléphone : 06 12 34 56 78",
            "Adresse postale : 1 rue de la Paix, 75002 Paris",
            f"Domaine fonctionnel principal : {SECOND_DOMAIN}",
            f"Métier : {job}",
            f"Région : {region}",
            "Vous êtes : À la recherche d'un stage",
            "Conditions générales d'utilisation : acceptées",
        ]
        saved = services.space(session).profile.saved()
        assert saved is not None and saved.last_name == "Dupont" and saved.jobs == [job]
        assert focused_id(app) == "edit"
        assert [b.id for b in app.screen.query("Button")] == ["edit", "back", "logout"]
        await notice_says(pilot, "Votre fiche est enregistrée.")
        await press(pilot, "enter")  # Modifier mes informations
        assert isinstance(app.screen, ProfileScreen)
        assert app.screen.query_one("#last_name", Input).value == "Dupont"
        assert focused_id(app) == "civility"


async def test_metiers_groups_expand_and_collapse_with_their_counts(
    make_app: Callable[..., PassApp], session: CandidateSession
) -> None:
    domain = refdata().domains[1]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_profile(pilot, session)
        jobs = app.screen.query_one("#jobs", ChoiceList)
        jobs.focus()
        await settle(pilot)
        total = len(domain.metiers)
        row = f"{domain.name} : 0 métier choisi sur {total}, replié"
        assert jobs.rows[1] == row
        await press(pilot, "down", "down", "right")
        assert jobs.rows[1] == f"{domain.name} : 0 métier choisi sur {total}, déplié"
        assert jobs.rows[2].startswith("  ") and jobs.rows[2].endswith(" : non coché")
        await press(pilot, "down", "space", "down", "space")
        assert jobs.rows[2].endswith(" : coché")
        assert jobs.selected == list(domain.metiers[:2])
        # Left on a métier goes back to its group; Left again collapses it
        await press(pilot, "left")
        assert jobs.highlighted == 1
        await press(pilot, "left")
        assert jobs.rows[1] == f"{domain.name} : 2 métiers choisis sur {total}, replié"
        # Enter and Space expand and collapse a group (a domain is not chosen itself)
        await press(pilot, "enter")
        assert "déplié" in jobs.rows[1]
        await press(pilot, "space")
        assert "replié" in jobs.rows[1]
        assert jobs.selected == list(domain.metiers[:2])
        # the cursor is on the highlighted row
        assert app.cursor_position.y == jobs.content_region.y + 1 - int(jobs.scroll_offset.y)


async def test_zones_choose_a_region_and_departments(
    make_app: Callable[..., PassApp], services: Services, session: CandidateSession
) -> None:
    region = refdata().regions[0]
    departments = refdata().departments_of(region.code)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profile(pilot, session)
        zones = app.screen.query_one("#zones", ChoiceList)
        zones.focus()
        await settle(pilot)
        await press(pilot, "down", "space")
        assert zones.rows[0].startswith(f"{region.name} : coché, 0 département choisi sur ")
        await press(pilot, "enter", "down", "space")
        assert zones.rows[1].endswith(f"({departments[0].code}) : coché")
        assert screen.profile.regions == [region.code]
        assert screen.profile.departments == [departments[0].code]


async def test_the_terms_are_read_line_by_line(
    make_app: Callable[..., PassApp], session: CandidateSession
) -> None:
    from textual.widgets import TextArea

    from pass_tui.data.candidates.terms import terms_of_use

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_profile(pilot, session)
        terms = app.screen.query_one("#terms", TextArea)
        terms.focus()
        await settle(pilot)
        assert terms.text == terms_of_use()
        assert terms.read_only
        first = app.cursor_position
        await press(pilot, "down")
        assert app.cursor_position.y == first.y + 1  # the cursor follows, line by line


async def test_the_draft_is_kept_on_retour_and_in_a_new_app(
    data_dir: Path, make_app: Callable[..., PassApp], services: Services, session: CandidateSession
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_profile(pilot, session)
        await press(pilot, "down", "space", "tab", *"Martin")
        await press(pilot, "escape")  # Retour
        assert not isinstance(app.screen, ProfileScreen)
    profile, is_saved = services.space(session).profile.current()
    assert (profile.last_name, profile.civility, is_saved) == ("Martin", "madame", False)
    # a new process on the same data directory finds the draft
    again = PassApp(Services(data_dir, settings=Settings()))
    async with again.run_test(size=SIZE) as pilot:
        await open_profile(pilot, session)
        assert again.screen.query_one("#last_name", Input).value == "Martin"
        assert again.screen.query_one("#civility", ChoiceList).selected == ["madame"]
        await notice_says(pilot, "Brouillon repris : envoyez la fiche pour l'enregistrer.")


async def test_the_draft_is_kept_when_the_app_ends_and_by_save_draft(
    make_app: Callable[..., PassApp], services: Services, session: CandidateSession
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profile(pilot, session)
        await press(pilot, "tab", *"Durand")
        screen.save_draft()  # what the app calls before an idle logout
        assert services.space(session).profile.current()[0].last_name == "Durand"
        await press(pilot, "tab", *"Léa")
    # the app ended with the screen open: unmounting saved the rest
    assert services.space(session).profile.current()[0].first_name == "Léa"


async def test_deconnexion_keeps_the_draft(
    make_app: Callable[..., PassApp], services: Services, session: CandidateSession
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profile(pilot, session)
        await press(pilot, "tab", *"Petit")
        screen.query_one("#logout").focus()
        await press(pilot, "enter")
        assert not isinstance(app.screen, ProfileScreen)
    assert services.space(session).profile.current()[0].last_name == "Petit"


async def test_a_saved_fiche_opens_filled_and_says_so(
    make_app: Callable[..., PassApp], services: Services, session: CandidateSession
) -> None:
    services.space(session).profile.submit(
        Profile(
            civility="monsieur",
            last_name="Leroy",
            first_name="Paul",
            main_domain=FIRST_DOMAIN,
            seeking="les deux",
            terms_accepted=True,
        )
    )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_profile(pilot, session)
        await notice_says(pilot, "Votre fiche est enregistrée.")
        assert app.screen.query_one("#civility", ChoiceList).rows == [
            "Madame : non sélectionné",
            "Monsieur : sélectionné",
        ]
        assert app.screen.query_one("#terms_accepted", Checkbox).value
        # leaving without a change writes no draft
        await press(pilot, "escape")
    assert services.space(session).profile.current()[1] is True


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_everything_is_reachable_in_a_small_terminal(
    make_app: Callable[..., PassApp], session: CandidateSession, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await open_profile(pilot, session)
        for _ in range(13):
            focused = app.screen.focused
            assert focused is not None
            # each focused control is on screen, its cursor line too
            assert app.screen.region.contains_point(app.cursor_position), focused
            await press(pilot, "tab")
        assert focused_id(app) == "logout" or focused_id(app) == "civility"


async def test_english(make_app: Callable[..., PassApp], session: CandidateSession) -> None:
    set_language("en")
    app = make_app(language="en")
    async with app.run_test(size=SIZE) as pilot:
        await open_profile(pilot, session)
        text = screen_text(app)
        assert "My candidate profile" in text
        assert "Title *:" in text and "Ms: not selected" in text
        await press(pilot, "ctrl+s")
        await until(pilot, lambda: "The form has 6 errors:" in screen_text(app), "errors")
