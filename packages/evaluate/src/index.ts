// Public API of @sagepack/evaluate: a run's evaluation report (metrics with intervals against a naive
// baseline and the champion, curves, calibration, slices, behaviour checks, data checks; HTML with
// Vega-Lite figures rendered to SVG, and report.json), the champion gate, and the report as text.
export { type EvaluatedRun, type EvaluateRunOptions, evaluateRun } from './evaluate-run'
export { failedGates, type GateVerdict } from './gates/gate-verdicts'
export { type PromotionGate, promotionGate } from './gates/promotion-gate'
export { warmUpRendering } from './render/warm-up-rendering'
export { headlineText } from './report/headline-text'
export { type EvaluationReport, REPORT_FORMAT } from './report/report-types'
export { summaryMarkdown } from './report/summary-markdown'
