// Renders a Vega-Lite spec to SVG with Vega, on the server: the page stays free of chart code and of
// the script Vega would need in the browser (which a strict Content-Security-Policy would refuse).
// Vega loads on the first chart, so a runtime that never draws one never pays for it.

export async function renderVegaLiteSvg(spec: Record<string, unknown>): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')])
  // The spec is built as plain JSON (probability-chart-spec.ts); Vega-Lite checks it as it compiles.
  const compiled = vegaLite.compile(spec as unknown as Parameters<typeof vegaLite.compile>[0])
  const view = new vega.View(vega.parse(compiled.spec), { renderer: 'none' })
  try {
    return await view.toSVG()
  } finally {
    view.finalize()
  }
}
