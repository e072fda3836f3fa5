"""Errors a user can act on. ``str(exc)`` is one line that says what happened and what to do; ``exit_code`` is
the command line's code for it (README, "Exit codes"): 1 the command failed, 2 a usage error, 4 nothing to do.
Standard library only: every layer may raise them."""

from __future__ import annotations

__all__ = ["KaznlpError", "UsageError", "NothingToDo"]


class KaznlpError(Exception):
    """The command could not do its work (an output that cannot be written, a scheduler out of reach)."""

    exit_code = 1


class UsageError(KaznlpError):
    """A bad argument: a file that is not what the command needs, a value it cannot read."""

    exit_code = 2


class NothingToDo(KaznlpError):
    """Nothing to work on: no documents, no shards."""

    exit_code = 4
