// The try-it page's entry: loads the model's facts from /openapi.json, builds the form from its request
// schema with the example filled in, and answers Predict and Send with real requests to /invocations.
import { createAnswerView } from './answer-view.js'
import { createDebugPanel } from './debug-panel.js'
import { invokeModel, jsonBody } from './invoke-model.js'
import { loadModelFacts } from './model-facts.js'
import { createRawInput, wireTabs } from './raw-input.js'
import { createRequestForm } from './request-form.js'

const byId = (id) => {
  const element = document.getElementById(id)
  if (!element) throw new Error(`the page has no #${id}`)
  return element
}

async function start() {
  const facts = await loadModelFacts()
  const { identity } = facts
  document.title = `Try ${identity.model ?? 'the model'}`
  byId('title').textContent = `Try ${identity.model ?? 'the model'}`
  byId('subtitle').textContent = subtitleOf(facts)

  const form = createRequestForm(byId('fields'), facts.features)
  form.fill(facts.exampleRow)
  const answer = createAnswerView(
    {
      status: byId('answer-status'),
      warnings: byId('answer-warnings'),
      table: byId('answer-table'),
      figure: byId('chart-figure'),
      chart: byId('chart'),
      caption: byId('chart-caption'),
    },
    facts,
  )
  const debug = createDebugPanel({
    identity: byId('identity'),
    timings: byId('timings'),
    warningCount: byId('warning-count'),
    request: byId('request'),
    response: byId('response'),
  })
  debug.showIdentity(identity)
  const raw = createRawInput(
    { type: byId('raw-type'), accept: byId('raw-accept'), body: byId('raw-body'), hint: byId('raw-hint') },
    facts.example,
  )
  wireTabs([
    { button: byId('tab-form'), panel: byId('form') },
    { button: byId('tab-raw'), panel: byId('raw') },
  ])

  const formError = byId('form-error')
  const send = async (request, onAnswer) => {
    answer.pending()
    try {
      const exchange = await invokeModel(request)
      answer.show(exchange)
      debug.showExchange(exchange)
      onAnswer(exchange)
    } catch (error) {
      answer.failed(error)
    }
  }

  byId('form').addEventListener('submit', (event) => {
    event.preventDefault()
    form.clearMessages()
    formError.hidden = true
    const body = JSON.stringify({ instances: [form.read()] }, null, 2)
    void send({ body, contentType: 'application/json', accept: 'application/json' }, (exchange) => {
      const json = jsonBody(exchange)
      const error = json?.error
      if (error) {
        // A 400 about a field shows next to that field; anything else above the buttons.
        if (!(error.field && form.showError(error.field, error.message))) {
          formError.textContent = error.message
          formError.hidden = false
        }
        return
      }
      for (const warning of json?.warnings ?? []) form.showWarning(warning.field, warning.message)
    })
  })
  byId('use-example').addEventListener('click', () => {
    form.clearMessages()
    formError.hidden = true
    form.fill(facts.exampleRow)
  })
  const rawError = byId('raw-error')
  byId('raw').addEventListener('submit', (event) => {
    event.preventDefault()
    rawError.hidden = true
    void send(raw.request(), (exchange) => {
      const error = jsonBody(exchange)?.error
      if (error) {
        rawError.textContent = error.message
        rawError.hidden = false
      }
    })
  })
  for (const id of ['predict', 'send-raw']) byId(id).disabled = false
}

function subtitleOf(facts) {
  const { identity, label, features } = facts
  const predicts = label
    ? `predicts ${label.name}${label.kind === 'class' ? ` (${label.classes.join(', ')})` : ''}`
    : 'answers'
  return `${identity.model} ${identity.version ?? ''} · run ${identity.runId ?? '?'} · ${predicts} from ${features.length} feature${features.length === 1 ? '' : 's'}`
}

start().catch((error) => {
  const subtitle = document.getElementById('subtitle')
  if (subtitle) {
    subtitle.textContent = `The page could not start: ${error instanceof Error ? error.message : String(error)}`
    subtitle.className = 'error'
  }
})
