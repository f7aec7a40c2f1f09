"""Shared fixtures: the two shipped examples in the database."""

import pytest

from sakip.interchange.importer import EXAMPLES, example_path, import_file


@pytest.fixture
def examples(db):
    """Both examples imported (Kecamatan Panti 2020 and Dinas Kesehatan Sukamaju)."""
    for name in EXAMPLES:
        import_file(example_path(name))
