"""The mail service against real parts: the filesystem maildir and real SMTP servers."""

from __future__ import annotations

import logging
import mailbox
import shutil
import ssl
import stat
import time
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pytest
from filelock import FileLock

from pass_tui.data.config import Settings, SmtpSettings
from pass_tui.data.mail.mailer import (
    HEADER_ATTEMPTS,
    HEADER_ENVELOPE,
    HEADER_ERROR,
    FlushReport,
    MailAttachment,
    Mailer,
    QueuedMail,
    is_valid_email,
)
from pass_tui.data.paths import DataPaths
from tests.data.smtp_server import free_port, make_self_signed_cert, silent_server, smtp_server

SUBJECT = "Offre A-2026-1 : Apprenti(e) développeur(se)"
BODY = (
    "Bonjour Élodie,\n\n"
    "Votre candidature à l'offre « Apprenti(e) développeur(se) » a bien été reçue.\n"
    "Ligne très longue : " + "é" * 120 + "\n\n"
    "— L'équipe PASS\n"
)
PDF = b"%PDF-1.4\n" + bytes(range(256)) + b"\n%%EOF\n"
CV = MailAttachment("CV Élodie.pdf", PDF, "application/pdf")
TO = "elodie.martin@example.org"
SENDER = "PASS <ne-pas-repondre@pass.example.fr>"


def parse(raw: bytes) -> EmailMessage:
    message = BytesParser(policy=policy.default).parsebytes(raw)
    assert isinstance(message, EmailMessage)
    return message


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def queue_files(paths: DataPaths) -> list[Path]:
    queue = paths.outbox / ".queue"
    return sorted(p for sub in ("new", "cur") for p in (queue / sub).glob("*") if p.is_file())


def assert_our_message(message: EmailMessage, *, to: str = TO) -> None:
    """The message send() built from SUBJECT, BODY and CV, decoded."""
    assert message["Subject"] == SUBJECT
    assert message["To"] == to
    assert message["Date"] is not None
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    assert body.get_content() == BODY
    attachments = list(message.iter_attachments())
    assert len(attachments) == 1
    assert attachments[0].get_filename() == "CV Élodie.pdf"
    assert attachments[0].get_content_type() == "application/pdf"
    assert attachments[0].get_content() == PDF
    for name in (HEADER_ATTEMPTS, HEADER_ENVELOPE, HEADER_ERROR):
        assert message[name] is None


@pytest.fixture
def paths(data_dir: Path) -> DataPaths:
    return DataPaths(data_dir)


def smtp_mailer(paths: DataPaths, smtp: SmtpSettings, **kwargs: object) -> Mailer:
    return Mailer(paths, Settings(smtp=smtp), **kwargs)  # type: ignore[arg-type]


# -- addresses -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "elodie.martin@example.org",
        "a@b.fr",
        "prenom.nom+pass@sous-domaine.gouv.fr",
        "o'brien@example.co.uk",
        "x" * 64 + "@" + "d" * 63 + ".fr",
    ],
)
def test_valid_addresses(address: str) -> None:
    assert is_valid_email(address)


@pytest.mark.parametrize(
    "address",
    [
        "",
        "elodie",
        "@example.org",
        "elodie@",
        "elodie@localhost",
        "elodie@@example.org",
        "a@b@example.org",
        "élodie@example.org",
        "elodie martin@example.org",
        "elodie@exa mple.org",
        "elodie@example.org\r\nBcc: victim@example.org",
        "elodie\t@example.org",
        "elodie@example..org",
        "elodie@.example.org",
        "elodie@example.org.",
        "elodie@-example.org",
        ".elodie@example.org",
        "elo..die@example.org",
        "Élodie <elodie@example.org>",
        "elodie@example.org, autre@example.org",
        "x" * 65 + "@example.org",
        "a@" + "d" * 250 + ".fr",
    ],
)
def test_invalid_addresses(address: str) -> None:
    assert not is_valid_email(address)


@pytest.mark.parametrize("bad", ["pas-une-adresse", "a@b.fr\nBcc: x@y.fr", ""])
def test_invalid_recipient_raises_and_writes_nothing(paths: DataPaths, bad: str) -> None:
    mailer = Mailer(paths, Settings())
    with pytest.raises(ValueError, match=r"^adresse e-mail invalide : "):
        mailer.send([TO, bad], SUBJECT, BODY, [CV])
    assert not paths.outbox.exists()


