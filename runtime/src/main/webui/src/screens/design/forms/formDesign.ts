// The form designer's state: the draft definition being edited (the same JSON as docs/spec.md §2; the canvas is
// its `layout`), the published version it started from, the draft's problems as the server sees them, and every
// edit as an undoable command. Fields are kept in layout order, so the definition reads as the form looks.
import { computed, reactive, ref, watch } from 'vue'
import { ApiProblem, call } from '../../../api/client'
import type { DefinitionProblem, DesignField, FormDefinition, FormDesign, LayoutCell, LayoutSection } from '../../../api/design'
import { useHistory } from './history'
import { TYPE_OF } from './fieldTypes'

export interface Selection {
  field: string
  /** a column of the sub-table {@code field} */
  column?: string
}

/** Where a cell goes: into row {@code row} of a section at {@code index}, or as a new row before {@code row}. */
export interface Place {
  section: number
  row: number
  index?: number
  newRow?: boolean
}

const designPath = (app: string, form: string) => `/design/apps/${app}/forms/${form}`

/** The rows a form without a layout shows today: two fields a row, wide ones alone. */
export function flowingLayout(fields: DesignField[]): LayoutSection[] {
  const rows: LayoutCell[][] = []
  let row: LayoutCell[] = []
  for (const f of fields) {
    if (TYPE_OF.get(f.type)?.wide) {
      if (row.length) rows.push(row)
      rows.push([{ field: f.key, width: 12 }])
      row = []
    } else {
      row.push({ field: f.key, width: 6 })
      if (row.length === 2) {
        rows.push(row)
        row = []
      }
    }
  }
  if (row.length) rows.push(row)
  return [{ rows }]
}

