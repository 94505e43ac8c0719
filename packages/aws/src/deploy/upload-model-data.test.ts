// Model data for a stack, in both forms SageMaker takes, through a real file:// artifact store.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { verifyArchive } from '@sagepack/bundle'
import { type ArtifactStore, bundleKey, openArtifactStore, sha256OfFile } from '@sagepack/core-data'
import { beforeAll, describe, expect, it } from 'vitest'
import { writeFixtureBundle } from './deploy-model.fixture'
import { uploadModelData } from './upload-model-data'

let bundle: string
let sha256: string

beforeAll(async () => {
  bundle = await writeFixtureBundle()
  sha256 = await sha256OfFile(bundle)
})

function newStore(): ArtifactStore {
  return openArtifactStore(pathToFileURL(mkdtempSync(join(tmpdir(), 'sagepack-store-'))).href)
}

/** Records the order of uploads, so "manifest last" is checked, not assumed. */
function recording(store: ArtifactStore): { store: ArtifactStore; puts: string[] } {
  const puts: string[] = []
  return {
    puts,
    store: {
      ...store,
      uri: store.uri.bind(store),
      head: store.head.bind(store),
      putFile: (key, file, options) => {
        puts.push(key)
        return store.putFile(key, file, options)
      },
    },
  }
}

describe('uploadModelData', () => {
  it('uploads model.tar.gz content-addressed (Gzip), and skips it the second time', async () => {
    const { store, puts } = recording(newStore())
    const { files } = await verifyArchive(bundle)
    const input = { store, model: 'iris', bundle, sha256, files, uncompressed: false }
    const first = await uploadModelData(input)
    expect(first).toEqual({
      url: store.uri(bundleKey('iris', sha256)),
      compression: 'Gzip',
      sha256,
      skipped: false,
    })
    expect((await uploadModelData(input)).skipped).toBe(true)
    expect(puts).toEqual([bundleKey('iris', sha256)])
  })

  it('uploads the extracted files under <model>/<sha256>/model/ (None), manifest.json last', async () => {
    const { store, puts } = recording(newStore())
    const { files } = await verifyArchive(bundle)
    const input = { store, model: 'iris', bundle, sha256, files, uncompressed: true }
    const prefix = `iris/${sha256}/model/`
    const first = await uploadModelData(input)
    expect(first).toEqual({ url: store.uri(prefix), compression: 'None', sha256, skipped: false })
    expect(first.url.endsWith('/')).toBe(true)
    expect(puts.at(-1)).toBe(`${prefix}manifest.json`)
    expect([...puts].sort()).toEqual(files.map((f) => `${prefix}${f.path}`).sort())
    // Each file is stored with the digest the archive holds for it.
    for (const file of files) expect((await store.head(`${prefix}${file.path}`))?.sha256).toBe(file.sha256)

    expect((await uploadModelData(input)).skipped).toBe(true)
    expect(puts).toHaveLength(files.length)
  })

  it('finishes a prefix that an earlier, interrupted upload left without its manifest', async () => {
    const { store, puts } = recording(newStore())
    const { files } = await verifyArchive(bundle)
    const prefix = `iris/${sha256}/model/`
    // What an upload cut off after its first file leaves behind.
    const onlyFile = await uploadModelData({
      store: newStore(),
      model: 'iris',
      bundle,
      sha256,
      files,
      uncompressed: true,
    })
    const first = files.find((f) => f.path !== 'manifest.json')
    if (!first) throw new Error('the fixture bundle has no file besides the manifest')
    await store.putFile(`${prefix}${first.path}`, join(fileURLToPath(onlyFile.url), first.path))
    puts.length = 0

    const again = await uploadModelData({ store, model: 'iris', bundle, sha256, files, uncompressed: true })
    expect(again.skipped).toBe(false)
    expect(puts).toHaveLength(files.length)
    expect(await store.head(`${prefix}manifest.json`)).toBeDefined()
  })
})
