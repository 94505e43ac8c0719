// Test support: the real headless Chromium the page tests drive with playwright-core, which downloads
// no browser of its own: Debian's (.ci/run installs it), or the one SAGEPACK_CHROMIUM names (GitHub's
// runners have Google Chrome instead).
import { type Browser, chromium } from 'playwright-core'

const CHROMIUM_PATH = process.env.SAGEPACK_CHROMIUM || '/usr/bin/chromium'

/** One launch per test file: a browser starts in seconds, a page in milliseconds. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}
