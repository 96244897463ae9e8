"""Out-of-range configuration fails when a resource is built, naming the field, instead of deep in a run."""

from __future__ import annotations

import dagster as dg
import pytest
from click.testing import CliRunner
from pydantic import ValidationError

from pipelines.cli import main
from pipelines.resources import EventCodingResource, NlpResource, QualityGates


@pytest.mark.parametrize(
    ("resource", "field", "value"),
    [
        (NlpResource, "workers", -1),
        (NlpResource, "chunk_articles", 0),
        (NlpResource, "chunks_per_worker", -5),
        (NlpResource, "depparse_batch_size", -200),
        (NlpResource, "parse_scope", "some"),
        (QualityGates, "max_residue_share", 1.5),
        (QualityGates, "min_indonesian_share", -0.1),
        (QualityGates, "min_systemic_items", 0),
        (EventCodingResource, "dedup_window_days", -1),
    ],
)
def test_an_out_of_range_value_is_refused_with_the_field_named(resource, field, value):
    with pytest.raises(ValidationError, match=field):
        resource(**{field: value})


def test_the_defaults_and_the_edges_of_each_range_are_accepted():
    assert NlpResource(workers=0, chunks_per_worker=0, depparse_batch_size=0).worker_count() >= 1
    gates = QualityGates(max_residue_share=1.0, min_indonesian_share=0.0)
    assert (gates.max_residue_share, gates.min_indonesian_share) == (1.0, 0.0)


def test_run_config_out_of_range_stops_the_run_before_any_step_runs():
    ran = []

    @dg.asset
    def needs_nlp(nlp: NlpResource) -> None:
        ran.append(nlp.workers)

    result = dg.materialize(
        [needs_nlp],
        resources={"nlp": NlpResource()},
        run_config={"resources": {"nlp": {"config": {"workers": -2}}}},
        raise_on_error=False,
    )
    assert not result.success and ran == []


def test_the_cli_refuses_a_worker_count_below_one(tmp_path):
    args = ["run", "--inbox", str(tmp_path), "--warehouse", str(tmp_path / "w.duckdb"), "--workers", "0"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and "--workers" in result.output
