// What every card of the flow tree needs from the designer screen, provided once instead of passed down each level.
import type { InjectionKey, Ref } from 'vue'
import type { ProblemError } from '../../api/types'
import type { FlowDef, FormField, NodeType } from './flowModel'

export interface DesignerContext {
  flow: Ref<FlowDef>
  problems: Ref<ProblemError[]>
  fields: Ref<FormField[]>
  /** what the approver summaries call roles, departments and people */
  names: Ref<Map<string, string>>
  selected: Ref<string | null>
  /** simulated path: the pointers of the nodes a simulated record reaches */
  reached: Ref<Set<string>>
  add(list: string, index: number, type: NodeType): void
  remove(pointer: string): void
  select(pointer: string): void
  addBranch(pointer: string): void
  removeBranch(pointer: string, branch: number): void
}

export const DESIGNER: InjectionKey<DesignerContext> = Symbol('flow designer')
