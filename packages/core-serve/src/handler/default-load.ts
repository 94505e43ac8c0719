// The default `load` hook (SageMaker's model_fn): the bundle's predictor, preprocessor and classes,
// checked against each other so a mismatched bundle fails at startup instead of on every request.
import { type Preprocessor, UserError } from '@sagepack/core-data'
import type { LoadedModel, ModelContext, Predictor } from './handler-api'

export async function defaultLoad(context: ModelContext): Promise<LoadedModel> {
  const predictor = await context.loadPredictor()
  const { preprocessor } = context
  const classes = preprocessor?.classes() ?? null
  const mismatch = preprocessor ? mismatchOf(preprocessor, classes, predictor) : undefined
  if (mismatch) {
    await predictor.dispose()
    throw new UserError({
      input: context.modelDir,
      problem: `the bundle's files do not belong together: ${mismatch}`,
      expected: 'the model and the preprocessor.json of the same training run',
      fix: 'rebuild the bundle from one run with `sagepack bundle`',
    })
  }
  return { predictor, preprocessor, classes, config: context.config }
}

function mismatchOf(
  preprocessor: Preprocessor,
  classes: readonly string[] | null,
  predictor: Predictor,
): string | undefined {
  if (preprocessor.width !== predictor.inputWidth) {
    return `preprocessor.json produces ${preprocessor.width} features per row but the model takes ${predictor.inputWidth}`
  }
  if (classes) {
    return classes.length === predictor.outputWidth
      ? undefined
      : `preprocessor.json lists ${classes.length} classes but the model outputs ${predictor.outputWidth} values per row`
  }
  // A numeric label is one value per row; more would be answered as lists instead of failing.
  return predictor.outputWidth === 1
    ? undefined
    : `preprocessor.json has a numeric label (one value per row) but the model outputs ${predictor.outputWidth} values per row`
}
