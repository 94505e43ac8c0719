// Test support: temp folders, and the three real readers a bundle must satisfy (GNU tar, Python's
// tarfile, node-tar), driven the way people and SageMaker run them.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { extract } from 'tar'
import { onTestFinished } from 'vitest'

/** A fresh temp folder, removed when the current test finishes. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sagepack-bundle-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

export function python(script: string, ...args: string[]): string {
  return execFileSync('python3', ['-c', script, ...args], { encoding: 'utf8' })
}

export interface PythonMember {
  name: string
  size: number
  mode: number
  uid: number
  gid: number
  uname: string
  gname: string
  mtime: number
  type: string
}

/** Every member as Python's tarfile reads it. */
export function pythonMembers(archive: string): PythonMember[] {
  const script = `
import json, sys, tarfile
with tarfile.open(sys.argv[1], mode='r:gz') as tar:
    print(json.dumps([dict(name=m.name, size=m.size, mode=m.mode, uid=m.uid, gid=m.gid, uname=m.uname,
        gname=m.gname, mtime=m.mtime, type=m.type.decode()) for m in tar.getmembers()]))`
  return JSON.parse(python(script, archive)) as PythonMember[]
}

export interface GzipMemberInfo {
  mtime: number
  xfl: number
  os: number
  /** Bytes of the member in the file. */
  compressed: number
  /** Bytes it inflates to. */
  inflated: number
}

/** For each gzip member: its header's MTIME, XFL and OS bytes and its sizes, walking the stream. */
export function gzipMembers(archive: string): GzipMemberInfo[] {
  const script = `
import json, sys, zlib
data = open(sys.argv[1], 'rb').read()
members = []
while data:
    assert data[:4] == b'\\x1f\\x8b\\x08\\x00', data[:4]
    d = zlib.decompressobj(31)
    inflated = len(d.decompress(data))
    assert d.eof
    members.append(dict(mtime=int.from_bytes(data[4:8], 'little'), xfl=data[8], os=data[9],
        compressed=len(data) - len(d.unused_data), inflated=inflated))
    data = d.unused_data
print(json.dumps(members))`
  return JSON.parse(python(script, archive)) as GzipMemberInfo[]
}

export function gnuTarListing(archive: string): string {
  return execFileSync('tar', ['-tvzf', archive], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } })
}

export type Reader = 'gnu-tar' | 'python' | 'node-tar'

export async function extractWith(reader: Reader, archive: string, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true })
  if (reader === 'gnu-tar') execFileSync('tar', ['-xzf', archive, '-C', dir])
  else if (reader === 'python') {
    python(
      `import sys, tarfile
with tarfile.open(sys.argv[1], mode='r:gz') as tar:
    tar.extractall(sys.argv[2], filter='data')`,
      archive,
      dir,
    )
  } else await extract({ file: archive, cwd: dir, strict: true })
}

/** `path sha256 mode` for every file under `dir`, sorted: two trees are equal when these are. */
export function treeDigests(dir: string): string[] {
  const lines: string[] = []
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(dir, relative), { withFileTypes: true })) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`
      if (entry.isDirectory()) walk(path)
      else {
        const full = join(dir, path)
        const sha256 = createHash('sha256').update(readFileSync(full)).digest('hex')
        lines.push(`${path} ${sha256} ${(statSync(full).mode & 0o777).toString(8)}`)
      }
    }
  }
  walk('')
  return lines.sort()
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}
