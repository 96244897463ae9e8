import pytest

from peristiwa.events import load_cameo, load_dictionary


@pytest.fixture(scope="session")
def cameo():
    return load_cameo()


@pytest.fixture(scope="session")
def dictionary(cameo):
    return load_dictionary(cameo=cameo)
