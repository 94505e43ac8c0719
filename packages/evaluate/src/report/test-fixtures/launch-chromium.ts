// A real headless Chromium for tests that look at pages as a person would: Debian's chromium package
// (.ci/run installs it when missing), or the browser $SAGEPACK_CHROMIUM names, driven by playwright-core.
import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

const DEFAULT_CHROMIUM = '/usr/bin/chromium'

export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.SAGEPACK_CHROMIUM || DEFAULT_CHROMIUM
  if (!existsSync(executablePath)) {
    throw new Error(
      `no Chromium at ${executablePath}: install Debian's chromium (apt-get install -y chromium; .ci/run does when it is missing), or set SAGEPACK_CHROMIUM to a Chromium or Chrome binary`,
    )
  }
  return chromium.launch({
    executablePath,
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
