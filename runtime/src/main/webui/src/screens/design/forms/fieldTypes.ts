// The palette: every field type of docs/spec.md §2, with what a new field of it starts as. A new field always
// starts valid where it can; where it cannot (a roll-up needs its source), the draft's problems say what to fill in.
import type { Component } from 'vue'
import { Calendar, Clock, Link, OfficeBuilding, Paperclip, User } from '@element-plus/icons-vue'
import type { DesignField } from '../../../api/design'

export interface FieldType {
  type: string
  /** glyph shown on the palette and the canvas: a few characters, or an icon where no character reads well */
  icon: string | Component
  group: 'basic' | 'choice' | 'relation' | 'computed' | 'layout'
  wide?: boolean
}

export const FIELD_TYPES: FieldType[] = [
  { type: 'text', icon: 'Aa', group: 'basic' },
  { type: 'textarea', icon: '¶', group: 'basic', wide: true },
  { type: 'number', icon: '12', group: 'basic' },
  { type: 'money', icon: '¥', group: 'basic' },
  { type: 'percent', icon: '%', group: 'basic' },
  { type: 'date', icon: Calendar, group: 'basic' },
  { type: 'datetime', icon: Clock, group: 'basic' },
  { type: 'boolean', icon: '☑', group: 'basic' },
  { type: 'email', icon: '@', group: 'basic' },
  { type: 'phone', icon: '☎', group: 'basic' },
  { type: 'url', icon: Link, group: 'basic' },
  { type: 'attachment', icon: Paperclip, group: 'basic' },
  { type: 'select', icon: '◉', group: 'choice' },
  { type: 'multiselect', icon: '☷', group: 'choice' },
  { type: 'user', icon: User, group: 'relation' },
  { type: 'department', icon: OfficeBuilding, group: 'relation' },
  { type: 'reference', icon: '↗', group: 'relation' },
  { type: 'subtable', icon: '▦', group: 'relation', wide: true },
  { type: 'formula', icon: 'ƒx', group: 'computed' },
  { type: 'rollup', icon: 'Σ', group: 'computed' },
  { type: 'lookup', icon: '⇢', group: 'computed' },
  { type: 'autonumber', icon: '#', group: 'computed' },
]

export const TYPE_OF = new Map(FIELD_TYPES.map((t) => [t.type, t]))
export const COMPUTED_TYPES = new Set(['formula', 'rollup', 'lookup', 'autonumber'])
/** types a sub-table column may have: no nested sub-tables, and nothing computed from other records */
export const COLUMN_TYPES = FIELD_TYPES.filter((t) => !['subtable', 'rollup', 'lookup', 'autonumber', 'attachment'].includes(t.type))

/** A fresh field of a type, with a key not yet taken and labels in both languages. */
export function newField(type: string, taken: Set<string>, typeLabel: (type: string, locale: string) => string,
                         otherForms: string[]): DesignField {
  let n = 1
  while (taken.has(`${type}_${n}`)) n++
  const key = `${type}_${n}`
  const field: DesignField = { key, type, label: { en: `${typeLabel(type, 'en')} ${n}`, 'zh-CN': `${typeLabel(type, 'zh-CN')} ${n}` } }
  switch (type) {
    case 'select':
    case 'multiselect':
      field.options = [1, 2].map((i) => ({ value: `option_${i}`, label: { en: `Option ${i}`, 'zh-CN': `选项 ${i}` } }))
      break
    case 'reference':
      if (otherForms[0]) field.target = otherForms[0]
      break
    case 'subtable':
      field.fields = [{ key: 'item', type: 'text', label: { en: 'Item', 'zh-CN': '项目' } }]
      break
    case 'formula':
      field.expression = ''
      break
    case 'autonumber':
      field.pattern = 'NO-{seq:4}'
      break
    case 'money':
      field.currency = 'CNY'
      break
  }
  return field
}
