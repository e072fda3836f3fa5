from collections.abc import Callable

def scan(
    text: str,
    match: Callable[[str, int], object],
    joiners: str,
    word_stop: str,
    punct_stop: str,
    dot_words: frozenset[str],
) -> tuple[list[str], list[int], list[int]]: ...
