"""The GX adapter (real GX): a stage validating chunk after chunk must not keep the chunks it validated."""

from __future__ import annotations

import polars as pl

from checks.gx import _context, run_suite


def test_a_validated_frame_is_not_kept_by_gx():
    for n in (3, 5):
        frame = pl.DataFrame({"id": [f"a{i}" for i in range(n)], "ok": [True] * n})
        outcome = run_suite("t", frame, lambda gxe: [gxe.ExpectColumnValuesToBeInSet(column="ok",
                                                                                    value_set=[True])])
        assert outcome.passed and outcome.batch_rows == n
    source = _context().data_sources.get("frames")
    manager = source.get_execution_engine().batch_manager
    # GX caches the data of every batch it loaded: run_suite must drop it, or memory grows with each chunk
    assert manager.batch_data_cache == {} and manager.batch_cache == {}
    assert not source.get_asset_names()
