// What a list shows, kept in the URL so a link reopens it exactly: ?view=<saved view>&type=kanban&group=stage
// &filter=<json>&sort=-amount&q=acme&cols=name,amount. A saved view is the same state under a name.
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { forApi, presetsOf, withPresets } from './filters'

export interface ListState {
  type: 'table' | 'kanban'
  filter: unknown
  sort: string
  q: string
  columns: string[]
  groupBy: string | null
}

export interface SavedView extends ListState {
  presets?: Record<string, string> | null
  id: string
  name: string
  shared: boolean
  owner: string
  version: number
  can: { update: boolean; delete: boolean }
}

export const DEFAULT_SORT = '-createdAt'

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v) as string | null | undefined

export function stateFromQuery(query: LocationQuery): ListState {
  let filter: unknown = null
  const text = one(query.filter)
  if (text) {
    try {
      filter = JSON.parse(text)
    } catch {
      filter = null
    }
  }
  const cols = one(query.cols)
  return {
    type: one(query.type) === 'kanban' ? 'kanban' : 'table',
    filter,
    sort: one(query.sort) || DEFAULT_SORT,
    q: one(query.q) ?? '',
    columns: cols ? cols.split(',').filter(Boolean) : [],
    groupBy: one(query.group) || null,
  }
}

/** The URL query of a state; the defaults are left out so a plain list has a plain URL. */
export function queryOf(state: ListState, view?: string | null): LocationQueryRaw {
  return {
    view: view || undefined,
    type: state.type === 'kanban' ? 'kanban' : undefined,
    group: state.type === 'kanban' && state.groupBy ? state.groupBy : undefined,
    filter: state.filter ? JSON.stringify(state.filter) : undefined,
    sort: state.sort && state.sort !== DEFAULT_SORT ? state.sort : undefined,
    q: state.q || undefined,
    cols: state.columns.length ? state.columns.join(',') : undefined,
  }
}

/** A saved view's state as the list holds it (the server's nulls made defaults). */
export function stateOfView(view: SavedView): ListState {
  return {
    type: view.type === 'kanban' ? 'kanban' : 'table',
    filter: withPresets(view.filter ?? null, view.presets),
    sort: view.sort || DEFAULT_SORT,
    q: view.q ?? '',
    columns: view.columns ?? [],
    groupBy: view.groupBy ?? null,
  }
}

export function sameState(a: ListState, b: ListState): boolean {
  return JSON.stringify(queryOf(a)) === JSON.stringify(queryOf(b))
}

/** The body of a view write. */
export function viewBody(name: string, shared: boolean, state: ListState) {
  return {
    name,
    shared,
    type: state.type,
    columns: state.columns,
    filter: forApi(state.filter ?? null),
    presets: presetsOf(state.filter ?? null),
    sort: state.sort === DEFAULT_SORT ? null : state.sort,
    q: state.q || null,
    groupBy: state.type === 'kanban' ? state.groupBy : null,
  }
}
