// Test fixture: a handler module (plain JS, as code/inference.mjs) whose predict obeys the request's
// custom attributes, so pool tests can make a worker busy, slow or crash, and see which thread ran.
export const POOL_HANDLER = `
import { threadId } from 'node:worker_threads'

export default {
  async predict(features, rows, model, context) {
    const command = context.customAttributes ?? ''
    context.responseAttributes = 'thread=' + threadId
    if (command.startsWith('busy:')) {
      const end = Date.now() + Number(command.slice(5))
      while (Date.now() < end) {}
    }
    if (command.startsWith('sleep:')) await new Promise((resolve) => setTimeout(resolve, Number(command.slice(6))))
    if (command === 'crash') {
      setImmediate(() => {
        throw new Error('the worker blew up')
      })
      return new Promise(() => {})
    }
    return model.predictor.run(features, rows)
  },
}
`
