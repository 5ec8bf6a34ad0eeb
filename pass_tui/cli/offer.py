"""``pass-tui offer REFERENCE``: one offer in full, as text or JSON."""

from __future__ import annotations

import argparse
import json
import sys

from pass_tui.cli.parser import EXIT_OK, open_services
from pass_tui.data.errors import NotFound
from pass_tui.i18n import _

NAME = "offer"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    what = _("afficher une offre")
    parser = sub.add_parser(NAME, parents=[common], help=what, description=what)
    parser.add_argument(
        "reference", metavar=_("RÉFÉRENCE"), help=_("référence de l'offre (ex. 2019-181070)")
    )
    parser.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help=_("format de sortie (défaut : text)"),
    )


def run(args: argparse.Namespace) -> int:
    from pass_tui.data.publishing.render import offer_text

    services = open_services(args)
    offer = services.catalogue.get(args.reference)
    if offer is None:
        raise NotFound(_("offre introuvable : {reference}", reference=args.reference))
    if args.format == "json":
        json.dump(offer.model_dump(mode="json"), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(offer_text(offer))
    return EXIT_OK
