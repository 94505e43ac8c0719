// `.bundleignore`: which files of a folder stay out of its bundle, in the subset of .gitignore syntax
// people actually write, so the rules read the same as the .gitignore next to them.
//
//   # comment            blank lines and lines starting with # are skipped
//   *.log                no slash: matches the name at any depth
//   logs/                trailing slash: directories only (and so everything inside them)
//   /scratch.txt         a slash at the start or in the middle: relative to the folder being bundled
//   data/**/tmp, a/**    ** spans any number of directories
//   ?  [abc]  [!abc]     one character, one of a set, one not in a set
//   !keep.log            re-includes what an earlier rule excluded; the last matching rule wins
//   \#name  \!name       a literal # or ! at the start
//
// As in git, a file inside an excluded directory cannot be re-included: the directory is never read.
import { readFile } from 'node:fs/promises'

export interface BundleIgnore {
  /** Whether a path relative to the folder (POSIX, no leading slash) is left out. */
  ignores: (path: string, isDirectory: boolean) => boolean
}

interface Rule {
  negated: boolean
  directoryOnly: boolean
  pattern: RegExp
}

/** The rules of a .bundleignore file; a missing file leaves nothing out. */
export async function loadBundleIgnore(path: string | undefined): Promise<BundleIgnore> {
  if (path === undefined) return parseBundleIgnore('')
  try {
    return parseBundleIgnore(await readFile(path, 'utf8'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return parseBundleIgnore('')
    throw error
  }
}

export function parseBundleIgnore(text: string): BundleIgnore {
  const rules = text
    .split(/\r?\n/)
    .map(parseRule)
    .filter((rule): rule is Rule => rule !== undefined)
  return {
    ignores: (path, isDirectory) => {
      let ignored = false
      for (const rule of rules) {
        if (rule.directoryOnly && !isDirectory) continue
        if (rule.pattern.test(path)) ignored = !rule.negated
      }
      return ignored
    },
  }
}

function parseRule(line: string): Rule | undefined {
  let text = line.replace(/\s+$/, '')
  if (text === '' || text.startsWith('#')) return undefined
  const negated = text.startsWith('!')
  if (negated) text = text.slice(1)
  if (text.startsWith('\\#') || text.startsWith('\\!')) text = text.slice(1)
  const directoryOnly = text.endsWith('/')
  if (directoryOnly) text = text.replace(/\/+$/, '')
  if (text === '') return undefined
  const anchored = text.includes('/')
  const body = globToRegExp(text.replace(/^\/+/, ''))
  return { negated, directoryOnly, pattern: new RegExp(anchored ? `^${body}$` : `^(?:.*/)?${body}$`) }
}

/** A glob over `/`-separated segments as a RegExp source. */
function globToRegExp(glob: string): string {
  const segments = glob.split('/')
  return segments
    .map((segment, i) => {
      const last = i === segments.length - 1
      if (segment === '**') return last ? '.*' : '(?:[^/]+/)*'
      return segmentToRegExp(segment) + (last ? '' : '/')
    })
    .join('')
}

function segmentToRegExp(segment: string): string {
  let out = ''
  for (let i = 0; i < segment.length; i++) {
    const char = segment[i] as string
    if (char === '*') out += '[^/]*'
    else if (char === '?') out += '[^/]'
    else if (char === '[') {
      const end = segment.indexOf(']', i + 2)
      if (end === -1) {
        out += '\\['
        continue
      }
      const inside = segment.slice(i + 1, end)
      const negated = inside.startsWith('!') || inside.startsWith('^')
      const members = (negated ? inside.slice(1) : inside).replace(/[\\\]^]/g, '\\$&')
      out += `[${negated ? '^/' : ''}${members}]`
      i = end
    } else out += char.replace(/[.+^${}()|\\]/g, '\\$&')
  }
  return out
}
