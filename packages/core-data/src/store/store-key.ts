// The rule for keys in a file:// store: relative POSIX paths that stay inside the store's folder and
// never name the hidden files the store keeps beside each object (its recorded digest, temp files).
import { UserError } from '../errors/user-error'

/** Throws a UserError when `key` cannot name an object in a folder-backed store. */
export function checkFolderStoreKey(key: string, root: string): void {
  const problem = folderKeyProblem(key)
  if (problem) {
    throw new UserError({
      input: `key ${JSON.stringify(key)} in ${root}`,
      problem: `cannot name an object: ${problem}`,
      expected: 'a relative path of plain names separated by /, e.g. iris/<sha256>/model.tar.gz',
    })
  }
}

function folderKeyProblem(key: string): string | undefined {
  if (key === '') return 'it is empty'
  if (key.includes('\0')) return 'it contains a NUL byte'
  if (key.includes('\\')) return 'it contains a backslash'
  if (key.startsWith('/')) return 'it starts with /'
  for (const segment of key.split('/')) {
    if (segment === '') return 'it has an empty segment (// or a trailing /)'
    if (segment === '.' || segment === '..') return `it has a ${segment} segment`
    if (segment.startsWith('.'))
      return `the name ${JSON.stringify(segment)} starts with '.', which the store keeps for itself`
  }
  return undefined
}

/** Throws a UserError for a key no store accepts (S3 takes any other non-empty key). */
export function checkObjectKey(key: string, root: string): void {
  if (key === '' || key.endsWith('/')) {
    throw new UserError({
      input: `key ${JSON.stringify(key)} in ${root}`,
      problem: key === '' ? 'cannot name an object: it is empty' : 'cannot name an object: it ends with /',
      expected: 'an object key such as iris/<sha256>/model.tar.gz',
    })
  }
}

/** S3's listing order (UTF-8 bytes), so both stores list the same keys in the same order. */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}
