import { describe, expect, it } from 'vitest'
import { noTimings } from '../handler/stage-timings'
import { serverTimingHeader } from './server-timing'
import {
  addWarningHeaders,
  WARNING_COUNT_HEADER,
  WARNINGS_HEADER,
  warningsHeaderValue,
} from './warning-headers'

describe('serverTimingHeader', () => {
  it('gives the body read, the measured queue wait, and counts what neither accounts for of the round trip as the hop', () => {
    const timings = {
      ...noTimings(),
      queue: 0.3,
      decode: 0.1,
      validate: 0.05,
      preprocess: 0.2,
      predict: 1.5,
      postprocess: 0.1,
      encode: 0.05,
    }
    expect(serverTimingHeader(3.25, { readMs: 0.5, roundTripMs: 2.5 }, timings)).toBe(
      'read;dur=0.500, queue;dur=0.300, hop;dur=0.200, decode;dur=0.100, validate;dur=0.050, preprocess;dur=0.200, predict;dur=1.500, postprocess;dur=0.100, encode;dur=0.050, total;dur=3.250',
    )
    // Clocks of two threads never make a negative wait.
    expect(serverTimingHeader(2, { readMs: 0, roundTripMs: 1 }, timings)).toMatch(
      /^read;dur=0\.000, queue;dur=0\.300, hop;dur=0\.000, /,
    )
  })

  it('gives the total alone when the runner reports no stages', () => {
    expect(serverTimingHeader(1.23456)).toBe('total;dur=1.235')
    expect(serverTimingHeader(1, { readMs: 0, roundTripMs: 1 }, undefined)).toBe('total;dur=1.000')
  })
})

describe('addWarningHeaders', () => {
  it('counts every warning, lists the first ten as ASCII JSON, and adds nothing without warnings', () => {
    const headers: Record<string, string> = {}
    addWarningHeaders(headers, undefined, undefined)
    addWarningHeaders(headers, 0, '[]')
    expect(headers).toEqual({})
    const warnings = Array.from({ length: 12 }, (_, row) => ({ row, field: 'größe', message: '9 ≥ 8' }))
    addWarningHeaders(headers, 250, warningsHeaderValue(warnings))
    expect(headers[WARNING_COUNT_HEADER]).toBe('250')
    const value = headers[WARNINGS_HEADER] as string
    expect(value).toMatch(/^[\x20-\x7e]+$/)
    expect(JSON.parse(value)).toEqual(warnings.slice(0, 10))
  })
})
