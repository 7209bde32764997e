// The shapes of docs/spec.md that the staff screens read. Money and decimals are strings (exact digits).

export type Label = string | Record<string, string> | null | undefined

export interface Problem {
  status: number
  code: string
  title?: string
  detail?: string
  errors: ProblemError[]
}

export interface ProblemError {
  pointer?: string
  code: string
  message: string
  blockedBy?: { id: string }[]
}

export interface Me {
  id: string
  username: string
  roles: string[]
  department: string | null
}

export interface FormCan {
  create: boolean
  read: boolean
  update: boolean
  delete: boolean
  import: boolean
  export: boolean
  share?: boolean
}

export interface FormEntry {
  key: string
  label: Label
  can: FormCan
}

export interface StaffApp {
  key: string
  label: Label
  forms: FormEntry[]
}

export interface SelectOption {
  value: string
  label?: Label
  color?: string
}

export interface FieldDef {
  key: string
  type: string
  label?: Label
  description?: Label
  required?: boolean
  readOnly?: boolean
  sensitive?: boolean
  options?: SelectOption[]
  target?: string
  fields?: FieldDef[]
  expression?: string
  visibleWhen?: string
  readOnlyWhen?: string
  currency?: string
  integer?: boolean
  scale?: number
  min?: number | string
  max?: number | string
  maxLength?: number
  default?: unknown
  index?: boolean
  unique?: boolean
}

export interface RuleDef {
  type: 'validation' | 'duplicate'
  key: string
  field?: string
  fields?: string[]
  action?: 'block' | 'warn'
  message?: Label
}

export interface StaffForm {
  app: string
  key: string
  label: Label
  version: number
  titleField: string | null
  fields: FieldDef[]
  rules: RuleDef[]
  references: Record<string, { label: Label; titleField: string | null }>
  can: FormCan
  /** docs/spec.md §2: sections of rows on a 12-column grid; absent, fields flow two a row */
  layout?: { label?: Label; tab?: boolean; rows: { field: string; width?: number }[][] }[]
}

export type Fields = Record<string, unknown>

export interface RecordView {
  id: string
  version: number
  createdAt: string
  updatedAt: string
  createdBy: string
  owner: string
  approval: string
  deletedAt?: string
  fields: Fields
  meta?: { duplicates?: DuplicateMatch[]; can?: { update: boolean; delete: boolean } }
}

export interface RecordPage {
  items: RecordView[]
  nextCursor: string | null
  total?: number
  /** true when total is the planner's estimate (past the exact-count threshold): shown as "about" */
  totalEstimated?: boolean
}

export interface DuplicateMatch {
  rule: string
  form: string
  action?: 'block' | 'warn'
  records: string[]
}

export interface Preview {
  fields: Fields
  rows: Record<string, Fields[]>
  hidden: string[]
  readOnly: string[]
  errors: ProblemError[]
}

export interface TimelineEntry {
  id: string
  version: number
  action: string
  by: string | null
  at: string
  changes?: Record<string, { from: unknown; to: unknown }>
  detail?: Record<string, unknown>
}

export interface Person {
  id: string
  name: string
}

export interface ApprovalView {
  state: string
  flow: string | null
  current: { step: string; assignee: Person | null; created: string; task: string | null }[]
  history: { at: string; event: string; step?: string; by?: Person; comment?: string; to?: Person; outcome?: string }[]
  actions: string[]
  task: string | null
  /** each step's label per language, by step key */
  steps?: Record<string, Label>
}

export interface Task {
  id: string | null
  step: string | null
  stepLabel?: Label
  flow: string
  created?: string
  due?: string | null
  decision?: string
  comment?: string
  decidedAt?: string
  submittedAt?: string
  record: { id: string; app: string; form: string; title: string | null; approval: string; link: string }
}

export interface DirectoryPerson {
  id: string
  username: string
  displayName: string
  disabled: boolean
  department: { id: string; name: string } | null
}

export interface Notification {
  id: string
  kind: string
  message: string
  app: string
  form: string
  record: string
  task: string | null
  createdAt: string
  read: boolean
}
