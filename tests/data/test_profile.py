"""The fiche candidat: its checks and messages, the draft, the terms of use."""

from __future__ import annotations

from pathlib import Path

import pytest

from pass_tui.data.candidates import terms
from pass_tui.data.candidates.accounts import AccountService, CandidateSession
from pass_tui.data.candidates.profile import Profile, ProfileService, terms_of_use
from pass_tui.data.errors import FormError, SessionEnded
from pass_tui.data.refdata import refdata
from pass_tui.data.services import Services
from pass_tui.i18n import set_language
from tests.data.account_helpers import PASSWORD, Clock, accounts_service, last_code


@pytest.fixture
def services(data_dir: Path) -> Services:
    return Services(data_dir)


@pytest.fixture
def accounts(services: Services) -> AccountService:
    return accounts_service(services, Clock())


@pytest.fixture
def session(accounts: AccountService, data_dir: Path) -> CandidateSession:
    pending = accounts.signup("camille@exemple.fr", "camille@exemple.fr", PASSWORD, PASSWORD)
    return accounts.confirm_signup(pending, last_code(data_dir))


def _complete(**fields: object) -> Profile:
    domain = refdata().domains[0]
    values: dict[str, object] = {
        "civility": "madame",
        "last_name": "Martin",
        "first_name": "Camille",
        "phone": "06 12 34 56 78",
        "address": "12 rue de la Paix, 75002 Paris",
        "main_domain": domain.name,
        "jobs": list(domain.metiers[:2]),
        "regions": ["11"],
        "departments": ["75", "2A"],
        "seeking": "les deux",
        "terms_accepted": True,
    }
    values.update(fields)
    return Profile.model_validate(values)


def _problems(exc: pytest.ExceptionInfo[FormError]) -> list[tuple[str, str]]:
    return [(p.field, p.message) for p in exc.value.problems]


def test_an_empty_fiche_lists_every_required_field_in_form_order(
    services: Services, session: CandidateSession
) -> None:
    with pytest.raises(FormError) as exc:
        services.space(session).profile.submit(Profile())
    assert _problems(exc) == [
        ("civility", "Civilité : champ obligatoire."),
        ("last_name", "Nom : champ obligatoire."),
        ("first_name", "Prénom : champ obligatoire."),
        ("main_domain", "Domaine fonctionnel principal : champ obligatoire."),
        ("seeking", "Vous êtes : champ obligatoire."),
        (
            "terms_accepted",
            "Conditions générales d'utilisation : cochez « J'accepte les conditions "
            "générales d'utilisation ».",
        ),
    ]
    assert services.space(session).profile.saved() is None


def test_wrong_values_are_named(services: Services, session: CandidateSession) -> None:
    profile = _complete(
        last_name="\x1b\x07\u200b  ",
        first_name="x" * 101,
        phone="06 12 34",
        main_domain="Astrologie",
        jobs=["Astrologue"],
        regions=["99"],
        departments=["0"],
    )
    with pytest.raises(FormError) as exc:
        services.space(session).profile.submit(profile)
    assert _problems(exc) == [
        ("last_name", "Nom : champ obligatoire."),
        ("first_name", "Prénom : 100 caractères au plus."),
        ("phone", "Téléphone : numéro invalide (exemple : 06 12 34 56 78 ou +33 6 12 34 56 78)."),
        ("main_domain", "Domaine fonctionnel principal : valeur inconnue."),
        ("jobs", "Métiers : métier inconnu : Astrologue."),
        ("regions", "Zones géographiques : région inconnue : 99."),
        ("departments", "Zones géographiques : département inconnu : 0."),
    ]


@pytest.mark.parametrize(
    "phone", ["0612345678", "06.12.34.56.78", "+33 6 12 34 56 78", "+262 692 12 34 56", ""]
)
def test_phone_numbers_accepted(services: Services, session: CandidateSession, phone: str) -> None:
    assert services.space(session).profile.submit(_complete(phone=phone)).phone == phone


@pytest.mark.parametrize(
    "phone", ["12345", "06 12 34 56 7a", "+33", "6123456789", "06-12-34-56-78-90"]
)
def test_phone_numbers_refused(services: Services, session: CandidateSession, phone: str) -> None:
    with pytest.raises(FormError) as exc:
        services.space(session).profile.submit(_complete(phone=phone))
    assert [f for f, _m in _problems(exc)] == ["phone"]


def test_submit_saves_cleaned_text_and_drops_the_draft(
    services: Services, session: CandidateSession
) -> None:
    profile = services.space(session).profile
    assert profile.current() == (Profile(), False)
    draft = Profile(last_name="Mart")
    profile.save_draft(draft)
    assert profile.current() == (draft, False)
    saved = profile.submit(
        _complete(last_name="  Martin\u200b\n", address="12 rue\nde la Paix", jobs=["a"] * 0)
    )
    assert saved.last_name == "Martin" and saved.address == "12 rue de la Paix"
    assert profile.current() == (saved, True)
    assert profile.saved() == saved
    # a later draft wins over the saved fiche until it is submitted
    profile.save_draft(saved.model_copy(update={"first_name": "Cam"}))
    current, is_saved = profile.current()
    assert current.first_name == "Cam" and is_saved
    assert profile.saved() == saved


def test_the_draft_survives_the_session(
    services: Services, accounts: AccountService, session: CandidateSession
) -> None:
    services.space(session).profile.save_draft(Profile(first_name="Camille"))
    accounts.logout(session)
    again = accounts.login("camille@exemple.fr", PASSWORD)
    current, is_saved = Services(services.paths.root).space(again).profile.current()
    assert current.first_name == "Camille" and not is_saved


def test_every_call_checks_the_session(
    services: Services, accounts: AccountService, session: CandidateSession
) -> None:
    profile: ProfileService = services.space(session).profile
    accounts.logout(session)
    for call in (
        profile.current,
        profile.saved,
        lambda: profile.save_draft(Profile()),
        lambda: profile.submit(_complete()),
    ):
        with pytest.raises(SessionEnded):
            call()
    with pytest.raises(SessionEnded):
        services.space(session)


def test_messages_in_english(services: Services, session: CandidateSession) -> None:
    set_language("en")
    try:
        with pytest.raises(FormError) as exc:
            services.space(session).profile.submit(Profile(civility="monsieur"))
        assert exc.value.problems[0].message == "Last name: required."
        assert exc.value.problems[-1].message == 'Terms of use: tick "I accept the terms of use".'
    finally:
        set_language("fr")


def test_terms_of_use_in_full_in_both_languages() -> None:
    french = terms_of_use()
    for words in ("Objet", "RGPD", "CNIL", "deux ans", "Contact", "rectification", "effacement"):
        assert words in french
    assert french == terms.TERMS_OF_USE
    set_language("en")
    try:
        english = terms_of_use()
        assert english == terms.TERMS_OF_USE
        for words in ("Purpose", "GDPR", "CNIL", "two years", "Contact", "erasure"):
            assert words in english
    finally:
        set_language("fr")
    assert len(french) > 2000 and len(english) > 2000
