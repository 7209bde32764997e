// The flow definition exactly as docs/spec.md §5 stores it: the designer edits this JSON, there is no second format.
import type { Label, ProblemError } from '../../api/types'

export type Approver =
  | { user: string }
  | { role: string }
  | { field: string }
  | { managerOf: string }
  | { department: string }
export type ApproverKind = 'user' | 'role' | 'field' | 'managerOf' | 'department'
export const APPROVER_KINDS: ApproverKind[] = ['user', 'role', 'department', 'field', 'managerOf']

export interface Timeout { after: string; action: 'remind' | 'approve' | 'reject' | 'escalate'; to?: Approver[] }
export interface ApprovalNode {
  type: 'approval'; key: string; label?: Label; approvers: Approver[]; mode?: 'any' | 'all' | 'sequential'; timeout?: Timeout
}
export interface BranchDef { when?: string; otherwise?: boolean; nodes: FlowNodeDef[] }
export interface SplitNode { type: 'branch' | 'parallel'; key?: string; branches: BranchDef[] }
export interface NotifyNode { type: 'notify'; key?: string; to: Approver[]; message: string }
export interface UpdateNode { type: 'update'; key?: string; set: Record<string, unknown> }
export type FlowNodeDef = ApprovalNode | SplitNode | NotifyNode | UpdateNode
export type NodeType = FlowNodeDef['type']
export const NODE_TYPES: NodeType[] = ['approval', 'branch', 'parallel', 'notify', 'update']

export interface Trigger { on: 'submit' | 'create' | 'update'; when?: string }
export interface FlowDef {
  schemaVersion: 1
  key: string
  form: string
  trigger: Trigger
  nodes: FlowNodeDef[]
  onApproved?: { set: Record<string, unknown> }
  onRejected?: { set: Record<string, unknown> }
}

/** A field of the flow's form as the editors offer it. */
export interface FormField { key: string; type: string; label: string; options?: { value: string; label: string }[] }

/** Where a node list lives: the JSON pointer of the array (`/nodes`, `/nodes/1/branches/0/nodes`). */
export type ListPointer = string

export function approverKind(a: Approver): ApproverKind {
  return Object.keys(a)[0] as ApproverKind
}

/** The value at a JSON pointer of the definition (undefined when there is none). */
export function at(root: unknown, pointer: string): any {
  if (pointer === '') return root
  return pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<any>((node, token) => (node == null ? undefined : node[token]), root)
}

/** A fresh node of a type, with keys that are new in the flow (approval keys must be unique). */
export function newNode(type: NodeType, flow: FlowDef): FlowNodeDef {
  switch (type) {
    case 'approval':
      return { type, key: freshKey(flow, 'approval'), approvers: [], mode: 'any' }
    case 'branch':
      return { type, branches: [{ when: '', nodes: [] }, { otherwise: true, nodes: [] }] }
    case 'parallel':
      return { type, branches: [{ nodes: [] }, { nodes: [] }] }
    case 'notify':
      return { type, to: [{ field: 'owner' }], message: '' }
    case 'update':
      return { type, set: {} }
  }
}

function freshKey(flow: FlowDef, prefix: string): string {
  const used = new Set<string>()
  const visit = (nodes: FlowNodeDef[]) => nodes.forEach((n) => {
    if (n.key) used.add(n.key)
    if (n.type === 'branch' || n.type === 'parallel') n.branches.forEach((b) => visit(b.nodes))
  })
  visit(flow.nodes)
  for (let i = 1; ; i++) if (!used.has(`${prefix}_${i}`)) return `${prefix}_${i}`
}

/** Problems by where they point, for the node (or branch) cards to show their own. */
export function problemsUnder(problems: ProblemError[], pointer: string, exact = false): ProblemError[] {
  return problems.filter((p) => {
    const at = p.pointer ?? ''
    if (at === pointer) return true
    if (exact || !at.startsWith(pointer + '/')) return false
    // a node's own problems: not those of the nodes nested in its branches
    return !at.slice(pointer.length).match(/^\/branches\/\d+\/nodes\/\d+/)
  })
}

/** Problems that no node card shows: at the root, the trigger, the outcomes, or an unknown place. */
export function flowLevelProblems(problems: ProblemError[], flow: FlowDef): ProblemError[] {
  return problems.filter((p) => {
    const pointer = p.pointer ?? ''
    const match = pointer.match(/^(\/nodes\/\d+(?:\/branches\/\d+\/nodes\/\d+)*)/)
    return !match || at(flow, match[1]) === undefined
  })
}
