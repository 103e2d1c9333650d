"""The clean fixture model has no finding: every planted test starts from nothing."""

from queries_fixtures import base_model

from opcc_model.queries import check


def test_base_model_is_clean() -> None:
    assert list(check(base_model())) == []
