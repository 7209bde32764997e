import { ref } from 'vue'
import type { FieldDef, RecordView, StaffForm } from '../api/types'
import { departmentNames, peopleNames, recordTitles } from './names'

/**
 * Names for the ids a page of records holds: owners and people fields, departments, referenced records' titles.
 * `name(field, value)` answers what to show.
 */
export function useRecordNames() {
  const people = ref(new Map<string, string>())
  const departments = ref(new Map<string, string>())
  const titles = ref(new Map<string, (id: string) => string>())

  async function resolve(form: StaffForm, records: RecordView[]) {
    const personIds = records.map((r) => r.owner)
    for (const f of form.fields) {
      if (f.type === 'user') records.forEach((r) => personIds.push(r.fields[f.key] as string))
    }
    people.value = new Map(await peopleNames(personIds.filter(Boolean)))
    if (form.fields.some((f) => f.type === 'department')) departments.value = new Map(await departmentNames())
    const next = new Map(titles.value)
    for (const f of form.fields.filter((x) => x.type === 'reference' && x.target)) {
      const ids = records.map((r) => r.fields[f.key] as string).filter(Boolean)
      const target = form.references[f.target!]
      next.set(f.key, await recordTitles(form.app, f.target!, target?.titleField ?? null, ids))
    }
    titles.value = next
  }

  function name(field: FieldDef, value: unknown): string | null {
    if (value === null || value === undefined || value === '') return ''
    if (field.type === 'user') return people.value.get(String(value)) ?? ''
    if (field.type === 'department') return departments.value.get(String(value)) ?? ''
    if (field.type === 'reference') return titles.value.get(field.key)?.(String(value)) ?? ''
    return null
  }

  const person = (id: string | null | undefined) => (id ? people.value.get(id) ?? '' : '')

  return { resolve, name, person }
}
