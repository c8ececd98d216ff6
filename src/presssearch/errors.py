"""The errors presssearch raises. Each carries a hint that says what to do next."""
from __future__ import annotations


class PresssearchError(Exception):
    """Base class. ``hint`` tells the user what to do next; ``exit_code`` is the CLI's."""

    exit_code = 1
    hint = ""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        if hint is not None:
            self.hint = hint

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.args[0] if self.args else self.__class__.__name__


class InputError(PresssearchError):
    """A path that cannot be read at all (missing folder, no permission)."""

    exit_code = 2


class QueryError(PresssearchError):
    """A query that cannot be run: malformed, too long, too deep, too broad or too slow."""

    exit_code = 3
    hint = 'Check quotes and parentheses; put a phrase in "double quotes"; see `presssearch search --help`.'


class IndexMissing(PresssearchError):
    exit_code = 4
    hint = "Build it first: presssearch index data/"


class IndexLocked(PresssearchError):
    exit_code = 5
    hint = "Another `presssearch index` is writing this index; wait for it to finish and try again."


class IndexDamaged(PresssearchError):
    exit_code = 6
    hint = "Rebuild it: presssearch index --rebuild PATH..."


class IndexVersionError(PresssearchError):
    exit_code = 7
    hint = "This index was made by another version of presssearch; rebuild it: presssearch index --rebuild PATH..."


class NotFound(PresssearchError):
    exit_code = 8
    hint = "Search for it first: presssearch search QUERY --json shows each hit's id."
