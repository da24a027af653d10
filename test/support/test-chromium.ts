import { existsSync } from 'node:fs';

import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium (apt-get install chromium), or wherever CHROMIUM_PATH points. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether the browser specs run. Without chromium they skip on a developer's machine, with a line saying
 * how to get it; under CI they run and fail at launch, so a CI machine without chromium cannot pass by
 * silently skipping them.
 */
export function browserSpecsRun(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI) return true;
  console.warn(
    `Skipping the backtest report's browser specs: no chromium at ${CHROMIUM_PATH}. ` +
      'Install it with `apt-get install chromium`, or set CHROMIUM_PATH.',
  );
  return false;
}

export async function launchTestChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`CI needs chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // The machine's network is closed: keep chromium from dialling Google's services at start-up.
    args: [
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
