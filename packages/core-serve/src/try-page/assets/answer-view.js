// Shows an answer the way a person reads it: the status, the warnings, the predictions as a table (one
// prediction: field and value; several: one line each) and, for a classifier, its probabilities as a
// bar chart that the runtime draws from a Vega-Lite spec.
import { jsonBody, warningsOf } from './invoke-model.js'

export function createAnswerView(elements, facts) {
  const { status, warnings, table, figure, chart, caption } = elements
  // Shown once drawn: a caption under an empty frame while the chart loads looks broken.
  chart.addEventListener('load', () => {
    figure.hidden = false
  })
  chart.addEventListener('error', () => {
    caption.textContent = 'The chart could not be drawn; the table has the same numbers.'
    figure.hidden = false
  })

  return {
    /** Before a request: the last answer goes, so a slow model never shows a stale one. */
    pending() {
      status.textContent = 'Asking the model…'
      status.className = 'muted'
      warnings.hidden = true
      warnings.replaceChildren()
      table.replaceChildren()
      figure.hidden = true
    },
    show(exchange) {
      const { response } = exchange
      const json = jsonBody(exchange)
      const ok = response.status === 200
      status.className = ok ? 'status ok' : 'status failed'
      status.textContent = `${response.status} ${response.statusText || (ok ? 'OK' : '')} · ${exchange.elapsedMs.toFixed(1)} ms`
      if (!ok) {
        const message = document.createElement('pre')
        message.className = 'error-message'
        message.textContent = json?.error?.message ?? response.body
        table.replaceChildren(message)
        return
      }
      showWarnings(warnings, warningsOf(exchange))
      if (json && Array.isArray(json.predictions)) {
        table.replaceChildren(predictionsTable(json.predictions))
        showChart(json.predictions)
      } else {
        const text = document.createElement('pre')
        text.className = 'raw-answer'
        text.textContent = response.body
        table.replaceChildren(text)
      }
    },
    failed(error) {
      status.className = 'status failed'
      status.textContent = `The request did not complete: ${error instanceof Error ? error.message : String(error)}`
    },
  }

  function showChart(predictions) {
    const [prediction] = predictions
    const field = facts.probabilitiesField
    const probabilities = field === undefined ? undefined : field === '' ? prediction : prediction?.[field]
    if (!probabilities || typeof probabilities !== 'object') {
      figure.hidden = true
      return
    }
    figure.hidden = true
    chart.alt = Object.entries(probabilities)
      .map(([name, p]) => `${name} ${(p * 100).toFixed(1)}%`)
      .join(', ')
    caption.textContent = `Probability of each ${facts.label?.name ?? 'class'}${predictions.length > 1 ? ' (row 0)' : ''}`
    chart.src = `/try/probabilities.svg?p=${encodeURIComponent(JSON.stringify(probabilities))}`
  }
}

function showWarnings(list, warnings) {
  list.replaceChildren()
  for (const warning of warnings) {
    const item = document.createElement('li')
    const where = document.createElement('strong')
    where.textContent = warning.row === undefined ? warning.field : `row ${warning.row} · ${warning.field}`
    item.append(where, `: ${warning.message}`)
    list.append(item)
  }
  list.hidden = warnings.length === 0
}

/** Nested objects become dotted columns: probabilities.setosa. */
function flatten(value, prefix = '', into = new Map()) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, into)
  } else {
    into.set(prefix || 'prediction', value)
  }
  return into
}

function predictionsTable(predictions) {
  const flat = predictions.map((prediction) => flatten(prediction))
  const table = document.createElement('table')
  table.className = 'answer'
  table.id = 'predictions'
  if (predictions.length === 1) {
    const body = table.createTBody()
    for (const [name, value] of flat[0] ?? []) {
      const line = body.insertRow()
      const head = document.createElement('th')
      head.scope = 'row'
      head.textContent = name
      line.append(head)
      valueCell(line.insertCell(), name, value)
    }
    return table
  }
  const columns = [...new Set(flat.flatMap((entry) => [...entry.keys()]))]
  const head = table.createTHead().insertRow()
  for (const name of ['row', ...columns]) {
    const cell = document.createElement('th')
    cell.scope = 'col'
    cell.textContent = name
    head.append(cell)
  }
  const body = table.createTBody()
  flat.forEach((entry, index) => {
    const line = body.insertRow()
    line.insertCell().textContent = String(index)
    for (const name of columns) valueCell(line.insertCell(), name, entry.get(name))
  })
  return table
}

/** Shows a number to 6 significant digits and keeps its exact value, as the model sent it, in data-value. */
function valueCell(cell, name, value) {
  cell.dataset.field = name
  cell.dataset.value = JSON.stringify(value ?? null)
  if (typeof value === 'number') {
    // Six digits: enough that 0.99997 never reads as a certain 1.
    cell.textContent = Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)))
    cell.title = String(value)
    cell.className = 'number'
  } else {
    cell.textContent = value === undefined || value === null ? '' : String(value)
  }
}
