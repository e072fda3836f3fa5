"""``python -m kaznlp.schema``: write the JSON Schemas from :mod:`kaznlp.records`; ``--check``: exit 1 when the
shipped ones are not current."""

import sys

from ..records import write_schemas

check = "--check" in sys.argv[1:]
changed = write_schemas(check=check)
print(("out of date: " if check else "written: ") + (", ".join(changed) or "none"))
sys.exit(1 if check and changed else 0)
