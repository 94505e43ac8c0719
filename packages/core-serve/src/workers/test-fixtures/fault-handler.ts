// Test fixture: a handler module (plain JS, as code/inference.mjs) that takes down its worker thread
// when a request carries a marker row `{ fault }`: `exit` calls process.exit in the hook, `throw`
// throws from a callback while the hook waits, `tick` returns normally but throws from a callback
// that runs while the batch shares its predict call (so the worker cannot tell whose it was), and
// `hang` loops forever. It has no predict hook of its own, so requests that queue up together share
// one predict call: a fault hits the whole batch, as it would in production. Its load fails while a
// file named \`refuse-loads\` sits in the model folder, for a model that stops loading after it once did.
export const FAULT_HANDLER = `
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export default {
  async load(context) {
    if (existsSync(join(context.modelDir, 'refuse-loads'))) throw new Error('the weights are unreadable')
    const preprocessor = context.preprocessor
    return { predictor: await context.loadPredictor(), preprocessor, classes: preprocessor.classes(), config: context.config }
  },
  preprocess(rows, model) {
    const fault = rows.find((row) => typeof row.fault === 'string')?.fault
    if (fault === 'exit') process.exit(7)
    if (fault === 'throw') {
      return new Promise(() => setImmediate(() => { throw new Error('the fault bundle threw from a callback') }))
    }
    if (fault === 'tick') process.nextTick(() => { throw new Error('the fault bundle threw from a later callback') })
    if (fault === 'hang') for (;;) {}
    return model.preprocessor.transform(rows.map(({ fault, ...row }) => row))
  },
}
`

/** The JSON body of one request: a normal iris row, or one that carries a fault marker. */
export type Fault = 'exit' | 'throw' | 'tick' | 'hang'

export function faultBody(fault?: Fault): string {
  const row = { sepal_length: 5.0, sepal_width: 3.4, petal_length: 1.5, petal_width: 0.2 }
  return JSON.stringify({ instances: [fault ? { ...row, fault } : row] })
}
