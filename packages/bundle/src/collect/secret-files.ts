// Files that look like credentials, which must never ride along into a bundle (and from there into S3
// and every endpoint): recognized by name, and for .npmrc by an auth token inside.
import { readFile } from 'node:fs/promises'

/** Directories whose whole content is credentials. */
const SECRET_DIRECTORIES = new Map([
  ['.aws', 'AWS keeps credentials and config there'],
  ['.ssh', 'SSH keeps private keys there'],
])

const SECRET_NAMES: Array<[RegExp, string]> = [
  [/^\.env$|^\.env\./, 'environment files usually hold credentials'],
  [/\.(pem|key|p12|pfx)$/, 'it looks like a private key or certificate'],
  [/^id_(rsa|dsa|ecdsa|ed25519)/, 'it looks like an SSH private key'],
  [/^credentials$/, 'it looks like a credentials file (as in ~/.aws/credentials)'],
  [/^\.netrc$/, '.netrc files hold login passwords'],
]

/** npm auth settings: `_authToken`, `_auth`, `_password`, bare or scoped to a registry (`//host/:_authToken=`). */
const NPMRC_AUTH = /^\s*[^#;\s][^=]*(_authToken|_auth|_password)\s*=/m

/** Why a directory (path relative to the folder) looks like it holds secrets, or undefined. */
export function secretDirectoryReason(path: string): string | undefined {
  return SECRET_DIRECTORIES.get(baseName(path))
}

/** Why a file looks like a secret from its path alone, or undefined. */
export function secretNameReason(path: string): string | undefined {
  for (const segment of path.split('/').slice(0, -1)) {
    const reason = SECRET_DIRECTORIES.get(segment)
    if (reason) return `it is inside ${segment}/, and ${reason}`
  }
  const name = baseName(path)
  return SECRET_NAMES.find(([pattern]) => pattern.test(name))?.[1]
}

/** Why a file looks like a secret from its path or content, or undefined; reads only .npmrc files. */
export async function secretFileReason(path: string, sourcePath: string): Promise<string | undefined> {
  const byName = secretNameReason(path)
  if (byName) return byName
  if (baseName(path) === '.npmrc' && NPMRC_AUTH.test(await readFile(sourcePath, 'utf8'))) {
    return 'it is an .npmrc with an auth token'
  }
  return undefined
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}
