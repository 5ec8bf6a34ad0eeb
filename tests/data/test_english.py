"""`--lang en` is English everywhere outside the TUI screens; French has no English.

Through the real `pass-tui` process: every subcommand's help, search (text, RSS, Atom),
`offer`, imports and their errors, the feed server, `catalogue remove-demo`; then the
e-mail an offer sends and the printed text. The data is ours (a few offers with
English-neutral text), so that a French word found in English output is the program's.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
from collections.abc import Iterator
from datetime import date, timedelta
from email import policy
from email.parser import BytesParser
from pathlib import Path

import feedparser
import httpx
import pytest

from pass_tui.cli.parser import choose_language
from pass_tui.data.criteria import CRITERIA, GROUP_LABELS
from pass_tui.data.publishing.render import offer_field_list
from pass_tui.data.refdata import refdata
from pass_tui.data.services import Services
from pass_tui.i18n import ENGLISH, _n, set_language
from tests.factories import REPO, feeds_process, offer, run_cli, run_cli_bytes


# -- the detectors ------------------------------------------------------------------------------
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words frequent in our French text that English text never uses (the data below avoids
# French proper nouns that would contain them: "Pays de la Loire", "Ille-et-Vilaine").
FRENCH_WORDS = _words(
    """de le la les des du un une et est sont pas pour dans sur avec aux au ou ne que qui
    nombre résultats offre offres erreur introuvable utilisation aucun aucune fichier dossier
    adresse ligne publiée référence intitulé employeur ville durée département région niveau
    domaine candidature mots clés oui non afficher rechercher importer défaut répétable langue
    thème lecture écriture valeur valeurs attendu attendue possibles inconnu inconnue invalide
    mal formé refusé rien importé lue lues ajoutée ajoutées"""
)
FRENCH_ELISIONS = ("l'", "d'", "qu'", "n'", "c'", "l’", "d’")
FRENCH_TYPOGRAPHY = re.compile(r"\S [:;?!](\s|$)|[«»]")

# Words frequent in our English text that French text never uses. Command and option names
# (search, offer, import, --keywords, {text,json}) are the CLI's contract, the same in both
# languages: they are taken out before looking.
ENGLISH_WORDS = _words(
    """the and of to with this that show shows error not found invalid required usage default
    expected unknown offers results number level education published yes file directory
    missing cannot must between got repeatable listen address feeds served stopped refused
    nothing imported read added updated unchanged apprenticeship internship keywords
    department region help exit choose"""
)
_CLI_WORDS = re.compile(
    r"(?<![\w-])--?[\w-]+|\{[^}]*\}|\bpass-tui\b(\s+(search|offer|import|catalogue|feeds|"
    r"serve|remove-demo))*|^\s+(search|offer|import|catalogue|feeds|serve|remove-demo)\b",
    re.MULTILINE,
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_URL = re.compile(r"https?://\S+")  # addresses are the same in both languages


def french_in(text: str, allowed: tuple[str, ...] = ()) -> list[str]:
    """The French this text shows: marker words, elisions, French spacing, guillemets.
    ``allowed``: French text that is data (reference values typed as CLI values)."""
    for value in allowed:
        text = text.replace(value, " ")
    text = _URL.sub(" ", text)
    found = []
    for word in _WORD.findall(text):
        lower = word.lower()
        if lower in FRENCH_WORDS or lower.startswith(FRENCH_ELISIONS):
            found.append(word)
    found += [m.group(0).strip() for m in FRENCH_TYPOGRAPHY.finditer(text)]
    return found


def english_in(text: str) -> list[str]:
    """The English this text shows, command and option names aside."""
    text = _CLI_WORDS.sub(" ", _URL.sub(" ", text))
    return [word for word in _WORD.findall(text) if word.lower() in ENGLISH_WORDS]


ACCENTED = re.compile(r"[àâäçéèêëîïôöûùüÿœæ]", re.IGNORECASE)


def test_the_detectors_catch_what_they_look_for() -> None:
    assert french_in("Nombre de résultats : 2 offres") == [
        "Nombre",
        "de",
        "résultats",
        "offres",
        "s :",
    ]
    assert french_in("L'offre est clôturée") == ["L'offre", "est"]
    assert french_in("Voir « Affiner »") == ["«", "»"]
    assert french_in("Number of results: 2 offers\nDepartment: Finistère (29)") == []
    assert french_in("see http://127.0.0.1/flux/offres") == []
    assert (
        french_in("values: Emploi ouvert aux contractuels", ("Emploi ouvert aux contractuels",))
        == []
    )
    assert english_in("usage: show this help message and exit") == [
        "usage",
        "show",
        "this",
        "help",
        "and",
        "exit",
    ]
    assert english_in("utilisation : pass-tui search [--keywords TEXTE] {text,json}") == []
    assert english_in("    offer               afficher une offre") == []


# -- the data: offers whose own text is neither French nor English -------------------------------
def _offers() -> list[dict]:
    today = date.today()
    common = {"published": today - timedelta(days=2), "closing": today + timedelta(days=30)}
    offers = [
        offer(
            "T-1",
            title="Gardener",
            nature="Stage",
            level=5,
            domain="Achats",
            department="29",
            city="Brest",
            employer="Example Agency",
            contact_email="hr@agency.example",
            apply_by_email=True,
            description="Line one.\n\nLine two.",
            profile="Patience.",
            how_to_apply="CV",
            **common,
        ),
        offer("T-2", title="Plumber", nature="Apprentissage", level=3, city="Brest", **common),
        offer("T-3", title="Baker", nature="Stage", level=4, department="29", **common),
    ]
    return [o.model_dump(mode="json") for o in offers]


def en(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_cli("--lang", "en", *args, env=env)


@pytest.fixture(scope="module")
def english_dir(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A data dir holding our offers, imported by the English CLI; and the import report."""
    folder = tmp_path_factory.mktemp("english")
    source = folder / "offers.json"
    source.write_text(json.dumps({"offers": _offers()}), "utf-8")
    data = folder / "data"
    out = en("import", str(source), "--data-dir", str(data))
    assert out.returncode == 0, out.stderr
    return data, out.stdout


