"""Schedule and inbox sensor, evaluated with Dagster's own test contexts."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import dagster as dg

from pipelines.resources import InboxResource
from pipelines.schedules import daily_chain
from pipelines.sensors import inbox_sensor


def _tick(inbox: Path, cursor: str | None, instance) -> tuple[object, str | None]:
    context = dg.build_sensor_context(
        instance=instance, cursor=cursor, resources={"inbox": InboxResource(path=str(inbox))}
    )
    result = inbox_sensor(context)
    return result, context.cursor


def test_daily_schedule_requests_one_chain_run():
    context = dg.build_schedule_context(scheduled_execution_time=dt.datetime(2026, 11, 22, 6, 0))
    requests = daily_chain.evaluate_tick(context).run_requests
    assert len(requests) == 1
    assert daily_chain.job_name == "chain_job"
    assert daily_chain.execution_timezone == "Asia/Jakarta"


def test_sensor_skips_missing_and_empty_inbox(tmp_path, dagster_instance):
    result, _ = _tick(tmp_path / "nope", None, dagster_instance)
    assert isinstance(result, dg.SkipReason) and "does not exist" in result.skip_message
    (tmp_path / "inbox").mkdir()
    result, _ = _tick(tmp_path / "inbox", None, dagster_instance)
    assert isinstance(result, dg.SkipReason) and "empty" in result.skip_message


def test_sensor_triggers_once_per_inbox_state(inbox, dagster_instance):
    (inbox / "a.txt").write_text("isi artikel", encoding="utf-8")
    first, cursor = _tick(inbox, None, dagster_instance)
    assert isinstance(first, dg.RunRequest)

    again, same_cursor = _tick(inbox, cursor, dagster_instance)
    assert isinstance(again, dg.SkipReason)  # no double trigger for an unchanged inbox
    assert same_cursor == cursor

    (inbox / "sub").mkdir()
    (inbox / "sub" / "b.jsonl").write_text('{"text": "x"}\n', encoding="utf-8")
    second, cursor2 = _tick(inbox, cursor, dagster_instance)
    assert isinstance(second, dg.RunRequest)
    assert second.run_key != first.run_key and cursor2 != cursor

    # a changed file (new mtime) is a new state too
    stat = (inbox / "a.txt").stat()
    os.utime(inbox / "a.txt", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    third, _ = _tick(inbox, cursor2, dagster_instance)
    assert isinstance(third, dg.RunRequest) and third.run_key not in {first.run_key, second.run_key}


def test_same_state_reached_again_reuses_its_run_key(inbox, dagster_instance):
    # run_key dedup: Dagster will not launch a second run for a key it has seen
    (inbox / "a.txt").write_text("isi", encoding="utf-8")
    first, _ = _tick(inbox, None, dagster_instance)
    replay, _ = _tick(inbox, "some-other-cursor", dagster_instance)
    assert replay.run_key == first.run_key
