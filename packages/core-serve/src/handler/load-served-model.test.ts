import { cp } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  IRIS_CLASSES,
  IRIS_FEATURES,
  IRIS_ROWS,
  removeModelDirs,
  writeModelDir,
} from '../model-dir/test-fixtures/write-model-dir'
import { forwardMlp } from '../predictors/test-fixtures/onnx-mlp'
import type { InvocationContext } from './handler-api'
import { loadServedModel } from './load-served-model'
import { invocationErrorOf } from './test-fixtures/invocation-error-of'

afterAll(removeModelDirs)

const context: InvocationContext = { customAttributes: undefined }

describe('loadServedModel with the default handler', () => {
  it('classifies object rows and array rows in the schema order alike', async () => {
    const { dir, spec, preprocessor } = await writeModelDir()
    const served = await loadServedModel(dir)
    const arrays = IRIS_ROWS.map((row) => IRIS_FEATURES.map((name) => String(row[name])))
    const fromObjects = await served.invoke([...IRIS_ROWS], context)
    const fromArrays = await served.invoke(arrays, context)
    expect(fromArrays).toEqual(fromObjects)
    expect(fromObjects.responseAttributes).toBeUndefined()

    const expected = forwardMlp(spec, preprocessor.transform(IRIS_ROWS), IRIS_ROWS.length)
    fromObjects.predictions.forEach((prediction, row) => {
      const probabilities = Array.from(expected.subarray(row * 3, row * 3 + 3))
      const best = probabilities.indexOf(Math.max(...probabilities))
      expect(prediction).toMatchObject({ label: IRIS_CLASSES[best] })
      const got = (prediction as { probabilities: Record<string, number> }).probabilities
      expect(Object.keys(got)).toEqual([...IRIS_CLASSES])
      for (const [index, name] of IRIS_CLASSES.entries()) {
        expect(got[name]).toBeCloseTo(probabilities[index] as number, 5)
      }
    })
    expect(await served.invoke([], context)).toEqual({ predictions: [] })
    await served.dispose()
  })

  it('answers a regressor with numbers, from a tfjs bundle', async () => {
    const { dir, spec, preprocessor } = await writeModelDir({ format: 'tfjs', task: 'regression' })
    const served = await loadServedModel(dir)
    const { predictions } = await served.invoke([...IRIS_ROWS], context)
    const expected = forwardMlp(spec, preprocessor.transform(IRIS_ROWS), IRIS_ROWS.length)
    expect(predictions).toHaveLength(3)
    for (const [row, value] of predictions.entries()) expect(value).toBeCloseTo(expected[row] as number, 5)
    await served.dispose()
  })

  it('takes arrays of numbers when the bundle has no preprocessor, and lists several outputs', async () => {
    const { dir, spec } = await writeModelDir({ withoutPreprocessor: true })
    const served = await loadServedModel(dir)
    const { predictions } = await served.invoke(
      [
        [0.1, 0.2, 0.3, 0.4],
        ['1', '2', '3', '4'],
      ],
      context,
    )
    const expected = forwardMlp(spec, Float32Array.from([0.1, 0.2, 0.3, 0.4, 1, 2, 3, 4]), 2)
    expect(predictions).toHaveLength(2)
    expect((predictions[1] as number[])[2]).toBeCloseTo(expected[5] as number, 5)
    const error = await invocationErrorOf(served.invoke([[1, 2, 3, 4], { sepal_length: 1 }], context))
    expect(error.status).toBe(400)
    expect(error.message).toMatch(/^row 1 \(counting from 0\): is not an array/)
    expect((await invocationErrorOf(served.invoke([[1, 2, 'x', 4]], context))).message).toMatch(
      /^row 0 \(counting from 0\), value 2 \(counting from 0\): "x" is not a number/,
    )
    await served.dispose()
  })

  it('answers 400 naming the row and field of a value of the wrong type', async () => {
    const { dir } = await writeModelDir()
    const served = await loadServedModel(dir)
    const rows = [IRIS_ROWS[0] ?? {}, { ...IRIS_ROWS[1], petal_width: 'wide' }]
    const error = await invocationErrorOf(served.invoke(rows, context))
    expect(error.status).toBe(400)
    expect(error.message).toMatch(/^row 1 \(counting from 0\), field 'petal_width': /)
    await served.dispose()
  })

  it('answers 400 naming the row when an array row has the wrong number of fields', async () => {
    const { dir } = await writeModelDir()
    const served = await loadServedModel(dir)
    const error = await invocationErrorOf(
      served.invoke(
        [
          [5, 3, 1, 0.2],
          [5, 3, 1],
        ],
        context,
      ),
    )
    expect(error.status).toBe(400)
    expect(error.message).toBe(
      'row 1 (counting from 0): has 3 values\n  expected: 4 values in this order: sepal_length, sepal_width, petal_length, petal_width',
    )
    await served.dispose()
  })

  it('fails at load when the preprocessor and the model come from different runs', async () => {
    const classifier = await writeModelDir()
    const regressor = await writeModelDir({ task: 'regression' })
    await cp(join(classifier.dir, 'preprocessor.json'), join(regressor.dir, 'preprocessor.json'))
    await expect(loadServedModel(regressor.dir)).rejects.toThrow(
      /do not belong together: preprocessor\.json lists 3 classes but the model outputs 1 values per row/,
    )
  })

  it("fails at load when a regressor's preprocessor comes with a classifier's model", async () => {
    const classifier = await writeModelDir()
    const regressor = await writeModelDir({ task: 'regression' })
    await cp(join(regressor.dir, 'preprocessor.json'), join(classifier.dir, 'preprocessor.json'))
    await expect(loadServedModel(classifier.dir)).rejects.toThrow(
      /do not belong together: preprocessor\.json has a numeric label \(one value per row\) but the model outputs 3 values per row/,
    )
  })
})

