"""Airflow DAG: run campaign-metrics weekly with spark-submit (client mode), then check what it did.

Needs apache-airflow-providers-apache-spark and a Spark connection (``spark_default``) whose master
is the cluster's (spark://host:7077, yarn, k8s://...). Client mode, because in standalone cluster
mode spark-submit exits 0 even when the driver failed. The data interval's start is the run date,
so a backfill writes each week's history partition, and a rerun replaces only its own. The job's
run id is Airflow's run id made safe for a path (``path_safe``: ``scheduled__2024-01-08T06:00:00+00:00``
becomes ``scheduled__2024-01-08T06_00_00_00_00``), since a held run is kept under a folder of that name.

The job's exit codes:

- 0: success; the tables are published and ``OUTPUT/_manifest.json`` names this run.
- 1: the run failed (an unreadable input, a whole-file problem, unwritable output, a failed
  PostgreSQL export...); nothing new published.
- 2: usage error (a bad option); nothing published.
- 3: input rows rejected under ``--strict``; nothing written.
- 4: cross-checks at the ``--fail-on`` severity (here: ``error``); the tables ARE published.
- 5: held: the publish gates stopped the run from replacing the published tables (too many rejected
  rows, a rejected report that other files cite, figures that would disappear...). Nothing published;
  what it computed is kept under ``OUTPUT/_held/<run id>/``, whose ``_manifest.json`` has
  ``status: held`` and the ``reasons``.

Any exit but 0 fails the ``campaign_metrics`` task (SparkSubmitOperator), and Airflow retries it once
(for a cluster that was briefly away). ``check_manifest`` then runs whatever happened
(``trigger_rule="all_done"``) and is the task whose log says what the run did: it fails, without
retrying, unless this run published with no check at the ``--fail-on`` severity; for a held run its
error names the reasons from the held manifest, for exit 4 the failed checks, for 1, 2 and 3 it points
to the job's log. It is the DAG's last task, so the DAG run fails with it.
"""
import json
import re
from datetime import datetime, timedelta
from pathlib import Path

from airflow import DAG
from airflow.exceptions import AirflowFailException
from airflow.operators.python import PythonOperator
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

APPLICATION = "/opt/campaign-metrics/target/campaign-metrics.jar"
INPUT = "/data/campaign/input"
OUTPUT = "/data/campaign/output"
FAIL_ON = "error"  # --fail-on: exit 4 for checks of this severity (published all the same)
RUN_ID = "{{ run_id | path_safe }}"  # the job's --run-id


def path_safe(run_id: str) -> str:
    """Airflow's run id as a folder name: every run of characters other than letters, digits, '.', '_'
    and '-' becomes '_' (':' would make Hadoop read a scheme, '+' and '/' are no better)."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", run_id)


def _read(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _reason(reason) -> str:
    if isinstance(reason, dict):
        return str(reason.get("message") or reason.get("reason") or json.dumps(reason, sort_keys=True))
    return str(reason)


def check_manifest(run_id: str, output: str = OUTPUT, fail_on: str = FAIL_ON, **_) -> None:
    """Says what run ``run_id`` did, from the manifests, and raises unless it published cleanly:
    held (exit 5) with the held manifest's reasons; published with checks at the ``fail_on`` severity
    (exit 4); no manifest for this run at all (exit 1, 2 or 3: the job's log says why)."""
    held_path = Path(output) / "_held" / run_id / "_manifest.json"
    published_path = Path(output) / "_manifest.json"
    held, manifest = _read(held_path), _read(published_path)
    is_held = held.get("status") == "held"
    published = manifest.get("run_id") == run_id and manifest.get("status") == "succeeded"
    if is_held and published:  # the task was cleared and run again: the later manifest is this attempt's
        is_held = held_path.stat().st_mtime >= published_path.stat().st_mtime
    if is_held:
        reasons = [_reason(r) for r in held.get("reasons") or []] or ["(the manifest gives no reason)"]
        raise AirflowFailException(
            f"run {run_id} was HELD (exit 5): the published tables were not replaced. Why: "
            + "; ".join(reasons) + f". What it computed is under {held_path.parent}.")
    if not published:
        raise AirflowFailException(
            f"run {run_id} published nothing: {output}/_manifest.json is for run {manifest.get('run_id')!r} "
            f"({manifest.get('status')}). The campaign_metrics task's log says why (exit 1: failed, "
            f"2: usage, 3: rows rejected under --strict).")
    checks = manifest.get("checks") or {}
    severities = ("error", "warning") if fail_on == "warning" else ("error",) if fail_on == "error" else ()
    failing = {severity: checks.get(severity, 0) for severity in severities if checks.get(severity, 0)}
    rejected = sum(entry.get("rows_rejected", 0) for entry in manifest.get("inputs", []))
    summary = f"{checks.get('error', 0)} error and {checks.get('warning', 0)} warning checks, {rejected} rejected input rows"
    if failing:
        raise AirflowFailException(
            f"run {run_id} published, but with checks at --fail-on {fail_on} (exit 4): {summary}; "
            f"see {output}/csv/checks.csv.")
    print(f"run {run_id}: published; {summary}")


with DAG(
    dag_id="campaign_metrics_weekly",
    schedule="0 6 * * 1",
    start_date=datetime(2024, 1, 1),
    catchup=False,
    default_args={"retries": 1, "retry_delay": timedelta(minutes=10)},
    user_defined_filters={"path_safe": path_safe},
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
            "--run-id", RUN_ID,
            "--fail-on", FAIL_ON,
        ],
    )
    manifest = PythonOperator(
        task_id="check_manifest",
        python_callable=check_manifest,
        op_kwargs={"run_id": RUN_ID, "output": OUTPUT, "fail_on": FAIL_ON},
        trigger_rule="all_done",  # also after a failed or held run, to say what happened
    )
    run_job >> manifest
