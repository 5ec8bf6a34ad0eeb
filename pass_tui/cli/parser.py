"""What every subcommand shares: the parser class, the language choice, opening the data."""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from pass_tui.data.errors import BadInput
from pass_tui.i18n import LANGUAGES, _, get_language

if TYPE_CHECKING:
    from pass_tui.data.services import Services

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_NOT_FOUND",
    "EXIT_OK",
    "HelpFormatter",
    "Parser",
    "UsageError",
    "choose_language",
    "integer",
    "locale_language",
    "open_services",
    "speak_argparse_language",
]

EXIT_OK, EXIT_NOT_FOUND, EXIT_BAD_INPUT = 0, 1, 2


class UsageError(BadInput):
    """Bad input on the command line (exit 2, nothing written)."""


def choose_language(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """The language of the whole run (CLI and TUI), decided before parsing so that
    argparse's help and errors speak it too.

    In order: ``--lang``; else the locale (the first of ``LC_ALL``, ``LC_MESSAGES``,
    ``LANG`` that is set: ``en_GB.UTF-8`` → English, ``fr_FR.UTF-8`` → French) when it names
    one of our languages; else ``language`` in the data dir's ``config.toml`` (the host's
    default, for sessions whose locale is ``C``, ``POSIX`` or another language); else French.
    The person's own choice comes before the host's: ``--lang``, then their locale.

    Args:
        argv: The command line, without the program name.
        environ: Where the locale variables are read (default ``os.environ``).
    """
    env = os.environ if environ is None else environ
    options = _peek_options(argv)
    if options.lang in LANGUAGES:
        return options.lang
    spoken = locale_language(env)
    if spoken is not None:
        return spoken
    return _configured_language(options.data_dir) or "fr"


def locale_language(environ: Mapping[str, str]) -> str | None:
    """The language the locale names ("en" for ``en_GB.UTF-8``), if it is one of ours.
    Like gettext, the first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set decides."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        locale = environ.get(name, "")
        if locale:
            code = locale.split("_")[0].split(".")[0].split("@")[0].lower()
            return code if code in LANGUAGES else None
    return None


class _Peek(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise ValueError(message)


def _peek_options(argv: Sequence[str]) -> argparse.Namespace:
    """``--lang`` and ``--data-dir`` wherever they are on the command line (before or
    after the subcommand, abbreviated as argparse allows), without judging the rest."""
    peek = _Peek(add_help=False)
    peek.add_argument("--lang")
    peek.add_argument("--data-dir")
    try:
        return peek.parse_known_args(list(argv))[0]
    except ValueError:  # "--lang" without a value: the real parser will say so
        return argparse.Namespace(lang=None, data_dir=None)


def _configured_language(data_dir: str | None) -> str | None:
    """``language`` in ``config.toml`` when the file exists and says one of ours. Only
    read: a missing or broken file counts as no choice here (opening the data dir later
    reports a broken one, in the language chosen without it)."""
    import tomllib

    from pass_tui.data.paths import DataPaths, resolve_data_dir

    try:
        config = DataPaths(resolve_data_dir(data_dir)).config
        language = tomllib.loads(config.read_text("utf-8")).get("language")
    except (BadInput, OSError, ValueError):  # ValueError: TOML or UTF-8 errors
        return None
    return language if language in LANGUAGES else None


# argparse's own messages in French (it asks gettext, which has no French catalogue here).
_ARGPARSE_FR = {
    "usage: ": "utilisation : ",
    "positional arguments": "arguments",
    "options": "options",
    "show this help message and exit": "afficher cette aide et quitter",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "unrecognized arguments: %s": "arguments non reconnus : %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "choix invalide : %(value)r (choix possibles : %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "valeur invalide (%(type)s attendu) : %(value)r",
    "expected one argument": "une valeur est attendue",
    "expected at most one argument": "une valeur au plus est attendue",
    "expected at least one argument": "au moins une valeur est attendue",
    "expected %s argument": "%s valeur attendue",
    "expected %s arguments": "%s valeurs attendues",
    "ambiguous option: %(option)s could match %(matches)s": (
        "option ambiguë : %(option)s peut désigner %(matches)s"
    ),
    "not allowed with argument %s": "incompatible avec l'argument %s",
    "one of the arguments %s is required": "l'un des arguments %s est obligatoire",
    "ignored explicit argument %r": "argument explicite ignoré : %r",
    "unexpected option string: %s": "option inattendue : %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "commande inconnue : %(parser_name)r (possibles : %(choices)s)"
    ),
}


def _argparse_text(message: str) -> str:
    return _ARGPARSE_FR.get(message, message) if get_language() == "fr" else message


def _argparse_ntext(singular: str, plural: str, n: int) -> str:
    return _argparse_text(singular if n == 1 else plural)


def speak_argparse_language() -> None:
    """Make argparse's own messages follow the interface language (it reads the module
    globals ``_`` and ``ngettext`` when it formats a message)."""
    argparse._ = _argparse_text  # type: ignore[attr-defined]
    argparse.ngettext = _argparse_ntext  # type: ignore[attr-defined]
    integer.__name__ = _("nombre entier")


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout, with French typography in French: "options :" (argparse
    writes its section headings as "heading:")."""

    def start_section(self, heading: str | None) -> None:
        if heading and get_language() == "fr":
            heading += " "
        super().start_section(heading)


class Parser(argparse.ArgumentParser):
    """An argument parser in the interface language whose errors are one
    ``pass-tui : erreur : …`` line, exit 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        # One line naming the problem, and where to read more (no usage block first).
        self.exit(
            EXIT_BAD_INPUT,
            _(
                "{prog} : erreur : {message} (aide : {help})",
                prog="pass-tui",
                message=message,
                help=f"{self.prog} --help",
            )
            + "\n",
        )


def integer(text: str) -> int:
    """argparse type of the whole-number options; argparse names it in its error
    ("invalid integer value: 'abc'"), so its name is set in the interface language by
    :func:`speak_argparse_language`."""
    return int(text)


def open_services(args: argparse.Namespace, *, seed_demo: bool = True) -> Services:
    """The data layer for ``--data-dir`` (or its default), remembered on ``args`` as
    ``args.services`` so that :func:`pass_tui.cli.main` can undo a first start (the data
    dir, the demo catalogue) when the command fails.

    Args:
        args: The parsed command line.
        seed_demo: Load the bundled demo catalogue when the data dir has none.
    """
    from pass_tui.data.services import Services

    services = Services.open(getattr(args, "data_dir", None), seed_demo=seed_demo)
    args.services = services
    return services
