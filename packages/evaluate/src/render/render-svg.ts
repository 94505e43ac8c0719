// Renders a Vega-Lite spec to an SVG string in Node, with no browser: vega-lite compiles it to Vega,
// and a headless Vega view (renderer "none") writes the SVG.
import { parse, View } from 'vega'
import { compile, type TopLevelSpec } from 'vega-lite'

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const warnings: string[] = []
  const logger = {
    level: () => logger,
    error: (...args: unknown[]) => {
      throw new Error(`vega-lite: ${args.join(' ')}`)
    },
    warn: (...args: unknown[]) => {
      warnings.push(args.join(' '))
      return logger
    },
    info: () => logger,
    debug: () => logger,
  }
  const vegaSpec = compile(spec, { logger }).spec
  if (warnings.length > 0) throw new Error(`vega-lite warned about the spec: ${warnings.join('; ')}`)
  const view = new View(parse(vegaSpec), { renderer: 'none' })
  try {
    return await view.toSVG()
  } finally {
    view.finalize()
  }
}
