// The spam inference handler: the runtime's defaults load the ONNX model and the fitted
// preprocessor. Each request row's text is put in the form the training data has (whitespace
// collapsed, cut within MAX_TEXT_CHARS) before the bag of words, and each answer says ham or spam
// with the probability of spam, the number a mail filter thresholds, and the probability of each class.
import { defaultPreprocess, defineHandler } from '@sagepack/core-serve'
import { SPAM_CLASSES } from '../train/spam-schema'
import { TEXT_FIELD, withMessageText } from './request-text'

export default defineHandler({
  preprocess(rows, model) {
    const features = model.preprocessor?.featureNames ?? [TEXT_FIELD]
    const column = features.indexOf(TEXT_FIELD)
    return defaultPreprocess(
      rows.map((row, index) => withMessageText(row, index, column, features.length)),
      model,
    )
  },
  postprocess(outputs, rows, model) {
    const classes = model.classes ?? SPAM_CLASSES
    const spam = classes.indexOf('spam')
    if (spam === -1) throw new Error(`the bundle's classes ${JSON.stringify(classes)} have no "spam"`)
    const k = classes.length
    return rows.map((_, row) => {
      const probability = outputs[row * k + spam] as number
      const probabilities: Record<string, number> = {}
      for (let i = 0; i < k; i++) probabilities[classes[i] as string] = outputs[row * k + i] as number
      return { label: probability > 0.5 ? 'spam' : 'ham', spam_probability: probability, probabilities }
    })
  },
})
