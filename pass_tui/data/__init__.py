"""The UI-free core: models, storage, search, mail. Never imports Textual."""
