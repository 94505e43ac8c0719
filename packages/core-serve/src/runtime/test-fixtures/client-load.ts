// Test support: real HTTP clients on loopback that keep a server busy, and a /ping poller, each
// counting every answer so a test can assert that none failed.

export interface Answer {
  /** The HTTP status, or the error code when no response came back (e.g. ECONNRESET). */
  status: number | string
  body: string
}

export interface Tally {
  ok: number
  /** Every answer that was not a 200, in the order they came. */
  failed: Answer[]
}

interface Running {
  /** Stops after the calls in flight are answered, and resolves with what every call got. */
  stop(): Promise<Tally>
}

/** POSTs one JSON body to /invocations; a call that gets no response reports its error code. */
export async function invoke(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  try {
    const response = await fetch(`${url}/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    })
    return { status: response.status, body: await response.text() }
  } catch (error) {
    return { status: errorCode(error), body: error instanceof Error ? error.message : String(error) }
  }
}

/** `connections` clients, each sending `body` again as soon as the last call is answered. */
export function steadyLoad(url: string, connections: number, body: string): Running {
  return repeat(connections, () => invoke(url, body))
}

/** GET /ping every `intervalMs`, as SageMaker's health check does (far more often). */
export function pollPing(url: string, intervalMs: number): Running {
  return repeat(1, async () => {
    const started = performance.now()
    let answer: Answer
    try {
      const response = await fetch(`${url}/ping`)
      answer = { status: response.status, body: await response.text() }
    } catch (error) {
      answer = { status: errorCode(error), body: String(error) }
    }
    const rest = intervalMs - (performance.now() - started)
    if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest))
    return answer
  })
}

/** "12 of 3400: 500 (x10: the worker thread ...), ECONNRESET (x2: ...)", for a failed assertion. */
export function describeFailures(tally: Tally): string {
  const byStatus = new Map<string, { count: number; first: string }>()
  for (const answer of tally.failed) {
    const key = String(answer.status)
    const seen = byStatus.get(key)
    if (seen) seen.count++
    else byStatus.set(key, { count: 1, first: answer.body.slice(0, 300) })
  }
  const parts = [...byStatus].map(([status, { count, first }]) => `${status} (x${count}: ${first})`)
  return `${tally.failed.length} of ${tally.ok + tally.failed.length} failed: ${parts.join(', ')}`
}

function repeat(loops: number, call: () => Promise<Answer>): Running {
  const tally: Tally = { ok: 0, failed: [] }
  let stopped = false
  const running = Array.from({ length: loops }, async () => {
    while (!stopped) {
      const answer = await call()
      if (answer.status === 200) tally.ok++
      else tally.failed.push(answer)
    }
  })
  return {
    async stop() {
      stopped = true
      await Promise.all(running)
      return tally
    },
  }
}

function errorCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } }).cause
  return typeof cause?.code === 'string' ? cause.code : 'no response'
}
