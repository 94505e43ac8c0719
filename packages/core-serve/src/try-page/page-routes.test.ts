// The try-it page's routes: its files from the same origin under a strict Content-Security-Policy, and
// a classifier's probabilities drawn as SVG by Vega from the Vega-Lite spec.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FakeRunner } from '../server/fake-runner'
import { createInferenceServer, type InferenceServer } from '../server/inference-server'
import { readPageAssets, TRY_PAGE_ASSETS_SOURCE } from './page-assets'
import { CHART_PATH, PAGE_CONTENT_SECURITY_POLICY } from './page-routes'
import { probabilityChartSpec } from './probability-chart-spec'

let server: InferenceServer
let url: string

beforeAll(async () => {
  const facts = {
    identity: {
      model: 'iris',
      version: '1.0.0',
      runId: 'r',
      commit: null,
      dirty: false,
      modelFormat: 'onnx' as const,
      manifestSha256: 'a'.repeat(64),
    },
    requestSchema: null,
    example: undefined,
  }
  server = createInferenceServer(new FakeRunner(), {
    tryPage: { facts, assets: await readPageAssets(TRY_PAGE_ASSETS_SOURCE) },
  })
  url = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`
})
afterAll(() => server.close(0))

describe('GET /', () => {
  it('serves the page under a Content-Security-Policy that allows only its own files', async () => {
    const response = await fetch(`${url}/`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(PAGE_CONTENT_SECURITY_POLICY)
    expect(PAGE_CONTENT_SECURITY_POLICY).toContain("default-src 'none'")
    expect(PAGE_CONTENT_SECURITY_POLICY).not.toContain('unsafe')
    const html = await response.text()
    const linked = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] as string)
    expect(linked).toEqual(['/try/favicon.svg', '/try/page.css', '/try/try-page.js'])
    for (const path of linked) {
      const asset = await fetch(`${url}${path}`)
      expect(asset.status, path).toBe(200)
      expect(asset.headers.get('x-content-type-options')).toBe('nosniff')
    }
    expect((await fetch(`${url}/`, { method: 'HEAD' })).status).toBe(200)
  })

  it('serves every script the page imports, as JavaScript, from /try/', async () => {
    const entry = await (await fetch(`${url}/try/try-page.js`)).text()
    const imports = [...entry.matchAll(/from '\.\/([\w-]+\.js)'/g)].map((match) => match[1] as string)
    expect(imports.length).toBeGreaterThanOrEqual(5)
    for (const name of imports) {
      const script = await fetch(`${url}/try/${name}`)
      expect(script.status, name).toBe(200)
      expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    }
    expect((await fetch(`${url}/try/nothing.js`)).status).toBe(404)
  })

  it('has no inline script, style or handler, and names no other origin', async () => {
    const names = await readdir(TRY_PAGE_ASSETS_SOURCE)
    for (const name of names.filter((file) => /\.(html|js|css)$/.test(file))) {
      const text = await readFile(join(TRY_PAGE_ASSETS_SOURCE, name), 'utf8')
      expect(text, name).not.toMatch(/https?:\/\/|\/\/[a-z0-9-]+\.[a-z]/i)
      if (name.endsWith('.html')) {
        expect(text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
        expect(text).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i)
      }
      if (name.endsWith('.js')) expect(text, name).not.toMatch(/innerHTML|\.style\.|eval\(|new Function/)
    }
  })

  it('leaves the page’s files out of the 404 list of what the server answers', async () => {
    const body = (await (await fetch(`${url}/predict`)).json()) as { error: { message: string } }
    expect(body.error.message).toBe(
      'nothing at /predict; this server answers GET /ping, POST /invocations, GET /execution-parameters, GET /openapi.json, GET /',
    )
  })
})

describe('the probability chart', () => {
  it('is a Vega-Lite spec of one bar per class in the order given, the most probable highlighted', () => {
    const spec = probabilityChartSpec([
      { name: 'ham', probability: 0.25 },
      { name: 'spam', probability: 0.75 },
    ])
    expect(spec.data).toEqual({
      values: [
        { class: 'ham', probability: 0.25, top: false },
        { class: 'spam', probability: 0.75, top: true },
      ],
    })
  })

  it('is drawn as SVG by Vega, with each class and its probability', async () => {
    const probabilities = { setosa: 0.9, versicolor: 0.075, virginica: 0.025 }
    const response = await fetch(`${url}${CHART_PATH}?p=${encodeURIComponent(JSON.stringify(probabilities))}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/svg+xml')
    const svg = await response.text()
    expect(svg).toMatch(/^<svg /)
    for (const label of ['setosa', 'versicolor', 'virginica', '90.0%', '7.5%', '2.5%'])
      expect(svg).toContain(label)
    // One bar per class: Vega draws each as a path in a group of the bar mark.
    const bars = [...svg.matchAll(/<g class="mark-rect role-mark layer_0_marks"[^>]*>(.*?)<\/g>/g)]
    expect(bars.flatMap((group) => (group[1] ?? '').match(/<path /g) ?? [])).toHaveLength(3)
  })

  it('refuses a query that is not probabilities with a 400', async () => {
    for (const query of ['', '?p=[1]', '?p={"a":2}', '?p={}', '?p=nope']) {
      const response = await fetch(`${url}${CHART_PATH}${query}`)
      expect(response.status, query).toBe(400)
      const body = (await response.json()) as { error: { message: string } }
      expect(body.error.message).toMatch(/class name to probability/)
    }
  })
})
