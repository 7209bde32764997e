import { describe, expect, it } from 'vitest'
import { definitionDiff } from '../definitionDiff'
import type { FormDefinition } from '../../../../api/design'

const form = (fields: FormDefinition['fields']): FormDefinition => ({ schemaVersion: 1, key: 'deal', fields })

describe('what a publish changes', () => {
  it('names fields added, removed, retyped and changed, sub-table columns too', () => {
    const published = form([
      { key: 'name', type: 'text' },
      { key: 'amount', type: 'number' },
      { key: 'old', type: 'date' },
      { key: 'lines', type: 'subtable', fields: [{ key: 'qty', type: 'number' }] },
    ])
    const draft = form([
      { key: 'name', type: 'text', required: true },
      { key: 'amount', type: 'money' },
      { key: 'lines', type: 'subtable', fields: [{ key: 'qty', type: 'number' }, { key: 'price', type: 'money' }] },
      { key: 'stage', type: 'select' },
    ])
    expect(definitionDiff(published, draft)).toEqual([
      { key: 'name', table: undefined, kind: 'changed', properties: ['required'] },
      { key: 'amount', table: undefined, kind: 'retyped', from: 'number', to: 'money' },
      { key: 'price', table: 'lines', kind: 'added', to: 'money' },
      { key: 'stage', table: undefined, kind: 'added', to: 'select' },
      { key: 'old', table: undefined, kind: 'removed', from: 'date' },
    ])
  })

  it('lists every field as added on a first publish', () => {
    expect(definitionDiff(null, form([{ key: 'name', type: 'text' }])).map((c) => c.kind)).toEqual(['added'])
  })
})
