"""Airflow DAG: run campaign-metrics weekly with spark-submit (client mode), then check its manifest.

Needs apache-airflow-providers-apache-spark and a Spark connection (``spark_default``) whose master
is the cluster's (spark://host:7077, yarn, k8s://...). Client mode, because in standalone cluster
mode spark-submit exits 0 even when the driver failed. The data interval's start is the run date,
so a backfill writes each week's history partition, and a rerun replaces only its own.
"""
import json
from datetime import datetime, timedelta
from pathlib import Path

from airflow import DAG
from airflow.operators.python import PythonOperator
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

APPLICATION = "/opt/campaign-metrics/target/campaign-metrics.jar"
INPUT = "/data/campaign/input"
OUTPUT = "/data/campaign/output"


def check_manifest(run_id: str, **_) -> None:
    """The run landed only if the manifest, written last, names this run and says it succeeded."""
    manifest = json.loads((Path(OUTPUT) / "_manifest.json").read_text(encoding="utf-8"))
    if manifest.get("run_id") != run_id or manifest.get("status") != "succeeded":
        raise ValueError(f"manifest is for run {manifest.get('run_id')!r} ({manifest.get('status')}), not {run_id!r}")
    rejected = sum(entry["rows_rejected"] for entry in manifest["inputs"])
    print(f"run {run_id}: {manifest['checks']} checks, {rejected} rejected input rows")


with DAG(
    dag_id="campaign_metrics_weekly",
    schedule="0 6 * * 1",
    start_date=datetime(2024, 1, 1),
    catchup=False,
    default_args={"retries": 1, "retry_delay": timedelta(minutes=10)},
    tags=["campaign-metrics"],
) as dag:
    run_job = SparkSubmitOperator(
        task_id="campaign_metrics",
        conn_id="spark_default",
        application=APPLICATION,
        java_class="org.campaignmetrics.CampaignMetricsJob",
        deploy_mode="client",
        application_args=[
            "--input", INPUT,
            "--output", OUTPUT,
            "--run-date", "{{ data_interval_start | ds }}",
            "--run-id", "{{ run_id }}",
            "--fail-on", "error",
        ],
    )
    manifest = PythonOperator(
        task_id="check_manifest",
        python_callable=check_manifest,
        op_kwargs={"run_id": "{{ run_id }}"},
    )
    run_job >> manifest
