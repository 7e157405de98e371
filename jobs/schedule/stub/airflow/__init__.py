"""Stub of Airflow for jobs/schedule/test_dag.py: DAG and the operators' common base, recording what
the DAG file passes. Only what campaign_metrics_dag.py uses."""

_current_dags = []


class BaseOperator:
    def __init__(self, task_id, trigger_rule="all_success", dag=None, **kwargs):
        self.task_id = task_id
        self.trigger_rule = trigger_rule
        self.kwargs = kwargs
        self.upstream_task_ids = set()
        self.downstream_task_ids = set()
        self.dag = dag or (_current_dags[-1] if _current_dags else None)
        if self.dag is None:
            raise RuntimeError(f"task {task_id} created outside a DAG")
        self.dag._add(self)

    def __getattr__(self, name):  # the operator's own arguments, as the real operators keep them
        try:
            return self.__dict__["kwargs"][name]
        except KeyError:
            raise AttributeError(name) from None

    def set_downstream(self, other):
        for task in other if isinstance(other, (list, tuple)) else [other]:
            self.downstream_task_ids.add(task.task_id)
            task.upstream_task_ids.add(self.task_id)

    def __rshift__(self, other):
        self.set_downstream(other)
        return other

    def __lshift__(self, other):
        for task in other if isinstance(other, (list, tuple)) else [other]:
            task.set_downstream(self)
        return other


class DAG:
    def __init__(self, dag_id, **kwargs):
        self.dag_id = dag_id
        self.kwargs = kwargs
        self.task_dict = {}

    def __getattr__(self, name):
        try:
            return self.__dict__["kwargs"][name]
        except KeyError:
            raise AttributeError(name) from None

    def _add(self, task):
        if task.task_id in self.task_dict:
            raise ValueError(f"duplicate task id {task.task_id}")
        self.task_dict[task.task_id] = task

    @property
    def task_ids(self):
        return list(self.task_dict)

    def __enter__(self):
        _current_dags.append(self)
        return self

    def __exit__(self, *exc):
        _current_dags.pop()
        return False