def test_invalid_recipient_sends_nothing_over_smtp(paths: DataPaths) -> None:
    with smtp_server() as server:
        mailer = smtp_mailer(paths, server.settings())
        with pytest.raises(ValueError, match="adresse e-mail invalide"):
            mailer.send("elodie@localhost", SUBJECT, BODY)
    assert server.received == []
    assert not paths.outbox.exists()


def test_no_recipient_raises(paths: DataPaths) -> None:
    with pytest.raises(ValueError, match="aucun destinataire"):
        Mailer(paths, Settings()).send([], SUBJECT, BODY)
    assert not paths.outbox.exists()


def test_malformed_attachment_type_raises(paths: DataPaths) -> None:
    bad = MailAttachment("cv.pdf", PDF, "pdf")
    with pytest.raises(ValueError, match="type de contenu invalide"):
        Mailer(paths, Settings()).send(TO, SUBJECT, BODY, [bad])
    assert not paths.outbox.exists()


# -- maildir backend (no SMTP configured) ---------------------------------------------------


def test_maildir_backend_writes_a_readable_rfc5322_message(paths: DataPaths) -> None:
    result = Mailer(paths, Settings(sender=SENDER)).send(TO, SUBJECT, BODY, [CV])

    assert result.status == "written"
    assert result.error is None
    assert result.path is not None
    assert result.path.parent == paths.outbox / "new"
    assert mode(result.path) == 0o600
    assert mode(paths.outbox) == 0o700
    assert list((paths.outbox / "tmp").iterdir()) == []
    assert queue_files(paths) == []

    raw = result.path.read_bytes()
    assert raw.isascii()  # 7-bit clean: encoded words, quoted-printable, base64
    message = parse(raw)
    assert_our_message(message)
    assert message["From"] == SENDER
    assert message["Message-ID"] == result.message_id
    assert result.message_id.endswith("@pass.example.fr>")

    # A maildir reader (the stdlib's here, mutt on a kiosk) finds it as a new message.
    box = mailbox.Maildir(paths.outbox, factory=None, create=False)
    keys = box.keys()
    assert len(keys) == 1
    assert box.get_message(keys[0]).get_subdir() == "new"
    assert_our_message(parse(box.get_bytes(keys[0])))


def test_maildir_backend_gives_every_message_its_own_file(paths: DataPaths) -> None:
    mailer = Mailer(paths, Settings())
    results = [mailer.send(TO, f"{SUBJECT} ({n})", BODY) for n in range(5)]
    assert len({r.path for r in results}) == 5
    assert len({r.message_id for r in results}) == 5
    assert sorted(p.name for p in (paths.outbox / "new").iterdir()) == sorted(
        r.path.name for r in results if r.path
    )


def test_short_french_body_is_sent_7bit_clean(paths: DataPaths) -> None:
    result = Mailer(paths, Settings()).send(
        TO, "Candidature reçue", "Bonjour Élodie,\nÀ bientôt.\n"
    )
    assert result.path is not None
    raw = result.path.read_bytes()
    assert raw.isascii()
    message = parse(raw)
    assert message["Content-Transfer-Encoding"] == "quoted-printable"
    assert message.get_content() == "Bonjour Élodie,\nÀ bientôt.\n"


def test_subject_line_breaks_cannot_inject_headers(paths: DataPaths) -> None:
    result = Mailer(paths, Settings()).send(TO, "Bonjour\r\nBcc: victim@example.org", BODY)
    assert result.path is not None
    message = parse(result.path.read_bytes())
    assert message["Bcc"] is None
    assert message["Subject"] == "Bonjour Bcc: victim@example.org"


def test_nothing_personal_is_logged(paths: DataPaths, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="pass_tui")
    Mailer(paths, Settings()).send(TO, SUBJECT, BODY, [CV])
    with smtp_server() as server:
        smtp_mailer(paths, server.settings()).send(TO, SUBJECT, BODY, [CV])
    text = "\n".join(record.getMessage() for record in caplog.records)
    for secret in ("elodie", "Élodie", "Apprenti", "candidature", "CV"):
        assert secret not in text


