"""Every error geokg raises on purpose, in one hierarchy.

The CLI turns a ``KgError`` into one line on stderr and exit status 1; any
other exception is a bug.
"""


class KgError(Exception):
    """Base of all expected failures."""


class InputError(KgError):
    """An article or its metadata cannot be read as an article.

    ``source`` names the input (a file, or ``file#record``) and ``reason`` says
    why, so that a build can skip that input, report it and go on.
    """

    def __init__(self, message: str, source: str | None = None, reason: str | None = None):
        super().__init__(message)
        self.source, self.reason = source, reason


class QueryError(KgError):
    """A SPARQL query is malformed or cannot be run."""


class StoreError(KgError):
    """The store cannot be opened or written."""


class NotFoundError(KgError):
    """A named query, entity or file does not exist."""
