// A model folder's line in .github/CODEOWNERS: added to the model section with the model lines kept
// sorted and the owners in the file's column, once (a line already giving the folder to the team is
// kept as it is; one giving it to another owner is an error, not a silent second line).
import { UserError } from '@sagepack/core-data'

export const CODEOWNERS_FILE = '.github/CODEOWNERS'

interface Rule {
  index: number
  path: string
  owners: string[]
  /** Where the first owner starts on the line. */
  ownersColumn: number
}

export function modelOwnerPath(name: string): string {
  return `/models/${name}/`
}

/** The CODEOWNERS text with the model's line; `text` itself when the line is already there. */
export function withModelOwner(text: string, name: string, team: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const lines = text === '' ? [] : text.replace(/\r?\n$/, '').split(/\r?\n/)
  const rules = lines.flatMap((line, index) => parseRule(line, index) ?? [])
  const path = modelOwnerPath(name)

  const existing = rules.find((rule) => normalizedPath(rule.path) === normalizedPath(path))
  if (existing) {
    if (existing.owners.some((owner) => owner.toLowerCase() === team.toLowerCase())) return text
    throw new UserError({
      input: `${CODEOWNERS_FILE}:${existing.index + 1}`,
      problem: `already gives ${existing.path} to ${existing.owners.join(' ') || 'nobody'}`,
      expected: `no line for ${path} yet, or one naming ${team}`,
      fix: `pass --team ${existing.owners[0] ?? team}, or change that line in ${CODEOWNERS_FILE} first`,
    })
  }

  const section = lastModelSection(rules)
  const column = section[0]?.ownersColumn ?? rules.at(-1)?.ownersColumn ?? 0
  const line = `${path.padEnd(Math.max(column, path.length + 1))}${team}`
  if (section.length === 0) return [...lines, line, ''].join(eol)

  // The section is rewritten sorted by folder (so "demo" comes before "demo-2"), which also puts
  // hand-added lines that are out of order in place.
  const sorted = [
    ...section.map((rule) => ({ path: rule.path, line: lines[rule.index] as string })),
    { path, line },
  ]
    .sort((a, b) => compareFolders(normalizedPath(a.path), normalizedPath(b.path)))
    .map((entry) => entry.line)
  const first = (section[0] as Rule).index
  return [...lines.slice(0, first), ...sorted, ...lines.slice(first + section.length), ''].join(eol)
}

function parseRule(line: string, index: number): Rule | null {
  const match = /^(\S+)(\s+)(.*)$/.exec(line) ?? /^(\S+)()()$/.exec(line)
  if (!match || line.startsWith('#')) return null
  const [, path = '', gap = '', rest = ''] = match
  const owners = rest
    .replace(/(^|\s)#.*$/, '')
    .split(/\s+/)
    .filter(Boolean)
  return { index, path, owners, ownersColumn: path.length + gap.length }
}

/** The last run of consecutive model folder lines: where the model lines are kept. */
function lastModelSection(rules: Rule[]): Rule[] {
  const modelRules = rules.filter((rule) => /^\/?models\/[^/]+\/?$/.test(rule.path))
  const section: Rule[] = []
  for (const rule of modelRules.reverse()) {
    if (section.length > 0 && rule.index !== (section[0] as Rule).index - 1) break
    section.unshift(rule)
  }
  return section
}

function compareFolders(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function normalizedPath(path: string): string {
  return path.replace(/^\//, '').replace(/\/(\*\*)?$/, '')
}