# -- SMTP backend ----------------------------------------------------------------------------


def test_smtp_backend_delivers_to_a_real_server(paths: DataPaths) -> None:
    with smtp_server() as server:
        mailer = smtp_mailer(paths, server.settings(sender=SENDER))
        result = mailer.send(TO, SUBJECT, BODY, [CV])

    assert result.status == "sent"
    assert result.error is None
    assert result.path is None
    assert len(server.received) == 1
    got = server.received[0]
    assert got.mail_from == "ne-pas-repondre@pass.example.fr"
    assert got.rcpt_tos == [TO]
    assert not got.tls
    assert got.message["From"] == SENDER
    assert got.message["Message-ID"] == result.message_id
    assert_our_message(got.message)
    assert not paths.outbox.exists() or queue_files(paths) == []


def test_smtp_backend_sends_one_message_to_several_recipients(paths: DataPaths) -> None:
    other = "recruteur@administration.example.fr"
    with smtp_server() as server:
        result = smtp_mailer(paths, server.settings()).send([TO, other, TO], SUBJECT, BODY)
    assert result.status == "sent"
    assert len(server.received) == 1
    assert server.received[0].rcpt_tos == [TO, other]


def test_smtp_login(paths: DataPaths) -> None:
    with smtp_server(credentials=("kiosque", "s3cret-é")) as server:
        smtp = server.settings(username="kiosque", password="s3cret-é")
        result = smtp_mailer(paths, smtp).send(TO, SUBJECT, BODY, [CV])
    assert result.status == "sent", result.error
    assert server.handler.logins == ["kiosque"]
    assert server.received[0].login == "kiosque"
    assert_our_message(server.received[0].message)


def test_smtp_wrong_password_queues_with_the_reply(paths: DataPaths) -> None:
    with smtp_server(credentials=("kiosque", "s3cret")) as server:
        smtp = server.settings(username="kiosque", password="faux")
        result = smtp_mailer(paths, smtp).send(TO, SUBJECT, BODY)
    assert result.status == "queued"
    assert result.error is not None
    assert result.error.startswith(
        f"authentification refusée par le serveur SMTP (127.0.0.1:{server.port}) : 535"
    )
    assert server.received == []
    assert len(queue_files(paths)) == 1


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    # .ci/run installs openssl; a missing tool must fail loudly, not skip
    assert shutil.which("openssl"), "the openssl command is needed to make a test certificate"
    return make_self_signed_cert(tmp_path_factory.mktemp("tls"))


def server_context(certificate: tuple[Path, Path]) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*certificate)
    return context


def client_context(certificate: tuple[Path, Path]) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(certificate[0]))


def test_starttls(paths: DataPaths, certificate: tuple[Path, Path]) -> None:
    with smtp_server(
        tls_context=server_context(certificate),
        require_starttls=True,
        credentials=("kiosque", "s3cret"),
    ) as server:
        smtp = server.settings(security="starttls", username="kiosque", password="s3cret")
        mailer = smtp_mailer(paths, smtp, ssl_context=client_context(certificate))
        result = mailer.send(TO, SUBJECT, BODY, [CV])
    assert result.status == "sent", result.error
    assert server.received[0].tls
    assert server.received[0].login == "kiosque"
    assert_our_message(server.received[0].message)


def test_plain_smtp_to_a_server_requiring_starttls_is_queued(
    paths: DataPaths, certificate: tuple[Path, Path]
) -> None:
    with smtp_server(tls_context=server_context(certificate), require_starttls=True) as server:
        result = smtp_mailer(paths, server.settings()).send(TO, SUBJECT, BODY)
    assert result.status == "queued"
    assert result.error is not None
    assert "530" in result.error
    assert server.received == []


def test_starttls_with_an_untrusted_certificate_is_queued(
    paths: DataPaths, certificate: tuple[Path, Path]
) -> None:
    with smtp_server(tls_context=server_context(certificate), require_starttls=True) as server:
        # Default context: the system trust store, which does not know our self-signed cert.
        result = smtp_mailer(paths, server.settings(security="starttls")).send(TO, SUBJECT, BODY)
    assert result.status == "queued"
    assert result.error is not None
    assert result.error.startswith(
        f"échec TLS avec le serveur SMTP (127.0.0.1:{server.port}) : certificat refusé"
    )
    assert server.received == []
    assert len(queue_files(paths)) == 1