# -- help, in every subcommand -------------------------------------------------------------------
SUBCOMMANDS = [
    [],
    ["search"],
    ["offer"],
    ["import"],
    ["catalogue"],
    ["catalogue", "remove-demo"],
    ["feeds"],
    ["feeds", "serve"],
]
ENGLISH_LOCALE = {"LANG": "en_GB.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
FRENCH_LOCALE = {"LANG": "fr_FR.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}


@pytest.mark.parametrize("how", ["--lang", "LANG"])
@pytest.mark.parametrize("command", SUBCOMMANDS, ids=lambda c: " ".join(c) or "pass-tui")
def test_help_is_english(command: list[str], how: str) -> None:
    if how == "--lang":
        out = run_cli(*command, "--lang", "en", "--help")
    else:
        out = run_cli(*command, "--help", env=ENGLISH_LOCALE)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("usage: pass-tui")
    assert "options:\n" in out.stdout
    assert french_in(out.stdout) == []
    assert ACCENTED.findall(out.stdout) == []


@pytest.mark.parametrize("command", SUBCOMMANDS, ids=lambda c: " ".join(c) or "pass-tui")
def test_help_is_french_by_default(command: list[str]) -> None:
    out = run_cli(*command, "--help")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("utilisation : pass-tui")
    assert "options :\n" in out.stdout  # French spacing in argparse's headings too
    assert english_in(out.stdout) == []


def test_lang_beats_the_locale_which_beats_config(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "config.toml").write_text('language = "en"\n')
    where = ["--data-dir", str(data)]
    cases = [
        (["--lang", "fr"], ENGLISH_LOCALE, "utilisation :"),
        (["--lang", "en"], FRENCH_LOCALE, "usage:"),
        ([], FRENCH_LOCALE, "utilisation :"),  # the person's locale before the host's config
        ([], {"LANG": "C.UTF-8"}, "usage:"),  # no language in the locale: config.toml
        ([], {"LANG": "de_DE.UTF-8"}, "usage:"),
    ]
    for options, env, first in cases:
        out = run_cli("search", *where, *options, "--help", env=env)
        assert out.stdout.startswith(first), (options, env, out.stdout[:40])
    # without a config.toml, French
    out = run_cli("search", "--data-dir", str(tmp_path / "none"), "--help")
    assert out.stdout.startswith("utilisation :")
    assert not (tmp_path / "none").exists()  # choosing the language reads, never writes


def test_choose_language() -> None:
    c = {"LANG": "C.UTF-8"}
    assert choose_language(["--lang", "en"], c) == "en"
    assert choose_language(["search", "--lang=en"], c) == "en"
    assert choose_language(["offer", "X", "--la", "en"], c) == "en"  # argparse abbreviation
    assert choose_language(["--lang", "en"], {"LANG": "fr_FR.UTF-8"}) == "en"
    assert choose_language([], {"LANG": "en_US.UTF-8"}) == "en"
    assert choose_language([], {"LC_ALL": "fr_FR.UTF-8", "LANG": "en_US.UTF-8"}) == "fr"
    assert choose_language([], {"LC_MESSAGES": "en_IE.UTF-8", "LANG": "fr_FR"}) == "en"
    assert choose_language([], {"LANG": "en"}) == "en"
    assert choose_language(["--data-dir", "/nonexistent/pass-tui"], c) == "fr"
    assert choose_language(["--lang"], {"LANG": "en_GB.UTF-8"}) == "en"


# -- what the commands print ---------------------------------------------------------------------
def test_search_text_is_english(english_dir: tuple[Path, str]) -> None:
    data, _report = english_dir
    out = en(
        "search", "--nature", "Stage", "--level", "5", "--region", "53", "--keywords", "gardener",
        "--data-dir", str(data),
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[:5] == [
        "Number of results: 1 offer",
        "Type of position: Internship",
        "Level of education: Level 5: Two years of higher education (BTS, DUT, DEUST)",
        "Location: Bretagne",
        "Keywords: gardener",
    ]
    assert re.fullmatch(
        r"T-1 — Gardener — Example Agency — Brest \(29\) — published \d\d/\d\d/\d{4}", lines[5]
    )
    assert french_in(out.stdout) == []
    for count, line in ((0, "Number of results: 0 offers"), (3, "Number of results: 3 offers")):
        keywords = ["--keywords", "nothing-matches"] if count == 0 else []
        out = en("search", *keywords, "--data-dir", str(data))
        assert out.stdout.splitlines()[0] == line
        assert french_in(out.stdout) == []
    french = run_cli(
        "search", "--nature", "Stage", "--keywords", "gardener", "--data-dir", str(data)
    )
    assert french.stdout.splitlines()[:3] == [
        "Nombre de résultats : 1 offre",
        "Nature de l'emploi : Stage",
        "Mots clés : gardener",
    ]
    assert english_in(french.stdout) == []


def test_search_feeds_are_english(english_dir: tuple[Path, str]) -> None:
    data, _report = english_dir
    args = ["search", "--nature", "Stage", "--keywords", "gardener", "--data-dir", str(data)]
    rss = feedparser.parse(run_cli_bytes("--lang", "en", *args, "--format", "rss").stdout)
    assert not rss.bozo, rss.bozo_exception
    assert rss.feed.title == "PASS – search: Internship; gardener"
    assert rss.feed.description == (
        "Number of results: 1 offer. Type of position: Internship. Keywords: gardener."
    )
    assert "Profile sought:" in rss.entries[0].description
    atom = feedparser.parse(run_cli_bytes("--lang", "en", *args, "--format", "atom").stdout)
    assert not atom.bozo, atom.bozo_exception
    entry = atom.entries[0]
    assert entry.tags[0].label == "Internship"
    assert entry.summary == "Example Agency — Brest (29) — Internship"
    content = entry.content[0].value
    assert "Reference: T-1" in content and "Department: Finistère (29)" in content
    for text in (rss.feed.title, rss.feed.description, atom.feed.title, entry.summary, content):
        assert french_in(text) == [], text
    french = feedparser.parse(run_cli_bytes(*args, "--format", "rss").stdout)
    assert french.feed.title == "PASS – recherche : Stage ; gardener"
    assert english_in(french.feed.title + " " + french.feed.description) == []


def test_offer_text_is_english(english_dir: tuple[Path, str]) -> None:
    data, _report = english_dir
    out = en("offer", "T-1", "--data-dir", str(data))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    for line in (
        "Reference: T-1",
        "Job title: Gardener",
        "Type of position: Internship",
        "Functional area: Purchasing",
        "Level of education: Level 5: Two years of higher education (BTS, DUT, DEUST)",
        "Region: Bretagne",
        "Department: Finistère (29)",
        "Job description:",
        "Apply by e-mail: yes",
    ):
        assert line in lines, line
    assert any(re.fullmatch(r"Publication date: \d\d/\d\d/\d{4}", line) for line in lines)
    assert french_in(out.stdout) == []
    french = run_cli("offer", "T-1", "--data-dir", str(data))
    assert "Département : Finistère (29)" in french.stdout.splitlines()
    assert "Nature de l'emploi : Stage" in french.stdout.splitlines()
    assert english_in(french.stdout) == []


def test_import_report_and_errors_are_english(
    english_dir: tuple[Path, str], tmp_path: Path
) -> None:
    _data, report = english_dir
    assert re.fullmatch(
        r".*offers\.json: 3 offer\(s\) read \(json\), 0 of them already closed — 3 added, "
        r"0 updated, 0 unchanged\n",
        report,
    ), report
    assert french_in(report.split(": ", 1)[1]) == []
    broken = tmp_path / "broken.json"
    broken.write_text('{"offers": [1,]}')
    data = ["--data-dir", str(tmp_path / "d")]
    out = en("import", str(broken), *data)
    assert out.returncode == 2
    assert out.stderr.startswith("pass-tui: import refused, nothing imported: ")
    assert out.stderr.endswith("line 1: malformed JSON (value expected, column 15)\n")
    assert french_in(out.stderr.replace(str(broken), "")) == []
    out = run_cli("import", str(broken), *data)
    assert out.stderr.endswith("ligne 1 : JSON mal formé (valeur attendue, colonne 15)\n")
    assert english_in(out.stderr.replace(str(broken), "")) == []


ERRORS = [
    ["offer", "NOPE"],
    ["search", "--level", "12"],
    ["search", "--nature", "Intern"],
    ["search", "--limit", "abc"],
    ["search", "--limit", "-1"],
    ["search", "--bogus"],
    ["import"],
    ["import", "/nulle-part/x.json"],
    ["feeds", "serve", "--port", "70000"],
    ["catalogue"],
]


@pytest.mark.parametrize("command", ERRORS, ids=" ".join)
def test_errors_speak_the_language(command: list[str], english_dir: tuple[Path, str]) -> None:
    data, _report = english_dir
    english = run_cli(*command, "--data-dir", str(data), env=ENGLISH_LOCALE)
    assert english.returncode in (1, 2)
    last = english.stderr.splitlines()[-1]
    assert last.startswith("pass-tui: ")
    assert french_in(last, allowed=refdata().natures) == [], last
    french = run_cli(*command, "--data-dir", str(data))
    assert french.returncode == english.returncode
    last = french.stderr.splitlines()[-1]
    assert last.startswith("pass-tui : ")
    assert english_in(last) == [], last


def test_catalogue_remove_demo_is_english(english_dir: tuple[Path, str]) -> None:
    data, _report = english_dir
    out = en("catalogue", "remove-demo", "--data-dir", str(data))
    assert out.returncode == 0, out.stderr
    assert out.stdout == "0 demo offer(s) removed from the catalogue.\n"


def test_feed_server_is_english(english_dir: tuple[Path, str]) -> None:
    data, _report = english_dir
    with feeds_process(data, lang="en") as server:  # stopped by Ctrl+C, exit status 0
        match = re.fullmatch(
            r"Feeds served at (http://127\.0\.0\.1:\d+)/flux/offres, \1/flux/offres_stages and "
            r"\1/flux/recherche\?… \(Ctrl\+C to stop\)\n",
            server.banner,
        )
        assert match, server.banner
        base = match.group(1)
        feed = feedparser.parse(httpx.get(f"{base}/flux/offres_stages", timeout=30).content)
        assert feed.feed.title == "PASS – internship offers"
        assert feed.feed.description == "Open internship offers, newest first."
        unknown = httpx.get(f"{base}/nowhere", timeout=30)
        assert unknown.status_code == 404
        assert unknown.text.startswith("Unknown address: /nowhere\n\nAvailable feeds (RSS 2.0; ")
        assert f"  {base}/flux/offres: apprenticeship offers" in unknown.text.splitlines()
        text = httpx.get(f"{base}/offre/T-1", timeout=30).text
        assert "Reference: T-1" in text.splitlines()
        for body in (feed.feed.title, feed.feed.description, unknown.text, text):
            assert french_in(body) == [], body
    assert server.log.splitlines()[-1] == "Feed server stopped."


# -- the offer sent by e-mail and printed --------------------------------------------------------
@pytest.fixture
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("fr")


def test_emailed_offer_is_english(english: None, tmp_path: Path) -> None:
    services = Services(tmp_path)
    sent = offer(
        "T-1",
        title="Gardener",
        nature="Stage",
        level=5,
        department="29",
        description="Line one.",
        contact_email="hr@agency.example",
        apply_by_email=True,
    )
    result = services.sharing.email(sent, "reader@example.org")
    assert result.status == "written" and result.path is not None
    message = BytesParser(policy=policy.default).parsebytes(result.path.read_bytes())
    assert message["Subject"] == "PASS offer T-1: Gardener"
    body = message.get_content()
    assert body.startswith("Here is an offer from PASS, the French public service's ")
    lines = body.splitlines()
    for line in ("Reference: T-1", "Type of position: Internship", "Apply by e-mail: yes"):
        assert line in lines, line
    assert french_in(message["Subject"] + "\n" + body) == []


def test_printed_offer_text_is_english(english: None, tmp_path: Path) -> None:
    services = Services(tmp_path)
    printed = services.sharing.print(offer("T-2", title="Plumber", department="29", level=3))
    text = printed.text.read_text("utf-8")
    assert "Type of position: Apprenticeship" in text.splitlines()
    assert "Department: Finistère (29)" in text.splitlines()
    assert french_in(text) == []


def test_mail_failures_are_english(english: None) -> None:
    from pass_tui.data.config import SmtpSettings
    from pass_tui.data.mail.mailer import _describe

    smtp = SmtpSettings(host="smtp.example", port=587)
    line = _describe(ConnectionRefusedError(), smtp)
    assert line == "SMTP server unreachable (smtp.example:587): connection refused"
    set_language("fr")
    line = _describe(ConnectionRefusedError(), smtp)
    assert line == "serveur SMTP injoignable (smtp.example:587) : connexion refusée"


# -- the catalogue itself ------------------------------------------------------------------------
def test_english_has_no_french_typography_and_french_has_it() -> None:
    for french, english in ENGLISH.items():
        assert not re.search(r"\s[:;?!](\s|$)", english), english
        assert "«" not in english and "»" not in english, english
        assert set(re.findall(r"\{\w+\}", french)) == set(re.findall(r"\{\w+\}", english)), french
        # French: a space before ":", ";", "?", "!" (not in URLs, {host}:{port}, "C:")
        for found in re.finditer(r"(\S)([:;?!])(\s|$)", french):
            assert found.group(1) in "“\"'", french


def test_every_label_and_reference_value_has_an_english_translation() -> None:
    full = offer(
        "T-9",
        title="x",
        nature="Stage",
        versant="FPE",
        category="A",
        domain="Achats",
        metier="m",
        organisation="o",
        employer="e",
        service="s",
        department="29",
        city="c",
        level=6,
        duration="d",
        start_date=date.today(),
        closing=date.today(),
        description="d",
        profile="p",
        how_to_apply="h",
        contact_email="a@b.example",
        apply_by_email=True,
        source_url="https://example.org/o",
        attachments=[{"name": "n", "url": "https://example.org/a"}],
    )
    fields = offer_field_list(full)
    assert len(fields) == 25  # every field of the offer: none forgotten here
    wanted = {f.label for f in fields} | {f.section for f in fields if f.section != "facts"}
    for criterion in CRITERIA:
        wanted |= {criterion.label, criterion.help, criterion.metavar}
        wanted |= {criterion.form_label} - {""}
    wanted |= set(GROUP_LABELS.values())
    rd = refdata()
    wanted |= set(rd.natures) | set(rd.domain_names) | set(rd.level_labels.values())
    from pass_tui.data.publishing import feed_server
    from pass_tui.data.sources import problems

    wanted |= set(problems._JSON.values()) | set(problems._XML.values())
    for feed in feed_server._FEEDS.values():
        wanted |= {feed.title, feed.description} - {""}
    # and both forms of every plural in the package (the TUI test checks `_()` literals)
    for path in (REPO / "pass_tui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "_n":
                wanted |= {a.value for a in node.args[:2] if isinstance(a, ast.Constant)}
    assert sorted(w for w in wanted if w not in ENGLISH) == []


def test_plurals_follow_each_language(english: None) -> None:
    one, many = "Nombre de résultats : {count} offre", "Nombre de résultats : {count} offres"
    assert [_n(one, many, n, count=n) for n in (0, 1, 2)] == [
        "Number of results: 0 offers",
        "Number of results: 1 offer",
        "Number of results: 2 offers",
    ]
    set_language("fr")
    assert [_n(one, many, n, count=n) for n in (0, 1, 2)] == [
        "Nombre de résultats : 0 offre",
        "Nombre de résultats : 1 offre",
        "Nombre de résultats : 2 offres",
    ]
