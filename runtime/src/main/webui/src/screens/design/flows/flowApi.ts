// The flow designer's calls (docs/spec.md §3, §5): drafts, publish, versions, the simulator and BPMN uploads.
import { ApiProblem, call, get, post, session } from '../../../api/client'
import type { Label, Problem, ProblemError } from '../../../api/types'
import { i18n } from '../../../i18n'
import type { FlowDef, FormField } from '../../../components/flow/flowModel'

export interface AppSummary { key: string; label: Label }
export interface FlowSummary { key: string; form: string | null; currentVersion: number | null }
export interface AppDetail { key: string; label: Label; forms: { key: string; currentVersion: number | null }[]; flows: FlowSummary[] }
export interface FlowVersionSummary { version: number; form: string; processDefinitionId: string; publishedAt: string }
export interface FlowView {
  key: string
  format: 'json' | 'bpmn'
  draft: FlowDef | string | null
  binding: { form: string; trigger: { on: string; when?: string } } | null
  problems: ProblemError[]
  draftSavedAt: string | null
  currentVersion: number | null
  versions: FlowVersionSummary[]
}
export interface Person { id: string; name: string | null }
export interface SimulatedStep {
  pointer: string
  type: string
  key?: string
  label?: Label
  mode?: string
  approvers?: Person[]
  timeout?: { after: string; action: string; escalateTo?: Person[] }
  conditions?: { branch: number; when?: string; otherwise: boolean; holds: boolean }[]
  taken?: number
  to?: Person[]
  message?: string
  set?: Record<string, unknown>
  problem?: string
}
export interface Simulation {
  flow: string
  form: string
  trigger: { on: string; when?: string; holds?: boolean | null }
  steps: SimulatedStep[]
  outcome: 'approved' | 'blocked' | 'not_started'
  onApproved: Record<string, unknown>
  onRejected: Record<string, unknown>
}

const design = (app: string) => `/design/apps/${app}`
const flowPath = (app: string, flow: string) => `${design(app)}/flows/${flow}`

export const listApps = () => get<{ items: AppSummary[] }>('/design/apps').then((a) => a.items)
export const appDetail = (app: string) => get<AppDetail>(design(app))

/** The fields of a form's current published version, as the editors offer them (with the system user fields). */
export async function formFields(app: string, form: string, locale: string): Promise<FormField[]> {
  const info = await get<{ currentVersion: number | null }>(`${design(app)}/forms/${form}`)
  if (!info.currentVersion) return []
  const version = await get<{ definition: { fields: { key: string; type: string; label?: Label; options?: { value: string; label?: Label }[] }[] } }>(
    `${design(app)}/forms/${form}/versions/${info.currentVersion}`)
  const text = (l: Label, fallback: string) => (typeof l === 'string' ? l : l?.[locale] ?? l?.en ?? fallback)
  return [
    ...version.definition.fields.map((f) => ({
      key: f.key, type: f.type, label: text(f.label, f.key),
      options: f.options?.map((o) => ({ value: o.value, label: text(o.label, o.value) })),
    })),
    { key: 'owner', type: 'user', label: i18n.global.t('flowdesign.owner') },
    { key: 'created_by', type: 'user', label: i18n.global.t('flowdesign.createdBy') },
  ]
}

export async function readFlow(app: string, flow: string) {
  const answer = await call<FlowView>('GET', flowPath(app, flow))
  return { flow: answer.body, etag: answer.etag }
}

export async function saveDraft(app: string, flow: string, definition: FlowDef, ifMatch: string | null) {
  const answer = await call<{ problems: ProblemError[]; savedAt: string }>('PUT', `${flowPath(app, flow)}/draft`,
    { body: definition, ifMatch: ifMatch ?? undefined })
  return { ...answer.body, etag: answer.etag }
}

export const publishFlow = (app: string, flow: string) =>
  post<{ version: number; processDefinitionId: string }>(`${flowPath(app, flow)}/publish`)

export const simulate = (app: string, flow: string, body: { definition: FlowDef; record: string | null; fields: Record<string, unknown>; owner: string | null }) =>
  post<Simulation>(`${flowPath(app, flow)}/simulate`, body)

/** The deployed BPMN of a published version (XML, not JSON). */
export async function versionBpmn(app: string, flow: string, version: number): Promise<string> {
  const response = await raw('GET', `${flowPath(app, flow)}/versions/${version}/bpmn`, undefined, 'application/xml')
  return response.text()
}

/** Uploads a BPMN file as the flow's draft, bound to a form and a trigger; answers its located problems. */
export async function uploadBpmn(app: string, flow: string, xml: string, form: string, on: string) {
  const query = `?form=${encodeURIComponent(form)}&on=${encodeURIComponent(on)}`
  const response = await raw('PUT', `${flowPath(app, flow)}/draft${query}`, xml, 'application/json')
  return (await response.json()) as { problems: ProblemError[]; savedAt: string }
}

/** A call whose body or answer is not JSON (the API client speaks JSON only); problems still come as ApiProblem. */
async function raw(method: string, path: string, xml: string | undefined, accept: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: `${accept}, application/problem+json`, 'Accept-Language': i18n.global.locale.value }
  const token = session.token()
  if (token) headers.Authorization = `Bearer ${token}`
  if (xml !== undefined) headers['Content-Type'] = 'application/xml'
  const response = await fetch(`/api/v1${path}`, { method, headers, body: xml })
  if (!response.ok) {
    const problem = await response.json().catch(() => null) as Problem | null
    throw new ApiProblem(problem && problem.code ? { errors: [], ...problem } : { status: response.status, code: `HTTP_${response.status}`, errors: [] })
  }
  return response
}
