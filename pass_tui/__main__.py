"""Command line: no subcommand starts the TUI; subcommands print plain text or JSON."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from pass_tui.data.config import ConfigError
from pass_tui.data.models import CriteriaError, SearchCriteria
from pass_tui.data.refdata import refdata
from pass_tui.data.store import StoreError

if TYPE_CHECKING:
    from pass_tui.data.services import Services

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
    search.add_argument("--format", choices=["text", "json"], default="text")
    search.add_argument("--limit", type=int, default=None, help="nombre maximal d'offres")

    offer = sub.add_parser("offer", parents=[common], help="afficher une offre")
    offer.add_argument("reference", help="référence de l'offre (ex. 2019-181070)")
    offer.add_argument("--format", choices=["text", "json"], default="text")
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
    from pass_tui.data.render import summary_line

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
    out = [f"Nombre de résultats : {result.count} offre(s)"]
    out += [f"{label} : {value}" for label, value in criteria.describe()]
    out += [summary_line(s) for s in result.summaries(0, args.limit)]
    sys.stdout.write("\n".join(out) + "\n")
    return EXIT_OK


def _cmd_offer(args: argparse.Namespace) -> int:
    from pass_tui.data.render import offer_text

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


COMMANDS = {"search": _cmd_search, "offer": _cmd_offer}


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
