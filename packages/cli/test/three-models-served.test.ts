// iris, spam and car-mpg trained, bundled and served by `sagepack serve`, used as a client and as a
// person would: the same row gets the same answer in every request format, and in a real headless
// Chromium the try-it page answers what curl gets, shows the warning of a value outside what training
// saw, and shows a 400 next to the field left empty. Screenshots of each state are kept in
// .test-results/try-page/ for a person to look at.

import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { verifyArchive } from '@sagepack/bundle'
import { launchChromium } from '@sagepack/core-data/testing'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ServedModel, trainBundleAndServe } from './served-model.fixture'

const SCREENSHOTS = fileURLToPath(new URL('../.test-results/try-page/', import.meta.url))

interface ModelCase {
  name: string
  /** Short training: the answers need not be good, only real. */
  sets: string[]
  /** What a person types in the form (select options by their text). */
  form: Record<string, string>
  /** A value outside the training range, typed in the form; none for a model without numbers. */
  outside?: { field: string; value: string }
  /** A field to clear, which the model requires. */
  required: string
  classifier: boolean
}

const MODELS: ModelCase[] = [
  {
    name: 'iris',
    sets: ['train.epochs=30'],
    form: { sepal_length: '6.1', sepal_width: '2.8', petal_length: '4.7', petal_width: '1.2' },
    outside: { field: 'sepal_length', value: '9.6' },
    required: 'petal_width',
    classifier: true,
  },
  {
    name: 'spam',
    sets: ['train.epochs=2', 'preprocess.textDimensions=256'],
    form: { text: 'Lunch on Friday? The team meets at noon in the usual place, bring the slides.' },
    required: 'text',
    classifier: true,
  },
  {
    name: 'car-mpg',
    sets: ['train.epochs=10'],
    form: {
      cylinders: '4',
      displacement: '120',
      horsepower: '97',
      weight: '2506',
      acceleration: '14.5',
      year: '1972',
      origin: 'Japan',
    },
    outside: { field: 'horsepower', value: '310' },
    required: 'weight',
    classifier: false,
  },
]

const served = new Map<string, ServedModel>()
let browser: Browser

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true })
  // One after the other: three trainings at once would only share the same two cores.
  for (const model of MODELS) served.set(model.name, await trainBundleAndServe(model.name, model.sets))
  browser = await launchChromium()
}, 400_000)

afterAll(async () => {
  await browser?.close()
  await Promise.all([...served.values()].map((model) => model.stop()))
})

const serverOf = (name: string) => served.get(name) as ServedModel

async function invoke(url: string, body: string, contentType: string) {
  const response = await fetch(`${url.replace('localhost', '127.0.0.1')}/invocations`, {
    method: 'POST',
    headers: { 'content-type': contentType, accept: 'application/json' },
    body,
  })
  return { status: response.status, json: (await response.json()) as Record<string, unknown> }
}

/** The model's example rows as objects in feature order, read from what the server says of itself. */
async function exampleRows(url: string): Promise<{ order: string[]; rows: Array<Record<string, unknown>> }> {
  const document = (await (await fetch(`${url.replace('localhost', '127.0.0.1')}/openapi.json`)).json()) as {
    components: { schemas: { Row: { 'x-sagepack-order': string[] } } }
    paths: Record<string, { post: { requestBody: { content: Record<string, { example: string }> } } }>
  }
  const order = document.components.schemas.Row['x-sagepack-order']
  const lines = (
    document.paths['/invocations']?.post.requestBody.content['application/jsonlines']?.example ?? ''
  )
    .trim()
    .split('\n')
  return { order, rows: lines.map((line) => JSON.parse(line) as Record<string, unknown>) }
}

const csvField = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

