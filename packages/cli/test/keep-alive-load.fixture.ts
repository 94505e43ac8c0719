// Test support: clients that keep their keep-alive connections busy with POST /invocations until the
// server refuses a new connection, counting what every request got: an answer, a refusal at connect
// (the request never reached the server), or a reset after it was sent (it did, and was lost).
import { Agent, request } from 'node:http'

type Outcome = 'answered' | 'refused' | 'reset'

export interface KeepAliveLoad {
  /** Resolves once every client has been refused, with the count of each outcome. */
  finished: Promise<Record<Outcome, number>>
  /** Connections the clients hold open right now. */
  sockets(): number
  answered(): number
}

export function keepAliveLoad(port: number, clients: number, csv: string): KeepAliveLoad {
  const agent = new Agent({ keepAlive: true, maxSockets: clients })
  const counts: Record<Outcome, number> = { answered: 0, refused: 0, reset: 0 }
  const post = () =>
    new Promise<Outcome>((resolve) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/invocations',
          agent,
          headers: { 'content-type': 'text/csv' },
        },
        (res) => {
          res.resume()
          res.on('end', () => resolve(res.statusCode === 200 ? 'answered' : 'reset'))
          res.on('error', () => resolve('reset'))
        },
      )
      req.on('error', (error: NodeJS.ErrnoException) =>
        resolve(error.code === 'ECONNREFUSED' ? 'refused' : 'reset'),
      )
      req.end(csv)
    })
  const finished = Promise.all(
    Array.from({ length: clients }, async () => {
      for (;;) {
        const outcome = await post()
        counts[outcome]++
        if (outcome === 'refused') return
      }
    }),
  ).then(() => {
    agent.destroy()
    return counts
  })
  return {
    finished,
    sockets: () => Object.values(agent.sockets).reduce((sum, list) => sum + (list?.length ?? 0), 0),
    answered: () => counts.answered,
  }
}
