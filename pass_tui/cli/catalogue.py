"""``pass-tui catalogue remove-demo``: take the demo offers out of the catalogue."""

from __future__ import annotations

import argparse

from pass_tui.cli.parser import EXIT_OK, Parser, open_services
from pass_tui.i18n import _

NAME = "catalogue"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    what = _("gérer le catalogue d'offres")
    parser = sub.add_parser(NAME, parents=[common], help=what, description=what)
    catalogue_sub = parser.add_subparsers(
        dest="catalogue_command",
        metavar="{remove-demo}",
        required=True,
        parser_class=Parser,
        title=_("commandes"),
    )
    what = _("retirer les offres de démonstration (celles qu'un import a remplacées restent)")
    catalogue_sub.add_parser("remove-demo", parents=[common], help=what, description=what)


def run(args: argparse.Namespace) -> int:
    from pass_tui.data.catalogue.demo import remove_demo_offers

    # Never seed the demo here: on a data dir without a catalogue there is nothing to remove.
    services = open_services(args, seed_demo=False)
    removed = remove_demo_offers(services.catalogue)
    print(_("{count} offre(s) de démonstration retirée(s) du catalogue.", count=removed))
    return EXIT_OK
