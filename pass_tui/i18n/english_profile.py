"""English translations for the fiche candidat (profile form and its checks)."""

PROFILE: dict[str, str] = {}
