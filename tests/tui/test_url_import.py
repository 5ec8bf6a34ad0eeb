"""Importer depuis une adresse web: the address field, "Importer", refusals said in the
dialog with the address kept; loopback allowed on a personal machine, refused on a kiosk
(a real HTTP server on 127.0.0.1, real services on tmp_path)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from pass_tui.app import PassApp
from pass_tui.data.config import Settings
from pass_tui.data.services import Services
from pass_tui.dialogs.url_import import UrlImportDialog
from pass_tui.screens.space.attachments import AttachmentsScreen, DocumentList
from pass_tui.widgets.notice import Notice
from tests.data.http_server import Reply, scripted_server
from tests.tui.forms_helpers import candidate, show
from tests.tui.helpers import SIZE, assert_no_decoration, press, screen_text, until

DOCUMENTS = Path(__file__).resolve().parent.parent / "fixtures" / "documents"


async def said(pilot: Pilot, text: str) -> None:
    app = pilot.app

    def shown() -> bool:
        return any(text in str(n.content) for n in app.screen.query(Notice))

    await until(pilot, shown, f"the notice says {text!r}")


def lines(app: PassApp, kind: str) -> list[str]:
    return list(app.screen.query_one(f"#{kind}", DocumentList).lines)


async def test_import_from_a_web_address(
    make_app: Callable[..., PassApp], services: Services
) -> None:
    session = candidate(services)
    with scripted_server() as server:
        server.routes["/mon-cv.pdf"] = [Reply(body=(DOCUMENTS / "cv.pdf").read_bytes())]
        server.routes["/page"] = [
            Reply(body=(DOCUMENTS / "cv.html").read_bytes(), headers={"Content-Type": "text/html"})
        ]
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await show(pilot, AttachmentsScreen(session))
            await press(pilot, "i")
            assert isinstance(app.screen, UrlImportDialog)
            text = screen_text(app)
            assert "Importer un CV depuis une adresse web" in text
            assert "Adresse web :" in text
            field = app.screen.query_one("#value", Input)
            assert app.screen.focused is field and field.value == ""
            assert app.cursor_position == field.cursor_screen_offset
            assert_no_decoration(app)
            # a page that is not a document: refused in place, the address kept
            await press(pilot, *server.url("/page"), "enter")
            await said(pilot, "Erreur : ")
            assert isinstance(app.screen, UrlImportDialog)
            assert field.value == server.url("/page")
            assert app.screen.focused is field
            # a missing document: refused in place too
            await press(pilot, "ctrl+u", *server.url("/absent.pdf"), "enter")
            await said(pilot, "404")
            await press(pilot, "ctrl+u", *server.url("/mon-cv.pdf"))
            app.screen.query_one("#ok").focus()
            await press(pilot, "enter")  # the Importer button
            assert isinstance(app.screen, AttachmentsScreen)
            assert lines(app, "cv") == ["mon-cv.pdf (Par défaut) (22 Ko)"]
            await said(pilot, "Document ajouté : mon-cv.pdf.")
    names = [info.name for info in services.space(session).attachments.list("cv")]
    assert names == ["mon-cv.pdf"]


async def test_import_into_the_other_documents(
    make_app: Callable[..., PassApp], services: Services
) -> None:
    session = candidate(services)
    with scripted_server() as server:
        server.routes["/doc.odt"] = [Reply(body=(DOCUMENTS / "cv.odt").read_bytes())]
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await show(pilot, AttachmentsScreen(session))
            app.screen.query_one("#url-other").focus()
            await press(pilot, "enter", *server.url("/doc.odt"), "enter")
            assert lines(app, "other") == ["doc.odt (12 Ko)"]


async def test_an_empty_address_and_annuler(
    make_app: Callable[..., PassApp], services: Services
) -> None:
    session = candidate(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await show(pilot, AttachmentsScreen(session))
        await press(pilot, "i", "enter")
        await said(pilot, "Erreur : ")
        assert isinstance(app.screen, UrlImportDialog)
        app.screen.query_one("#cancel").focus()
        await press(pilot, "enter")
        assert isinstance(app.screen, AttachmentsScreen)
        assert lines(app, "cv") == ["Aucun CV."]


async def test_kiosk_refuses_a_loopback_address(data_dir: Path, tmp_path: Path) -> None:
    services = Services(data_dir, settings=Settings(kiosk=True, kiosk_folders=[str(tmp_path)]))
    session = candidate(services)
    with scripted_server() as server:
        server.routes["/cv.pdf"] = [Reply(body=(DOCUMENTS / "cv.pdf").read_bytes())]
        app = PassApp(services, kiosk=True)
        async with app.run_test(size=SIZE) as pilot:
            await show(pilot, AttachmentsScreen(session))
            await press(pilot, "i", *server.url("/cv.pdf"), "enter")
            await said(pilot, "Erreur : ")
            assert isinstance(app.screen, UrlImportDialog)
            await press(pilot, "escape")
            assert lines(app, "cv") == ["Aucun CV."]
        assert server.count("/cv.pdf") == 0
    assert services.space(session).attachments.list() == []
