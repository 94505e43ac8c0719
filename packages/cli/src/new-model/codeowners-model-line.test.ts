import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { isUserError } from '@sagepack/core-data'
import { describe, expect, it } from 'vitest'
import { withModelOwner } from './codeowners-model-line'

const FILE = `# Later lines win.
*                 @sagepack/platform

/packages/        @sagepack/platform

# One line per model folder.
/models/iris/     @sagepack/botany
/models/spam/     @sagepack/mail
`

const modelLines = (text: string) => text.split('\n').filter((line) => line.startsWith('/models/'))

describe('withModelOwner', () => {
  it('adds the line in sorted place among the model lines, owners in the same column', () => {
    const text = withModelOwner(FILE, 'churn', '@acme/growth')
    expect(modelLines(text)).toEqual([
      '/models/churn/    @acme/growth',
      '/models/iris/     @sagepack/botany',
      '/models/spam/     @sagepack/mail',
    ])
    expect(text.replace('/models/churn/    @acme/growth\n', '')).toBe(FILE)
    expect(modelLines(withModelOwner(FILE, 'zebra', '@z/z')).at(-1)).toBe('/models/zebra/    @z/z')
    expect(modelLines(withModelOwner(FILE, 'car-mpg', '@a/b'))[0]).toBe('/models/car-mpg/  @a/b')
  })

  it('sorts by folder name, so a name comes before its longer variants', () => {
    const text = ['demo-text', 'demo', 'demo-reg'].reduce((t, name) => withModelOwner(t, name, '@a/b'), FILE)
    expect(modelLines(text).map((line) => line.split(/\s+/)[0])).toEqual([
      '/models/demo/',
      '/models/demo-reg/',
      '/models/demo-text/',
      '/models/iris/',
      '/models/spam/',
    ])
  })

  it('keeps one space between a long path and its owner', () => {
    const name = 'a-model-name-longer-than-the-column'
    expect(modelLines(withModelOwner(FILE, name, '@a/b'))[0]).toBe(`/models/${name}/ @a/b`)
  })

  it('adds it once: again, or with the line already there, the text is unchanged', () => {
    const once = withModelOwner(FILE, 'churn', '@acme/growth')
    expect(withModelOwner(once, 'churn', '@acme/growth')).toBe(once)
    expect(withModelOwner(once, 'churn', '@ACME/Growth')).toBe(once)
    const handWritten = FILE.replace('/models/iris/ ', '/models/churn @acme/growth\n/models/iris/ ')
    expect(withModelOwner(handWritten, 'churn', '@acme/growth')).toBe(handWritten)
  })

  it('puts hand-added lines that are out of order in place too', () => {
    const appended = `${FILE}/models/car-mpg/  @sagepack/cars\n`
    expect(modelLines(withModelOwner(appended, 'zebra', '@z/z'))).toEqual([
      '/models/car-mpg/  @sagepack/cars',
      '/models/iris/     @sagepack/botany',
      '/models/spam/     @sagepack/mail',
      '/models/zebra/    @z/z',
    ])
  })

  it('refuses to give a folder that another owner has, naming the line', () => {
    const error = (() => {
      try {
        return withModelOwner(FILE, 'iris', '@acme/growth')
      } catch (e) {
        return e
      }
    })()
    expect(isUserError(error)).toBe(true)
    expect((error as Error).message).toBe(
      '.github/CODEOWNERS:7: already gives /models/iris/ to @sagepack/botany\n' +
        '  expected: no line for /models/iris/ yet, or one naming @acme/growth\n' +
        '  fix: pass --team @sagepack/botany, or change that line in .github/CODEOWNERS first',
    )
  })

  it('starts the model section at the end when there is none, and creates the file from nothing', () => {
    const noModels = FILE.split('/models/')[0] as string
    expect(withModelOwner(noModels, 'churn', '@a/b')).toBe(`${noModels}/models/churn/    @a/b\n`)
    expect(withModelOwner('', 'churn', '@a/b')).toBe('/models/churn/ @a/b\n')
  })

  it('keeps Windows line endings and adds the final newline a file may lack', () => {
    const crlf = FILE.replaceAll('\n', '\r\n')
    expect(withModelOwner(crlf, 'churn', '@a/b')).toContain('\r\n/models/churn/    @a/b\r\n/models/iris/')
    expect(withModelOwner(FILE.trimEnd(), 'zebra', '@z/z')).toMatch(/\/models\/zebra\/ {4}@z\/z\n$/)
  })

  it("fits this repository's CODEOWNERS", () => {
    const real = readFileSync(
      fileURLToPath(new URL('../../../../.github/CODEOWNERS', import.meta.url)),
      'utf8',
    )
    const text = withModelOwner(real, 'zz-new-model', '@acme/growth')
    expect(text.split('\n').length).toBe(real.split('\n').length + 1)
    const folders = modelLines(text).map((line) => line.split(/\s+/)[0]?.slice(0, -1))
    expect(folders).toContain('/models/zz-new-model')
    expect(folders).toEqual([...folders].sort())
  })
})
