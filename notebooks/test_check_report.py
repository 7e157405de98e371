"""notebooks/check-report must fail on a broken report, or it proves nothing: each test breaks a copy of
a good report (from notebooks/execute) in one way and expects check-report to fail naming it.
    /usr/bin/python3 notebooks/test_check_report.py [REPORT.html]   # default output/report/campaign-overview.html
"""
import re
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
REPORT = PROJECT / "output" / "report" / "campaign-overview.html"


class CheckReportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.good = REPORT.read_text(encoding="utf-8")
        cls.work = tempfile.TemporaryDirectory(prefix="check-report-test-")

    @classmethod
    def tearDownClass(cls):
        cls.work.cleanup()

    def check(self, html, name):
        report = Path(self.work.name) / f"{name}.html"
        report.write_text(html, encoding="utf-8")
        result = subprocess.run([str(PROJECT / "notebooks" / "check-report"), "--screenshot",
                                 str(Path(self.work.name) / f"{name}.png"), str(report)],
                                capture_output=True, text=True, timeout=300)
        return result.returncode, result.stdout + result.stderr

    def assert_fails(self, html, name, *expected):
        self.assertNotEqual(self.good, html, "the breakage changed nothing")
        code, output = self.check(html, name)
        self.assertEqual(1, code, output)
        for text in expected:
            self.assertIn(text, output)

    def test_the_good_report_passes(self):
        code, output = self.check(self.good, "good")
        self.assertEqual(0, code, output)
        self.assertIn("4 captioned charts", output)

    def test_a_chart_image_removed(self):
        broken = re.sub(r'<img [^>]*>', "", self.good, count=1)
        self.assert_fails(broken, "image-removed",
                          'no chart image before the caption "Figure 1. Claimed attacks against the previous year."')

    def test_a_caption_missing(self):
        broken = self.good.replace("Figure 2. Split between Iraq and Syria.", "Split between Iraq and Syria.")
        self.assert_fails(broken, "caption-missing", 'caption missing: "Figure 2. Split between Iraq and Syria."')

    def test_an_image_that_does_not_decode(self):
        broken = re.sub(r'(<img [^>]*src="data:image/png;base64,)[^"]{200}', r"\1" + "A" * 200, self.good, count=1)
        self.assert_fails(broken, "image-corrupt", "did not decode")

    def test_a_console_error(self):
        broken = self.good.replace("</body>", "<script>console.error('boom')</script></body>", 1)
        self.assert_fails(broken, "console-error", "console error: boom")

    def test_a_script_from_the_network(self):
        broken = self.good.replace("</head>", '<script src="https://cdn.invalid/require.js"></script></head>', 1)
        self.assert_fails(broken, "network", "the report fetches from the network: https://cdn.invalid/require.js")

    def test_a_blank_page(self):
        broken = self.good.replace("</head>", "<style>body { visibility: hidden; }</style></head>", 1)
        self.assert_fails(broken, "blank", "the screenshot is blank")


if __name__ == "__main__":
    if len(sys.argv) > 1 and not sys.argv[1].startswith("-"):
        REPORT = Path(sys.argv.pop(1)).resolve()
    unittest.main(verbosity=2)