def test_starttls_not_offered_is_queued(paths: DataPaths) -> None:
    with smtp_server() as server:
        result = smtp_mailer(paths, server.settings(security="starttls")).send(TO, SUBJECT, BODY)
    assert result.status == "queued"
    assert result.error == f"le serveur SMTP (127.0.0.1:{server.port}) ne propose pas STARTTLS"
    assert server.received == []


def test_implicit_tls(paths: DataPaths, certificate: tuple[Path, Path]) -> None:
    with smtp_server(ssl_context=server_context(certificate)) as server:
        mailer = smtp_mailer(
            paths, server.settings(security="tls"), ssl_context=client_context(certificate)
        )
        result = mailer.send(TO, SUBJECT, BODY, [CV])
    assert result.status == "sent", result.error
    assert server.received[0].tls
    assert_our_message(server.received[0].message)


# -- failures and the queue ------------------------------------------------------------------


def test_refused_connection_queues_then_flush_delivers(paths: DataPaths) -> None:
    port = free_port()
    mailer = smtp_mailer(paths, SmtpSettings(host="127.0.0.1", port=port, timeout=5))

    result = mailer.send(TO, SUBJECT, BODY, [CV])

    assert result.status == "queued"
    assert result.error == f"serveur SMTP injoignable (127.0.0.1:{port}) : connexion refusée"
    assert result.path is not None
    assert queue_files(paths) == [result.path]
    assert result.path.parent == paths.outbox / ".queue" / "new"
    assert mode(result.path) == 0o600
    assert not (paths.outbox / "new").exists() or list((paths.outbox / "new").iterdir()) == []
    queued = parse(result.path.read_bytes())
    assert queued[HEADER_ATTEMPTS] == "1"
    assert queued[HEADER_ENVELOPE] == TO
    assert queued["Message-ID"] == result.message_id
    assert mailer.queued() == [QueuedMail(result.path, result.message_id, 1, result.error)]
    assert mailer.pending() == 1
    # The outbox's maildir++ sub-folder, as a mail client sees it.
    assert mailbox.Maildir(paths.outbox, factory=None, create=False).list_folders() == ["queue"]

    # Still no server: the flush fails, the message stays, one more attempt is recorded.
    report = mailer.flush()
    assert report == FlushReport(0, 1, [result.error])
    assert mailer.queued() == [QueuedMail(result.path, result.message_id, 2, result.error)]

    with smtp_server(port=port) as server:
        report = mailer.flush()

    assert report == FlushReport(sent=1, still_queued=0, errors=[])
    assert queue_files(paths) == []
    assert mailer.pending() == 0
    assert len(server.received) == 1
    got = server.received[0]
    assert got.rcpt_tos == [TO]
    assert got.message["Message-ID"] == result.message_id
    assert_our_message(got.message)  # bookkeeping headers stripped


def test_unreachable_server_during_flush_is_recorded_on_every_message(paths: DataPaths) -> None:
    port = free_port()
    mailer = smtp_mailer(paths, SmtpSettings(host="127.0.0.1", port=port, timeout=5))
    results = [mailer.send(TO, f"{SUBJECT} ({n})", BODY) for n in range(3)]
    error = results[0].error
    assert error is not None

    report = mailer.flush()

    assert report == FlushReport(0, 3, [error])
    assert [(q.message_id, q.attempts, q.error) for q in mailer.queued()] == [
        (r.message_id, 2, error) for r in results
    ]


def test_silent_server_times_out_and_queues(paths: DataPaths) -> None:
    with silent_server() as port:
        mailer = smtp_mailer(paths, SmtpSettings(host="127.0.0.1", port=port, timeout=0.5))
        started = time.monotonic()
        result = mailer.send(TO, SUBJECT, BODY)
        elapsed = time.monotonic() - started
    assert result.status == "queued"
    assert result.error == f"serveur SMTP injoignable (127.0.0.1:{port}) : pas de réponse en 0.5 s"
    assert 0.4 < elapsed < 5
    assert len(queue_files(paths)) == 1


