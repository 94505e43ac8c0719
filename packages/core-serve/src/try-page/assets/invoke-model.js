// Sends one request to /invocations exactly as a client would, and keeps the whole exchange (request
// line, headers and body both ways) for the debug panel.

export async function invokeModel({ body, contentType, accept }) {
  const request = {
    method: 'POST',
    url: '/invocations',
    headers: { 'Content-Type': contentType, Accept: accept },
    body,
  }
  const started = performance.now()
  const response = await fetch(request.url, { method: request.method, headers: request.headers, body })
  const text = await response.text()
  return {
    request,
    response: {
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers.entries()],
      contentType: response.headers.get('content-type') ?? '',
      body: text,
    },
    elapsedMs: performance.now() - started,
  }
}

/** The body as JSON when it is JSON, else undefined. */
export function jsonBody(exchange) {
  if (!exchange.response.contentType.startsWith('application/json')) return undefined
  try {
    return JSON.parse(exchange.response.body)
  } catch {
    return undefined
  }
}

/** The warnings of an answer: beside the predictions in JSON, in the X-Sagepack-Warnings header otherwise. */
export function warningsOf(exchange) {
  const json = jsonBody(exchange)
  if (json && Array.isArray(json.warnings)) return json.warnings
  const header = exchange.response.headers.find(([name]) => name === 'x-sagepack-warnings')
  if (!header) return []
  try {
    return JSON.parse(header[1])
  } catch {
    return []
  }
}
