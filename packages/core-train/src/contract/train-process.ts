// The script the local executor starts as the training process (the runtime image reaches the same
// trainMain through its `train` command).
import { trainMain } from './train-main'

process.exitCode = await trainMain()
