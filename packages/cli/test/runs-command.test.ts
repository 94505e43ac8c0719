// End to end: `sagepack runs push` then `runs pull` through a real S3-compatible server on loopback
// and through a file:// store, giving back the identical run folder.
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type S3TestServer, startS3TestServer } from '@sagepack/core-data/testing'
import { treeListing, writeRunFolder } from '@sagepack/runs/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { sagepack } from './run-cli'
import { runMain as run } from './run-main'

const RUN = '20261123-164512-3fa2'
let server: S3TestServer
let scratch: string
let runsRoot: string

beforeAll(async () => {
  server = await startS3TestServer()
})
afterAll(async () => {
  await server?.close()
})
beforeEach(async (context) => {
  scratch = await mkdtemp(join(tmpdir(), 'sagepack-runs-e2e-'))
  context.onTestFinished(() => rm(scratch, { recursive: true, force: true }))
  runsRoot = join(scratch, 'runs')
  await writeRunFolder(runsRoot, 'iris', RUN)
  for (const [name, value] of Object.entries(server.env)) vi.stubEnv(name, value)
  context.onTestFinished(() => {
    vi.unstubAllEnvs()
  })
})

describe('sagepack runs push / pull', () => {
  it('round-trips a run through S3 (the real command, as a child process), identical tree', async () => {
    const store = `s3://${server.bucket}/team`
    const pushed = await sagepack(
      ['runs', 'push', 'iris', RUN, '--runs-dir', runsRoot, '--store', store],
      server.env,
    )
    expect(pushed.code, pushed.stderr).toBe(0)
    expect(pushed.stdout).toMatch(
      new RegExp(
        `^pushed run iris/${RUN} to ${store}/runs/iris/${RUN}\\.tar\\.gz \\(.+ KiB, 19 entries, sha256 [0-9a-f]{12}\\)\\n$`,
      ),
    )
    const elsewhere = join(scratch, 'elsewhere')
    const pulled = await sagepack(
      ['runs', 'pull', 'iris', RUN, '--runs-dir', elsewhere, '--store', store],
      server.env,
    )
    expect(pulled.code, pulled.stderr).toBe(0)
    expect(pulled.stdout).toContain(
      `pulled run iris/${RUN} from ${store}/runs/iris/${RUN}.tar.gz into ${join(elsewhere, 'iris', RUN)}`,
    )
    expect(await treeListing(join(elsewhere, 'iris', RUN))).toEqual(
      await treeListing(join(runsRoot, 'iris', RUN)),
    )
  }, 30_000)

  it('round-trips a run through a file:// store, and a second push uploads nothing', async () => {
    const store = pathToFileURL(join(scratch, 'store')).href
    const pushed = await run('runs', 'push', 'iris', RUN, '--runs-dir', runsRoot, '--store', store)
    expect(pushed.code, pushed.stderr).toBe(0)
    expect(await readdir(join(scratch, 'store', 'runs', 'iris'))).toEqual([
      `.${RUN}.tar.gz.sha256`,
      `${RUN}.tar.gz`,
    ])
    const again = await run('runs', 'push', 'iris', RUN, '--runs-dir', runsRoot, '--store', store)
    expect(again.stdout).toMatch(
      new RegExp(
        `^run iris/${RUN} is already in ${store}/runs/iris/${RUN}\\.tar\\.gz .*; nothing uploaded\\n$`,
      ),
    )

    const elsewhere = join(scratch, 'elsewhere')
    const pulled = await run('runs', 'pull', 'iris', RUN, '--runs-dir', elsewhere, '--store', store)
    expect(pulled.code, pulled.stderr).toBe(0)
    expect(await treeListing(join(elsewhere, 'iris', RUN))).toEqual(
      await treeListing(join(runsRoot, 'iris', RUN)),
    )
  })

  it('refuses to pull over an existing run folder, with exit code 2', async () => {
    const store = `s3://${server.bucket}/refuse`
    expect((await run('runs', 'push', 'iris', RUN, '--runs-dir', runsRoot, '--store', store)).code).toBe(0)
    server.reset()
    const pulled = await run('runs', 'pull', 'iris', RUN, '--runs-dir', runsRoot, '--store', store)
    expect(pulled.code).toBe(2)
    expect(pulled.stderr).toBe(
      [
        `error: ${join(runsRoot, 'iris', RUN)}: already exists, and runs are never overwritten`,
        '  fix: move or delete that folder first, or pull into another folder with --runs-dir',
        '',
      ].join('\n'),
    )
    expect(server.requests).toEqual([])
  })

  it('says which runs the store holds when the one asked for is missing, with exit code 2', async () => {
    const store = `s3://${server.bucket}/missing`
    expect((await run('runs', 'push', 'iris', RUN, '--runs-dir', runsRoot, '--store', store)).code).toBe(0)
    const pulled = await run(
      'runs',
      'pull',
      'iris',
      '20990101-000000-0000',
      '--runs-dir',
      runsRoot,
      '--store',
      store,
    )
    expect(pulled.code).toBe(2)
    expect(pulled.stderr).toBe(
      [
        `error: run iris/20990101-000000-0000: is not in the artifact store ${store}/`,
        `  expected: one of the runs archived there: ${RUN}`,
        '  fix: push it from the machine that has it (`sagepack runs push iris 20990101-000000-0000`), or check --store and $SAGEPACK_ARTIFACT_STORE',
        '',
      ].join('\n'),
    )
    const none = await run('runs', 'pull', 'wine', RUN, '--runs-dir', runsRoot, '--store', store)
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('expected: no run of wine is archived there yet')
  })

  it('refuses to push a missing or unfinished run, or over different contents without --force', async () => {
    const store = pathToFileURL(join(scratch, 'store')).href
    const missing = await run('runs', 'push', 'iris', 'nope', '--runs-dir', runsRoot, '--store', store)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain(
      `error: run iris/nope: there is no run folder ${join(runsRoot, 'iris', 'nope')}\n  expected: one of: ${RUN}`,
    )

    await writeRunFolder(runsRoot, 'iris', 'busy', 'running')
    const busy = await run('runs', 'push', 'iris', 'busy', '--runs-dir', runsRoot, '--store', store)
    expect(busy.code).toBe(2)
    expect(busy.stderr).toContain('is still running')

    expect((await run('runs', 'push', 'iris', RUN, '--runs-dir', runsRoot, '--store', store)).code).toBe(0)
    await rm(join(runsRoot, 'iris', RUN, 'logs'), { recursive: true })
    const changed = await run('runs', 'push', 'iris', RUN, '--runs-dir', runsRoot, '--store', store)
    expect(changed.code).toBe(2)
    expect(changed.stderr).toContain(
      'already holds an archive of run iris/20261123-164512-3fa2 with other contents',
    )
    const forced = await run('runs', 'push', 'iris', RUN, '--runs-dir', runsRoot, '--store', store, '--force')
    expect(forced.code, forced.stderr).toBe(0)
    expect(forced.stdout).toMatch(/^replaced run iris\//)

    const badName = await run('runs', 'push', 'iris', '../x', '--runs-dir', runsRoot, '--store', store)
    expect(badName.code).toBe(2)
    expect(badName.stderr).toContain('error: run "../x": is not a run id')
  })

  it('documents push and pull with examples', async () => {
    const help = await run('runs', 'push', '--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage: sagepack runs push [options] <model> <run>')
    expect(help.stdout).toContain('--store <uri>')
    expect(help.stdout).toContain(
      '$ sagepack runs push iris 20261123-164512-3fa2 --store s3://my-artifacts/sagepack/',
    )
    expect((await run('runs', '--help')).stdout).toMatch(/push \[options\] <model> <run>\s+upload runs/)
  })
})
