// The JSON / CSV tab: a request body typed or pasted as it is, in any format the runtime reads, sent
// with the chosen Content-Type and Accept; it starts from the model's example in that format.

export function createRawInput(elements, examples) {
  const { type, accept, body, hint } = elements
  const hints = {
    'application/json':
      '{"instances": [row, ...]}: each row an object keyed by feature name, or an array of values in the schema’s order.',
    'text/csv':
      'One row per line, no header, values in the schema’s order; quote a value that holds a comma.',
    'application/jsonlines':
      'One row per line, each a JSON object keyed by feature name or an array of values.',
  }
  const edited = new Set()
  const showExample = () => {
    body.value = examples[type.value] ?? ''
    hint.textContent = hints[type.value] ?? ''
  }
  body.addEventListener('input', () => edited.add(type.value))
  type.addEventListener('change', () => {
    // What was typed stays; an untouched box follows the format with the example in it.
    if (!edited.has(type.value)) showExample()
    else hint.textContent = hints[type.value] ?? ''
  })
  showExample()
  return {
    request: () => ({ body: body.value, contentType: type.value, accept: accept.value }),
  }
}

/** Form and raw tabs: one panel shown at a time, the tab buttons say which. */
export function wireTabs(tabs) {
  const select = (chosen) => {
    for (const { button, panel } of tabs) {
      const on = button === chosen
      button.setAttribute('aria-selected', String(on))
      panel.hidden = !on
    }
  }
  for (const { button } of tabs) button.addEventListener('click', () => select(button))
}
