// Saves and restores the state of stateful callbacks under their names, so a resumed run continues
// e.g. early stopping's patience count instead of starting it again.
import type { FitCallback } from './fit-types'

export function collectCallbackStates(callbacks: FitCallback[]): Record<string, unknown> {
  const states: Record<string, unknown> = {}
  for (const callback of statefulCallbacks(callbacks)) states[callback.name] = callback.state?.()
  return states
}

export function restoreCallbackStates(callbacks: FitCallback[], states: Record<string, unknown>): void {
  for (const callback of statefulCallbacks(callbacks)) {
    const state = states[callback.name]
    if (state !== undefined) callback.restore?.(state)
  }
}

/** Throws when a stateful callback has no name or shares one: its state could not be found again. */
export function checkCallbackNames(callbacks: FitCallback[]): void {
  statefulCallbacks(callbacks)
}

function statefulCallbacks(callbacks: FitCallback[]): Array<FitCallback & { name: string }> {
  const seen = new Set<string>()
  const stateful: Array<FitCallback & { name: string }> = []
  for (const callback of callbacks) {
    if (!callback.state && !callback.restore) continue
    const name = callback.name
    if (!name)
      throw new Error('fit: a callback with state() or restore() needs a name to key its checkpoint state')
    if (seen.has(name))
      throw new Error(`fit: two stateful callbacks are both named "${name}"; give each a unique name`)
    seen.add(name)
    // The callback itself, not a copy: class-based callbacks keep their prototype and `this`.
    stateful.push(callback as FitCallback & { name: string })
  }
  return stateful
}