def test_rcpt_refused_with_550_is_queued_with_the_reply(paths: DataPaths) -> None:
    with smtp_server(refuse={TO: "550 5.1.1 Boîte inconnue"}) as server:
        result = smtp_mailer(paths, server.settings()).send(TO, SUBJECT, BODY, [CV])
    assert result.status == "queued"
    assert result.error == (
        f"destinataire refusé par le serveur SMTP (127.0.0.1:{server.port}) : "
        "550 5.1.1 Boîte inconnue"
    )
    assert server.received == []
    [queued] = smtp_mailer(paths, server.settings()).queued()
    assert queued.error == result.error
    assert queued.attempts == 1
    assert_our_message(_without_bookkeeping(queued.path))


def test_partial_refusal_queues_only_the_refused_recipient(paths: DataPaths) -> None:
    other = "recruteur@administration.example.fr"
    with smtp_server(refuse={other: "450 4.2.0 Réessayez plus tard"}) as server:
        mailer = smtp_mailer(paths, server.settings())
        result = mailer.send([TO, other], SUBJECT, BODY)
        assert result.status == "queued"
        assert result.error is not None
        assert "450 4.2.0" in result.error
        assert [r.rcpt_tos for r in server.received] == [[TO]]
        [path] = queue_files(paths)
        assert parse(path.read_bytes())[HEADER_ENVELOPE] == other

        server.handler.refuse.clear()
        assert mailer.flush() == FlushReport(1, 0, [])
    assert [r.rcpt_tos for r in server.received] == [[TO], [other]]


def test_flush_skips_a_refused_message_and_sends_the_others(paths: DataPaths) -> None:
    refused = "inconnu@example.org"
    port = free_port()
    mailer = smtp_mailer(paths, SmtpSettings(host="127.0.0.1", port=port, timeout=5))
    ids = [mailer.send(to, SUBJECT, BODY).message_id for to in (TO, refused, TO)]
    assert mailer.pending() == 3

    with smtp_server(port=port, refuse={refused: "550 5.1.1 Boîte inconnue"}) as server:
        report = mailer.flush()

    assert report.sent == 2
    assert report.still_queued == 1
    assert len(report.errors) == 1
    assert report.errors[0].endswith("550 5.1.1 Boîte inconnue")
    assert sorted(r.message["Message-ID"] for r in server.received) == sorted([ids[0], ids[2]])
    [left] = mailer.queued()
    assert left.message_id == ids[1]
    assert left.attempts == 2
    assert left.error == report.errors[0]


def test_flush_with_an_empty_queue(paths: DataPaths) -> None:
    mailer = smtp_mailer(paths, SmtpSettings(host="127.0.0.1", port=free_port()))
    assert mailer.flush() == FlushReport(0, 0, [])


def test_flush_without_smtp_keeps_the_queue(paths: DataPaths) -> None:
    port = free_port()
    smtp_mailer(paths, SmtpSettings(host="127.0.0.1", port=port)).send(TO, SUBJECT, BODY)
    report = Mailer(paths, Settings()).flush()
    assert report.sent == 0
    assert report.still_queued == 1
    assert report.errors == [
        "aucun serveur SMTP configuré : les messages restent en file d'attente"
    ]
    assert len(queue_files(paths)) == 1


def test_only_one_flush_at_a_time(paths: DataPaths) -> None:
    port = free_port()
    mailer = smtp_mailer(paths, SmtpSettings(host="127.0.0.1", port=port, timeout=5))
    mailer.send(TO, SUBJECT, BODY)
    with smtp_server(port=port) as server:
        # Another session is flushing: it holds the lock (a separate lock file handle).
        with FileLock(str(paths.outbox / ".queue" / "flush.lock")):
            report = mailer.flush()
        assert report == FlushReport(0, 1, ["un envoi de la file d'attente est déjà en cours"])
        assert server.received == []
        assert mailer.flush() == FlushReport(1, 0, [])
    assert len(server.received) == 1


def _without_bookkeeping(path: Path) -> EmailMessage:
    message = parse(path.read_bytes())
    for name in (HEADER_ATTEMPTS, HEADER_ENVELOPE, HEADER_ERROR, "X-Pass-Tui-Last-Attempt"):
        del message[name]
    return message
