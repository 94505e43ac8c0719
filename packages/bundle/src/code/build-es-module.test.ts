import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildEsModule } from './build-es-module'

/**
 * Two checkouts at different depths whose dependency `dep` lives in one store outside both, as with
 * pnpm's global virtual store or a linked package.
 */
function checkoutsSharingAStore(): string[] {
  const scratch = mkdtempSync(join(tmpdir(), 'sagepack-es-module-'))
  const store = join(scratch, 'store', 'dep@1.0.0')
  mkdirSync(store, { recursive: true })
  writeFileSync(
    join(store, 'package.json'),
    '{"name":"dep","version":"1.0.0","type":"module","main":"index.js"}\n',
  )
  writeFileSync(join(store, 'index.js'), 'export const answer = 42\n')
  return [join(scratch, 'a', 'ws'), join(scratch, 'b', 'deeper', 'still', 'ws')].map((root) => {
    mkdirSync(join(root, 'node_modules'), { recursive: true })
    symlinkSync(store, join(root, 'node_modules', 'dep'))
    writeFileSync(join(root, 'entry.ts'), "import { answer } from 'dep'\nexport default { answer }\n")
    return root
  })
}

describe('buildEsModule', () => {
  it('writes the same module from every checkout, naming files outside the workspace by their package', async () => {
    const sources = await Promise.all(
      checkoutsSharingAStore().map(async (workspaceRoot) => {
        const code = await buildEsModule({
          workspaceRoot,
          entry: { path: join(workspaceRoot, 'entry.ts') },
          external: [],
          header: '// test module',
          what: 'the test module',
          retry: 'build again',
        })
        return new TextDecoder().decode(code.source)
      }),
    )
    expect(sources[1]).toBe(sources[0])
    expect(sources[0]).toContain('\n// dep/index.js\nvar answer = 42;\n')
    expect(sources[0]).toContain('\n// entry.ts\n')
    expect(sources[0]).not.toContain('../')
  })
})
