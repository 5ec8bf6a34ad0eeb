"""No subcommand: the terminal user interface."""

from __future__ import annotations

import argparse

from pass_tui.cli.parser import EXIT_OK, open_services
from pass_tui.i18n import get_language


def run(args: argparse.Namespace) -> int:
    from pass_tui.app import PassApp

    services = open_services(args)
    settings = services.settings
    kiosk = args.kiosk or settings.kiosk
    app = PassApp(
        services,
        # chosen before parsing: --lang, the locale, then config.toml (choose_language)
        language=get_language(),
        screen_reader=args.screen_reader or settings.screen_reader,
        kiosk=kiosk,
        theme=args.theme or settings.theme,
    )
    app.run(mouse=not kiosk)
    return app.return_code or EXIT_OK
