// The supervised training pipeline most models need, as a train entry: read the channel, check and
// split the data, fit the preprocessor, train an MLP with early stopping and checkpoints, evaluate
// every split, and write the model, its preprocessor, its request schema, the predictions and metrics.json.
import { join } from 'node:path'
import {
  type DatasetSchema,
  deriveRequestSchema,
  fitPreprocessor,
  PREPROCESSOR_FILE,
  REQUEST_SCHEMA_FILE,
  requestSchemaDocument,
  type Task,
  taskOf,
  writeJsonAtomic,
} from '@sagepack/core-data'
import * as tf from '@tensorflow/tfjs'
import { chooseBackend, describeBackendChoice } from '../backend/choose-backend'
import type { ModelConfigDefinition } from '../config/define-model-config'
import { defineTrainEntry, type TrainEntry, type TrainingContext } from '../contract/train-entry'
import { CheckpointStore } from '../fit/checkpoint-store'
import { earlyStopping } from '../fit/early-stopping'
import { fit } from '../fit/fit'
import { formatMetricLine } from '../fit/metric-line-format'
import { metricLines } from '../fit/metric-lines'
import { progressBar } from '../fit/progress-bar'
import { saveModelDir } from '../model-files/save-model-dir'
import { buildMlp } from './build-mlp'
import { evaluateSplit, type SplitEvaluation } from './evaluate-split'
import { exportOnnxArtifact } from './export-onnx-artifact'
import { prepareTrainingData } from './prepare-training-data'
import type { SupervisedSettings } from './supervised-settings'
import { writePredictionsCsv } from './write-predictions-csv'

export const METRICS_FILE = 'metrics.json'

export interface SupervisedModel<C> {
  config: ModelConfigDefinition<C>
  schema: DatasetSchema
  settings(config: C): SupervisedSettings
}

/** The metric lines the pipeline prints; they become the job's MetricDefinitions. */
export function supervisedMetricNames(task: Task): string[] {
  return task === 'classification'
    ? [
        'train_loss',
        'train_accuracy',
        'val_loss',
        'val_accuracy',
        'test_accuracy',
        'test_f1_macro',
        'test_log_loss',
      ]
    : ['train_loss', 'val_loss', 'test_mae', 'test_rmse', 'test_r2']
}

export function supervisedTrainEntry<C>(model: SupervisedModel<C>): TrainEntry<C> {
  return defineTrainEntry({
    config: model.config,
    metrics: supervisedMetricNames(taskOf(model.schema)),
    train: (context) => trainSupervised(context, model),
  })
}

