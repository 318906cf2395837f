// End-to-end tests of the packaged product in a real headless Chromium: one application start,
// one browser, the screens in the order a trade moves through them. Screenshots of every screen
// go to web/target/screenshots; a failing step saves failure-<step>.png and fails the run.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApp } from './app.mjs';
import { browserPath, launch } from './browser.mjs';
import { scenario } from './scenario.mjs';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(web, '..');
const outDir = resolve(web, 'target');
const shots = resolve(outDir, 'screenshots');
// only this run's screenshots, so an old failure-*.png never passes for a new one
rmSync(shots, { recursive: true, force: true });
mkdirSync(shots, { recursive: true });

const results = [];
let app;
let browser;
let failed = false;
const started = Date.now();
try {
  browserPath(); // fail fast, before starting the application, when there is no browser
  console.log('e2e: starting the application...');
  app = await startApp({ root, outDir });
  console.log(`e2e: application up at ${app.base} after ${((Date.now() - started) / 1000).toFixed(0)} s`);
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const consoleErrors = [];
  page.on('pageerror', (e) => consoleErrors.push(String(e)));

  const step = async (name, body) => {
    const t0 = Date.now();
    try {
      await body();
      results.push({ name, ok: true, ms: Date.now() - t0 });
      console.log(`e2e: ✓ ${name} (${Date.now() - t0} ms)`);
    } catch (e) {
      results.push({ name, ok: false, ms: Date.now() - t0, error: String(e?.stack ?? e) });
      console.error(`e2e: ✗ ${name}\n${e?.stack ?? e}`);
      await page.screenshot({ path: resolve(shots, `failure-${name.replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => {});
      throw e;
    }
  };
  const shot = (file) => page.screenshot({ path: resolve(shots, file), fullPage: true });

  await scenario({ page, context, browser, base: app.base, step, shot });
  if (consoleErrors.length > 0) {
    throw new Error(`e2e: uncaught errors in the page:\n${consoleErrors.join('\n')}`);
  }
} catch (e) {
  failed = true;
  if (!results.some((r) => !r.ok)) console.error(String(e?.stack ?? e));
} finally {
  await browser?.close().catch(() => {});
  await app?.stop().catch(() => {});
  const summary = [
    `${results.filter((r) => r.ok).length} of ${results.length} steps passed in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    ...results.map((r) => `${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.ms} ms)${r.error ? `\n${r.error}` : ''}`),
  ].join('\n');
  writeFileSync(resolve(outDir, 'e2e-report.txt'), summary + '\n');
  console.log(`e2e: ${summary.split('\n')[0]}; screenshots in ${shots}`);
}
process.exit(failed || results.length === 0 ? 1 : 0);
