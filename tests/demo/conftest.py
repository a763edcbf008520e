import pytest

from twinning.demo.load import load_demo


@pytest.fixture
def demo_counts(db):
    """The demo data set loaded once into the test database; the loader's counts."""
    return load_demo()
