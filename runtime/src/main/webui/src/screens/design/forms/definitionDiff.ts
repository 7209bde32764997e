// What a publish changes, as the admin thinks of it: fields added, removed (their data set aside, not lost),
// retyped (their data converted), and the properties changed on the others; sub-table columns likewise.
import type { DesignField, FormDefinition } from '../../../api/design'

export interface FieldChange {
  key: string
  /** the sub-table the column belongs to */
  table?: string
  kind: 'added' | 'removed' | 'retyped' | 'changed'
  from?: string
  to?: string
  properties?: string[]
}

const IGNORED = new Set(['key', 'fields'])

function changedProperties(before: DesignField, after: DesignField): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)])
  return [...names].filter((n) => !IGNORED.has(n) && JSON.stringify(before[n]) !== JSON.stringify(after[n])).sort()
}

function compare(before: DesignField[], after: DesignField[], table?: string): FieldChange[] {
  const old = new Map(before.map((f) => [f.key, f]))
  const changes: FieldChange[] = []
  for (const f of after) {
    const was = old.get(f.key)
    if (!was) changes.push({ key: f.key, table, kind: 'added', to: f.type })
    else if (was.type !== f.type) changes.push({ key: f.key, table, kind: 'retyped', from: was.type, to: f.type })
    else {
      const properties = changedProperties(was, f)
      if (properties.length) changes.push({ key: f.key, table, kind: 'changed', properties })
      if (f.type === 'subtable') changes.push(...compare((was.fields ?? []) as DesignField[], (f.fields ?? []) as DesignField[], f.key))
    }
  }
  const kept = new Set(after.map((f) => f.key))
  for (const f of before) if (!kept.has(f.key)) changes.push({ key: f.key, table, kind: 'removed', from: f.type })
  return changes
}

export function definitionDiff(published: FormDefinition | null, draft: FormDefinition): FieldChange[] {
  return compare(published?.fields ?? [], draft.fields)
}
