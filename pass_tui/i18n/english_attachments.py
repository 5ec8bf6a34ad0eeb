"""English translations for attachments: document checks, virus scan, downloads, file picker."""

ATTACHMENTS: dict[str, str] = {}
