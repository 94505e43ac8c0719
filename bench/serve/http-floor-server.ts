// The HTTP floor, run as its own process: a bare node:http server that reads each request's body and
// answers sagepack's own answer for that batch size, captured beforehand, so only the model work differs.
// Usage: node --import tsx http-floor-server.ts <port> <canned-answers.json>
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { ROWS_HEADER } from './iris-inputs'

function main(): void {
  const [port, cannedFile] = process.argv.slice(2)
  if (!port || !cannedFile) throw new Error('usage: http-floor-server.ts <port> <canned-answers.json>')
  // { "1": "{\"predictions\":[...]}", "64": ... }: the answer body for each batch size.
  const canned = JSON.parse(readFileSync(cannedFile, 'utf8')) as Record<string, string>

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
      // Read as text as a real server would, then ignored.
      Buffer.concat(chunks).toString('utf8')
      const answer = canned[String(req.headers[ROWS_HEADER])]
      if (answer === undefined) {
        res.writeHead(400, { 'content-type': 'text/plain' })
        res.end(`no canned answer for ${ROWS_HEADER}: ${req.headers[ROWS_HEADER]}`)
        return
      }
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) })
      res.end(answer)
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

main()
