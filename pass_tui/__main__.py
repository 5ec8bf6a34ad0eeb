"""Command line: no subcommand starts the TUI; subcommands print plain text or JSON."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from pass_tui.data.config import ConfigError
from pass_tui.data.criteria import SearchCriteria
from pass_tui.data.errors import CriteriaError
from pass_tui.data.refdata import refdata
from pass_tui.data.store import StoreError

if TYPE_CHECKING:
    from pass_tui.data.services import Services

# Mirrors pass_tui.data.sources.imports.FORMATS (not imported here: it pulls in httpx).
IMPORT_FORMATS = ("auto", "pass-rss", "pep-csv", "json")
EXIT_OK, EXIT_NOT_FOUND, EXIT_BAD_INPUT = 0, 1, 2


class UsageError(Exception):
    """Bad input on the command line (exit 2, nothing written)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"pass-tui : erreur : {message}\n")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        help="dossier de données (défaut : $PASS_TUI_HOME ou le dossier utilisateur)",
    )

    parser = _Parser(
        prog="pass-tui",
        description="PASS, la Place de l'apprentissage et des stages, dans un terminal.",
        parents=[common],
    )
    parser.add_argument("--lang", choices=["fr", "en"], default=None, help="langue de l'interface")
    parser.add_argument(
        "--screen-reader", action="store_true", help="mode lecteur d'écran (sans décor)"
    )
    parser.add_argument("--kiosk", action="store_true", help="mode borne (souris désactivée)")
    parser.add_argument("--theme", default=None, help="thème (ex. ansi-dark, ansi-light)")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    search = sub.add_parser("search", parents=[common], help="rechercher des offres")
    search.add_argument("--keywords", default="", help="mots clés ou numéro d'offre")
    search.add_argument("--nature", action="append", default=[], help="nature de l'emploi")
    search.add_argument("--domain", action="append", default=[], help="domaine fonctionnel")
    search.add_argument(
        "--organisation", action="append", default=[], help="organisme de rattachement"
    )
    search.add_argument("--level", action="append", default=[], type=int, help="niveau 3 à 8")
    search.add_argument("--region", action="append", default=[], help="code INSEE de région")
    search.add_argument("--department", action="append", default=[], help="code de département")
    search.add_argument("--format", choices=["text", "json", "rss", "atom"], default="text")
    search.add_argument("--limit", type=int, default=None, help="nombre maximal d'offres")

    offer = sub.add_parser("offer", parents=[common], help="afficher une offre")
    offer.add_argument("reference", help="référence de l'offre (ex. 2019-181070)")
    offer.add_argument("--format", choices=["text", "json"], default="text")
    imp = sub.add_parser(
        "import", parents=[common], help="importer des offres (fichier ou URL http(s))"
    )
    imp.add_argument("source", nargs="?", help="chemin ou URL http(s)")
    imp.add_argument("--format", choices=IMPORT_FORMATS, default="auto", dest="fmt")
    imp.add_argument(
        "--all", action="store_true", help="importer toutes les sources de config.toml"
    )
    feeds = sub.add_parser("feeds", parents=[common], help="flux RSS / Atom")
    feeds_sub = feeds.add_subparsers(dest="feeds_command", required=True, parser_class=_Parser)
    serve = feeds_sub.add_parser(
        "serve", parents=[common], help="servir les flux en HTTP (lecture seule)"
    )
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument("--limit", type=int, default=100, help="offres par flux (défaut 100)")
    serve.add_argument("--base-url", default=None, help="adresse publique utilisée dans les liens")
    return parser


def _criteria(args: argparse.Namespace) -> SearchCriteria:
    """Criteria from the command line, validated before anything touches the data dir."""
    rd = refdata()
    departments = []
    for value in args.department:
        dept = rd.find_department(value)
        departments.append(dept.code if dept else value)
    criteria = SearchCriteria(
        keywords=args.keywords,
        natures=tuple(args.nature),
        domains=tuple(args.domain),
        organisations=tuple(args.organisation),
        levels=tuple(args.level),
        regions=tuple(args.region),
        departments=tuple(departments),
    )
    return criteria.validate_values()


