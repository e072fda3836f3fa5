from collections.abc import Sequence

def main_counts(text: str) -> tuple[int, int, int]: ...
def script_counts(text: str, neutral: str) -> tuple[int, int, int, int]: ...
def word_sums(
    low: str,
    fold_src: str,
    fold_dst: str,
    vectors: dict[str, tuple[float, float, float, float, float, float, int]],
    make: object,
) -> tuple[list[str], tuple[float, float, float, float, float, float], int]: ...
def set_counts(text: str, sets: tuple[str, ...]) -> tuple[int, ...]: ...
def span_counts(text: str, spans: Sequence[tuple[int, int]], chars: str) -> list[int]: ...
def classify_words(
    low: str,
    fold_src: str,
    fold_dst: str,
    vectors: dict[str, tuple[float, float, float, float, float, float, int]],
    make: object,
    prior: tuple[float, ...],
    scale: float,
) -> tuple[list[str], int, float, float]: ...
