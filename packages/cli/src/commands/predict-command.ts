// `sagepack predict <model> --input file`: batch predictions through the very handler code path
// /invocations uses (decode -> preprocess -> predict -> postprocess -> encode), written into the
// results/ of the run the bundle was built from.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, extname, join, relative, resolve } from 'node:path'
import { openBundle } from '@sagepack/bundle'
import { contentTypeOfFile, UserError, writeFileAtomic } from '@sagepack/core-data'
import {
  type Codec,
  codecForContentType,
  createInProcessRunner,
  type InProcessRunner,
  type InputRow,
  InvocationError,
  type Prediction,
} from '@sagepack/core-serve'
import { defaultRunsRoot, findWorkspaceRoot, locateModel } from '@sagepack/core-train/workspace'
import { Command } from 'commander'
import { bundleForModel } from '../build-bundle/bundle-for-model'
import { withHeaderRow } from './csv-header-rows'

/** What a file's extension says it holds: the data formats, plus the JSON the endpoint also takes. */
function contentTypeOfInput(path: string): string | undefined {
  return extname(path).toLowerCase() === '.json' ? 'application/json' : contentTypeOfFile(path)
}
const INPUT_EXTENSIONS = '.csv, .jsonl, .ndjson, .json'
/** Rows per handler call: large enough to amortise the call, small enough to keep memory flat. */
const BATCH_ROWS = 1000

interface PredictOptions {
  input: string
  output?: string
  bundle?: string
  runsDir?: string
}

export function predictCommand(): Command {
  return new Command('predict')
    .summary("batch predictions from a CSV/JSONL file through the bundle's handler")
    .description(
      'Run batch predictions on a file through the same handler code path as POST /invocations.\n' +
        'CSV rows are in the feature order of the model (a header row naming the features is allowed);\n' +
        'JSON Lines rows are objects keyed by feature name or arrays. Predictions are written as JSON Lines\n' +
        '(or CSV when --output ends in .csv) to runs/<model>/<run-id>/results/ of the bundled run.',
    )
    .argument('<model>', 'the model folder name under models/')
    .requiredOption('--input <file>', 'rows to predict: .csv, .jsonl/.ndjson or .json')
    .option(
      '--output <file>',
      "where to write the predictions (default: the run's results/predictions-<input>.jsonl)",
    )
    .option('--bundle <file>', 'use this model.tar.gz instead of models/<model>/dist/model.tar.gz')
    .option('--runs-dir <dir>', 'where runs are kept (default: runs/ at the workspace root)')
    .action(async (name: string, options: PredictOptions) => {
      const workspaceRoot = findWorkspaceRoot()
      const runsRoot = options.runsDir ? resolve(options.runsDir) : defaultRunsRoot(workspaceRoot)
      const inputPath = resolve(options.input)
      const inputCodec = codecFor(inputPath, `--input ${options.input}`)
      const text = await readFile(inputPath, 'utf8').catch(() => {
        throw new UserError({
          input: `--input ${options.input}`,
          problem: 'cannot be read',
          expected: `a readable ${INPUT_EXTENSIONS} file`,
          fix: 'check the path and its permissions',
        })
      })
      const archive = await bundleForModel({
        workspaceRoot,
        folder: locateModel(workspaceRoot, name),
        runsRoot,
        ...(options.bundle ? { bundle: options.bundle } : {}),
      })
      if (!archive) return
      const bundle = await openBundle(archive)
      let runner: InProcessRunner | undefined
      try {
        // Before predicting, so a bundle whose run is not here fails at once, not after every row.
        const output = options.output
          ? resolve(options.output)
          : defaultOutput(runsRoot, name, bundle.manifest.runId, inputPath)
        runner = await createInProcessRunner(bundle.modelDir)
        const features = runner.bundle.preprocessor?.featureNames ?? []
        const rows = decodeRows(inputCodec, text, features, inputPath)
        const predictions: Prediction[] = []
        for (let start = 0; start < rows.length; start += BATCH_ROWS) {
          const batch = rows.slice(start, start + BATCH_ROWS)
          const result = await runner
            .invokeRows(batch, { customAttributes: undefined })
            .catch((error: unknown) => {
              // Only the rows' fault is the user's; a failing model keeps its own error and stack.
              if (!(error instanceof InvocationError && error.status === 400)) throw error
              throw new UserError({
                input: `${inputPath}, rows ${start + 1}-${start + batch.length}`,
                problem: error.message,
                expected: 'rows the model accepts (see `sagepack config <model>` for its features)',
              })
            })
          predictions.push(...result.predictions)
        }
        // Never undefined: both media types have a codec. .csv is written as CSV, the rest as JSON Lines.
        const outputCodec = codecForContentType(
          output.endsWith('.csv') ? 'text/csv' : 'application/jsonlines',
        ) as Codec
        await writeFileAtomic(output, outputCodec.encode(predictions))
        process.stdout.write(
          `predicted ${predictions.length} rows with run ${bundle.manifest.runId}: ${relative(process.cwd(), output) || output}\n`,
        )
      } finally {
        await runner?.close()
        await bundle.close()
      }
    })
}

function codecFor(path: string, input: string): Codec {
  const type = contentTypeOfInput(path)
  const codec = type ? codecForContentType(type) : undefined
  if (!codec) {
    throw new UserError({
      input,
      problem: `cannot tell the format from "${extname(path) || 'no extension'}"`,
      expected: `a file ending in ${INPUT_EXTENSIONS}`,
    })
  }
  return codec
}

function decodeRows(codec: Codec, text: string, features: readonly string[], source: string): InputRow[] {
  try {
    const rows = codec.decode(text)
    return codec.mediaType === 'text/csv' ? withHeaderRow(rows, features) : rows
  } catch (error) {
    throw new UserError({ input: source, problem: (error as Error).message })
  }
}

function defaultOutput(runsRoot: string, model: string, runId: string, inputPath: string): string {
  const runDir = join(runsRoot, model, runId)
  if (!existsSync(runDir)) {
    throw new UserError({
      input: `run ${runId}`,
      problem: `the bundle was built from a run that is not in ${runsRoot}`,
      fix: 'give --output to choose where the predictions go',
    })
  }
  return join(runDir, 'results', `predictions-${basename(inputPath, extname(inputPath))}.jsonl`)
}