def _cmd_search(args: argparse.Namespace) -> int:
    from pass_tui.data.publishing.render import summary_line

    if args.limit is not None and args.limit < 0:
        raise UsageError("--limit doit être positif ou nul")
    criteria = _criteria(args)
    services = _services(args)
    if criteria.organisations:
        criteria.validate_values(organisations=services.catalogue.organisations())
    result = services.catalogue.search(criteria)
    if args.format == "json":
        json.dump(result.to_json(args.limit), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return EXIT_OK
    if args.format in ("rss", "atom"):
        from pass_tui.data.publishing.feeds import render_search_feed

        limit = 100 if args.limit is None else args.limit
        feed = render_search_feed(
            result.offers(0, limit), criteria, count=result.count, format=args.format
        )
        sys.stdout.flush()
        sys.stdout.buffer.write(feed)
        return EXIT_OK
    out = [f"Nombre de résultats : {result.count} offre(s)"]
    out += [f"{label} : {value}" for label, value in criteria.describe()]
    out += [summary_line(s) for s in result.summaries(0, args.limit)]
    sys.stdout.write("\n".join(out) + "\n")
    return EXIT_OK


def _cmd_offer(args: argparse.Namespace) -> int:
    from pass_tui.data.publishing.render import offer_text

    services = _services(args)
    offer = services.catalogue.get(args.reference)
    if offer is None:
        print(f"pass-tui : offre introuvable : {args.reference}", file=sys.stderr)
        return EXIT_NOT_FOUND
    if args.format == "json":
        json.dump(offer.model_dump(mode="json"), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(offer_text(offer))
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    from pass_tui.data.errors import ImportFailed
    from pass_tui.data.sources.imports import Importer

    if bool(args.source) == bool(args.all):
        raise UsageError("donnez une SOURCE (fichier ou URL) ou --all, pas les deux")
    services = _services(args)
    if args.all:
        jobs = [(s.url, s.format) for s in services.settings.sources]
        if not jobs:
            raise UsageError("aucune source [[sources]] dans config.toml")
    else:
        jobs = [(args.source, args.fmt)]
    importer = Importer(services.paths, services.catalogue)
    failed = 0
    for source, fmt in jobs:
        bar = _ProgressBar(source) if sys.stderr.isatty() else None
        try:
            report = importer.run(source, fmt, progress=bar)
        except ImportFailed as exc:
            failed += 1
            print(f"pass-tui : import refusé, rien importé : {exc}", file=sys.stderr)
            continue
        finally:
            if bar:
                bar.done()
        print(report.message())
    return EXIT_BAD_INPUT if failed else EXIT_OK


class _ProgressBar:
    """A one-line download progress bar on the terminal (stderr)."""

    def __init__(self, label: str) -> None:
        self.label = label[-30:]
        self.shown = False

    def __call__(self, done: int, total: int | None) -> None:
        if total:
            filled = min(20, done * 20 // total)
            bar = f"[{'#' * filled}{' ' * (20 - filled)}] {done * 100 // total:3d} %"
        else:
            bar = f"{done / 1_000_000:.1f} Mo"
        sys.stderr.write(f"\r{self.label} {bar}")
        sys.stderr.flush()
        self.shown = True

    def done(self) -> None:
        if self.shown:
            sys.stderr.write("\n")


def _cmd_feeds(args: argparse.Namespace) -> int:
    from pass_tui.data.publishing.feed_server import serve

    if args.limit < 1:
        raise UsageError("--limit doit être au moins 1")
    services = _services(args)
    try:
        serve(services, args.host, args.port, limit=args.limit, base_url=args.base_url)
    except OSError as exc:
        raise UsageError(
            f"impossible d'écouter sur {args.host}:{args.port} ({exc.strerror})"
        ) from None
    return EXIT_OK


def _services(args: argparse.Namespace) -> Services:
    from pass_tui.data.services import Services

    return Services.open(getattr(args, "data_dir", None))


def _run_tui(args: argparse.Namespace) -> int:
    from pass_tui.app import PassApp

    services = _services(args)
    settings = services.settings
    kiosk = args.kiosk or settings.kiosk
    app = PassApp(
        services,
        language=args.lang or settings.language,
        screen_reader=args.screen_reader or settings.screen_reader,
        kiosk=kiosk,
        theme=args.theme or settings.theme,
    )
    app.run(mouse=not kiosk)
    return app.return_code or EXIT_OK


COMMANDS = {"search": _cmd_search, "offer": _cmd_offer, "import": _cmd_import, "feeds": _cmd_feeds}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command is None:
            return _run_tui(args)
        return COMMANDS[args.command](args)
    except (UsageError, CriteriaError, ConfigError, StoreError) as exc:
        print(f"pass-tui : {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # `pass-tui search | head`: the reader left; exit quietly like other Unix tools.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
