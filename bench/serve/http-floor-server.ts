// The HTTP floor, run as its own process: a bare node:http server that reads each request's body and
// answers sagepack's own answer for that batch size, captured beforehand, so only the model work differs.
// With `thread`, the thread-hop floor: the same server, but each body goes to one worker thread that
// parses it and sends the canned answer back: what any design that keeps predictions off the event loop
// pays at least, with no model at all. With `model <modelDir>`, the model floor (model-floor.ts): the
// worker also runs the model and encodes its answer, the least work this model's answers take.
// Usage: node --import tsx http-floor-server.ts <port> <canned-answers.json> [thread | model <modelDir>]
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { Worker } from 'node:worker_threads'
import { ROWS_HEADER } from './iris-inputs'
import { startModelFloorWorker } from './model-floor'

/** The thread-hop floor's worker: JSON.parse stands in for decoding; the answer is canned. */
const HOP_WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
parentPort.on('message', ({ id, body, rows }) => {
  JSON.parse(body)
  parentPort.postMessage({ id, answer: workerData[rows] })
})
`

type Reply = (answer: string | undefined) => void
/** Calls `reply` with the answer: at once for the HTTP floor, which must stay free of promise turns. */
type Answer = (body: string, rows: string, reply: Reply) => void

async function main(): Promise<void> {
  const [port, cannedFile, mode, modelDir] = process.argv.slice(2)
  if (!port || !cannedFile || !(mode === undefined || mode === 'thread' || (mode === 'model' && modelDir))) {
    throw new Error('usage: http-floor-server.ts <port> <canned-answers.json> [thread | model <modelDir>]')
  }
  // { "1": "{\"predictions\":[...]}", "64": ... }: the answer body for each batch size.
  const canned = JSON.parse(readFileSync(cannedFile, 'utf8')) as Record<string, string>
  const answer: Answer =
    mode === 'thread'
      ? answerOnThread(new Worker(HOP_WORKER, { eval: true, workerData: canned }))
      : mode === 'model'
        ? answerOnThread(await startModelFloorWorker(modelDir as string, Object.values(canned)[0] ?? '{}'))
        : (_body, rows, reply) => reply(canned[rows])

  // The same keep-alive settings as the sagepack runtime, so connection reuse is alike.
  const server = createServer({ keepAliveTimeout: 65_000, headersTimeout: 66_000 }, (req, res) => {
    if (req.url === '/ping') {
      res.writeHead(200, { 'content-length': 0 })
      res.end()
      return
    }
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      // Read as text as a real server would.
      const body = Buffer.concat(chunks).toString('utf8')
      answer(body, String(req.headers[ROWS_HEADER]), (answered) => {
        if (answered === undefined) {
          res.writeHead(400, { 'content-type': 'text/plain' })
          res.end(`no canned answer for ${ROWS_HEADER}: ${req.headers[ROWS_HEADER]}`)
          return
        }
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(answered),
        })
        res.end(answered)
      })
    })
  })
  server.listen(Number(port), '127.0.0.1')
  const stop = () => {
    server.close(() => process.exit(0))
    server.closeIdleConnections()
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

function answerOnThread(worker: Worker): Answer {
  const waiting = new Map<number, Reply>()
  let nextId = 0
  worker.on('message', ({ id, answer }: { id: number; answer: string | undefined }) => {
    waiting.get(id)?.(answer)
    waiting.delete(id)
  })
  return (body, rows, reply) => {
    const id = ++nextId
    waiting.set(id, reply)
    worker.postMessage({ id, body, rows })
  }
}

await main()
