from airflow import BaseOperator


class PythonOperator(BaseOperator):
    def __init__(self, task_id, python_callable, op_args=None, op_kwargs=None, **kwargs):
        super().__init__(task_id, **kwargs)
        self.python_callable = python_callable
        self.op_args = list(op_args or [])
        self.op_kwargs = dict(op_kwargs or {})
