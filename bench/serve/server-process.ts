// Starts a server as a child process in its own process group, waits until GET /ping answers 200,
// and stops it with SIGTERM (then SIGKILL to the whole group if it lingers), registered for cleanup.
import { type ChildProcess, spawn } from 'node:child_process'
import { createServer as createNetServer } from 'node:net'
import { onCleanup } from './exit-cleanup'
import { probe } from './http-probe'

const OUTPUT_TAIL_CHARS = 8_000
const STOP_TIMEOUT_MS = 30_000

export interface ServerProcess {
  readonly name: string
  readonly url: string
  /** The last lines it printed, for error messages. */
  output(): string
  /** SIGTERM to the process we started, wait for it to exit, then make sure its group is gone. */
  stop(): Promise<void>
}

export interface StartServerOptions {
  name: string
  /** Arguments to `node`. */
  args: string[]
  url: string
  cwd: string
  env?: Record<string, string>
  readyTimeoutMs?: number
}

export async function startServer(options: StartServerOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own group: Ctrl-C reaches only us, and a group kill also reaches what it started in turn
    // (`sagepack serve` runs the runtime as a child of its own).
    detached: true,
  })
  let tail = ''
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)))
  child.once('error', (error) => {
    tail += `\n${error.message}`
  })

  const forget = onCleanup({ graceful: () => stop(), immediate: () => killGroup(child, 'SIGKILL') })
  let stopping: Promise<void> | undefined
  function stop(): Promise<void> {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        const timer = new Promise<'timeout'>((resolve) =>
          setTimeout(resolve, STOP_TIMEOUT_MS, 'timeout').unref(),
        )
        if ((await Promise.race([exited, timer])) === 'timeout') {
          process.stderr.write(
            `${options.name} did not exit ${STOP_TIMEOUT_MS} ms after SIGTERM; killing it\n`,
          )
        }
      }
      killGroup(child, 'SIGKILL')
      forget()
    })()
    return stopping
  }

  const server: ServerProcess = { name: options.name, url: options.url, output: () => tail, stop }
  try {
    await Promise.race([
      waitForPing(options.url, options.readyTimeoutMs ?? 60_000),
      exited.then((code) => {
        throw new Error(`${options.name} exited with code ${code} before /ping answered 200`)
      }),
    ])
  } catch (error) {
    await stop()
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`${reason}\n--- ${options.name} output ---\n${tail}`)
  }
  return server
}

async function waitForPing(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let last = 'no answer'
  while (Date.now() < deadline) {
    try {
      const { status } = await probe(`${url}/ping`, { timeoutMs: 2_000 })
      if (status === 200) return
      last = `status ${status}`
    } catch (error) {
      last = error instanceof Error ? error.message : String(error)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${url}/ping did not answer 200 within ${timeoutMs} ms (last: ${last})`)
}

/** Whatever is still in the child's process group; ESRCH means nothing is left. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return
  try {
    process.kill(-child.pid, signal)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error
  }
}

/** A port nobody listens on right now (the usual small race with other programs is accepted). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}
