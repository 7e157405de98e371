from airflow import BaseOperator


class SparkSubmitOperator(BaseOperator):
    def __init__(self, task_id, application="", application_args=None, conn_id="spark_default",
                 java_class=None, deploy_mode=None, **kwargs):
        super().__init__(task_id, **kwargs)
        self.application = application
        self.application_args = list(application_args or [])
        self.conn_id = conn_id
        self.java_class = java_class
        self.deploy_mode = deploy_mode