describe.each(MODELS)('$name served: the same row, any format', (model) => {
  it('answers the example rows (and a row outside training) alike as JSON objects, JSON arrays, CSV and JSON Lines', async () => {
    const { url } = serverOf(model.name)
    const { order, rows: examples } = await exampleRows(url)
    expect(examples.length).toBeGreaterThanOrEqual(2)
    const rows = model.outside
      ? [...examples, { ...examples[0], [model.outside.field]: Number(model.outside.value) }]
      : examples
    const arrays = rows.map((row) => order.map((name) => row[name]))
    const bodies: Array<[string, string]> = [
      [JSON.stringify({ instances: rows }), 'application/json'],
      [JSON.stringify({ instances: arrays }), 'application/json'],
      [arrays.map((values) => values.map(csvField).join(',')).join('\n'), 'text/csv'],
      [rows.map((row) => JSON.stringify(row)).join('\n'), 'application/jsonlines'],
    ]
    const answers = await Promise.all(bodies.map(([body, type]) => invoke(url, body, type)))
    for (const answer of answers) expect(answer.status, JSON.stringify(answer.json)).toBe(200)
    const [first = {}, ...others] = answers.map((answer) => answer.json)
    expect(first.predictions).toHaveLength(rows.length)
    expect(first.warnings === undefined).toBe(model.outside === undefined)
    for (const other of others) expect(other).toEqual(first)
  })

  it(`refuses the ${model.required} field left out with the same 400 in every format`, async () => {
    const { url } = serverOf(model.name)
    const { order, rows } = await exampleRows(url)
    const row = { ...rows[0], [model.required]: null }
    const values = order.map((name) => row[name])
    // An empty field in quotes, so that a model of one text column still gets a row in CSV.
    const csv = values.map((value) => (value === null ? '""' : csvField(value))).join(',')
    const answers = await Promise.all([
      invoke(url, JSON.stringify({ instances: [row] }), 'application/json'),
      invoke(url, csv, 'text/csv'),
      invoke(url, JSON.stringify(values), 'application/jsonlines'),
    ])
    for (const answer of answers) {
      expect(answer.status).toBe(400)
      expect(answer.json.error).toMatchObject({ status: 400, row: 0, field: model.required })
      expect((answer.json.error as { message: string }).message).toMatch(
        new RegExp(`^row 0 \\(counting from 0\\), field '${model.required}': is (null|empty)\\n`),
      )
    }
  })
})

