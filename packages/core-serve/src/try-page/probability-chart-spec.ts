// The Vega-Lite spec of the try-it page's chart: a classifier's probability for each class as a bar,
// the most probable class highlighted. A pure function of the numbers, so they are testable without
// the picture; Vega renders it (render-svg.ts).

export type ClassProbabilities = ReadonlyArray<{ name: string; probability: number }>

export function probabilityChartSpec(probabilities: ClassProbabilities): Record<string, unknown> {
  const top = Math.max(...probabilities.map((entry) => entry.probability))
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'Probability of each class',
    width: 320,
    height: { step: 26 },
    background: 'white',
    padding: 8,
    data: {
      values: probabilities.map((entry) => ({
        class: entry.name,
        probability: entry.probability,
        top: entry.probability === top,
      })),
    },
    encoding: {
      y: {
        field: 'class',
        type: 'nominal',
        sort: null,
        title: null,
        axis: { labelFontSize: 13, labelLimit: 160 },
      },
      x: {
        field: 'probability',
        type: 'quantitative',
        scale: { domain: [0, 1] },
        axis: { format: '.0%', title: 'probability', tickCount: 5, grid: true },
      },
    },
    layer: [
      {
        mark: { type: 'bar', cornerRadiusEnd: 3 },
        encoding: {
          color: {
            field: 'top',
            type: 'nominal',
            scale: { domain: [true, false], range: ['#1f6feb', '#a8c1e6'] },
            legend: null,
          },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 12 },
        encoding: { text: { field: 'probability', type: 'quantitative', format: '.1%' } },
      },
    ],
    config: { view: { stroke: null }, font: 'sans-serif' },
  }
}
