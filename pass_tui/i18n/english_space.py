"""English translations for the candidate-space dashboard, identifiants, app wiring."""

SPACE: dict[str, str] = {
    # widgets
    "Cocher ou décocher": "Tick or untick",
}
