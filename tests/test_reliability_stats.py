"""The reliability statistics (policeframeworks._reliability_stats) against reference implementations.

References: the ``krippendorff`` package (alpha, nominal and ordinal), ``statsmodels`` (Fleiss' kappa on
complete data, Cohen's kappa), and for Gwet's AC1 and Fleiss' kappa with missing codings an independent
implementation written here from Gwet's published formulas (Gwet 2008; Handbook of Inter-Rater
Reliability, 4th ed., 2014, ch. 2), because ``irrCAC`` pins ``pandas<3`` and ``scipy==1.12`` and cannot be
installed beside the rest of the test environment; when it happens to be importable it is checked too.
"""

from __future__ import annotations

import math
import random
import warnings
from collections import Counter
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policeframeworks._reliability_stats import (
    NOMINAL,
    ORDINAL_RANK,
    ScopeResult,
    analyse,
)

np = pytest.importorskip("numpy")
krippendorff = pytest.importorskip("krippendorff")
inter_rater = pytest.importorskip("statsmodels.stats.inter_rater")

TOL = 1e-9
Item = tuple[int, ...]


def whole(result: dict[tuple[str | None, tuple[int, ...]], ScopeResult], m: int) -> ScopeResult:
    return result[(None, (0, 1) if m == 2 else tuple(range(m)))]


def point(items: Sequence[Item], m: int, **kw: object) -> ScopeResult:
    kw.setdefault("include_jointly_missing", True)
    return whole(analyse({"p": list(items)}, m, n_bootstrap=0, **kw), m)  # type: ignore[arg-type]


# --- independent references ----------------------------------------------------------------------


def gwet_reference(items: Sequence[Item], q: int) -> tuple[float | None, float | None]:
    """(AC1, Fleiss' kappa) by Gwet's formulas with missing ratings, loop by loop.

    Units with no rating are dropped; p_a averages over units with two or more ratings; pi_k averages
    r_ik / r_i over every unit with at least one rating.
    """
    rated = [[v for v in it if v >= 0] for it in items]
    rated = [r for r in rated if r]
    two = [r for r in rated if len(r) >= 2]
    if not two:
        return None, None
    pa = 0.0
    for r in two:
        counts = Counter(r)
        pa += sum(c * (c - 1) for c in counts.values()) / (len(r) * (len(r) - 1))
    pa /= len(two)
    pi = [0.0] * q
    for r in rated:
        for v in r:
            pi[v] += 1 / len(r)
    pi = [p / len(rated) for p in pi]
    pe_ac1 = sum(p * (1 - p) for p in pi) / (q - 1)
    pe_f = sum(p * p for p in pi)
    ac1 = (pa - pe_ac1) / (1 - pe_ac1)
    fleiss = None if math.isclose(pe_f, 1.0, abs_tol=1e-15) else (pa - pe_f) / (1 - pe_f)
    return ac1, fleiss


