"""English translations for accounts: sign-up, login, codes, passwords, credentials."""

ACCOUNTS: dict[str, str] = {}