async function trainSupervised<C>(context: TrainingContext<C>, model: SupervisedModel<C>): Promise<void> {
  const { layout, log } = context
  const settings = model.settings(context.config)
  const schema = model.schema
  const task = taskOf(schema)
  const backend = await chooseBackend()
  log.info(describeBackendChoice(backend))

  const channel = context.channel(settings.channel ?? 'train')
  const data = await prepareTrainingData(channel, schema, settings, layout.outputDataDir, log)
  const preprocessor = fitPreprocessor(
    schema,
    data.splits.train,
    settings.textDimensions === undefined ? {} : { textDimensions: settings.textDimensions },
  )
  const classes = preprocessor.classes()
  const outputs = classes ? classes.length : 1
  const tensors = (records: typeof data.splits.train) => {
    const x = tf.tensor2d(preprocessor.transform(records.map((r) => r.values)), [
      records.length,
      preprocessor.width,
    ])
    const labels = preprocessor.encodeLabels(records.map((r) => r.values[schema.label.name]))
    const y = classes
      ? tf.oneHot(tf.tensor1d(labels as Int32Array, 'int32'), outputs)
      : tf.tensor2d(labels as Float32Array, [records.length, 1])
    return { x, y }
  }
  const train = tensors(data.splits.train)
  const validation = data.splits.validation.length > 0 ? tensors(data.splits.validation) : undefined

  const network = buildMlp({
    task,
    inputWidth: preprocessor.width,
    outputs,
    hiddenUnits: settings.hiddenUnits,
    activation: settings.activation,
    dropout: settings.dropout,
    learningRate: settings.learningRate,
    seed: settings.seed,
  })
  const started = Date.now()
  const result = await fit({
    model: network,
    x: train.x,
    y: train.y,
    ...(validation ? { validation } : {}),
    epochs: settings.epochs,
    batchSize: settings.batchSize,
    seed: settings.seed,
    signal: context.signal,
    checkpoints: { store: new CheckpointStore(layout.checkpointsDir), every: settings.checkpointEvery },
    callbacks: [
      ...(validation ? [earlyStopping({ patience: settings.patience, restoreBestWeights: true })] : []),
      metricLines(),
      progressBar(),
    ],
  })
  tf.dispose([train.x, train.y, validation?.x, validation?.y].filter((t): t is tf.Tensor => t !== undefined))
  if (result.interrupted) return
  const fitSeconds = (Date.now() - started) / 1000
  log.info(
    `fit ${result.epochsRun} epoch(s) in ${fitSeconds.toFixed(1)} s` +
      (result.stoppedEarly ? `; stopped early: ${result.stopReason}` : '') +
      (result.resumedFromEpoch ? `; resumed from epoch ${result.resumedFromEpoch}` : ''),
  )

  const evaluations: Record<string, SplitEvaluation> = {}
  for (const [split, records] of Object.entries(data.splits)) {
    if (records.length === 0) continue
    const evaluation = evaluateSplit(network, records, preprocessor, schema)
    evaluations[split] = evaluation
    await writePredictionsCsv(join(layout.outputDataDir, 'results'), split, evaluation.table)
  }
  const test = evaluations.test?.metrics
  if (test) process.stdout.write(`${formatMetricLine(headlineMetrics('test', test))}\n`)

  await saveModelDir(network, layout.modelDir)
  await writeJsonAtomic(join(layout.modelDir, PREPROCESSOR_FILE), preprocessor.toJSON())
  // What serving checks requests against: the schema with the ranges and gaps of the rows it was fitted on.
  const requestSchema = deriveRequestSchema({
    model: context.model,
    schema,
    preprocessor,
    training: data.splits.train,
  })
  await writeJsonAtomic(join(layout.modelDir, REQUEST_SCHEMA_FILE), requestSchemaDocument(requestSchema))
  // Parity is checked on the test split (every split when there is none), the rows the metrics describe.
  const parityRecords =
    data.splits.test.length > 0 ? data.splits.test : [...data.splits.train, ...data.splits.validation]
  const onnx = await exportOnnxArtifact(
    network,
    { features: preprocessor.transform(parityRecords.map((r) => r.values)), rows: parityRecords.length },
    layout.modelDir,
    log,
  )
  await writeJsonAtomic(join(layout.outputDataDir, METRICS_FILE), {
    model: context.model,
    task,
    backend: { name: backend.backend, package: backend.package, gpu: backend.gpu },
    seed: settings.seed,
    data: {
      rows: data.rows,
      droppedDuplicates: data.droppedDuplicates,
      train: data.splits.train.length,
      validation: data.splits.validation.length,
      test: data.splits.test.length,
    },
    fit: {
      epochsRun: result.epochsRun,
      lastEpoch: result.lastEpoch,
      stoppedEarly: result.stoppedEarly,
      stopReason: result.stopReason ?? null,
      resumedFromEpoch: result.resumedFromEpoch ?? null,
      seconds: fitSeconds,
    },
    onnx,
    ...Object.fromEntries(Object.entries(evaluations).map(([split, e]) => [split, e.metrics])),
    history: result.history,
  })
  network.dispose()
}

/** The scalar metrics worth a metric line: everything numeric at the top level. */
function headlineMetrics(prefix: string, metrics: object): Record<string, number> {
  return Object.fromEntries(
    Object.entries(metrics)
      .filter(([, value]) => typeof value === 'number')
      .map(([key, value]) => [`${prefix}_${key}`, value as number]),
  )
}
