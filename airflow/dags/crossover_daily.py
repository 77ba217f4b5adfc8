"""crossover on Airflow: the daily pipeline and the weekly backtest and upkeep.

Each stage is one SparkSubmitOperator running
``io.crossover.Main <stage> --run-date {{ data_interval_start | ds }}`` from the crossover jar, so a
failed stage is retried alone and its log is its own. Settings live in one place (CROSSOVER below): the
packages and Spark properties of the documented Standalone submit (docs/deploy.md), and the landing
and lake locations.
"""
from datetime import timedelta

import pendulum
from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
from airflow.timetables.interval import CronDataIntervalTimetable

CROSSOVER = {
    # The Airflow connection to the Spark master (Admin -> Connections, type "Spark"); docs/deploy.md.
    "conn_id": "spark_crossover",
    "application": "/opt/crossover/crossover-jobs.jar",
    # The --packages of docs/deploy.md's Standalone line. No `files`: the company aliases are built into the jar.
    "packages": "io.delta:delta-spark_2.13:4.4.0,org.apache.hadoop:hadoop-aws:3.5.0,"
                "software.amazon.awssdk:s3:2.35.4,software.amazon.awssdk:s3-transfer-manager:2.35.4,"
                "software.amazon.awssdk:sts:2.35.4",
    # and its --exclude-packages: what Spark already holds, and the AWS SDK bundle the three SDK modules replace.
    "exclude_packages": "software.amazon.awssdk:bundle,org.apache.hadoop:hadoop-client-api,org.apache.hadoop:hadoop-client-runtime",
    # conf/cluster.properties, inline so that the Airflow workers need no checkout; the DAG tests fail
    # when the two differ. spark.app.name is overridden per task by the operator's name (--name wins).
    "conf": {
        "spark.app.name": "crossover",
        "spark.sql.extensions": "io.delta.sql.DeltaSparkSessionExtension",
        "spark.sql.catalog.spark_catalog": "org.apache.spark.sql.delta.catalog.DeltaCatalog",
        "spark.databricks.delta.properties.defaults.enableDeletionVectors": "false",
        "spark.sql.session.timeZone": "UTC",
        "spark.sql.adaptive.enabled": "true",
        "spark.sql.adaptive.coalescePartitions.enabled": "true",
        "spark.sql.shuffle.partitions": "64",
        "spark.driver.memory": "4g",
        "spark.executor.memory": "8g",
        "spark.executor.cores": "4",
        "spark.dynamicAllocation.enabled": "false",
        "spark.executor.instances": "4",
        "spark.driver.extraJavaOptions": (
            "--add-opens=java.base/java.lang=ALL-UNNAMED "
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED "
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED "
            "--add-opens=java.base/java.io=ALL-UNNAMED "
            "--add-opens=java.base/java.net=ALL-UNNAMED "
            "--add-opens=java.base/java.nio=ALL-UNNAMED "
            "--add-opens=java.base/java.util=ALL-UNNAMED "
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED "
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED "
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED "
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED "
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED "
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED "
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED "
            "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED "
            "-Dio.netty.tryReflectionSetAccessible=true"
        ),
        "spark.redaction.regex": "(?i)secret|password|token|access[.]?key|credential",
        "spark.crossover.landing": "s3a://crossover/landing",
        "spark.crossover.lake": "s3a://crossover/lake",
    },
    # One slot (`airflow pools set crossover_lake 1 ...`, docs/deploy.md): the daily and the weekly DAG
    # never write the lake at once, which Delta's default S3 log store needs (one writing driver per table).
    "pool": "crossover_lake",
    # A full rebuild of the heaviest stage costs about 10 µs of a core per event (docs/deploy.md, Sizing
    # executors): minutes for the 10^8 events a month the conf is sized for. A stage still running after
    # two hours is stuck, and holding the pool's only slot it would stall both DAGs.
    "execution_timeout": timedelta(hours=2),
}

# Airflow 3 reads a cron string as a CronTriggerTimetable, whose data interval is the run time itself,
# so `ds` there is the day of the run, one day later than in Airflow 2. An explicit data-interval
# timetable and data_interval_start make the run date the day the run covers in both.
RUN_DATE = "{{ data_interval_start | ds }}"

DEFAULT_ARGS = {
    "owner": "crossover",
    "retries": 3,
    "retry_delay": timedelta(minutes=5),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(hours=1),
}


def stage(name):
    """One crossover stage for the day the DAG run covers."""
    return SparkSubmitOperator(
        task_id=name,
        conn_id=CROSSOVER["conn_id"],
        application=CROSSOVER["application"],
        java_class="io.crossover.Main",
        application_args=[name, "--run-date", RUN_DATE],
        packages=CROSSOVER["packages"],
        exclude_packages=CROSSOVER["exclude_packages"],
        conf=CROSSOVER["conf"],
        name="crossover-" + name,
        pool=CROSSOVER["pool"],
        pool_slots=1,
        execution_timeout=CROSSOVER["execution_timeout"],
    )


with DAG(
    dag_id="crossover_daily",
    description="Land, refine, join and forecast: when AI inference compute overtakes training",
    schedule=CronDataIntervalTimetable("@daily", timezone="UTC"),
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    # Unpausing schedules the latest day only; older days are backfilled on purpose (docs/deploy.md).
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    doc_md="""
    **crossover daily**: ingest → refine → panel → forecast for the day the run covers
    (`{{ data_interval_start | ds }}`). A re-run of a date changes nothing; a backfilled older date
    builds gold as knowable then (`airflow dags backfill` / `airflow backfill create`, docs/deploy.md).
    Exit code 3 (rows rejected above `spark.crossover.quality.maxRejectRatio`) fails the task on
    purpose: read `quarantine/<dataset>`, fix the landing file, clear the task. docs/operations.md.
    """,
) as daily:
    ingest, refine, panel, forecast = (stage(s) for s in ("ingest", "refine", "panel", "forecast"))
    ingest >> refine >> panel >> forecast

with DAG(
    dag_id="crossover_weekly",
    description="Score the forecast models by rolling origin and compact the lake",
    schedule=CronDataIntervalTimetable("@weekly", timezone="UTC"),
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    doc_md="""
    **crossover weekly**: `backtest` (gold/backtest_metrics) then `maintain` (compaction and vacuum)
    for the first day of the week the run covers. Both read what the daily DAG wrote for that date, and
    share the daily DAG's one-slot pool `crossover_lake`, so they never write the lake at the same time.
    """,
) as weekly:
    stage("backtest") >> stage("maintain")
