// How a record form is laid out (docs/spec.md §2, layout): sections of rows on a 12-column grid, consecutive tab
// sections shown as tabs, and whatever the layout does not place after it. A form without a layout flows as it
// always did: two fields a row, sub-tables and long texts the whole row.
import type { FieldDef, Label, StaffForm } from '../api/types'

export interface PlacedCell {
  field: FieldDef
  width: number
}

export interface PlacedSection {
  label?: Label
  rows: PlacedCell[][]
}

/** One block of the form: a plain section, or consecutive tab sections shown as one set of tabs. */
export interface LayoutBlock {
  tabbed: boolean
  sections: PlacedSection[]
}

const WIDE = new Set(['subtable', 'textarea'])
export const flowingWidth = (f: FieldDef) => (WIDE.has(f.type) ? 12 : 6)

/** The blocks to render, with only the fields shown now (hidden ones leave no gap; an emptied row goes). */
export function layoutBlocks(form: StaffForm, shown: FieldDef[]): LayoutBlock[] {
  const byKey = new Map(shown.map((f) => [f.key, f]))
  const placed = new Set<string>()
  const blocks: LayoutBlock[] = []
  for (const section of form.layout ?? []) {
    const rows = section.rows
      .map((row) => row.flatMap((cell) => {
        placed.add(cell.field)
        const field = byKey.get(cell.field)
        return field ? [{ field, width: cell.width ?? 12 }] : []
      }))
      .filter((row) => row.length > 0)
    const last = blocks[blocks.length - 1]
    const placedSection = { label: section.label, rows }
    if (section.tab && last?.tabbed) last.sections.push(placedSection)
    else blocks.push({ tabbed: !!section.tab, sections: [placedSection] })
  }
  const rest = shown.filter((f) => !placed.has(f.key))
  if (rest.length) blocks.push({ tabbed: false, sections: [{ rows: [rest.map((field) => ({ field, width: flowingWidth(field) }))] }] })
  return blocks.filter((b) => b.sections.some((s) => s.rows.length > 0))
}
