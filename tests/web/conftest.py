import pytest

from paraphrase_viewer import create_app


@pytest.fixture
def app():
    """A fresh app per test, with a small upload limit to test 413 cheaply."""
    return create_app({"TESTING": True, "MAX_CONTENT_LENGTH": 64 * 1024})


@pytest.fixture
def client(app):
    return app.test_client()
