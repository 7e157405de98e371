"""The notebook against outputs it must cope with, each executed by notebooks/execute --output:

- header_only: every CSV with its header and no rows (a run that exited 0 with nothing to say);
- missing: a directory with no CSV at all (a wrong path, a run that died);
- coming: the tables as the job will soon write them (`<metric>_qualifier` and `<rate>_qualifier`
  columns, `changes` and `claim_checks`), from a real run of the sample data plus made-up rows.

Every chart cell must then show its chart, or say in one line why it has none, never fail.
    /usr/bin/python3 notebooks/test_notebook.py [RUN_OUTPUT_DIR]
Without RUN_OUTPUT_DIR, runs jobs/campaign-metrics on sample-data first. Needs what notebooks/execute
installs (Debian's python3-pandas among them).
"""
import json
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import pandas as pd

PROJECT = Path(__file__).resolve().parent.parent
CHART_CELLS = ("attack-pace", "theater-split", "per-mission", "tempo")
RUN = None  # a run's --output directory, set in main


def execute(output: Path, report: Path) -> dict:
    """Runs notebooks/execute against output; the executed notebook."""
    result = subprocess.run([str(PROJECT / "notebooks" / "execute"), "--output", str(output),
                             "--report-dir", str(report)], capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError(f"notebooks/execute failed on {output.name}:\n{result.stderr[-3000:]}")
    assert result.stdout.strip().splitlines()[-1] == str(report), result.stdout
    assert (report / "campaign-overview.html").is_file()
    return json.loads((report / "campaign-overview.ipynb").read_text(encoding="utf-8"))


def code_cells(notebook: dict) -> list:
    return [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]


def chart_cells(notebook: dict) -> list:
    """The code cells that draw a chart, by the file name they save it as, in CHART_CELLS' order."""
    cells = {name: cell for cell in code_cells(notebook) for name in CHART_CELLS
             if f'"{name}"' in "".join(cell["source"])}
    assert sorted(cells) == sorted(CHART_CELLS), cells.keys()
    return [cells[name] for name in CHART_CELLS]


def images(cell: dict) -> int:
    return sum("image/png" in output.get("data", {}) for output in cell["outputs"])


def text(cell: dict) -> str:
    return "".join("".join(output["text"]) for output in cell["outputs"] if output["output_type"] == "stream")


def html(cell: dict) -> str:
    return "".join("".join(output.get("data", {}).get("text/html", "")) for output in cell["outputs"])


class NotebookTest(unittest.TestCase):
    def setUp(self):
        self.work = Path(tempfile.mkdtemp(prefix="notebook-test-"))
        self.addCleanup(shutil.rmtree, self.work, ignore_errors=True)

    def assert_one_line_each(self, notebook, expected):
        for cell in code_cells(notebook):
            self.assertFalse([o for o in cell["outputs"] if o["output_type"] == "error"], cell["source"])
        for name, cell in zip(CHART_CELLS, chart_cells(notebook)):
            self.assertEqual(0, images(cell), name)
            lines = text(cell).splitlines()
            self.assertEqual(1, len(lines), f"{name}: {lines}")
            self.assertIn(expected, lines[0], name)
            self.assertEqual(["stream"], [o["output_type"] for o in cell["outputs"]], name)

    def test_header_only_tables(self):
        output = self.work / "header-only"
        (output / "csv").mkdir(parents=True)
        for csv in sorted((RUN / "csv").glob("*.csv")):
            header = csv.read_text(encoding="utf-8").splitlines()[0]
            (output / "csv" / csv.name).write_text(header + "\n", encoding="utf-8")
        (output / "csv" / "changes.csv").write_text("", encoding="utf-8")  # not even a header
        notebook = execute(output, self.work / "report-header-only")
        self.assert_one_line_each(notebook, "in this run")
        everything = "".join(text(cell) for cell in code_cells(notebook))
        self.assertIn("checks: none in this run", everything)
        self.assertIn("rejects: none in this run", everything)
        self.assertIn("changes: no figure changed", everything)

    def test_missing_tables(self):
        output = self.work / "missing"
        (output / "csv").mkdir(parents=True)
        notebook = execute(output, self.work / "report-missing")
        self.assert_one_line_each(notebook, "this run has no csv/")
        everything = "".join(text(cell) for cell in code_cells(notebook))
        self.assertIn("No _manifest.json", everything)
        for name in ("checks", "rejects", "changes", "claim_checks"):
            self.assertIn(f"{name}: this run has no csv/{name}.csv", everything)

    def test_coming_tables_qualifiers_changes_and_claims(self):
        output = self.work / "coming"
        shutil.copytree(RUN, output)
        csv = output / "csv"
        figures = pd.read_csv(csv / "figures.csv")
        qualifier = {(row.period_label, row.theater, row.metric): row.qualifier for row in figures.itertuples()}
        for name, metrics in (("operations_periods", ("missions", "killed", "detained")),
                              ("theater_split", ("missions", "killed", "detained", "claimed_attacks")),
                              ("attack_trends", ("claimed_attacks",))):
            frame = pd.read_csv(csv / f"{name}.csv")
            for metric in metrics:
                frame[f"{metric}_qualifier"] = [
                    qualifier.get((p, t, metric)) if pd.notna(v) else None
                    for p, t, v in zip(frame["period_label"], frame["theater"], frame[metric])]
            frame.to_csv(csv / f"{name}.csv", index=False)
        # made-up qualifiers on charted values, so that every chart has a marked label to look at
        attacks = pd.read_csv(csv / "attack_trends.csv")
        attacks["annualized_attacks_qualifier"] = "exact"
        attacks.loc[attacks["period_label"] == "2024-H1", ["claimed_attacks_qualifier", "annualized_attacks_qualifier"]] = "approximate"
        attacks.to_csv(csv / "attack_trends.csv", index=False)
        operations = pd.read_csv(csv / "operations_periods.csv")
        operations["killed_per_mission_qualifier"] = operations["killed_qualifier"]
        operations["missions_per_30_days_qualifier"] = operations["missions_qualifier"]
        custom = operations["period_label"] == "2024-08-29/2024-11-04"
        operations.loc[custom, ["killed_per_mission_qualifier", "missions_per_30_days_qualifier"]] = ["more_than", "at_least"]
        operations.to_csv(csv / "operations_periods.csv", index=False)
        split = pd.read_csv(csv / "theater_split.csv")
        split.loc[(split["period_label"] == "2024-Q1") & (split["theater"] == "SYRIA"), "killed_qualifier"] = "at_least"
        split.to_csv(csv / "theater_split.csv", index=False)
        pd.DataFrame([
            ["2024-01-01", "2024-03-31", "2024-Q1", "ALL", "missions", "revised", 90, "exact", 94, "exact"],
            ["2024-10-21", "2024-10-31", "2024-10-21/2024-10-31", "SYRIA", "killed", "requalified", 35, "exact", 35, "approximate"],
            ["2024-10-22", "2024-10-22", "2024-10-22", "IRAQ", "killed", "added", None, None, 7, "at_least"],
            ["2024-08-29", "2024-11-04", "2024-08-29/2024-11-04", "ALL", "leaders_removed", "removed", 30, "more_than", None, None],
        ], columns=["period_start", "period_end", "period_label", "theater", "metric", "change", "previous_value",
                    "previous_qualifier", "value", "qualifier"]).assign(previous_run_id="2024-07-22T060000Z") \
            .to_csv(csv / "changes.csv", index=False)
        pd.DataFrame([
            ["c1", "centcom-2024-h1", "ISIS is on pace to more than double", "supported", "2.54", "307.7 annualised vs 2 x 121"],
            ["c2", "shafaq-2024-h1", "44 operatives killed", "contradicted", "26", "made up for the test"],
            ["c3", "centcom-since-aug29-2024", "over 30 leaders", "undetermined", ">30", "a lower bound"],
        ], columns=["claim_id", "report_id", "quote", "verdict", "observed", "reason"]).to_csv(csv / "claim_checks.csv", index=False)
        notebook = execute(output, self.work / "report-coming")
        for name, cell in zip(CHART_CELLS, chart_cells(notebook)):
            self.assertEqual(1, images(cell), f"{name}: {text(cell)}")
        cells = code_cells(notebook)
        changes = next(cell for cell in cells if 'rows("changes"' in "".join(cell["source"]))
        self.assertIn("1 added, 1 removed, 1 revised, 1 requalified", text(changes))
        tables = html(changes)
        for marked in ("≥7", "&gt;30", "~35", "94"):
            self.assertIn(marked, tables)
        claims = next(cell for cell in cells if 'rows("claim_checks"' in "".join(cell["source"]))
        self.assertIn("1 contradicted, 1 undetermined, 1 supported", text(claims))
        self.assertIn("background-color: #f8d0d0", html(claims))
        self.assertLess(html(claims).index("contradicted"), html(claims).index("supported"))


def main():
    global RUN
    arguments = sys.argv[1:]
    temporary = None
    if arguments and not arguments[0].startswith("-"):
        RUN = Path(arguments.pop(0)).resolve()
    else:
        temporary = Path(tempfile.mkdtemp(prefix="notebook-test-run-"))
        RUN = temporary / "output"
        job = subprocess.run([str(PROJECT / "jobs" / "campaign-metrics"), "--input", str(PROJECT / "sample-data"),
                              "--output", str(RUN)], capture_output=True, text=True)
        if job.returncode != 0:
            sys.exit(f"notebooks/test_notebook.py: the sample run failed:\n{job.stderr[-3000:]}")
    try:
        unittest.main(argv=[sys.argv[0]] + arguments, verbosity=2)
    finally:
        if temporary:
            shutil.rmtree(temporary, ignore_errors=True)


if __name__ == "__main__":
    main()
