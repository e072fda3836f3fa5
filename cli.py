"""Run the kaznlp command line from a checkout: ``python cli.py extract corpora/press``."""

from kaznlp.cli import main

if __name__ == "__main__":
    main()
