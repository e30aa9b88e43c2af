"""Random text and uploads to the JSON API: a 200 or a 4xx with a JSON error, never a 500."""

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ..test_fuzz import names


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(max_size=300), st.binary(max_size=600)), st.text(max_size=300), names)
def test_api_answers_random_input_with_200_or_4xx(client, a, b, name):
    if isinstance(a, bytes):
        response = client.post("/api/compare", data={"a": (io.BytesIO(a), name), "b": b},
                               content_type="multipart/form-data")
    else:
        response = client.post("/api/compare", json={"a": a, "b": b})
    assert response.status_code == 200 or 400 <= response.status_code < 500
    assert response.is_json
