// One HTTP request on a fresh connection (no keep-alive pool), for readiness probes and sanity checks:
// a pooled idle socket would hold the server open when it is asked to drain and exit.
import { request } from 'node:http'

export interface ProbeResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

export function probe(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<ProbeResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers ?? {}, agent: false },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          body += chunk
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
        res.on('error', reject)
      },
    )
    req.setTimeout(options.timeoutMs ?? 5_000, () => req.destroy(new Error(`${url}: no answer in time`)))
    req.on('error', reject)
    req.end(options.body)
  })
}
