// What the try-it page and /openapi.json are made from: the served bundle's identity, request schema
// and example, and the page's files. Read once when the server starts.
import type { ModelDir } from '../model-dir/read-model-dir'
import { bundleIdentity } from '../openapi/bundle-identity'
import { exampleBodies } from '../openapi/example-rows'
import type { ServedModelFacts } from '../openapi/openapi-route'
import { type PageAsset, readPageAssets } from './page-assets'

export interface TryPage {
  facts: ServedModelFacts
  assets: ReadonlyMap<string, PageAsset>
}

export async function loadTryPage(bundle: ModelDir, assetsDir: string | URL): Promise<TryPage> {
  const [identity, assets] = await Promise.all([
    bundleIdentity(bundle.dir, bundle.manifest),
    readPageAssets(assetsDir),
  ])
  return {
    facts: {
      identity,
      requestSchema: bundle.requestSchema,
      example: exampleBodies(bundle.example, bundle.requestSchema),
    },
    assets,
  }
}
