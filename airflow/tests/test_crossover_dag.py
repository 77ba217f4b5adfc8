"""Checks the crossover DAGs against the Airflow stand-in, and prints every task's spark-submit
arguments as JSON (``--print-tasks``) for the JUnit test that runs each through ``Main --dry-run``."""
import importlib.util
import json
import os
import re
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPOSITORY = os.path.join(HERE, os.pardir, os.pardir)
sys.path.insert(0, os.path.join(HERE, "stand_in"))
DAG_FILE = os.path.join(HERE, "..", "dags", "crossover_daily.py")
RUN_DATE = "{{ data_interval_start | ds }}"


def load_dags():
    spec = importlib.util.spec_from_file_location("crossover_daily", DAG_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {d.dag_id: d for d in vars(module).values() if d.__class__.__name__ == "DAG"}


def edges(dag):
    return sorted((t.task_id, down) for t in dag.tasks.values() for down in t.downstream)


def all_tasks(dags):
    return [task for dag in dags.values() for task in dag.tasks.values()]


def standalone_option(option):
    """The value of an option (--packages, --exclude-packages) of the Standalone spark-submit line in docs/deploy.md."""
    with open(os.path.join(REPOSITORY, "docs", "deploy.md"), encoding="utf-8") as deploy:
        standalone = re.search(r"^Standalone:\n\n```bash\n(.*?)```", deploy.read(), re.MULTILINE | re.DOTALL)
    return re.search(option + r" (\S+)", standalone.group(1)).group(1)


def cluster_properties():
    """conf/cluster.properties as key -> value: one `key value` pair a line, `#` comments (no continuations)."""
    properties = {}
    with open(os.path.join(REPOSITORY, "conf", "cluster.properties"), encoding="utf-8") as lines:
        for line in lines:
            line = line.strip()
            if line and not line.startswith(("#", "!")):
                key, value = re.match(r"([^\s=:]+)\s*[\s=:]\s*(.*)", line).groups()
                properties[key] = value
    return properties


class CrossoverDagTest(unittest.TestCase):
    def setUp(self):
        self.dags = load_dags()

    def test_daily_runs_the_four_stages_in_order(self):
        daily = self.dags["crossover_daily"]
        self.assertEqual(sorted(daily.tasks), ["forecast", "ingest", "panel", "refine"])
        self.assertEqual(edges(daily), [("ingest", "refine"), ("panel", "forecast"), ("refine", "panel")])
        self.assertEqual(daily.kwargs["max_active_runs"], 1)

    def test_weekly_backtests_then_maintains(self):
        weekly = self.dags["crossover_weekly"]
        self.assertEqual(edges(weekly), [("backtest", "maintain")])

    def test_both_dags_schedule_utc_data_intervals_without_catching_up(self):
        for dag_id, cron in (("crossover_daily", "@daily"), ("crossover_weekly", "@weekly")):
            dag = self.dags[dag_id]
            schedule = dag.kwargs["schedule"]
            self.assertEqual(schedule.__class__.__name__, "CronDataIntervalTimetable", dag_id)
            self.assertEqual((schedule.cron, schedule.timezone), (cron, "UTC"), dag_id)
            self.assertIs(dag.kwargs["catchup"], False, dag_id)
            self.assertEqual(dag.kwargs["max_active_runs"], 1, dag_id)
            self.assertGreater(dag.kwargs["default_args"]["retries"], 0, dag_id)
            self.assertTrue(dag.kwargs["doc_md"].strip(), dag_id)

    def test_every_task_submits_main_for_its_stage_and_the_day_its_run_covers(self):
        for task in all_tasks(self.dags):
            self.assertEqual(task.kwargs["java_class"], "io.crossover.Main")
            self.assertEqual(task.kwargs["application_args"], [task.task_id, "--run-date", RUN_DATE])

    def test_every_task_writes_the_lake_through_the_one_slot_pool_and_has_a_timeout(self):
        for task in all_tasks(self.dags):
            self.assertEqual((task.kwargs["pool"], task.kwargs["pool_slots"]), ("crossover_lake", 1), task.task_id)
            self.assertGreater(task.kwargs["execution_timeout"].total_seconds(), 0, task.task_id)

    def test_every_task_has_the_packages_of_the_documented_standalone_submit(self):
        packages = standalone_option("--packages")
        excluded = standalone_option("--exclude-packages")
        self.assertIn("io.delta:delta-spark_2.13:", packages)
        self.assertIn("software.amazon.awssdk:bundle", excluded)
        for task in all_tasks(self.dags):
            self.assertEqual(task.kwargs["packages"], packages, task.task_id)
            self.assertEqual(task.kwargs["exclude_packages"], excluded, task.task_id)

    def test_every_task_has_every_cluster_property_and_no_properties_file(self):
        properties = cluster_properties()
        self.assertIn("spark.sql.extensions", properties)
        for task in all_tasks(self.dags):
            self.assertEqual({k: task.kwargs["conf"].get(k) for k in properties}, properties, task.task_id)
            self.assertNotIn("properties_file", task.kwargs, task.task_id)

    def test_a_keyword_the_real_operator_does_not_take_is_rejected(self):
        from airflow import DAG
        from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

        with DAG("misspelled", default_args={}):
            SparkSubmitOperator(task_id="spelled", java_class="io.crossover.Main")
            with self.assertRaisesRegex(TypeError, "'java_clas'"):
                SparkSubmitOperator(task_id="misspelled", java_clas="io.crossover.Main")
        with DAG("misspelled_default", default_args={"retry_exponental_backoff": True}):
            with self.assertRaisesRegex(TypeError, "'retry_exponental_backoff'"):
                SparkSubmitOperator(task_id="any")


def print_tasks():
    tasks = [{"dag": dag.dag_id, "task": t.task_id, "args": t.kwargs["application_args"], "conf": t.kwargs["conf"]}
             for dag in load_dags().values() for t in dag.tasks.values()]
    print(json.dumps(tasks))


if __name__ == "__main__":
    if "--print-tasks" in sys.argv:
        print_tasks()
    else:
        unittest.main()
