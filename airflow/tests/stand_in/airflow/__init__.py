"""A stand-in for the few Airflow names the crossover DAG imports (Airflow cannot be installed here:
no PyPI). It records DAGs, tasks and edges so the tests can check them; it runs nothing."""

_current = []


class DAG:
    def __init__(self, dag_id, **kwargs):
        self.dag_id = dag_id
        self.kwargs = kwargs
        self.tasks = {}

    def __enter__(self):
        _current.append(self)
        return self

    def __exit__(self, *exc):
        _current.pop()
        return False


def current_dag():
    return _current[-1] if _current else None
