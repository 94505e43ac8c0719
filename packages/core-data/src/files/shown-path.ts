// Paths as a user typed them: relative to the current folder when under it, absolute otherwise.
import { relative } from 'node:path'

export function shownPath(path: string): string {
  const shown = relative(process.cwd(), path)
  return shown === '' ? '.' : shown.startsWith('..') ? path : shown
}
