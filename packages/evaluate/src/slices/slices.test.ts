import { isUserError } from '@sagepack/core-data'
import { describe, expect, it } from 'vitest'
import { headlineScorer } from '../metrics/headline-scorer'
import { metricInfo } from '../metrics/metric-catalog'
import { classScores } from '../metrics/scored-rows'
import { binLabel, cutSlices, MISSING_VALUE } from './cut-slices'
import { scoreSliceGroups } from './score-slices'
import { sliceDefinitions } from './slice-definitions'

describe('slice definitions', () => {
  it('titles each slice and refuses a column the data does not have, naming the ones it has', () => {
    const columns = ['text', 'label', 'html']
    expect(
      sliceDefinitions(
        [
          { column: 'text', derive: 'length', bins: [200] },
          { column: 'html', name: 'HTML mail' },
        ],
        columns,
        { model: 'spam' },
      ),
    ).toEqual([
      { title: 'text length in characters', column: 'text', derive: 'length', bins: [200] },
      { title: 'HTML mail', column: 'html' },
    ])
    let error: unknown
    try {
      sliceDefinitions([{ column: 'origin' }, { column: 'colour' }], ['origin', 'mpg'], { model: 'car-mpg' })
    } catch (caught) {
      error = caught
    }
    expect(isUserError(error)).toBe(true)
    expect((error as Error).message).toBe(
      [
        'models/car-mpg/config.ts, evaluate.slices[1].column: names the column "colour", which the run\'s data does not have',
        '  expected: one of its columns: origin, mpg',
        '  fix: correct the column name, or remove the slice (`sagepack config car-mpg` shows evaluate.slices)',
      ].join('\n'),
    )
  })
})

describe('cutting the test rows', () => {
  it('groups by value, numbers ascending, missing last', () => {
    const cells = ['8', '4', '6', '4', '', '8', '10']
    const groups = cutSlices({ title: 'cylinders', column: 'cylinders' }, cells.length, (row) => cells[row])
    expect(groups).toEqual([
      { value: '4', rows: [1, 3] },
      { value: '6', rows: [2] },
      { value: '8', rows: [0, 5] },
      { value: '10', rows: [6] },
      { value: MISSING_VALUE, rows: [4] },
    ])
  })

  it('bins numbers (cut points go to the upper bin) and derived text measures', () => {
    const weights = [2499, 2500, 3600, 3499.9, 'n/a']
    expect(cutSlices({ title: 'w', column: 'weight', bins: [2500, 3500] }, 5, (row) => weights[row])).toEqual(
      [
        { value: '< 2500', rows: [0] },
        { value: '2500 to < 3500', rows: [1, 3] },
        { value: '>= 3500', rows: [2] },
        { value: MISSING_VALUE, rows: [4] },
      ],
    )
    const texts = ['short', 'a much longer message here', 'two words']
    expect(
      cutSlices({ title: 't', column: 'text', derive: 'words', bins: [3] }, 3, (row) => texts[row]),
    ).toEqual([
      { value: '< 3', rows: [0, 2] },
      { value: '>= 3', rows: [1] },
    ])
    expect(binLabel([200, 500], 1)).toBe('200 to < 500')
  })
})

describe('scoring slices', () => {
  // Six rows: the first three all right, the last three all wrong.
  const scores = classScores(
    ['n', 'y'],
    Int32Array.from([0, 1, 0, 0, 1, 1]),
    Float64Array.from([0.9, 0.1, 0.2, 0.8, 0.7, 0.3, 0.4, 0.6, 0.8, 0.2, 0.9, 0.1]),
  )
  const scorer = headlineScorer(scores)
  const settings = {
    metric: metricInfo('classification', 'accuracy') as NonNullable<ReturnType<typeof metricInfo>>,
    margin: 0.1,
    minRows: 3,
    bootstrap: { resamples: 100, seed: 1 },
  }

  it('scores each group, and flags one worse than the whole by more than the margin', () => {
    const groups = scoreSliceGroups(
      scorer,
      [
        { value: 'good', rows: [0, 1, 2] },
        { value: 'bad', rows: [3, 4, 5] },
      ],
      scorer.score(),
      settings,
    )
    expect(groups.map((g) => [g.value, g.count, g.metrics.accuracy, g.gap, g.flagged])).toEqual([
      ['good', 3, 1, -0.5, false],
      ['bad', 3, 0, 0.5, true],
    ])
    expect(groups[1]?.intervals.accuracy).toEqual([0, 0])
  })

  it('never flags a group smaller than the minimum, however bad', () => {
    const groups = scoreSliceGroups(scorer, [{ value: 'tiny', rows: [3, 4] }], scorer.score(), settings)
    expect(groups[0]?.gap).toBe(0.5)
    expect(groups[0]?.flagged).toBe(false)
  })
})
