// The naive baseline a model must beat: for a classifier, the class shares of the training split as
// every row's probabilities (so it predicts the majority class); for a regressor, the training split's
// mean. Scored on the same test rows with the same metrics as the model.
import { type ClassScores, classScores, type RegressionScores, type Scores } from '../metrics/scored-rows'

export interface NaiveBaseline {
  /** What it predicts, in words: `always "setosa" (34% of train)`, `always 23.4`. */
  description: string
  scores: Scores
}

export function naiveBaseline(test: Scores, train: Scores): NaiveBaseline {
  if (test.task === 'classification' && train.task === 'classification') return classPrior(test, train)
  if (test.task === 'regression' && train.task === 'regression') return meanPredictor(test, train)
  throw new TypeError('naiveBaseline: the train and test predictions are of different tasks')
}

function classPrior(test: ClassScores, train: ClassScores): NaiveBaseline {
  const k = test.classes.length
  const counts = new Array<number>(k).fill(0)
  for (const truth of train.truth) counts[truth] = (counts[truth] as number) + 1
  const shares = counts.map((count) => count / train.truth.length)
  const probabilities = new Float64Array(test.truth.length * k)
  for (let row = 0; row < test.truth.length; row++) probabilities.set(shares, row * k)
  const scores = classScores(test.classes, test.truth, probabilities)
  const majority = scores.predicted[0] ?? 0
  const share = shares[majority] ?? 0
  return {
    description: `always "${test.classes[majority]}", with the training split's class shares as probabilities (${(share * 100).toFixed(1)}% for it)`,
    scores,
  }
}

function meanPredictor(test: RegressionScores, train: RegressionScores): NaiveBaseline {
  const mean = train.truth.reduce((a, b) => a + b, 0) / train.truth.length
  return {
    description: `always ${Number(mean.toPrecision(4))}, the training split's mean`,
    scores: {
      task: 'regression',
      truth: test.truth,
      predicted: new Float64Array(test.truth.length).fill(mean),
    },
  }
}
