// The try-it page's files (assets/: the HTML, its scripts and its style sheet), read once at start-up
// and served from memory as same-origin files, which is what lets the page run under a strict
// Content-Security-Policy: no inline script or style, nothing from another origin.
//
// From source they sit beside this module. A bundled runtime (esbuild, one file) has no assets/
// beside it: the build copies TRY_PAGE_ASSETS_SOURCE next to runtime.mjs and the runtime's entry
// passes that folder to serveMain.
import { readdir, readFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The folder of the page's files in this package: what a bundler copies beside the runtime. */
export const TRY_PAGE_ASSETS_SOURCE = fileURLToPath(new URL('./assets/', import.meta.url))

export const PAGE_FILE = 'index.html'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
}

export interface PageAsset {
  contentType: string
  body: Buffer
}

/** Every servable file of the folder by name (index.html, try-page.js, ...). */
export async function readPageAssets(dir: string | URL): Promise<Map<string, PageAsset>> {
  const folder = dir instanceof URL ? fileURLToPath(dir) : dir
  const assets = new Map<string, PageAsset>()
  for (const name of (await readdir(folder)).sort()) {
    const contentType = CONTENT_TYPES[extname(name)]
    // Only the page's own kinds of file: a test or a note left in the folder is not served.
    if (contentType === undefined || name.includes('.test.')) continue
    assets.set(name, { contentType, body: await readFile(join(folder, name)) })
  }
  if (!assets.has(PAGE_FILE)) {
    throw new Error(
      `${folder} has no ${PAGE_FILE}: pass the try-it page's assets folder (TRY_PAGE_ASSETS_SOURCE)`,
    )
  }
  return assets
}

/** The assets folder when running from source; a bundled runtime must say where its copy is. */
export function defaultPageAssetsDir(): string {
  if (import.meta.url.endsWith('.ts')) return TRY_PAGE_ASSETS_SOURCE
  throw new Error(
    'serveMain needs `pageAssets` in a bundled runtime: copy TRY_PAGE_ASSETS_SOURCE beside it and pass ' +
      "new URL('./try-page/', import.meta.url)",
  )
}
