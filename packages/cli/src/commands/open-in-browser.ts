// `serve --open`: opens a URL with the platform's own opener (xdg-open, open, start), and says plainly
// when there is none or it failed, with the address to open by hand.
import { spawn } from 'node:child_process'

interface Opener {
  command: string
  args: string[]
  /** How to get the opener when it is missing. */
  install: string
}

function openerFor(platform: NodeJS.Platform, url: string): Opener {
  if (platform === 'darwin') return { command: 'open', args: [url], install: 'it comes with macOS' }
  if (platform === 'win32') {
    // `start` is built into cmd; its first quoted argument is a window title, hence the empty one.
    return { command: 'cmd', args: ['/c', 'start', '""', url], install: 'it comes with Windows' }
  }
  return {
    command: 'xdg-open',
    args: [url],
    install: 'xdg-utils provides it: apt-get install xdg-utils',
  }
}

/** Resolves with undefined once the opener took the URL, or with why it could not, to print. */
export function openInBrowser(
  url: string,
  platform: NodeJS.Platform = process.platform,
): Promise<string | undefined> {
  const opener = openerFor(platform, url)
  return new Promise((resolve) => {
    const child = spawn(opener.command, opener.args, { stdio: 'ignore', detached: platform !== 'win32' })
    child.once('error', (error: NodeJS.ErrnoException) => {
      resolve(
        error.code === 'ENOENT'
          ? `--open: there is no ${opener.command} on this machine to open a browser with (${opener.install}); open ${url} yourself`
          : `--open: ${opener.command} failed (${error.message}); open ${url} yourself`,
      )
    })
    child.once('exit', (code) => {
      resolve(
        code === 0
          ? undefined
          : `--open: ${opener.command} ${url} exited with code ${code} (no browser set up?); open ${url} yourself`,
      )
    })
    child.unref()
  })
}