describe('loadServedModel with a bundled handler module', () => {
  it('uses the hooks it defines and the defaults for the others', async () => {
    const { dir } = await writeModelDir({
      handler: `
        export default {
          async load(context) {
            const predictor = await context.loadPredictor()
            return { predictor, preprocessor: context.preprocessor, classes: context.preprocessor.classes(), config: context.config, unit: 'cm' }
          },
          postprocess(outputs, rows, model, context) {
            context.responseAttributes = 'unit=' + model.unit + ';echo=' + context.customAttributes
            const n = model.classes.length
            return rows.map((_, r) => {
              const probabilities = Array.from(outputs.subarray(r * n, (r + 1) * n))
              return { species: model.classes[probabilities.indexOf(Math.max(...probabilities))], probabilities }
            })
          },
        }
      `,
    })
    const served = await loadServedModel(dir)
    const plain = await loadServedModel((await writeModelDir()).dir)
    const custom = await served.invoke([...IRIS_ROWS], { customAttributes: 'trace=1' })
    const reference = await plain.invoke([...IRIS_ROWS], context)
    expect(custom.responseAttributes).toBe('unit=cm;echo=trace=1')
    custom.predictions.forEach((prediction, row) => {
      const { label, probabilities } = reference.predictions[row] as { label: string; probabilities: object }
      expect(prediction).toEqual({ species: label, probabilities: Object.values(probabilities) })
    })
    await Promise.all([served.dispose(), plain.dispose()])
  })

  it('answers 500 with the message when a hook throws, and keeps the status of a bundled InvocationError', async () => {
    const { dir } = await writeModelDir({
      handler: `
        class InvocationError extends Error {
          constructor(status, message) { super(message); this.name = 'InvocationError'; this.status = status }
        }
        export default {
          preprocess(rows, model) {
            if (rows[0].reject) throw new InvocationError(400, 'rows need an id')
            return model.preprocessor.transform(rows)
          },
          predict() { throw new Error('the accelerator caught fire') },
        }
      `,
    })
    const served = await loadServedModel(dir)
    const failed = await invocationErrorOf(served.invoke([...IRIS_ROWS], context))
    expect([failed.status, failed.message]).toEqual([500, 'predict failed: the accelerator caught fire'])
    // A complete row: the request schema's check runs before the hooks, and would refuse an empty one.
    const rejected = await invocationErrorOf(served.invoke([{ ...IRIS_ROWS[0], reject: true }], context))
    expect([rejected.status, rejected.message]).toEqual([400, 'rows need an id'])
    await served.dispose()
  })

  it('answers 500 when postprocess returns a prediction per row too few', async () => {
    const { dir } = await writeModelDir({ handler: 'export default { postprocess: () => [] }\n' })
    const served = await loadServedModel(dir)
    const error = await invocationErrorOf(served.invoke([...IRIS_ROWS], context))
    expect([error.status, error.message]).toEqual([500, 'postprocess returned 0 predictions for 3 rows'])
    await served.dispose()
  })

  it('names the module when its load hook fails or returns no predictor', async () => {
    const throwing = await writeModelDir({
      handler: "export default { load() { throw new Error('no GPU') } }\n",
    })
    await expect(loadServedModel(throwing.dir)).rejects.toThrow(/code\/inference\.mjs: load failed: no GPU/)
    const empty = await writeModelDir({ handler: 'export default { load: async () => ({}) }\n' })
    await expect(loadServedModel(empty.dir)).rejects.toThrow(/its load hook returned no predictor/)
  })
})

describe('loadHandlerModule through loadServedModel', () => {
  it.each([
    ['export const postprocess = () => []\n', 'it has no default export'],
    ['export default 42\n', 'its default export is number, not a handler'],
    ['export default { postProcess() {} }\n', 'its handler has unknown hooks: postProcess'],
    ["export default { predict: 'fast' }\n", "its hook 'predict' is string, not a function"],
    ["import 'left-out-of-the-bundle'\nexport default {}\n", 'the handler module fails to import'],
  ])('rejects %j: %s', async (source, problem) => {
    const { dir } = await writeModelDir({ handler: source })
    await expect(loadServedModel(dir)).rejects.toThrow(problem)
  })
})
