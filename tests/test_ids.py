"""The id scheme."""

from hypothesis import given
from hypothesis import strategies as st

from policeframeworks import _ids

slugs = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)


@given(fw=slugs, parts=st.lists(slugs, min_size=1, max_size=4))
def test_principle_ids_decompose(fw: str, parts: list[str]) -> None:
    pid = f"{fw}:{'/'.join(parts)}"
    assert _ids.is_principle_id(pid)
    assert _ids.framework_id_of(pid) == fw
    assert _ids.depth_of(pid) == len(parts) - 1
    parent = _ids.parent_id_of(pid)
    if len(parts) == 1:
        assert parent is None
    else:
        assert parent == f"{fw}:{'/'.join(parts[:-1])}"


def test_examples() -> None:
    assert _ids.is_framework_id("8cantwait-2020")
    assert not _ids.is_framework_id("-x")
    assert not _ids.is_framework_id("x_y")
    assert not _ids.is_principle_id("uscm-2020:sanctity-of-life//x")
    assert _ids.is_partial_date("2024-02-29")
    assert not _ids.is_partial_date("2023-02-29")
    assert not _ids.is_partial_date("2020-00")
