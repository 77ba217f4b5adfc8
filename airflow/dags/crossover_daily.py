"""crossover on Airflow: the daily pipeline and the weekly backtest and upkeep.

Each stage is one SparkSubmitOperator running ``io.crossover.Main <stage> --run-date {{ ds }}`` from
the crossover jar, so a failed stage is retried alone and its log is its own. Settings live in one
place (CROSSOVER below): the properties file the cluster reads, and the landing and lake locations.
"""
from datetime import timedelta

import pendulum
from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

CROSSOVER = {
    # The Airflow connection to the Spark master (Admin -> Connections, type "Spark"); docs/deploy.md.
    "conn_id": "spark_crossover",
    "application": "/opt/crossover/crossover-jobs.jar",
    "properties_file": "/opt/crossover/conf/cluster.properties",
    "conf": {
        "spark.crossover.landing": "s3a://crossover/landing",
        "spark.crossover.lake": "s3a://crossover/lake",
    },
}

DEFAULT_ARGS = {
    "owner": "crossover",
    "retries": 3,
    "retry_delay": timedelta(minutes=5),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(hours=1),
}


def stage(name):
    """One crossover stage for the DAG run's logical date."""
    return SparkSubmitOperator(
        task_id=name,
        conn_id=CROSSOVER["conn_id"],
        application=CROSSOVER["application"],
        java_class="io.crossover.Main",
        application_args=[name, "--run-date", "{{ ds }}"],
        properties_file=CROSSOVER["properties_file"],
        conf=CROSSOVER["conf"],
        name="crossover-" + name,
    )


with DAG(
    dag_id="crossover_daily",
    description="Land, refine, join and forecast: when AI inference compute overtakes training",
    schedule="@daily",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=True,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    doc_md="""
    **crossover daily**: ingest → refine → panel → forecast for the logical date (`{{ ds }}`).
    A re-run of a date changes nothing; a cleared older date backfills gold as knowable then.
    Exit code 3 (rows rejected above `spark.crossover.quality.maxRejectRatio`) fails the task on
    purpose: read `quarantine/<dataset>`, fix the landing file, clear the task. docs/operations.md.
    """,
) as daily:
    ingest, refine, panel, forecast = (stage(s) for s in ("ingest", "refine", "panel", "forecast"))
    ingest >> refine >> panel >> forecast

with DAG(
    dag_id="crossover_weekly",
    description="Score the forecast models by rolling origin and compact the lake",
    schedule="@weekly",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    doc_md="""
    **crossover weekly**: `backtest` (gold/backtest_metrics) then `maintain` (compaction and vacuum).
    Both read what the daily DAG wrote for the same date.
    """,
) as weekly:
    stage("backtest") >> stage("maintain")
