"""Stand-in SparkSubmitOperator: keeps its arguments and its downstream tasks."""
import airflow


class SparkSubmitOperator:
    def __init__(self, task_id, **kwargs):
        self.task_id = task_id
        self.kwargs = kwargs
        self.downstream = []
        self.dag = airflow.current_dag()
        if self.dag is None:
            raise RuntimeError("task " + task_id + " created outside a DAG")
        if task_id in self.dag.tasks:
            raise RuntimeError("duplicate task " + task_id)
        self.dag.tasks[task_id] = self

    def __rshift__(self, other):
        self.downstream.append(other.task_id)
        return other
