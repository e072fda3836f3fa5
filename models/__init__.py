"""Models trained and shipped by kaznlp (this folder is the package kaznlp.models in the wheel)."""
