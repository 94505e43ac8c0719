import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { UserError } from '../errors/user-error'
import { readJsonFile } from './read-json-file'

const about = { expected: 'the run.json that `sagepack train` writes', fix: 'train again' }

describe('readJsonFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sagepack-json-'))

  it('parses the file, and gives undefined for a missing optional one', async () => {
    writeFileSync(join(dir, 'ok.json'), '{"runId": "r1"}')
    expect(await readJsonFile(join(dir, 'ok.json'), about)).toEqual({ runId: 'r1' })
    expect(await readJsonFile(join(dir, 'absent.json'), { ...about, optional: true })).toBeUndefined()
  })

  it('names the file, what it should hold and the fix when it is missing or not JSON', async () => {
    const missing = await readJsonFile(join(dir, 'run.json'), about).catch((error: unknown) => error)
    expect(missing).toBeInstanceOf(UserError)
    expect(missing).toMatchObject({ input: join(dir, 'run.json'), problem: 'run.json is missing', ...about })

    writeFileSync(join(dir, 'broken.json'), '{"runId": ')
    const broken = await readJsonFile(join(dir, 'broken.json'), about).catch((error: unknown) => error)
    expect(broken).toBeInstanceOf(UserError)
    expect((broken as UserError).problem).toMatch(/^it is not valid JSON \(.+\)$/)
    expect(broken).toMatchObject({ input: join(dir, 'broken.json'), ...about })
  })
})
