"""Checks the crossover DAGs against the Airflow stand-in, and prints every task's spark-submit
arguments as JSON (``--print-tasks``) for the JUnit test that runs each through ``Main --dry-run``."""
import importlib.util
import json
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "stand_in"))
DAG_FILE = os.path.join(HERE, "..", "dags", "crossover_daily.py")


def load_dags():
    spec = importlib.util.spec_from_file_location("crossover_daily", DAG_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {d.dag_id: d for d in vars(module).values() if d.__class__.__name__ == "DAG"}


def edges(dag):
    return sorted((t.task_id, down) for t in dag.tasks.values() for down in t.downstream)


class CrossoverDagTest(unittest.TestCase):
    def setUp(self):
        self.dags = load_dags()

    def test_daily_runs_the_four_stages_in_order(self):
        daily = self.dags["crossover_daily"]
        self.assertEqual(sorted(daily.tasks), ["forecast", "ingest", "panel", "refine"])
        self.assertEqual(edges(daily), [("ingest", "refine"), ("panel", "forecast"), ("refine", "panel")])
        self.assertEqual(daily.kwargs["max_active_runs"], 1)
        self.assertTrue(daily.kwargs["catchup"])

    def test_weekly_backtests_then_maintains(self):
        weekly = self.dags["crossover_weekly"]
        self.assertEqual(edges(weekly), [("backtest", "maintain")])

    def test_every_task_submits_main_for_its_stage_and_the_logical_date(self):
        for dag in self.dags.values():
            for task in dag.tasks.values():
                self.assertEqual(task.kwargs["java_class"], "io.crossover.Main")
                self.assertEqual(task.kwargs["application_args"], [task.task_id, "--run-date", "{{ ds }}"])
                self.assertGreater(dag.kwargs["default_args"]["retries"], 0)
                self.assertTrue(dag.kwargs["doc_md"].strip())


def print_tasks():
    tasks = [{"dag": dag.dag_id, "task": t.task_id, "args": t.kwargs["application_args"], "conf": t.kwargs["conf"]}
             for dag in load_dags().values() for t in dag.tasks.values()]
    print(json.dumps(tasks))


if __name__ == "__main__":
    if "--print-tasks" in sys.argv:
        print_tasks()
    else:
        unittest.main()
