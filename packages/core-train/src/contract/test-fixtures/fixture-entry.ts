// A train entry whose behaviour the contract tests choose through the `mode` config key.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { UserError } from '@sagepack/core-data'
import { onExit } from 'signal-exit'
import { defineTrainEntry } from '../train-entry'
import config from './fixture-config'

export default defineTrainEntry({
  config,
  metrics: ['train_loss'],
  async train(context) {
    const { mode, epochs } = context.config
    if (mode === 'throw') throw new TypeError('kaboom in the model code')
    if (mode === 'user-error') {
      throw new UserError({ input: 'data.csv:3, column x', problem: 'expected a number, got "abc"' })
    }
    if (mode === 'wait' || mode === 'wait-with-exit-hook') {
      // What write-file-atomic does while a checkpoint is being written: SIGTERM can land right then.
      const removeHook = mode === 'wait-with-exit-hook' ? onExit(() => {}) : () => {}
      process.stdout.write('waiting for SIGTERM\n')
      // Signal listeners do not keep Node's event loop alive; a timer stands in for training work.
      const busy = setInterval(() => {}, 1000)
      await new Promise<void>((resolve) => context.signal.addEventListener('abort', () => resolve()))
      clearInterval(busy)
      removeHook()
      await writeFile(join(context.layout.checkpointsDir, 'checkpoint.json'), '{"epoch":1}')
      return
    }
    const files = await import('node:fs/promises').then((fs) => fs.readdir(context.channel('train').dir))
    await writeFile(
      join(context.layout.outputDataDir, 'seen.json'),
      JSON.stringify({
        epochs,
        files,
        channels: Object.keys(context.channels),
        env: { SM_MODEL_DIR: process.env.SM_MODEL_DIR, SM_CHANNEL_TRAIN: process.env.SM_CHANNEL_TRAIN },
        hyperparameters: context.hyperparameters,
      }),
    )
    await writeFile(join(context.layout.modelDir, 'weights.bin'), 'w')
    process.stdout.write('train_loss=0.5\n')
  },
})
