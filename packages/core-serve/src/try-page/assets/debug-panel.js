// The debug panel: which bundle answered, the time of each stage (the answer's Server-Timing header),
// how many warnings it had, and the exact request and response, headers and bodies.

export function createDebugPanel(elements) {
  const { identity, timings, warningCount, request, response } = elements

  return {
    showIdentity(facts) {
      identity.replaceChildren()
      const commit = facts.commit
        ? `${facts.commit.slice(0, 12)}${facts.dirty ? ' (dirty)' : ''}`
        : 'none (not built from git)'
      const rows = [
        ['model', `${facts.model ?? '?'} ${facts.version ?? ''}`.trim()],
        ['run', facts.runId ?? '?'],
        ['commit', commit],
        ['weights', facts.modelFormat ?? '?'],
        ['manifest sha256', facts.manifestSha256 ?? '?'],
      ]
      for (const [name, value] of rows) {
        const term = document.createElement('dt')
        term.textContent = name
        const detail = document.createElement('dd')
        detail.textContent = value
        detail.dataset.fact = name
        identity.append(term, detail)
      }
    },
    showExchange(exchange) {
      const sent = exchange.request
      request.textContent = [
        `${sent.method} ${sent.url}`,
        ...Object.entries(sent.headers).map(([name, value]) => `${name}: ${value}`),
        '',
        sent.body,
      ].join('\n')
      const got = exchange.response
      response.textContent = [
        `${got.status} ${got.statusText}`,
        ...got.headers.map(([name, value]) => `${name}: ${value}`),
        '',
        got.body,
      ].join('\n')
      showTimings(timings, header(got, 'server-timing'))
      const count = Number(header(got, 'x-sagepack-warning-count') ?? 0)
      warningCount.textContent =
        count === 0 ? 'None.' : `${count} warning${count === 1 ? '' : 's'} (see the answer).`
      warningCount.dataset.count = String(count)
    },
  }
}

/** What each Server-Timing entry measures, said next to it. */
const STAGE_MEANINGS = {
  read: 'the request body arriving',
  queue: 'waiting for a worker thread and for its batch',
  hop: 'the messages between the HTTP thread and the worker thread',
  decode: 'request text to rows',
  validate: 'rows checked against the schema',
  preprocess: 'rows to the model’s numbers',
  predict: 'the model',
  postprocess: 'the model’s numbers to the answer',
  encode: 'the answer to response text',
  total: 'on the server, from request to response',
}

function header(response, name) {
  return response.headers.find(([key]) => key === name)?.[1]
}

/** `queue;dur=0.041, decode;dur=0.012, ...` as a table of stage, milliseconds and what the stage is. */
function showTimings(table, value) {
  const body = table.tBodies[0] ?? table.createTBody()
  body.replaceChildren()
  for (const entry of (value ?? '').split(',')) {
    const [name, ...params] = entry.trim().split(';')
    const duration = params.map((param) => param.trim()).find((param) => param.startsWith('dur='))
    if (!name || duration === undefined) continue
    const line = body.insertRow()
    line.dataset.stage = name
    const stage = document.createElement('th')
    stage.scope = 'row'
    stage.textContent = name
    line.append(stage)
    const ms = line.insertCell()
    ms.className = 'number'
    ms.textContent = `${Number(duration.slice(4)).toFixed(3)} ms`
    const meaning = line.insertCell()
    meaning.className = 'muted'
    meaning.textContent = STAGE_MEANINGS[name] ?? ''
  }
  if (body.rows.length === 0) {
    body.insertRow().insertCell().textContent = 'No Server-Timing header on this answer.'
  }
}
