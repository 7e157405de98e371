// Opens the notebook's HTML report in headless Chromium and fails (exit 1, one line per problem)
// unless: the page loads without console errors, page errors or failed requests, and fetches nothing
// from the network; every image decoded with a non-zero size; each of the four chart captions is
// there, with its chart as a decoded <img> in the same cell; and a full-page screenshot is not blank.
// Run by notebooks/check-report, which installs playwright-core and Debian's chromium if missing.
//   node check-report.js --browser /usr/bin/chromium --screenshot FILE REPORT.html
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');
const { chromium } = require('playwright-core');

// The captions the notebook writes under its four charts (notebooks/campaign-overview.ipynb, show()).
const CAPTIONS = [
  'Figure 1. Claimed attacks against the previous year.',
  'Figure 2. Split between Iraq and Syria.',
  'Figure 3. Killed and detained per mission.',
  'Figure 4. Missions per 30 days.',
];
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function parseArgs(argv) {
  const options = { browser: '/usr/bin/chromium', screenshot: null, report: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--browser') options.browser = argv[++i];
    else if (argv[i] === '--screenshot') options.screenshot = argv[++i];
    else if (!argv[i].startsWith('--') && !options.report) options.report = argv[i];
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!options.report) throw new Error('usage: check-report.js [--browser PATH] [--screenshot FILE] REPORT.html');
  return options;
}

// Counts the colours of a PNG screenshot in the browser itself (a canvas), so no image library is needed.
async function colourStats(page, png) {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const counts = new Map();
    let sampled = 0;
    for (let i = 0; i < data.length; i += 4 * 3) { // every third pixel
      const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
      counts.set(key, (counts.get(key) || 0) + 1);
      sampled++;
    }
    const dominant = Math.max(...counts.values());
    return { width: canvas.width, height: canvas.height, colours: counts.size, dominantShare: dominant / sampled };
  }, png.toString('base64'));
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const report = path.resolve(options.report);
  if (!fs.existsSync(report)) {
    console.error(`check-report: ${report} does not exist (run notebooks/execute first)`);
    return 1;
  }
  const problems = [];
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-check-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: options.browser, headless: true, args: FLAGS, viewport: { width: 1280, height: 1000 },
  });
  try {
    const page = context.pages()[0] || await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) =>
      problems.push(`request failed: ${request.url().slice(0, 120)} (${request.failure()?.errorText})`));
    page.on('request', (request) => {
      if (!/^(file|data|blob|about):/.test(request.url())) {
        problems.push(`the report fetches from the network: ${request.url().slice(0, 120)}`);
      }
    });
    await page.goto(pathToFileURL(report).href, { waitUntil: 'load' });
    await page.waitForFunction(() => [...document.images].every((image) => image.complete), null, { timeout: 15000 })
      .catch(() => problems.push('images still loading after 15 s'));

    const images = await page.$$eval('img', (all) => all.map((image, index) => ({
      index, src: image.getAttribute('src')?.slice(0, 40) || '(no src)',
      width: image.naturalWidth, height: image.naturalHeight,
    })));
    for (const image of images) {
      if (!(image.width > 0 && image.height > 0)) {
        problems.push(`image ${image.index + 1} (${image.src}...) did not decode (natural size ${image.width}x${image.height})`);
      }
    }
    const captions = await page.evaluate((expected) => {
      const normalise = (text) => text.replace(/\s+/g, ' ').trim();
      return expected.map((caption) => {
        const element = [...document.querySelectorAll('p')].find((p) => normalise(p.textContent).startsWith(caption));
        if (!element) return { caption, found: false };
        const cell = element.closest('.jp-Cell') || element.parentElement;
        // the chart is the image output just before the caption in the same cell
        const charts = [...cell.querySelectorAll('img')].filter((image) =>
          image.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);
        const chart = charts[charts.length - 1];
        const box = chart?.getBoundingClientRect();
        return {
          caption, found: true, chart: Boolean(chart),
          decoded: Boolean(chart && chart.naturalWidth > 0 && chart.naturalHeight > 0),
          shown: Boolean(box && box.width > 0 && box.height > 0),
        };
      });
    }, CAPTIONS);
    for (const c of captions) {
      if (!c.found) problems.push(`caption missing: "${c.caption}"`);
      else if (!c.chart) problems.push(`no chart image before the caption "${c.caption}"`);
      else if (!c.decoded) problems.push(`the chart of "${c.caption}" did not decode`);
      else if (!c.shown) problems.push(`the chart of "${c.caption}" takes no space on the page`);
    }

    const png = await page.screenshot({ fullPage: true });
    if (options.screenshot) {
      fs.mkdirSync(path.dirname(path.resolve(options.screenshot)), { recursive: true });
      fs.writeFileSync(options.screenshot, png);
    }
    const blank = await context.newPage();
    const stats = await colourStats(blank, png);
    await blank.close();
    if (stats.colours < 16 || stats.dominantShare > 0.995) {
      problems.push(`the screenshot is blank: ${stats.colours} colour(s), ` +
        `${(100 * stats.dominantShare).toFixed(1)}% of it one colour`);
    }

    const where = options.screenshot ? ` (${options.screenshot})` : '';
    if (problems.length) {
      for (const problem of problems) console.error(`check-report: FAILED: ${problem}`);
      console.error(`check-report: ${problems.length} problem(s) in ${report}; screenshot${where || ' not kept'}`);
      return 1;
    }
    console.log(`check-report: ok: ${report}: ${images.length} images decoded, ${CAPTIONS.length} captioned ` +
      `charts, no console errors; screenshot ${stats.width}x${stats.height}, ${stats.colours} colours${where}`);
    return 0;
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (error) => {
  console.error(`check-report: ${error.stack || error}`);
  process.exit(1);
});