def kripp(items: Sequence[Item], m: int, level: str, domain: Sequence[int]) -> float | None:
    data = np.array([[np.nan if it[c] < 0 else it[c] for it in items] for c in range(m)], dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            value = float(
                krippendorff.alpha(reliability_data=data, level_of_measurement=level, value_domain=domain)
            )
        except (ValueError, ZeroDivisionError):
            return None
    return None if math.isnan(value) else value


def ordinal_items(items: Sequence[Item]) -> list[Item]:
    return [tuple(ORDINAL_RANK[v] if v >= 0 else -1 for v in it) for it in items]


def check_against_references(items: Sequence[Item], m: int) -> None:
    got = point(items, m, unknown=None)
    stats = got.stats
    # Krippendorff, nominal over the declared five statuses and ordinal over the three ranks
    ref = kripp(items, m, "nominal", list(range(5)))
    value = stats["krippendorff_alpha_nominal"].value
    assert (value is None) == (ref is None), (value, ref)
    if ref is not None:
        assert value == pytest.approx(ref, abs=TOL)
    ref = kripp(ordinal_items(items), m, "ordinal", [0, 1, 2])
    value = stats["krippendorff_alpha_ordinal"].value
    assert (value is None) == (ref is None), (value, ref)
    if ref is not None:
        assert value == pytest.approx(ref, abs=TOL)
    # Gwet's AC1 and Fleiss' kappa (generalised) by the formulas
    ac1, fleiss = gwet_reference(items, 5)
    assert (stats["gwet_ac1"].value is None) == (ac1 is None)
    if ac1 is not None:
        assert stats["gwet_ac1"].value == pytest.approx(ac1, abs=TOL)
    assert (stats["fleiss_kappa"].value is None) == (fleiss is None)
    if fleiss is not None:
        assert stats["fleiss_kappa"].value == pytest.approx(fleiss, abs=TOL)
    # statsmodels: Fleiss' kappa when every item has every coder
    complete = all(v >= 0 for it in items for v in it)
    if complete and m >= 2 and stats["fleiss_kappa"].value is not None:
        table, _ = inter_rater.aggregate_raters(np.array(items), n_cat=5)
        assert stats["fleiss_kappa"].value == pytest.approx(inter_rater.fleiss_kappa(table), abs=TOL)
    # statsmodels: Cohen's kappa for every pair
    if m >= 2:
        result = analyse({"p": list(items)}, m, n_bootstrap=0, include_jointly_missing=True, unknown=None)
        for a in range(m):
            for b in range(a + 1, m):
                both = [(it[a], it[b]) for it in items if it[a] >= 0 and it[b] >= 0]
                kappa = result[(None, (a, b))].stats["cohen_kappa"]
                if not both:
                    assert kappa.value is None
                    continue
                table = np.zeros((5, 5))
                for x, y in both:
                    table[x, y] += 1
                rows, cols = table.sum(1), table.sum(0)
                if (rows * cols).sum() == len(both) ** 2:
                    assert kappa.value is None
                    continue
                ref_k = inter_rater.cohens_kappa(table, return_results=False)
                assert kappa.value == pytest.approx(ref_k, abs=TOL)


def random_items(rng: random.Random, m: int, n: int, missing: float, weights: Sequence[float]) -> list[Item]:
    out = []
    for _ in range(n):
        truth = rng.choices(range(5), weights)[0]
        out.append(
            tuple(
                -1 if rng.random() < missing else (truth if rng.random() < 0.7 else rng.randrange(5))
                for _ in range(m)
            )
        )
    return out


@pytest.mark.parametrize("seed", range(40))
def test_random_data_equals_the_references(seed: int) -> None:
    rng = random.Random(seed)
    m = rng.choice([2, 3, 4, 6])
    n = rng.randint(2, 120)
    missing = rng.choice([0.0, 0.1, 0.4])
    weights = rng.choice([(1, 1, 1, 1, 1), (90, 5, 3, 1, 1), (0, 0, 1, 0, 0), (5, 0, 5, 0, 0)])
    check_against_references(random_items(rng, m, n, missing, weights), m)


ADVERSARIAL: dict[str, tuple[list[Item], int]] = {
    "one dominant status, one dissent": ([(0, 0, 0)] * 500 + [(0, 0, 2)], 3),
    "unanimous": ([(0, 0)] * 20, 2),
    "unanimous but a single coding elsewhere": ([(0, 0)] * 5 + [(1, -1)], 2),
    "every pair disagrees": ([(0, 1), (1, 0), (2, 3), (3, 2)], 2),
    "one item": ([(0, 2)], 2),
    "only unknown and not_applicable": ([(3, 4), (4, 4), (3, 3)], 2),
    "mostly missing": ([(0, -1, -1), (-1, 1, -1), (2, 2, -1), (-1, -1, 4), (0, 1, 2)], 3),
    "no item with two codings": ([(0, -1), (-1, 1)], 2),
    "systematic shift": ([(0, 1)] * 10 + [(1, 2)] * 10 + [(2, 2)] * 3, 2),
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_data_equals_the_references(name: str) -> None:
    items, m = ADVERSARIAL[name]
    check_against_references(items, m)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(2, 4).flatmap(
        lambda m: st.tuples(
            st.just(m), st.lists(st.tuples(*[st.integers(-1, 4)] * m), min_size=1, max_size=30)
        )
    )
)
def test_any_data_equals_the_references(case: tuple[int, list[Item]]) -> None:
    m, items = case
    check_against_references(items, m)


def test_irrcac_when_installed() -> None:
    raw = pytest.importorskip("irrCAC.raw")
    pd = pytest.importorskip("pandas")
    rng = random.Random(7)
    for _ in range(10):
        m = rng.choice([2, 3, 5])
        items = random_items(rng, m, rng.randint(3, 60), 0.2, (3, 2, 2, 1, 1))
        items = [it for it in items if any(v >= 0 for v in it)]
        frame = pd.DataFrame([[NOMINAL[v] if v >= 0 else None for v in it] for it in items])
        cac = raw.CAC(frame, categories=list(NOMINAL), digits=15)
        got = point(items, m, unknown=None).stats
        assert got["gwet_ac1"].value == pytest.approx(cac.gwet()["est"]["coefficient_value"], abs=TOL)
        assert got["fleiss_kappa"].value == pytest.approx(cac.fleiss()["est"]["coefficient_value"], abs=TOL)


# --- published worked examples -------------------------------------------------------------------

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the reliability data matrix with
# missing values: 4 observers, 12 units, values 1..5 (unit 12 has one value only). The same data are
# Gwet's (2014, pp. 55-56) example; both the `krippendorff` package's and irrCAC's documentation use it.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]
FIVE = ("1", "2", "3", "4", "5")


def krippendorff_2011() -> list[Item]:
    return [tuple(-1 if row[u] is None else row[u] - 1 for row in KRIPPENDORFF_2011) for u in range(12)]


def test_krippendorff_2011_published_alphas() -> None:
    # published: nominal 0.743, ordinal 0.815 (Krippendorff 2011; the krippendorff package's doctests)
    got = point(krippendorff_2011(), 4, names=FIVE, ranks=(0, 1, 2, 3, 4), unknown=None).stats
    assert round(got["krippendorff_alpha_nominal"].value or 0, 3) == 0.743
    assert round(got["krippendorff_alpha_ordinal"].value or 0, 3) == 0.815


def test_gwet_2014_published_ac1_and_fleiss() -> None:
    # published (Gwet 2014, pp. 55-56; irrCAC's documented output): AC1 0.77544 with p_a 0.81818 and
    # p_e 0.19032; Fleiss' kappa 0.76117 with p_e 0.23872
    got = point(krippendorff_2011(), 4, names=FIVE, ranks=(0, 1, 2, 3, 4), unknown=None).stats
    ac1, fleiss = got["gwet_ac1"], got["fleiss_kappa"]
    assert (round(ac1.value or 0, 5), round(ac1.observed or 0, 5), round(ac1.expected or 0, 5)) == (
        0.77544,
        0.81818,
        0.19032,
    )
    assert (round(fleiss.value or 0, 5), round(fleiss.expected or 0, 5)) == (0.76117, 0.23872)


# Fleiss (1971), "Measuring nominal scale agreement among many raters": 30 patients, 6 psychiatrists,
# 5 diagnoses; kappa 0.430 (0.4302445 by R's irr::kappam.fleiss, as statsmodels' tests record).
FLEISS_1971 = [
    "444444", "222555", "233335", "555555", "222444", "113333", "333355", "113334", "114444", "555555",
    "144444", "124444", "222333", "144444", "224445", "333335", "111455", "111112", "224444", "133555",
    "555555", "244444", "224555", "114444", "144445", "222224", "111155", "224444", "133333", "555555",
]  # fmt: skip


def test_fleiss_1971_published_kappa() -> None:
    items = [tuple(int(c) - 1 for c in row) for row in FLEISS_1971]
    got = point(items, 6, names=FIVE, ranks=(0, 1, 2, 3, 4), unknown=None).stats
    assert round(got["fleiss_kappa"].value or 0, 7) == 0.4302445


# --- edge cases ----------------------------------------------------------------------------------


def test_one_coder_is_undefined_with_the_reason() -> None:
    got = point([(0,), (1,)], 1)
    assert got.items == 0
    assert got.single_coded == 2
    for stat in got.stats.values():
        assert stat.value is None
        assert stat.reason == "one coder only: agreement needs two codings of an item"


def test_all_missing_is_undefined() -> None:
    got = point([(-1, -1, 0), (-1, -1, -1)], 3)
    assert got.items == 0
    assert {s.reason for s in got.stats.values()} == {
        "no item has codings from two coders",
        "no item has two codings among adopted, partial, not_adopted",
    }


def test_one_category_kappa_and_alpha_undefined_ac1_one() -> None:
    got = point([(0, 0)] * 4, 2).stats
    assert got["cohen_kappa"].value is None
    assert (
        got["cohen_kappa"].reason
        == "both coders gave every item 'adopted': chance agreement is 1 and kappa is 0/0"
    )
    assert got["krippendorff_alpha_nominal"].value is None
    assert got["gwet_ac1"].value == 1.0
    assert got["percent_agreement"].value == 1.0


def test_one_item_that_disagrees() -> None:
    got = point([(0, 2)], 2).stats
    assert got["percent_agreement"].value == 0.0
    assert got["krippendorff_alpha_nominal"].value == pytest.approx(kripp([(0, 2)], 2, "nominal", range(5)))


def test_jointly_unknown_items_left_out_by_default_and_counted() -> None:
    # the example: 4 items coded, 3 agreeing, 12 items unknown on both sides
    items = [(0, 0), (0, 0), (2, 2), (0, 2)] + [(3, 3)] * 12
    default = whole(analyse({"p": items}, 2, n_bootstrap=0), 2)
    assert (default.items, default.jointly_missing) == (4, 12)
    assert default.stats["percent_agreement"].value == 0.75
    included = point(items, 2)
    assert (included.items, included.jointly_missing) == (16, 0)
    assert included.stats["percent_agreement"].value == pytest.approx(15 / 16)


# --- laws -----------------------------------------------------------------------------------------

items_3 = st.lists(st.tuples(*[st.integers(-1, 4)] * 3), min_size=2, max_size=25)


def values(r: ScopeResult) -> dict[str, float | None]:
    return {k: (None if v.value is None else round(v.value, 9)) for k, v in r.stats.items()}


@given(items_3, st.randoms(use_true_random=False))
def test_permuting_items_and_coders_changes_nothing(items: list[Item], rnd: random.Random) -> None:
    shuffled = list(items)
    rnd.shuffle(shuffled)
    order = [0, 1, 2]
    rnd.shuffle(order)
    permuted = [tuple(it[c] for c in order) for it in shuffled]
    assert values(point(items, 3)) == values(point(permuted, 3))


@given(st.lists(st.tuples(st.integers(0, 4)), min_size=2, max_size=30))
def test_perfect_agreement_with_variation_is_one(column: list[tuple[int]]) -> None:
    items = [(v, v, v) for (v,) in column]
    got = point(items, 3).stats
    assert got["percent_agreement"].value == 1.0
    assert got["gwet_ac1"].value == pytest.approx(1.0)
    if len(set(column)) > 1:
        assert got["fleiss_kappa"].value == pytest.approx(1.0)
        assert got["krippendorff_alpha_nominal"].value == pytest.approx(1.0)


@given(items_3)
def test_bounds(items: list[Item]) -> None:
    got = point(items, 3).stats
    for name in ("percent_agreement",):
        v = got[name].value
        assert v is None or 0.0 <= v <= 1.0
    for name in ("fleiss_kappa", "gwet_ac1", "krippendorff_alpha_nominal"):
        v = got[name].value
        assert v is None or v <= 1.0 + 1e-12


# --- the bootstrap --------------------------------------------------------------------------------


def test_bootstrap_is_seeded_and_brackets_the_estimate() -> None:
    rng = random.Random(3)
    strata = {f"p{j}": random_items(rng, 3, 200, 0.1, (5, 2, 2, 1, 1)) for j in range(3)}
    a = analyse(strata, 3, n_bootstrap=300, seed=11)
    b = analyse(strata, 3, n_bootstrap=300, seed=11)
    c = analyse(strata, 3, n_bootstrap=300, seed=12)
    assert a == b
    assert a != c
    for res in a.values():
        for stat in res.stats.values():
            if stat.value is not None:
                assert stat.low is not None
                assert stat.high is not None
                assert stat.low <= stat.high
                assert stat.replicates == 300
    pooled = a[(None, (0, 1, 2))].stats["gwet_ac1"]
    assert pooled.low is not None
    assert pooled.high is not None
    assert pooled.low < (pooled.value or 0) < pooled.high


def test_bootstrap_interval_has_the_binomial_width() -> None:
    """Two coders agree on 300 of 400 items: the percent-agreement interval is about p +- 1.96 sqrt(pq/n)."""
    items = [(0, 0)] * 300 + [(0, 2)] * 100
    stat = analyse({"p": items}, 2, n_bootstrap=2000, seed=5)[("p", (0, 1))].stats["percent_agreement"]
    assert stat.low is not None
    assert stat.high is not None
    half = 1.96 * math.sqrt(0.75 * 0.25 / 400)
    assert stat.high - stat.low == pytest.approx(2 * half, rel=0.15)
    assert (stat.low + stat.high) / 2 == pytest.approx(0.75, abs=0.01)


def test_bootstrap_skips_replicates_where_a_statistic_is_undefined() -> None:
    # 3 items, 2 unanimous: a replicate drawing only unanimous items has kappa 0/0
    stat = analyse({"p": [(0, 0), (0, 0), (0, 2)]}, 2, n_bootstrap=500, seed=2)[("p", (0, 1))].stats[
        "cohen_kappa"
    ]
    assert 0 < stat.replicates < 500
