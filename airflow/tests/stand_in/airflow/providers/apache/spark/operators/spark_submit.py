"""Stand-in SparkSubmitOperator: keeps its arguments and its downstream tasks, submits nothing.

It accepts only the keywords of the real SparkSubmitOperator and BaseOperator, as recorded in
tests/fixtures/spark_submit_operator_signature.json, so a misspelled keyword fails here as it would in
Airflow. default_args are checked too: Airflow silently drops a default_args key no operator takes, so a
misspelled retry setting would otherwise go unnoticed there as well as here."""
import json
import os

import airflow

TESTS = os.path.join(os.path.dirname(airflow.__file__), os.pardir, os.pardir)
SIGNATURE_FILE = os.path.join(TESTS, "fixtures", "spark_submit_operator_signature.json")
with open(SIGNATURE_FILE, encoding="utf-8") as signature:
    KEYWORDS = frozenset(json.load(signature)["keywords"])


def reject_unknown_keywords(names, where):
    for name in sorted(names):
        if name not in KEYWORDS:
            raise TypeError(f"SparkSubmitOperator got an unexpected keyword argument '{name}' ({where})")


class SparkSubmitOperator:
    def __init__(self, **kwargs):
        reject_unknown_keywords(kwargs, "keyword argument")
        self.dag = airflow.current_dag()
        if self.dag is None:
            raise RuntimeError("task " + kwargs["task_id"] + " created outside a DAG")
        reject_unknown_keywords(self.dag.kwargs.get("default_args", {}), "default_args of " + self.dag.dag_id)
        self.task_id = kwargs.pop("task_id")
        self.kwargs = kwargs
        self.downstream = []
        if self.task_id in self.dag.tasks:
            raise RuntimeError("duplicate task " + self.task_id)
        self.dag.tasks[self.task_id] = self

    def __rshift__(self, other):
        self.downstream.append(other.task_id)
        return other
