// A tiny model config used by the contract tests' train entries.
import { defineModelConfig } from '../../config/define-model-config'

export default defineModelConfig('fixture', {
  epochs: { doc: 'Epochs', format: 'nat', default: 3 },
  mode: {
    doc: 'What the fixture entry does',
    format: ['ok', 'throw', 'user-error', 'wait', 'wait-with-exit-hook'],
    default: 'ok',
  },
  channels: { train: { doc: 'Training data', format: String, default: 'data.csv' } },
})
