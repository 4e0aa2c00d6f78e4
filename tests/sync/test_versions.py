"""Version vectors and the clock: what the merge rule stands on."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workshop_app.db.hlc import (
    HybridLogicalClock,
    Order,
    advance_versions,
    compare_versions,
    join_versions,
)

A, B = "a" * 36, "b" * 36


def stamp(wall: int, device: str, counter: int = 0) -> str:
    return f"{wall:015d}.{counter:06d}.{device}"


def test_an_edit_on_top_of_a_version_is_newer_and_two_blind_edits_are_concurrent() -> None:
    base = stamp(1, A)
    on_top = advance_versions(base, stamp(2, B))
    assert compare_versions(on_top, base) is Order.NEWER
    assert compare_versions(base, on_top) is Order.OLDER
    assert compare_versions(base, base) is Order.SAME
    blind = advance_versions(base, stamp(3, A))
    assert compare_versions(on_top, blind) is Order.CONCURRENT
    joined = join_versions(on_top, blind)
    assert compare_versions(joined, on_top) is Order.NEWER
    assert compare_versions(joined, blind) is Order.NEWER
    assert joined == f"{stamp(3, A)} {stamp(2, B)}"  # one entry per device, sorted


vectors = st.lists(
    st.tuples(st.integers(1, 50), st.sampled_from([A, B, "c" * 36])), max_size=4
).map(lambda entries: " ".join(stamp(w, d) for w, d in entries))


@given(vectors, vectors, vectors)
def test_join_is_commutative_associative_and_idempotent(x: str, y: str, z: str) -> None:
    assert join_versions(x, y) == join_versions(y, x)
    assert join_versions(join_versions(x, y), z) == join_versions(x, join_versions(y, z))
    assert join_versions(join_versions(x, y), y) == join_versions(x, y)


def test_the_counter_never_grows_past_six_digits() -> None:
    """A clock that observed a stamp far ahead counts on; at 999999 it steps the
    time by a millisecond, so stamps keep their width and their string order."""
    clock = HybridLogicalClock(A, stamp(10_000, A, 999_998), wall_clock_ms=lambda: 5)
    stamps = [clock.now() for _ in range(3)]
    assert stamps == [stamp(10_000, A, 999_999), stamp(10_001, A, 0), stamp(10_001, A, 1)]
    assert stamps == sorted(stamps)
