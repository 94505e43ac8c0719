// The routes of the try-it page: `/` (the page), `/try/<file>` (its scripts and style), and
// `/try/probabilities.svg` (a classifier's answer as a bar chart). SageMaker routes only /ping and
// /invocations to a container, so on an endpoint these cost nothing; locally and in the image they
// let a person try the model without knowing its field names.
import type { Route } from '../server/route-request'
import type { ResponseWriter } from '../server/write-response'
import { PAGE_FILE, type PageAsset } from './page-assets'
import { probabilitiesFromQuery } from './probabilities-query'
import { probabilityChartSpec } from './probability-chart-spec'
import { renderVegaLiteSvg } from './render-svg'

/** The page's own files and same-origin fetches only: no inline script or style, no other origin. */
export const PAGE_CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

const ASSET_PREFIX = '/try/'
export const CHART_PATH = `${ASSET_PREFIX}probabilities.svg`

export function pageRoutes(
  assets: ReadonlyMap<string, PageAsset>,
  writer: ResponseWriter,
): Map<string, Route> {
  const routes = new Map<string, Route>()
  for (const [name, asset] of assets) {
    const path = name === PAGE_FILE ? '/' : `${ASSET_PREFIX}${name}`
    const headers = {
      'content-type': asset.contentType,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      ...(name === PAGE_FILE
        ? { 'content-security-policy': PAGE_CONTENT_SECURITY_POLICY, 'referrer-policy': 'no-referrer' }
        : {}),
    }
    const body = asset.body.toString('utf8')
    routes.set(path, {
      methods: ['GET', 'HEAD'],
      unlisted: name !== PAGE_FILE,
      handle: (_req, res) => writer.send(res, 200, { ...headers }, body),
    })
  }
  routes.set(CHART_PATH, {
    methods: ['GET'],
    unlisted: true,
    async handle(req, res) {
      const probabilities = probabilitiesFromQuery(req.url ?? '')
      const svg = await renderVegaLiteSvg(probabilityChartSpec(probabilities))
      writer.send(
        res,
        200,
        {
          'content-type': 'image/svg+xml',
          'cache-control': 'no-cache',
          'x-content-type-options': 'nosniff',
          'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
        },
        svg,
      )
    },
  })
  return routes
}
