// The browser of the E2E run: Debian's chromium, driven by playwright-core (no downloaded browsers).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function browserPath() {
  const configured = process.env.OPENMINERAL_CHROMIUM;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`E2E: OPENMINERAL_CHROMIUM=${configured} does not exist`);
    return configured;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'E2E: no Chromium found (looked at ' +
        CANDIDATES.join(', ') +
        '). The end-to-end tests need a real browser: install Debian\'s chromium (apt-get install -y chromium) ' +
        'or point OPENMINERAL_CHROMIUM at a Chromium or Chrome binary.',
    );
  }
  return found;
}

export function launch() {
  return chromium.launch({
    executablePath: browserPath(),
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}
