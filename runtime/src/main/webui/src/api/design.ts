// The design API's shapes (docs/spec.md §2, §3): definitions as stored, and what the designers get back.
import type { FieldDef, Label, Preview, RuleDef, StaffForm } from './types'

/** A problem of a definition: where it is, what it is, and whether it stops a publish. */
export interface DefinitionProblem {
  pointer: string
  code: string
  severity: 'error' | 'warning'
  message: string
}

export interface LayoutCell {
  field: string
  width?: number
}

export interface LayoutSection {
  label?: Label
  tab?: boolean
  rows: LayoutCell[][]
}

/** A field as a definition holds it; the designer edits any property of §2, so it stays open. */
export interface DesignField extends FieldDef {
  [property: string]: unknown
}

export interface DesignRule extends RuleDef {
  expression?: string
  normalize?: Record<string, string>
  [property: string]: unknown
}

export interface FormDefinition {
  schemaVersion: 1
  key: string
  label?: Label
  titleField?: string | null
  fields: DesignField[]
  rules?: DesignRule[]
  layout?: LayoutSection[]
}

export interface FormDesign {
  key: string
  draft: FormDefinition | null
  problems: DefinitionProblem[]
  draftSavedAt: string | null
  currentVersion: number | null
  versions: { version: number; publishedAt: string; publishedBy: string | null }[]
}

export interface MigrationStep {
  action: string
  table?: string
  column?: string
  sql?: string
  [detail: string]: unknown
}

export interface Published {
  version: number
  dryRun: boolean
  migration: MigrationStep[]
}

export interface DraftPreview {
  problems: DefinitionProblem[]
  form: StaffForm | null
  preview: Preview | null
}

export interface FunctionHelp {
  name: string
  signature: string
  summary: Record<string, string>
}

export interface DesignApp {
  key: string
  label: Label
  forms: { key: string; currentVersion: number | null; hasDraft: boolean }[]
  flows: { key: string; form: string; currentVersion: number | null }[]
}
