import { get, post, recordsOf } from '../api/client'
import type { DirectoryPerson, RecordPage } from '../api/types'

// Names for ids, asked once per id and kept for the session: owners, people fields, departments, referenced records.
const people = new Map<string, string>()
const records = new Map<string, string>()
let departments: Map<string, string> | null = null

export async function peopleNames(ids: string[]): Promise<Map<string, string>> {
  const missing = [...new Set(ids.filter((id) => id && !people.has(id)))]
  for (let i = 0; i < missing.length; i += 200) {
    const chunk = missing.slice(i, i + 200)
    const found = await get<{ items: DirectoryPerson[] }>(`/directory/users?ids=${chunk.join(',')}`)
    found.items.forEach((p) => people.set(p.id, p.displayName || p.username))
  }
  return people
}

export async function departmentNames(): Promise<Map<string, string>> {
  if (!departments) {
    const found = await get<{ items: { id: string; name: string; path: string }[] }>('/directory/departments')
    departments = new Map(found.items.map((d) => [d.id, d.path]))
  }
  return departments
}

/** Titles of records of a form, by id; a record the caller may not read keeps no title. */
export async function recordTitles(app: string, form: string, titleField: string | null, ids: string[]) {
  const key = (id: string) => `${app}/${form}/${id}`
  const missing = [...new Set(ids.filter((id) => id && !records.has(key(id))))]
  for (let i = 0; i < missing.length; i += 200) {
    const chunk = missing.slice(i, i + 200)
    try {
      const page = await post<RecordPage>(`${recordsOf(app, form)}/query`, {
        filter: { field: 'id', op: 'in', value: chunk },
        limit: chunk.length,
      })
      page.items.forEach((r) => records.set(key(r.id), String((titleField && r.fields[titleField]) ?? r.id.slice(0, 8))))
    } catch {
      // not readable: shown as a short id
    }
  }
  return (id: string) => records.get(key(id)) ?? (id ? `#${id.slice(-6)}` : '')
}

export function rememberTitle(app: string, form: string, id: string, title: string) {
  records.set(`${app}/${form}/${id}`, title)
}
