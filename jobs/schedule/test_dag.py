"""Loads campaign_metrics_dag.py with runpy against the stub of Airflow in stub/ (Airflow itself is on
PyPI only, which this project's machines cannot reach) and checks its tasks, their order, the
arguments passed to the job, and what the check task makes of each way a run can end.
    python3 jobs/schedule/test_dag.py      (plain python3, no package to install)
"""
import json
import os
import runpy
import shutil
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "stub"))

from airflow.exceptions import AirflowException, AirflowFailException  # noqa: E402  (the stub)

try:
    import jinja2
except ImportError:  # plain python3 may have no jinja2: the template is then checked as text only
    jinja2 = None

RUN_ID = "scheduled__2024-01-08T06_00_00_00_00"


class DagTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.module = runpy.run_path(str(HERE / "campaign_metrics_dag.py"))
        cls.dag = cls.module["dag"]
        cls.check = staticmethod(cls.module["check_manifest"])

    def setUp(self):
        self.output = Path(tempfile.mkdtemp(prefix="dag-test-"))
        self.addCleanup(shutil.rmtree, self.output, ignore_errors=True)

    def write(self, relative, manifest):
        path = self.output / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(manifest), encoding="utf-8")

    def published(self, run_id=RUN_ID, error=0, warning=0, rejected=(0, 0)):
        self.write("_manifest.json", {
            "run_id": run_id, "status": "succeeded", "checks": {"error": error, "warning": warning},
            "inputs": [{"name": f"file{i}.csv", "rows_rejected": n} for i, n in enumerate(rejected)]})

    def run_check(self, **kwargs):
        return self.check(run_id=RUN_ID, output=str(self.output), fail_on="error", **kwargs)

    # the DAG itself

    def test_dag(self):
        self.assertEqual("campaign_metrics_weekly", self.dag.dag_id)
        self.assertEqual("0 6 * * 1", self.dag.schedule)
        self.assertFalse(self.dag.catchup)
        self.assertEqual(1, self.dag.default_args["retries"])

    def test_tasks_and_order(self):
        self.assertEqual(["campaign_metrics", "check_manifest"], self.dag.task_ids)
        job, check = self.dag.task_dict["campaign_metrics"], self.dag.task_dict["check_manifest"]
        self.assertEqual(set(), job.upstream_task_ids)
        self.assertEqual({"check_manifest"}, job.downstream_task_ids)
        self.assertEqual({"campaign_metrics"}, check.upstream_task_ids)
        self.assertEqual(set(), check.downstream_task_ids)
        self.assertEqual("all_success", job.trigger_rule)
        # the check runs after a failed or held run too, to say what happened
        self.assertEqual("all_done", check.trigger_rule)

    def test_arguments_passed_to_the_job(self):
        job = self.dag.task_dict["campaign_metrics"]
        type_name = type(job).__name__
        self.assertEqual("SparkSubmitOperator", type_name)
        self.assertEqual("/opt/campaign-metrics/target/campaign-metrics.jar", job.application)
        self.assertEqual("org.campaignmetrics.CampaignMetricsJob", job.java_class)
        self.assertEqual("client", job.deploy_mode)  # cluster mode exits 0 on standalone when the driver fails
        self.assertEqual("spark_default", job.conn_id)
        self.assertEqual([
            "--input", "/data/campaign/input",
            "--output", "/data/campaign/output",
            "--run-date", "{{ data_interval_start | ds }}",
            "--run-id", "{{ run_id | path_safe }}",
            "--fail-on", "error",
        ], job.application_args)

    def test_the_check_gets_the_same_run_id_and_output(self):
        check = self.dag.task_dict["check_manifest"]
        self.assertIs(self.check, check.python_callable)
        self.assertEqual({"run_id": "{{ run_id | path_safe }}", "output": "/data/campaign/output",
                          "fail_on": "error"}, check.op_kwargs)

    def test_run_ids_are_made_safe_for_a_path(self):
        path_safe = self.dag.user_defined_filters["path_safe"]
        self.assertEqual(RUN_ID, path_safe("scheduled__2024-01-08T06:00:00+00:00"))
        self.assertEqual("manual__2024-01-08T10_15_02.123456_00_00", path_safe("manual__2024-01-08T10:15:02.123456+00:00"))
        self.assertEqual("my_run_1", path_safe("my run/1"))

    @unittest.skipIf(jinja2 is None, "no jinja2 in this python3")
    def test_the_templates_render(self):
        environment = jinja2.Environment()
        environment.filters.update(self.dag.user_defined_filters)
        rendered = environment.from_string(self.dag.task_dict["check_manifest"].op_kwargs["run_id"]).render(
            run_id="scheduled__2024-01-08T06:00:00+00:00")
        self.assertEqual(RUN_ID, rendered)

    def test_the_exit_codes_are_documented(self):
        doc = self.module["__doc__"]
        for code in ("- 0:", "- 1:", "- 2:", "- 3:", "- 4:", "- 5: held"):
            self.assertIn(code, doc)

    # what the check task makes of each way a run ends

    def test_exit_0_published(self):
        self.published(error=0, warning=2, rejected=(1, 2))
        self.run_check()  # no exception

    def test_exit_5_held_names_the_reasons_and_does_not_retry(self):
        self.published(run_id="the-week-before")  # the published tables are the previous run's
        self.write(f"_held/{RUN_ID}/_manifest.json", {
            "run_id": RUN_ID, "status": "held",
            "reasons": ["operations.csv: 15 of 15 rows rejected (100%, more than --max-rejected 5%)",
                        "reports.csv: report centcom-2024-h1 rejected, cited by 16 rows of other files"]})
        with self.assertRaises(AirflowFailException) as raised:
            self.run_check()
        message = str(raised.exception)
        self.assertIn("HELD (exit 5)", message)
        self.assertIn("operations.csv: 15 of 15 rows rejected (100%, more than --max-rejected 5%)", message)
        self.assertIn("report centcom-2024-h1 rejected, cited by 16 rows of other files", message)
        self.assertIn(str(self.output / "_held" / RUN_ID), message)

    def test_exit_5_with_structured_reasons(self):
        self.write(f"_held/{RUN_ID}/_manifest.json", {
            "status": "held", "reasons": [{"gate": "removals", "message": "3 published figures would be removed"}]})
        with self.assertRaisesRegex(AirflowFailException, "3 published figures would be removed"):
            self.run_check()

    def test_a_held_run_of_another_id_is_not_this_one(self):
        self.published()
        self.write("_held/another-run/_manifest.json", {"status": "held", "reasons": ["old news"]})
        self.run_check()

    def test_exit_4_published_with_error_checks(self):
        self.published(error=2)
        with self.assertRaisesRegex(AirflowFailException, r"published, but with checks at --fail-on error \(exit 4\)"):
            self.run_check()

    def test_warnings_fail_only_under_fail_on_warning(self):
        self.published(warning=1)
        self.run_check()
        with self.assertRaisesRegex(AirflowFailException, "exit 4"):
            self.check(run_id=RUN_ID, output=str(self.output), fail_on="warning")

    def test_exit_1_2_3_nothing_published_for_this_run(self):
        self.published(run_id="the-week-before")
        with self.assertRaisesRegex(AirflowFailException, "published nothing.*'the-week-before'.*exit 1"):
            self.run_check()

    def test_no_manifest_at_all(self):
        with self.assertRaisesRegex(AirflowException, "published nothing"):
            self.run_check()

    def test_a_held_run_then_a_rerun_that_published(self):
        # the task cleared and run again after the inputs were fixed: the later manifest decides
        self.write(f"_held/{RUN_ID}/_manifest.json", {"status": "held", "reasons": ["x"]})
        self.published()
        os.utime(self.output / "_held" / RUN_ID / "_manifest.json", (1_700_000_000, 1_700_000_000))
        self.run_check()

    def test_a_published_run_then_a_rerun_that_was_held(self):
        self.published()
        self.write(f"_held/{RUN_ID}/_manifest.json", {"status": "held", "reasons": ["figures removed"]})
        os.utime(self.output / "_manifest.json", (1_700_000_000, 1_700_000_000))
        with self.assertRaisesRegex(AirflowFailException, "HELD.*figures removed"):
            self.run_check()

if __name__ == "__main__":
    unittest.main(verbosity=2)
