"""The charts' geometry (`people/charts.py`): bars as tall as their counts on a round
scale, every period of the range drawn, and the network's bound and order."""

import datetime as dt
from types import SimpleNamespace

import pytest

from people import charts


def rows(*pairs):
    return [{"period": period, "count": count} for period, count in pairs]


@pytest.mark.parametrize(
    ("maximum", "step", "top"),
    [
        (1, 1, 1),
        (3, 1, 3),
        (4, 1, 4),
        (5, 2, 6),
        (7, 2, 8),
        (9, 5, 10),
        (19, 5, 20),
        (1000, 500, 1000),
    ],
)
def test_the_scale_reaches_the_largest_count_in_at_most_four_round_steps(maximum, step, top):
    assert charts.scale(maximum) == (step, top)


def test_years_from_the_first_to_the_last_with_the_empty_ones_between():
    timeline = charts.years(rows((dt.date(2017, 1, 1), 2), (dt.date(2020, 1, 1), 4)))

    assert [(bar.period.year, bar.count) for bar in timeline.bars] == [
        (2017, 2),
        (2018, 0),
        (2019, 0),
        (2020, 4),
    ]
    assert timeline.bars[0].end == dt.date(2017, 12, 31)
    assert timeline.total == 6
    assert (timeline.first.year, timeline.last.year) == (2017, 2020)


def test_bars_are_as_tall_as_their_counts_on_the_scale():
    timeline = charts.years(rows((dt.date(2023, 1, 1), 3), (dt.date(2024, 1, 1), 6)))
    low, high = timeline.bars
    top_tick = timeline.ticks[-1]

    assert [tick.value for tick in timeline.ticks] == [0, 2, 4, 6]
    assert high.y == top_tick.y
    assert low.height == pytest.approx(high.height / 2, abs=0.1)
    assert low.y + low.height == pytest.approx(timeline.baseline)
    assert low.x < high.x


def test_every_month_of_the_chosen_year():
    timeline = charts.months(2024, rows((dt.date(2024, 2, 1), 3), (dt.date(2024, 11, 1), 1)))

    assert [bar.count for bar in timeline.bars] == [0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]
    assert timeline.bars[1].end == dt.date(2024, 2, 29)
    assert all(bar.labelled for bar in timeline.bars)


def test_nothing_to_draw_without_meetings():
    assert charts.years([]) is None
    assert charts.months(2024, []) is None


def test_close_bars_have_every_other_label_or_fewer():
    timeline = charts.years(rows((dt.date(1980, 1, 1), 1), (dt.date(2024, 1, 1), 1)))

    labelled = [bar for bar in timeline.bars if bar.labelled]
    assert 5 <= len(labelled) < len(timeline.bars) / 2
    assert not any(bar.valued for bar in timeline.bars)


def counterpart(name, shared, abbreviation=""):
    return SimpleNamespace(name=name, shared=shared, abbreviation=abbreviation)


def test_the_network_draws_the_most_shared_first_then_by_name_and_no_more_than_its_size():
    subject = counterpart("Subject", 0)
    people = [counterpart(f"Person {n:02}", n % 5 + 1) for n in range(15)]
    organizations = [counterpart(f"Body {n:02}", n % 3 + 1, f"B{n}") for n in range(10)]

    network = charts.network(subject, people, organizations)

    assert len(network.nodes) == charts.NETWORK_SIZE == 12
    drawn = [(node.counterpart.shared, node.name) for node in network.nodes]
    assert drawn == sorted(drawn, key=lambda item: (-item[0], item[1]))
    assert drawn[:4] == [(5, "Person 04"), (5, "Person 09"), (5, "Person 14"), (4, "Person 03")]
    assert {node.kind for node in network.nodes} == {"person", "organization"}
    organization = next(node for node in network.nodes if node.kind == "organization")
    assert organization.label == organization.counterpart.abbreviation


def test_the_network_is_the_same_whatever_order_it_is_given():
    subject = counterpart("Subject", 0)
    people = [counterpart(name, shared) for name, shared in [("Ana", 2), ("Bo", 2), ("Cy", 1)]]
    organizations = [counterpart("OHCHR", 2)]

    assert charts.network(subject, people, organizations) == charts.network(
        subject, people[::-1], organizations
    )


def test_the_network_places_the_first_at_the_top_and_the_others_clockwise():
    subject = counterpart("Subject", 0)
    people = [
        counterpart(name, shared) for name, shared in [("A", 4), ("B", 3), ("C", 2), ("D", 1)]
    ]

    top, right, bottom, left = charts.network(subject, people, []).nodes

    assert (top.x, top.anchor) == (charts.NETWORK_WIDTH / 2, "middle")
    assert top.y < bottom.y
    assert (right.anchor, left.anchor) == ("start", "end")
    assert top.radius > right.radius > bottom.radius > left.radius
    assert top.edge_width == charts.EDGE_WIDTH[1]


def test_names_lose_what_xml_cannot_carry_and_long_ones_are_cut():
    subject = counterpart("Sub\x00ject", 0)
    network = charts.network(subject, [counterpart("Abcdefghij\x01klmnopqrstuvwxyz", 1)], [])

    (node,) = network.nodes
    assert network.subject_name == "Subject"
    assert node.name == "Abcdefghijklmnopqrstuvwxyz"
    assert node.label == "Abcdefghijklmnopq…"
    assert len(node.label) == charts.LABEL_LENGTH


def test_no_network_without_counterparts():
    assert charts.network(counterpart("Alone", 0), [], []) is None
