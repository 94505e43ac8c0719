import { describe, expect, it } from 'vitest'
import { parseBundleIgnore } from './bundle-ignore'

describe('parseBundleIgnore', () => {
  const rules = parseBundleIgnore(
    [
      '# scratch files',
      '',
      '*.log',
      '!keep.log',
      'tmp/',
      '/top-only.txt',
      'data/**/cache',
      'notes/**',
      'ckpt-[0-9].bin',
      'draft?.md   ',
      '\\#literal',
    ].join('\n'),
  )
  const cases: Array<[string, boolean, boolean]> = [
    ['train.log', false, true],
    ['deep/dir/train.log', false, true],
    ['keep.log', false, false],
    ['deep/keep.log', false, false],
    ['tmp', true, true],
    ['a/tmp', true, true],
    ['tmp', false, false], // a file named tmp: the rule is for directories
    ['top-only.txt', false, true],
    ['sub/top-only.txt', false, false],
    ['data/cache', true, true],
    ['data/x/y/cache', true, true],
    ['other/cache', true, false],
    ['notes/a/b.txt', false, true],
    ['notes', true, false],
    ['ckpt-3.bin', false, true],
    ['ckpt-x.bin', false, false],
    ['draft1.md', false, true],
    ['draft12.md', false, false],
    ['#literal', false, true],
    ['model.onnx', false, false],
  ]
  it.each(cases)('%s (directory: %s) ignored: %s', (path, isDirectory, ignored) => {
    expect(rules.ignores(path, isDirectory)).toBe(ignored)
  })

  it('lets the last matching rule win', () => {
    const later = parseBundleIgnore('!a.txt\n*.txt')
    expect(later.ignores('a.txt', false)).toBe(true)
  })

  it('keeps * and ? within one path segment', () => {
    const rules = parseBundleIgnore('/a*b\n/c?d\n/e[!x]f')
    expect(rules.ignores('a/b', false)).toBe(false)
    expect(rules.ignores('axxb', false)).toBe(true)
    expect(rules.ignores('c/d', false)).toBe(false)
    expect(rules.ignores('e/f', false)).toBe(false)
    expect(rules.ignores('eyf', false)).toBe(true)
  })
})
