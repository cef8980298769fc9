"""Worker processes for large imports.

Spawned workers unpickle these functions before Django is set up, so this module must
not import models at import time.
"""

import pickle

_importer = None


def start(importer):
    """Set up a worker: Django, then the importer with its catalog (pickled, as its
    records can only be rebuilt once Django is set up)."""
    import django

    django.setup()
    global _importer
    _importer = pickle.loads(importer)


def prepare(item):
    """Read and match one report in a worker; no database needed."""
    name, data = item
    return _importer.prepare(name, data)
