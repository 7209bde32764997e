// The list filter of docs/spec.md §4 as the filter builder edits it: groups of conditions, nested, each group all
// ("and") or any ("or"). The API form is {"and": [...]} / {"or": [...]} / one condition; the builder always keeps a
// root group so "add a condition" has a place to go.
import dayjs from 'dayjs'
import type { FieldDef } from '../api/types'

export interface Condition {
  kind: 'condition'
  field: string
  op: string
  value?: unknown
  /** a date range named relative to today ("this month"): its dates are worked out again whenever the list runs */
  preset?: RangePreset
}

export interface Group {
  kind: 'group'
  match: 'and' | 'or'
  items: Node[]
}

export type Node = Condition | Group

type ApiNode = { and: ApiNode[] } | { or: ApiNode[] } | { field: string; op: string; value?: unknown }

/** The system fields every list may filter on, typed like form fields for their editors. */
export const SYSTEM_FIELDS: FieldDef[] = [
  { key: 'createdAt', type: 'datetime' },
  { key: 'updatedAt', type: 'datetime' },
  { key: 'owner', type: 'user' },
  { key: 'createdBy', type: 'user' },
]

const TEXT = ['contains', 'eq', 'ne', 'startsWith', 'isNull']
const ORDERED = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'isNull']
const CHOICE = ['in', 'nin', 'isNull']

/** The operators the builder offers for a field type, the most useful first. */
export function opsFor(type: string): string[] {
  switch (type) {
    case 'number': case 'money': case 'percent': case 'formula': case 'rollup': return ORDERED
    case 'date': case 'datetime': return ['between', 'gte', 'lte', 'eq', 'isNull']
    case 'select': case 'user': case 'department': return CHOICE
    case 'multiselect': return CHOICE
    case 'boolean': return ['eq']
    case 'reference': return ['eq', 'ne', 'isNull']
    default: return TEXT
  }
}

/** The fields a filter may name: the visible scalar fields, then the system ones. */
export function filterable(fields: FieldDef[]): FieldDef[] {
  const scalar = fields.filter((f) => !['subtable', 'attachment'].includes(f.type) && !f.sensitive)
  return [...scalar, ...SYSTEM_FIELDS]
}

export function emptyGroup(match: 'and' | 'or' = 'and'): Group {
  return { kind: 'group', match, items: [] }
}

export function newCondition(field: FieldDef): Condition {
  const op = opsFor(field.type)[0]
  return { kind: 'condition', field: field.key, op, value: initialValue(field.type, op) }
}

export function initialValue(type: string, op: string): unknown {
  if (op === 'isNull') return true
  if (op === 'in' || op === 'nin') return []
  if (op === 'between') return null
  if (type === 'boolean') return true
  return null
}

/** Whether a condition has what it needs to be sent (an empty editor is left out, not refused). */
export function complete(c: Condition): boolean {
  if (c.op === 'isNull') return typeof c.value === 'boolean'
  if (Array.isArray(c.value)) return c.value.length > 0 && (c.op !== 'between' || c.value.every((v) => v !== null && v !== ''))
  return c.value !== null && c.value !== undefined && c.value !== ''
}

/** The API filter, or null when nothing is set. Incomplete conditions and empty groups are dropped. */
export function toApi(node: Node): ApiNode | null {
  if (node.kind === 'condition') {
    if (!complete(node)) return null
    return node.preset ? { field: node.field, op: node.op, value: node.value, preset: node.preset } : { field: node.field, op: node.op, value: node.value }
  }
  const items = node.items.map(toApi).filter((n): n is ApiNode => n !== null)
  if (items.length === 0) return null
  return node.match === 'and' ? { and: items } : { or: items }
}

/** The builder's tree of an API filter (as saved in a view or the URL); always a group at the root. */
export function fromApi(filter: unknown): Group {
  const node = readNode(filter)
  if (!node) return emptyGroup()
  return node.kind === 'group' ? node : { kind: 'group', match: 'and', items: [node] }
}