describe.each(MODELS)('the try-it page of $name in Chromium', (model) => {
  /** A fresh page that records console errors and every request it makes. */
  async function openPage(): Promise<{ page: Page; errors: string[]; requests: string[]; origin: string }> {
    const { url } = serverOf(model.name)
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } })
    const page = await context.newPage()
    const errors: string[] = []
    const requests: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`)
    })
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`))
    page.on('request', (request) => requests.push(request.url()))
    await page.goto(`${url}/`)
    await page.locator('#predict:not([disabled])').waitFor()
    return { page, errors, requests, origin: url }
  }

  async function fill(page: Page, values: Record<string, string>): Promise<void> {
    for (const [name, value] of Object.entries(values)) {
      const field = page.locator(`.field[data-field="${name}"]`)
      if ((await field.locator('select').count()) > 0)
        await field.locator('select').selectOption({ label: value })
      else await field.locator('input, textarea').fill(value)
    }
  }

  /** What the answer table shows: each field's exact value as the page keeps it beside its rounding. */
  async function shownAnswer(page: Page): Promise<Record<string, unknown>> {
    await page.locator('#predictions').waitFor()
    const cells = await page
      .locator('#predictions td[data-field]')
      .evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-field'), td.getAttribute('data-value')]))
    return Object.fromEntries(cells.map(([name, value]) => [name, JSON.parse(value ?? 'null')]))
  }

  function flatten(value: unknown, prefix = '', into: Record<string, unknown> = {}): Record<string, unknown> {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value))
        flatten(inner, prefix ? `${prefix}.${key}` : key, into)
    } else into[prefix || 'prediction'] = value
    return into
  }

  function expectOnlyOwnOrigin(requests: string[], origin: string): void {
    expect(requests.length).toBeGreaterThan(3)
    expect(requests.filter((request) => !request.startsWith(`${origin}/`))).toEqual([])
  }

  it('builds the form from the schema, and Predict shows what curl gets for the same input', async () => {
    const { page, errors, requests, origin } = await openPage()
    const { order } = await exampleRows(origin)
    expect(
      await page.locator('.field').evaluateAll((fields) => fields.map((f) => f.getAttribute('data-field'))),
    ).toEqual(order)
    await fill(page, model.form)
    await page.getByRole('button', { name: 'Predict' }).click()
    const shown = await shownAnswer(page)

    // The request the page sent, from its debug panel: the same input goes to curl.
    const sent = (await page.locator('#request').textContent()) ?? ''
    const body = sent.slice(sent.indexOf('\n\n') + 2)
    const row = JSON.parse(body).instances[0] as Record<string, unknown>
    for (const [name, value] of Object.entries(model.form)) {
      expect(String(row[name]), name).toBe(value)
    }
    const { stdout } = await promisify(execFile)('curl', [
      '--silent',
      '--show-error',
      '-H',
      'Content-Type: application/json',
      '--data-binary',
      body,
      `${origin}/invocations`,
    ])
    const curled = JSON.parse(stdout) as { predictions: unknown[] }
    expect(shown).toEqual(flatten(curled.predictions[0]))
    expect(Object.keys(shown).length).toBeGreaterThan(0)

    if (model.classifier) {
      const chart = page.locator('#chart')
      await chart.waitFor()
      // Loaded and drawn: an image that failed has no natural width.
      const drawnWidth = () =>
        chart.evaluate((img) => {
          const loaded = img as unknown as { complete: boolean; naturalWidth: number }
          return loaded.complete ? loaded.naturalWidth : 0
        })
      await expect.poll(drawnWidth).toBeGreaterThan(200)
      const alt = (await chart.getAttribute('alt')) ?? ''
      const classes = Object.keys(shown).filter((key) => key.startsWith('probabilities.'))
      expect(classes.length).toBeGreaterThanOrEqual(2)
      for (const key of classes) expect(alt).toContain(key.slice('probabilities.'.length))
    } else {
      expect(await page.locator('#chart-figure').isHidden()).toBe(true)
    }

    // The debug panel: the bundle that answered, and the time of each stage.
    const manifest = (await verifyArchive(serverOf(model.name).bundle)).kept.get('manifest.json') as Buffer
    expect(await page.locator('[data-fact="manifest sha256"]').textContent()).toBe(
      createHash('sha256').update(manifest).digest('hex'),
    )
    expect(await page.locator('[data-fact="model"]').textContent()).toMatch(new RegExp(`^${model.name} `))
    const stages = await page
      .locator('#timings tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-stage')))
    expect(stages).toEqual([
      'read',
      'queue',
      'hop',
      'decode',
      'validate',
      'preprocess',
      'predict',
      'postprocess',
      'encode',
      'total',
    ])

    await page.screenshot({ path: join(SCREENSHOTS, `${model.name}-answer.png`), fullPage: true })
    expect(errors).toEqual([])
    expectOnlyOwnOrigin(requests, origin)
    await page.context().close()
  })

  it('shows the warning of a value outside what training saw, and still answers', async () => {
    const { page, errors, requests, origin } = await openPage()
    let expected: RegExp
    let field: string
    if (model.outside) {
      field = model.outside.field
      await fill(page, { ...model.form, [field]: model.outside.value })
      await page.getByRole('button', { name: 'Predict' }).click()
      expected = new RegExp(`^${model.outside.value} is above the range seen in training \\(`)
      // Beside the field it is about, as well as in the answer.
      const beside = page.locator(`.field[data-field="${field}"] .field-warning`)
      await beside.waitFor()
      expect(await beside.textContent()).toMatch(expected)
    } else {
      // A model of text alone has no range: a field it does not know is what a person gets wrong.
      field = 'sender'
      await page.getByRole('tab', { name: 'JSON / CSV' }).click()
      await page
        .locator('#raw-body')
        .fill(JSON.stringify({ instances: [{ ...model.form, sender: 'bob@example.com' }] }))
      await page.getByRole('button', { name: 'Send' }).click()
      expected = new RegExp(`^is not a feature of ${model.name}; ignored \\(row 0, counting from 0\\)$`)
    }
    await shownAnswer(page)
    const warning = page.locator('#answer-warnings li')
    await expect.poll(() => warning.count()).toBe(1)
    expect(await warning.locator('strong').textContent()).toBe(model.outside ? `row 0 · ${field}` : field)
    const text = (await warning.textContent()) ?? ''
    expect(text.slice(text.indexOf(': ') + 2)).toMatch(expected)
    expect(await page.locator('#warning-count').getAttribute('data-count')).toBe('1')
    await page.screenshot({ path: join(SCREENSHOTS, `${model.name}-warning.png`), fullPage: true })
    expect(errors).toEqual([])
    expectOnlyOwnOrigin(requests, origin)
    await page.context().close()
  })

  it(`shows the 400 for ${model.required} left empty next to that field`, async () => {
    const { page, errors, requests, origin } = await openPage()
    await fill(page, { ...model.form, [model.required]: '' })
    await page.getByRole('button', { name: 'Predict' }).click()
    const beside = page.locator(`.field[data-field="${model.required}"] .field-error`)
    await beside.waitFor()
    // The problem and the fix; what is expected is the hint under the box already.
    expect(await beside.textContent()).toBe(
      `${model.required} is missing\nfix: send ${model.required} in every row: ${model.name} never saw it missing in training, so it does not guess a value for it`,
    )
    expect(await page.locator(`.field[data-field="${model.required}"] [aria-invalid="true"]`).count()).toBe(1)
    expect(await page.locator('.field-error:not([hidden])').count()).toBe(1)
    expect(await page.locator('#answer-status').textContent()).toMatch(/^400 Bad Request/)
    await page.screenshot({ path: join(SCREENSHOTS, `${model.name}-refused.png`), fullPage: true })
    // The browser reports the 400 it was meant to get; nothing else.
    expect(errors).toEqual([
      expect.stringMatching(/status of 400 \(Bad Request\) \(http:\/\/localhost:\d+\/invocations\)$/),
    ])
    expectOnlyOwnOrigin(requests, origin)
    await page.context().close()
  })
})

describe('sagepack serve', () => {
  it('prints the address of the try-it page once the model is loaded', () => {
    for (const model of served.values()) {
      expect(model.printed).toMatch(new RegExp(`serving ${model.name} .* on port \\d+`))
      expect(model.printed.indexOf('try ')).toBeGreaterThan(
        model.printed.indexOf('model loaded in every worker'),
      )
    }
  })
})
