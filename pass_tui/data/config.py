"""Optional settings from ``config.toml`` in the data dir (SMTP, kiosk, language, keys...)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from pass_tui.data.errors import ConfigError
from pass_tui.data.models import first_error
from pass_tui.i18n import _

__all__ = ["ConfigError", "Settings", "SmtpSettings", "SourceSettings", "load_settings"]


def _http_url(value: str) -> str:
    if not value.startswith(("http://", "https://")) or len(value) < 10:
        raise ValueError(_("une adresse http:// ou https:// est attendue"))
    return value.rstrip("/")


HttpUrlText = Annotated[str, AfterValidator(_http_url)]


class SmtpSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    host: str
    port: int = 25
    security: Literal["none", "starttls", "tls"] = "none"
    username: str | None = None
    password: str | None = None
    sender: str = "PASS <ne-pas-repondre@pass.fonction-publique.gouv.fr>"
    timeout: float = 10.0


class SourceSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str
    format: Literal["auto", "pass-rss", "pep-csv", "json"] = "auto"


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    language: Literal["fr", "en"] = "fr"
    theme: str | None = None
    screen_reader: bool = False
    kiosk: bool = False
    idle_timeout_s: int = 600
    printer: str | None = None  # `lp -d NAME`; None: print to a file only
    # Where candidates reach `pass-tui feeds serve` (the TUI's feed dialog shows this).
    feeds_base_url: HttpUrlText = "http://127.0.0.1:8080"
    sender: str = "PASS <ne-pas-repondre@pass.fonction-publique.gouv.fr>"
    smtp: SmtpSettings | None = None
    keymap: dict[str, str] = Field(default_factory=dict)  # binding id -> keys
    sources: list[SourceSettings] = Field(default_factory=list)
    # Candidate accounts (DESIGN.md, security basics). PASS itself asked for 5 characters.
    password_min_length: int = Field(8, ge=5, le=64)
    # Attachments: the size limit of each document, in Ko (1 Ko = 1024 bytes).
    attachment_max_kb: int = Field(1000, ge=1, le=20_000)
    # clamd's socket ("/run/clamav/clamd.ctl", or "host:port"); None: no virus scan.
    clamd_socket: str | None = None
    # Kiosk mode: the only folders the file picker opens (none: importing from files is off).
    kiosk_folders: list[str] = Field(default_factory=list)
    # Kiosk mode: allow web imports from loopback, private and link-local addresses.
    kiosk_allow_private_urls: bool = False


def load_settings(path: Path) -> Settings:
    """Settings from ``path``; defaults when the file does not exist."""
    if not path.exists():
        return Settings()
    try:
        raw = tomllib.loads(path.read_text("utf-8"))
        return Settings.model_validate(raw)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(
            _("{path} : fichier illisible ({error})", path=str(path), error=exc)
        ) from exc
    except ValidationError as exc:
        where, problem = first_error(exc)
        raise ConfigError(
            _(
                "{path} : réglage {name} invalide ({problem})",
                path=str(path),
                name=repr(where),
                problem=problem,
            )
        ) from exc
