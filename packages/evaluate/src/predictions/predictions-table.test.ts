import { describe, expect, it } from 'vitest'
import { parsePredictionsCsv } from './predictions-table'

describe('a split predictions file', () => {
  it('reads a classifier file: truth index, probabilities, argmax and where each row came from', () => {
    const table = parsePredictionsCsv(
      'source,line,species,predicted,p_setosa,p_versicolor\niris.csv,82,versicolor,versicolor,0.25,0.75\niris.csv,9,setosa,setosa,0.5,0.5\n',
      'test-predictions.csv',
    )
    expect(table.label).toBe('species')
    expect(table.sources).toEqual([
      { source: 'iris.csv', line: 82 },
      { source: 'iris.csv', line: 9 },
    ])
    expect(table.scores).toMatchObject({ task: 'classification', classes: ['setosa', 'versicolor'] })
    if (table.scores.task !== 'classification') throw new Error('not a classifier')
    expect(Array.from(table.scores.truth)).toEqual([1, 0])
    expect(Array.from(table.scores.probabilities)).toEqual([0.25, 0.75, 0.5, 0.5])
    // A tie goes to the first class, as the model's argmax does.
    expect(Array.from(table.scores.predicted)).toEqual([1, 0])
  })

  it('reads a regressor file', () => {
    const table = parsePredictionsCsv('source,line,mpg,predicted\ncars.csv,3,18,17.5\n', 'f.csv')
    expect(table.scores).toEqual({
      task: 'regression',
      truth: Float64Array.from([18]),
      predicted: Float64Array.from([17.5]),
    })
  })

  it.each([
    ['label,prediction\nsetosa,setosa\n', 'f.csv: has the header ["label","prediction"]'],
    ['source,line,species,predicted,p_a,p_b\n', 'f.csv: has no rows'],
    ['source,line,species,predicted,p_a,p_b\nx.csv,2,c,a,0.5,0.5\n', 'f.csv:2, column species: holds "c"'],
    ['source,line,mpg,predicted\nx.csv,2,18,\n', 'f.csv:2, column predicted: holds ""'],
  ])('refuses %j, naming the file, row and column', (text, message) => {
    expect(() => parsePredictionsCsv(text, 'f.csv')).toThrow(message)
  })
})
