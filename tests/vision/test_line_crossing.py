from safecity.vision.line_crossing import LineCrossings

# A line drawn left to right at y = 100: moving down the picture crosses it `in`.
LINE = ((0.0, 100.0), (200.0, 100.0))


def test_a_track_crossing_down_then_up_is_in_then_out() -> None:
    crossings = LineCrossings(*LINE)
    assert crossings.observe(1, (50, 90)) is None
    assert crossings.observe(1, (50, 110)) == "in"
    assert crossings.observe(1, (50, 120)) is None
    assert crossings.observe(1, (60, 80)) == "out"


def test_jitter_on_the_line_and_passing_beside_its_ends_count_nothing() -> None:
    crossings = LineCrossings(*LINE)
    assert crossings.observe(1, (50, 99)) is None  # within the margin: no side yet
    assert crossings.observe(1, (50, 101)) is None
    assert crossings.observe(2, (400, 90)) is None
    assert crossings.observe(2, (400, 110)) is None  # crossed the infinite line, far beyond the segment


def test_a_forgotten_track_starts_over() -> None:
    crossings = LineCrossings(*LINE)
    crossings.observe(1, (50, 90))
    crossings.forget(1)
    assert crossings.observe(1, (50, 110)) is None
