import pytest

from twinning.matching.embedding import HashingEmbedder


def pytest_configure(config):
    config.addinivalue_line("markers", "use_model: loads the real multilingual USE model (slower)")


@pytest.fixture(scope="session")
def embedder():
    return HashingEmbedder(dimension=128)
