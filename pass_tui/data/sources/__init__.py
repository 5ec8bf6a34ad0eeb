"""Where offers come from: files and http(s) URLs, fetched within bounds, parsed by one
importer per format (PASS RSS, Place de l'emploi public CSV, pass-tui JSON).

Every importer is all-or-nothing: it parses the whole input first and raises
:class:`~pass_tui.data.errors.ImportFailed` on the first bad record, so a caller never
stores half a file.
"""