function readNode(value: unknown): Node | null {
  if (!value || typeof value !== 'object') return null
  const v = value as Record<string, unknown>
  for (const match of ['and', 'or'] as const) {
    if (Array.isArray(v[match])) {
      return { kind: 'group', match, items: (v[match] as unknown[]).map(readNode).filter((n): n is Node => n !== null) }
    }
  }
  if (typeof v.field === 'string' && typeof v.op === 'string') {
    const preset = RANGE_PRESETS.includes(v.preset as RangePreset) ? (v.preset as RangePreset) : undefined
    return { kind: 'condition', field: v.field, op: v.op, value: v.value, ...(preset ? { preset } : {}) }
  }
  return null
}

/** How many complete conditions a tree holds (the toolbar's badge). */
export function countConditions(node: Node): number {
  return node.kind === 'condition' ? (complete(node) ? 1 : 0) : node.items.reduce((n, i) => n + countConditions(i), 0)
}

/** A date range preset: [first, last] day (dates) or instant bounds (datetimes), in the browser's time zone. */
export type RangePreset = 'today' | 'thisWeek' | 'thisMonth' | 'lastMonth' | 'thisQuarter' | 'thisYear' | 'last7' | 'last30'

export const RANGE_PRESETS: RangePreset[] = ['today', 'thisWeek', 'thisMonth', 'lastMonth', 'thisQuarter', 'thisYear', 'last7', 'last30']

export function presetRange(preset: RangePreset, type: string, now = dayjs()): [string, string] {
  const day = now.startOf('day')
  const quarterStart = day.month(Math.floor(day.month() / 3) * 3).startOf('month')
  const [from, to] = ({
    today: [day, day],
    thisWeek: [day.subtract((day.day() + 6) % 7, 'day'), day.subtract((day.day() + 6) % 7, 'day').add(6, 'day')],
    thisMonth: [day.startOf('month'), day.endOf('month').startOf('day')],
    lastMonth: [day.subtract(1, 'month').startOf('month'), day.subtract(1, 'month').endOf('month').startOf('day')],
    thisQuarter: [quarterStart, quarterStart.add(2, 'month').endOf('month').startOf('day')],
    thisYear: [day.startOf('year'), day.endOf('year').startOf('day')],
    last7: [day.subtract(6, 'day'), day],
    last30: [day.subtract(29, 'day'), day],
  } as Record<RangePreset, [dayjs.Dayjs, dayjs.Dayjs]>)[preset]
  if (type === 'date') return [from.format('YYYY-MM-DD'), to.format('YYYY-MM-DD')]
  return [from.toISOString(), to.endOf('day').toISOString()]
}

// --- relative ranges ------------------------------------------------------------------------------------------------
// A list's state (its URL) keeps "preset" on a condition; the API's filter language has absolute values only, so a
// request carries the preset's dates as of now, and a saved view keeps the presets beside its filter, by pointer.

type Json = Record<string, unknown>

function walk(node: unknown, at: string, visit: (condition: Json, pointer: string) => unknown): unknown {
  if (!node || typeof node !== 'object') return node
  const v = node as Json
  for (const match of ['and', 'or'] as const) {
    if (Array.isArray(v[match])) return { [match]: (v[match] as unknown[]).map((n, i) => walk(n, `${at}/${match}/${i}`, visit)) }
  }
  return visit(v, at)
}

/** The filter as the API takes it: each preset's dates worked out for today, the marker left out. */
export function forApi(filter: unknown): unknown {
  return walk(filter, '', (c) => {
    if (!c.preset) return c
    const { preset, ...rest } = c
    const type = Array.isArray(c.value) && String(c.value[0] ?? '').length === 10 ? 'date' : 'datetime'
    return { ...rest, value: presetRange(preset as RangePreset, type) }
  })
}

/** The presets of a filter, by the JSON pointer of their condition ("/and/0"), as a saved view keeps them. */
export function presetsOf(filter: unknown): Record<string, string> {
  const found: Record<string, string> = {}
  walk(filter, '', (c, pointer) => {
    if (typeof c.preset === 'string') found[pointer] = c.preset
    return c
  })
  return found
}

/** A saved view's filter with its presets back on their conditions. */
export function withPresets(filter: unknown, presets: Record<string, string> | null | undefined): unknown {
  if (!presets || Object.keys(presets).length === 0) return filter
  return walk(filter, '', (c, pointer) => (presets[pointer] ? { ...c, preset: presets[pointer] } : c))
}
