"""Language data and spaCy language classes (``kk``: Kazakh)."""
