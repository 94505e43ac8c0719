import { describe, expect, it } from 'vitest'
import { formatMetricLine, formatMetricValue, metricDefinitions } from './metric-line-format'
import { metricLines } from './metric-lines'

/** SageMaker reads the first capture group of the first match in a log line. */
function extract(regex: string, line: string): number | undefined {
  const match = new RegExp(regex).exec(line)
  return match?.[1] === undefined ? undefined : Number(match[1])
}

describe('formatMetricLine', () => {
  it('writes the fixed key=value format with up to 6 significant digits', () => {
    expect(
      formatMetricLine({
        epoch: 3,
        train_loss: 0.412341234,
        train_accuracy: 0.9,
        val_loss: 0.5,
        val_accuracy: 0.93,
      }),
    ).toBe('epoch=3 train_loss=0.412341 train_accuracy=0.9 val_loss=0.5 val_accuracy=0.93')
  })

  it('formats awkward numbers', () => {
    expect(formatMetricValue(Number.NaN)).toBe('NaN')
    expect(formatMetricValue(Number.POSITIVE_INFINITY)).toBe('Infinity')
    expect(formatMetricValue(1234567.89)).toBe('1234570')
    expect(formatMetricValue(-0.000001234567)).toBe('-0.00000123457')
    expect(formatMetricValue(1.5e-7)).toBe('1.5e-7')
    expect(formatMetricValue(2.5e21)).toBe('2.5e+21')
  })

  it('refuses names and values that would make the line ambiguous', () => {
    expect(() => formatMetricLine({ 'val loss': 1 })).toThrow(/metric name "val loss"/)
    expect(() => formatMetricLine({ note: 'a=b' })).toThrow(/without spaces/)
  })
})

describe('metricDefinitions', () => {
  const names = ['epoch', 'loss', 'train_loss', 'val_loss', 'train_accuracy', 'val_accuracy']
  const definitions = metricDefinitions(names)
  const regexOf = (name: string) => definitions.find((d) => d.Name === name)?.Regex ?? ''

  it('extracts each value from a metric line', () => {
    const line = formatMetricLine({
      epoch: 12,
      train_loss: 0.0412345678,
      train_accuracy: 0.9,
      val_loss: 1.5e-7,
      val_accuracy: -0.25,
    })
    expect(extract(regexOf('epoch'), line)).toBe(12)
    expect(extract(regexOf('train_loss'), line)).toBe(0.0412346)
    expect(extract(regexOf('train_accuracy'), line)).toBe(0.9)
    expect(extract(regexOf('val_loss'), line)).toBe(1.5e-7)
    expect(extract(regexOf('val_accuracy'), line)).toBe(-0.25)
  })

  it('does not match a longer name that shares the suffix', () => {
    const line = 'epoch=1 train_loss=0.5 val_loss=0.7'
    expect(extract(regexOf('loss'), line)).toBeUndefined()
    expect(extract(regexOf('loss'), 'loss=0.25 train_loss=0.5')).toBe(0.25)
    expect(extract(regexOf('loss'), 'epoch=1 loss=0.25')).toBe(0.25)
  })

  it('captures NaN and large exponents whole', () => {
    const line = formatMetricLine({ epoch: 2, train_loss: Number.NaN, val_loss: 2.5e21 })
    expect(new RegExp(regexOf('train_loss')).exec(line)?.[1]).toBe('NaN')
    expect(new RegExp(regexOf('val_loss')).exec(line)?.[1]).toBe('2.5e+21')
  })

  it('gives SageMaker-shaped definitions with escaped names', () => {
    expect(metricDefinitions(['validation:accuracy'])[0]?.Name).toBe('validation:accuracy')
    const dotted = metricDefinitions(['f1.macro'])[0]?.Regex ?? ''
    expect(extract(dotted, 'f1.macro=0.5')).toBe(0.5)
    expect(extract(dotted, 'f1xmacro=0.5')).toBeUndefined()
    for (const { Regex } of definitions) expect(Regex.length).toBeLessThanOrEqual(500)
  })
})

describe('metricLines', () => {
  it('writes one line per epoch, skipping absent metrics', () => {
    const lines: string[] = []
    const callback = metricLines({ write: (line) => lines.push(line) })
    callback.onEpochEnd?.({ epoch: 1, train_loss: 0.5, val_loss: undefined }, { stop: () => {} })
    callback.onEpochEnd?.({ epoch: 2, train_loss: 0.25, train_accuracy: 0.75 }, { stop: () => {} })
    expect(lines).toEqual(['epoch=1 train_loss=0.5', 'epoch=2 train_loss=0.25 train_accuracy=0.75'])
  })
})
