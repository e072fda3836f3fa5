"""See the evidence: facts and entities marked in their text, as HTML.

- :mod:`kaznlp.web.render`: the renderer (``kaznlp render``): document records to HTML, the text with every
  fact and entity highlighted, a table of facts and a list of entities. Jinja2 only (spaCy brings it).
- :mod:`kaznlp.web.app`: the local web application (``kaznlp serve``): an extract page, a search page over an
  index built by ``kaznlp index``, and a JSON API. It needs the ``web`` extra (``pip install 'kaznlp[web]'``).

Templates and static files (CSS, a few lines of JavaScript, an icon) ship inside the package; no page asks
for anything outside the server it came from.
"""

from .render import format_value, highlight, render_page

__all__ = ["format_value", "highlight", "render_page"]
