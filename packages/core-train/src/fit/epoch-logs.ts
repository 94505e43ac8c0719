// What one epoch leaves: its metrics, and the progress of an epoch still running (what a checkpoint
// taken mid-epoch saves so a resumed run continues it).

/** One epoch's metrics. Compiled metrics beyond loss/accuracy appear as train_<name> and val_<name>. */
export interface EpochLogs {
  /** 1-based. */
  epoch: number
  train_loss: number
  train_accuracy?: number
  val_loss?: number
  val_accuracy?: number
  [metric: string]: number | undefined
}

/** Running sums of a partly trained epoch, so an interrupted epoch resumes at the exact batch. */
export interface EpochProgress {
  /** The shuffle these batches came from; resuming mid-epoch needs the same one. */
  seed: number
  batchSize: number
  rows: number
  batchesDone: number
  samples: number
  /** Metric name (tfjs's, e.g. `loss`, `acc`) -> sum of batch value × batch size. */
  sums: Record<string, number>
}
