"""Daily rerun of the chain (picks up anything that arrived without triggering the sensor)."""

import dagster as dg

from pipelines.jobs import chain_job
from pipelines.partitions import all_shards_tags


@dg.schedule(
    name="daily_chain",
    job=chain_job,
    cron_schedule="0 6 * * *",
    execution_timezone="Asia/Jakarta",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Runs the whole chain every day at 06:00 WIB; unchanged input means no work.",
)
def daily_chain(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
    # one run over every NLP shard (a schedule definition's own tags may not carry Dagster's range tags)
    return dg.RunRequest(tags=all_shards_tags())