export function useFormDesign(app: string, formKey: string) {
  const definition = ref<FormDefinition>({ schemaVersion: 1, key: formKey, fields: [], layout: [{ rows: [] }] })
  const published = ref<FormDefinition | null>(null)
  const design = ref<FormDesign | null>(null)
  const etag = ref<string | null>(null)
  const savedJson = ref('')
  const problems = ref<DefinitionProblem[]>([])
  const selection = ref<Selection | null>(null)
  const loading = ref(true)
  const saving = ref(false)
  const history = useHistory(() => definition.value, (value) => { definition.value = value })

  const dirty = computed(() => JSON.stringify(definition.value) !== savedJson.value)
  const publishedKeys = computed(() => new Set((published.value?.fields ?? []).map((f) => f.key)))
  const fieldKeys = computed(() => new Set(definition.value.fields.flatMap((f) => [f.key, ...(f.fields ?? []).map((c) => c.key)])))

  /** The form's design as stored, and the definition it was last published as. */
  async function fetchDesign() {
    const answer = await call<FormDesign>('GET', designPath(app, formKey))
    design.value = answer.body
    etag.value = answer.etag
    if (answer.body.currentVersion) {
      const version = await call<{ definition: FormDefinition }>('GET', `${designPath(app, formKey)}/versions/${answer.body.currentVersion}`)
      published.value = version.body.definition
    }
    return answer.body
  }

  async function load() {
    loading.value = true
    try {
      const stored = await fetchDesign()
      const start = stored.draft ?? published.value
      if (start) definition.value = withLayout(JSON.parse(JSON.stringify(start)))
    } catch (e) {
      if (!(e instanceof ApiProblem) || e.status !== 404) throw e
    } finally {
      savedJson.value = JSON.stringify(definition.value)
      history.clear()
      loading.value = false
    }
  }

  function withLayout(d: FormDefinition): FormDefinition {
    d.rules ??= []
    if (!d.layout?.length) d.layout = flowingLayout(d.fields)
    const placed = new Set(d.layout.flatMap((s) => s.rows.flat().map((c) => c.field)))
    const rest = d.fields.filter((f) => !placed.has(f.key))
    if (rest.length) d.layout[d.layout.length - 1].rows.push(...flowingLayout(rest)[0].rows)
    return d
  }

  // --- problems, asked of the server as the admin edits ----------------------------------------------------
  let checkTimer: ReturnType<typeof setTimeout> | undefined
  let checking: AbortController | undefined
  async function check() {
    checking?.abort()
    checking = new AbortController()
    try {
      const answer = await call<{ problems: DefinitionProblem[] }>('POST', `${designPath(app, formKey)}/check`,
        { body: definition.value, signal: checking.signal })
      problems.value = answer.body.problems
    } catch (e) {
      if (e instanceof ApiProblem) problems.value = e.problem.errors.map((x) => ({ pointer: x.pointer ?? '', code: x.code, severity: 'error', message: x.message }))
    }
  }
  watch(definition, () => {
    clearTimeout(checkTimer)
    checkTimer = setTimeout(check, 300)
  }, { deep: true })

  /** The problems at a pointer or under it, e.g. `/fields/2` or `/fields/2/expression`. */
  function problemsAt(pointer: string, exact = false): DefinitionProblem[] {
    return problems.value.filter((p) => (exact ? p.pointer === pointer : p.pointer === pointer || p.pointer.startsWith(`${pointer}/`)))
  }
  const fieldPointer = (key: string) => `/fields/${definition.value.fields.findIndex((f) => f.key === key)}`
  function columnPointer(table: string, column: string) {
    const t = definition.value.fields.find((f) => f.key === table)
    return `${fieldPointer(table)}/fields/${(t?.fields ?? []).findIndex((c) => c.key === column)}`
  }

  // --- edits -----------------------------------------------------------------------------------------------
  const layout = () => definition.value.layout!

  /** Fields follow the layout's order; fields it does not place keep theirs, after. */
  function reorderFields() {
    const order = layout().flatMap((s) => s.rows.flat().map((c) => c.field))
    const rank = new Map(order.map((k, i) => [k, i]))
    definition.value.fields.sort((a, b) => (rank.get(a.key) ?? 1e6) - (rank.get(b.key) ?? 1e6))
  }

  function findCell(key: string): { section: number; row: number; index: number } | null {
    const sections = layout()
    for (let s = 0; s < sections.length; s++) {
      for (let r = 0; r < sections[s].rows.length; r++) {
        const index = sections[s].rows[r].findIndex((c) => c.field === key)
        if (index >= 0) return { section: s, row: r, index }
      }
    }
    return null
  }

  /** A cell put at a place; a row it does not fit in gives up width to it, as far as the others allow. */
  function putCell(cell: LayoutCell, place: Place) {
    const section = layout()[place.section]
    if (place.newRow || !section.rows[place.row]) {
      section.rows.splice(Math.min(place.row, section.rows.length), 0, [{ ...cell, width: cell.width ?? 12 }])
      return
    }
    const row = section.rows[place.row]
    row.splice(place.index ?? row.length, 0, cell)
    fitRow(row, cell)
  }

  function fitRow(row: LayoutCell[], keep?: LayoutCell) {
    let over = row.reduce((sum, c) => sum + (c.width ?? 12), 0) - 12
    if (over <= 0) return
    const even = Math.max(1, Math.floor(12 / row.length))
    for (const c of row) c.width = even
    if (keep) keep.width = 12 - even * (row.length - 1)
    over = row.reduce((sum, c) => sum + (c.width ?? 12), 0) - 12
    if (over > 0) row.splice(12)
  }

  function dropEmptyRows() {
    for (const s of layout()) s.rows = s.rows.filter((r) => r.length > 0)
  }

  function addField(field: DesignField, place?: Place) {
    history.apply('!add', () => {
      definition.value.fields.push(field)
      const at = place ?? { section: layout().length - 1, row: layout()[layout().length - 1].rows.length, newRow: true }
      putCell({ field: field.key, width: TYPE_OF.get(field.type)?.wide ? 12 : 6 }, at.newRow ? at : at)
      reorderFields()
    })
    selection.value = { field: field.key }
  }

  function moveField(key: string, place: Place) {
    history.apply('!move', () => {
      const from = findCell(key)
      if (!from) return
      const [cell] = layout()[from.section].rows[from.row].splice(from.index, 1)
      // a move within the same row after its own position counts without itself
      const sameRow = !place.newRow && from.section === place.section && from.row === place.row
      const emptied = layout()[from.section].rows[from.row].length === 0
      const target = { ...place }
      if (emptied && from.section === place.section && from.row < place.row) target.row -= 1
      dropEmptyRows()
      if (sameRow && place.index !== undefined && place.index > from.index) target.index = place.index - 1
      putCell(cell, target)
      dropEmptyRows()
      reorderFields()
    })
  }

  function removeField(key: string) {
    history.apply('!remove', () => {
      definition.value.fields = definition.value.fields.filter((f) => f.key !== key)
      for (const s of layout()) s.rows = s.rows.map((r) => r.filter((c) => c.field !== key))
      dropEmptyRows()
      if (definition.value.titleField === key) definition.value.titleField = null
    })
    if (selection.value?.field === key) selection.value = null
  }

  function setWidth(key: string, width: number) {
    history.apply(`width:${key}`, () => {
      const at = findCell(key)
      if (!at) return
      const row = layout()[at.section].rows[at.row]
      const others = row.reduce((sum, c) => sum + (c.field === key ? 0 : c.width ?? 12), 0)
      row[at.index].width = Math.max(1, Math.min(width, 12 - others))
    })
  }

  /** Changes one field (or one sub-table column) in place; typing into one property merges into one command. */
  function updateField(sel: Selection, property: string, change: (field: DesignField) => void) {
    history.apply(`${sel.field}/${sel.column ?? ''}/${property}`, () => {
      const field = definition.value.fields.find((f) => f.key === sel.field)
      if (!field) return
      const target = sel.column ? (field.fields as DesignField[] | undefined)?.find((c) => c.key === sel.column) : field
      if (target) change(target)
    })
  }

  /** A key change follows the field everywhere the definition names it: layout, title, rules. */
  function renameField(sel: Selection, next: string) {
    history.apply(`${sel.field}/${sel.column ?? ''}/key`, () => {
      const field = definition.value.fields.find((f) => f.key === sel.field)
      if (!field) return
      if (sel.column) {
        const column = (field.fields as DesignField[]).find((c) => c.key === sel.column)
        if (column) column.key = next
        return
      }
      field.key = next
      for (const s of layout()) for (const r of s.rows) for (const c of r) if (c.field === sel.field) c.field = next
      if (definition.value.titleField === sel.field) definition.value.titleField = next
      for (const rule of definition.value.rules ?? []) {
        if (rule.field === sel.field) rule.field = next
        if (rule.fields) rule.fields = rule.fields.map((k) => (k === sel.field ? next : k))
      }
    })
    selection.value = sel.column ? { field: sel.field, column: next } : { field: next }
  }

  // --- sub-table columns: the same edits, one level down ------------------------------------------------------
  function columnsOf(table: string): DesignField[] {
    const field = definition.value.fields.find((f) => f.key === table)
    if (!field) return []
    field.fields ??= []
    return field.fields as DesignField[]
  }

  function addColumn(table: string, column: DesignField, index?: number) {
    history.apply('!add-column', () => {
      const columns = columnsOf(table)
      columns.splice(index ?? columns.length, 0, column)
    })
    selection.value = { field: table, column: column.key }
  }

  function moveColumn(table: string, key: string, index: number) {
    history.apply('!move-column', () => {
      const columns = columnsOf(table)
      const from = columns.findIndex((c) => c.key === key)
      if (from < 0) return
      const [column] = columns.splice(from, 1)
      columns.splice(index > from ? index - 1 : index, 0, column)
    })
  }

  function removeColumn(table: string, key: string) {
    history.apply('!remove-column', () => {
      const field = definition.value.fields.find((f) => f.key === table)
      if (field) field.fields = (field.fields ?? []).filter((c) => c.key !== key)
    })
    if (selection.value?.column === key) selection.value = { field: table }
  }

  // --- sections and tabs ------------------------------------------------------------------------------------
  function addSection(tab: boolean, label: Record<string, string>) {
    history.apply('!section', () => { layout().push({ label, tab, rows: [] }) })
  }

  /** A section removed keeps its fields: they move to the end of the section before it (or after it). */
  function removeSection(index: number) {
    history.apply('!section', () => {
      const sections = layout()
      if (sections.length < 2) return
      const [gone] = sections.splice(index, 1)
      sections[Math.max(0, index - 1)].rows.push(...gone.rows)
      reorderFields()
    })
  }

  function edit(label: string, change: (d: FormDefinition) => void) {
    history.apply(label, () => change(definition.value))
  }

  // --- saving and publishing -------------------------------------------------------------------------------
  async function save(): Promise<boolean> {
    saving.value = true
    try {
      const answer = await call<{ problems: DefinitionProblem[] }>('PUT', `${designPath(app, formKey)}/draft`,
        { body: definition.value, ifMatch: etag.value ?? undefined })
      etag.value = answer.etag
      problems.value = answer.body.problems
      savedJson.value = JSON.stringify(definition.value)
      return true
    } finally {
      saving.value = false
    }
  }

  async function reloadDesign() {
    await fetchDesign()
  }

  return reactive({
    app, formKey, definition, published, design, problems, selection, loading, saving, dirty, publishedKeys, fieldKeys,
    history, load, save, reloadDesign, check, problemsAt, fieldPointer, columnPointer, findCell,
    addField, moveField, removeField, setWidth, updateField, renameField, edit,
    addColumn, moveColumn, removeColumn, addSection, removeSection,
  })
}

export type FormDesignState = ReturnType<typeof useFormDesign>
