"""Reading the files people bring (spreadsheets, CSV text) into plain rows of text.

Below the services and beside the writers in ``export/``: readers know file formats,
not workshops; the services decide what the rows mean.
"""
