// The model floor: the thread-hop floor's worker doing the work no design can skip for this model and
// this answer: JSON.parse of the body, the standardized feature matrix (as iris-inputs.ts featureMatrix), one onnxruntime call for all the
// requests that queued up (batching, as sagepack does), and JSON.stringify of the same answer sagepack
// gives, {<label>: class, probabilities} per row. No request schema, no warnings, no timings, no fault isolation:
// what is left between it and sagepack is the runtime's own cost.
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { SESSION_OPTIONS, standardizedColumns } from './compute-floor'
import type { StandardizedColumn } from './iris-inputs'

interface ModelFloorData {
  modelFile: string
  /** The package onnxruntime-node, resolved here: an eval'd worker resolves from nowhere in particular. */
  onnxruntime: string
  columns: StandardizedColumn[]
  /** The answer's shape: the key that names the class (the model's label, e.g. species) and the classes. */
  labelKey: string
  classes: string[]
  sessionOptions: typeof SESSION_OPTIONS
}

const MODEL_FLOOR_WORKER = `
const { parentPort, workerData, receiveMessageOnPort } = require('node:worker_threads')
const ort = require(workerData.onnxruntime)
const { modelFile, columns, labelKey, classes, sessionOptions } = workerData
const width = columns.length
ort.InferenceSession.create(modelFile, sessionOptions).then((session) => {
  const input = session.inputNames[0]
  const output = session.outputNames[0]
  const queue = []
  let running = false
  parentPort.on('message', (message) => {
    queue.push(message)
    if (!running) run()
  })
  async function run() {
    running = true
    while (queue.length > 0) {
      for (let more; (more = receiveMessageOnPort(parentPort)); ) queue.push(more.message)
      const batch = queue.splice(0)
      const rowLists = batch.map(({ body }) => JSON.parse(body).instances)
      let total = 0
      for (const rows of rowLists) total += rows.length
      const features = new Float32Array(total * width)
      let at = 0
      for (const rows of rowLists) {
        for (const row of rows) {
          for (let c = 0; c < width; c++) features[at++] = (row[c] - (columns[c].mean ?? 0)) / (columns[c].std || 1)
        }
      }
      const feeds = { [input]: new ort.Tensor('float32', features, [total, width]) }
      const probabilities = (await session.run(feeds, [output]))[output].data
      let offset = 0
      for (let index = 0; index < batch.length; index++) {
        const rows = rowLists[index]
        const predictions = new Array(rows.length)
        for (let r = 0; r < rows.length; r++, offset += classes.length) {
          let best = 0
          const byClass = {}
          for (let k = 0; k < classes.length; k++) {
            byClass[classes[k]] = probabilities[offset + k]
            if (probabilities[offset + k] > probabilities[offset + best]) best = k
          }
          predictions[r] = { [labelKey]: classes[best], probabilities: byClass }
        }
        parentPort.postMessage({ id: batch[index].id, answer: JSON.stringify({ predictions }) })
      }
    }
    running = false
  }
})
`

/** The floor's worker for a run's model dir, answering as `answer` (one of sagepack's) is shaped. */
export async function startModelFloorWorker(modelDir: string, answer: string): Promise<Worker> {
  const first = (JSON.parse(answer) as { predictions?: Array<Record<string, unknown>> }).predictions?.[0]
  const labelKey = Object.keys(first ?? {}).find((key) => key !== 'probabilities')
  if (!first || typeof first.probabilities !== 'object' || !first.probabilities || !labelKey) {
    throw new Error(`not a classifier's answer of {<label>, probabilities} per row: ${answer.slice(0, 300)}`)
  }
  const data: ModelFloorData = {
    modelFile: join(modelDir, 'model.onnx'),
    onnxruntime: createRequire(import.meta.url).resolve('onnxruntime-node'),
    columns: await standardizedColumns(modelDir),
    labelKey,
    // sagepack lists them in the order of the model's outputs.
    classes: Object.keys(first.probabilities),
    sessionOptions: SESSION_OPTIONS,
  }
  return new Worker(MODEL_FLOOR_WORKER, { eval: true, workerData: data })
}
