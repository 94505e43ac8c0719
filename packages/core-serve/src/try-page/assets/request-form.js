// The form made from the request schema: a number box showing the training range for a numeric
// feature, a list of the known categories for a categorical one, a text area for text. It reads back
// one request row, and shows a 400's message and the answer's warnings next to the field they name.

export function createRequestForm(container, features) {
  const fields = new Map()
  container.replaceChildren()
  features.forEach((feature, index) => {
    const field = fieldFor(feature, index)
    fields.set(feature.name, field)
    container.append(field.element)
  })

  return {
    /** Puts a row's values in the boxes; a feature the row lacks is left empty. */
    fill(row) {
      for (const [name, field] of fields) field.set(row[name])
    },
    /** The row the boxes hold; an empty box leaves its feature out of the row. */
    read() {
      const row = {}
      for (const [name, field] of fields) {
        const value = field.get()
        if (value !== undefined) row[name] = value
      }
      return row
    },
    clearMessages() {
      for (const field of fields.values()) field.say('error', '')
      for (const field of fields.values()) field.say('warning', '')
    },
    /** True when the form has a box for the field, which then shows the message. */
    showError(name, message) {
      const field = fields.get(name)
      if (!field) return false
      field.say('error', besideField(name, message))
      field.focus()
      return true
    },
    showWarning(name, message) {
      fields.get(name)?.say('warning', message)
    },
  }
}

function fieldFor(feature, index) {
  const id = `field-${index}`
  const element = document.createElement('div')
  element.className = `field field-${feature.kind}`
  element.dataset.field = feature.name

  const label = document.createElement('label')
  label.htmlFor = id
  const name = document.createElement('span')
  name.className = 'field-name'
  name.textContent = feature.name
  const badge = document.createElement('span')
  badge.className = feature.required ? 'badge required' : 'badge optional'
  badge.textContent = feature.required ? 'required' : 'optional'
  label.append(name, badge)

  const input = inputFor(feature, id)
  const hint = document.createElement('p')
  hint.className = 'hint'
  hint.id = `${id}-hint`
  hint.textContent = hintFor(feature)
  const error = message('error', `${id}-error`)
  const warning = message('warning', `${id}-warning`)
  input.setAttribute('aria-describedby', `${hint.id} ${error.id} ${warning.id}`)
  element.append(label, input, hint, error, warning)

  return {
    element,
    set(value) {
      input.value = value === undefined || value === null ? '' : String(value)
    },
    get() {
      const text = input.value
      if (text.trim() === '') return undefined
      // A number box sends a number when it holds one, and what was typed otherwise, for the model to judge.
      if (feature.kind === 'numeric')
        return /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(text) ? Number(text) : text
      return text
    },
    say(kind, text) {
      const target = kind === 'error' ? error : warning
      target.textContent = text
      target.hidden = text === ''
      if (kind === 'error') {
        if (text === '') input.removeAttribute('aria-invalid')
        else input.setAttribute('aria-invalid', 'true')
      }
    },
    focus() {
      input.focus()
    },
  }
}

function inputFor(feature, id) {
  if (feature.kind === 'categorical' && feature.categories.length > 0) {
    const select = document.createElement('select')
    select.id = id
    select.name = feature.name
    const none = document.createElement('option')
    none.value = ''
    none.textContent = '(none)'
    select.append(none)
    for (const category of feature.categories) {
      const option = document.createElement('option')
      option.value = category
      option.textContent = category
      select.append(option)
    }
    return select
  }
  if (feature.kind === 'text') {
    const area = document.createElement('textarea')
    area.id = id
    area.name = feature.name
    area.rows = 5
    return area
  }
  const input = document.createElement('input')
  input.id = id
  input.name = feature.name
  input.type = 'text'
  input.autocomplete = 'off'
  if (feature.kind === 'numeric') input.inputMode = 'decimal'
  const range = feature.trainingRange
  if (range) input.placeholder = `${range.min} – ${range.max}`
  return input
}

/**
 * Next to its box, "row 0 (counting from 0), field 'x': is missing" says the row and field twice (the
 * form has one row, the box is the field), and the expected value is the hint under the box already:
 * the problem and the fix are what is new. The answer panel keeps the message whole.
 */
function besideField(name, message) {
  const prefix = `field '${name}': `
  const at = message.indexOf(prefix)
  if (at === -1) return message
  const [problem, ...rest] = message.slice(at + prefix.length).split('\n')
  const fix = rest.map((line) => line.trim()).filter((line) => line.startsWith('fix:'))
  return [`${name} ${problem}`, ...fix].join('\n')
}

function hintFor(feature) {
  const parts = []
  if (feature.doc) parts.push(feature.doc)
  const range = feature.trainingRange
  if (range) parts.push(`training saw ${range.min} to ${range.max}`)
  if (feature.kind === 'categorical' && feature.categories.length > 0)
    parts.push(`${feature.categories.length} known categories`)
  const fill = feature.fill
  if (fill && typeof fill === 'object') {
    parts.push(
      fill.fill === 'mean'
        ? `left empty: the training mean ${round(fill.value)}`
        : `left empty: ${fill.fill}`,
    )
  }
  return parts.join(' · ')
}

function message(kind, id) {
  const element = document.createElement('p')
  element.className = `field-${kind}`
  element.id = id
  element.hidden = true
  if (kind === 'error') element.setAttribute('role', 'alert')
  return element
}

function round(value) {
  return Number(value.toPrecision(4))
}
