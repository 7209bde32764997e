import { describe, expect, it } from 'vitest'
import { layoutBlocks } from '../formLayout'
import type { FieldDef, StaffForm } from '../../api/types'

const fields: FieldDef[] = [
  { key: 'name', type: 'text' }, { key: 'stage', type: 'select' }, { key: 'note', type: 'textarea' }, { key: 'lines', type: 'subtable' },
]
const form = (layout?: StaffForm['layout']) => ({ fields, layout } as unknown as StaffForm)

describe('how a record form is laid out', () => {
  it('flows two fields a row without a layout, wide ones alone', () => {
    const blocks = layoutBlocks(form(), fields)
    expect(blocks).toHaveLength(1)
    expect(blocks[0].sections[0].rows[0].map((c) => [c.field.key, c.width])).toEqual([['name', 6], ['stage', 6], ['note', 12], ['lines', 12]])
  })

  it('groups consecutive tab sections, leaves hidden fields out and puts unplaced fields after', () => {
    const blocks = layoutBlocks(form([
      { label: 'Deal', rows: [[{ field: 'name', width: 8 }, { field: 'stage', width: 4 }]] },
      { label: 'Notes', tab: true, rows: [[{ field: 'note' }]] },
      { label: 'Lines', tab: true, rows: [[{ field: 'lines' }]] },
    ]), fields.filter((f) => f.key !== 'stage' && f.key !== 'lines'))
    expect(blocks.map((b) => [b.tabbed, b.sections.length])).toEqual([[false, 1], [true, 2]])
    expect(blocks[0].sections[0].rows[0].map((c) => c.field.key)).toEqual(['name'])
    expect(blocks[1].sections[1].rows).toEqual([])
  })
})
