import { describe, expect, it } from 'vitest'
import {
  formatCommit,
  formatDelta,
  formatDirty,
  formatDuration,
  formatMetric,
  formatStarted,
} from './format-run-fields'

describe('run fields as the runs table shows them', () => {
  it('formats durations in s, m and h', () => {
    expect([2.421, 59.94, 185, 7800, undefined].map(formatDuration)).toEqual([
      '2.4 s',
      '59.9 s',
      '3m 05s',
      '2h 10m',
      '-',
    ])
  })

  it('formats metrics to four decimals and deltas with their sign', () => {
    expect([0.979381, 1, 0, 1.2e-7, 2.5e6, undefined].map(formatMetric)).toEqual([
      '0.9794',
      '1.0000',
      '0.0000',
      '1.200e-7',
      '2.500e+6',
      '-',
    ])
    expect(formatDelta(1, 0.9667)).toBe('-0.0333')
    expect(formatDelta(0.0065, 0.0168)).toBe('+0.0103')
    expect(formatDelta(1, 1)).toBe('same')
    expect(formatDelta(undefined, 1)).toBe('-')
  })

  it('shows the start in UTC to the minute, the short commit and the dirty flag', () => {
    expect(formatStarted('2026-12-02T14:18:11.630Z')).toBe('2026-12-02 14:18')
    expect(formatStarted(undefined)).toBe('-')
    const git = { commit: '29423b69f9d32cc61f83710f1301915c957409c9', dirty: true }
    expect([formatCommit(git), formatDirty(git)]).toEqual(['29423b6', 'yes'])
    expect([
      formatCommit({ commit: null, dirty: false }),
      formatDirty({ commit: null, dirty: false }),
    ]).toEqual(['-', '-'])
  })
})
