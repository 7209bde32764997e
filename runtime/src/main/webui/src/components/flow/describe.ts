// One-line descriptions of approvers and nodes for the cards of the tree (and the simulator), in the UI language.
import type { Approver, FlowNodeDef, FormField } from './flowModel'
import { approverKind } from './flowModel'

type T = (key: string, values?: Record<string, unknown>) => string

export function describeApprover(a: Approver, t: T, fields: FormField[], names: Map<string, string>): string {
  const kind = approverKind(a)
  const value = (a as Record<string, string>)[kind]
  const field = () => fields.find((f) => f.key === value)?.label ?? value
  switch (kind) {
    case 'user': return names.get(value) ?? t('flowdesign.unknownUser')
    case 'role': return t('flowdesign.approverRole', { role: names.get(`role:${value}`) ?? value })
    case 'department': return t('flowdesign.approverDepartment', { department: names.get(value) ?? value })
    case 'field': return t('flowdesign.approverField', { field: field() })
    case 'managerOf': return t('flowdesign.approverManagerOf', { field: field() })
  }
}

export function describeNode(node: FlowNodeDef, t: T, fields: FormField[], names: Map<string, string>): string {
  switch (node.type) {
    case 'approval': {
      const who = node.approvers.map((a) => describeApprover(a, t, fields, names)).join(t('flowdesign.listSeparator'))
      return who || t('flowdesign.noApprovers')
    }
    case 'notify': {
      const who = node.to.map((a) => describeApprover(a, t, fields, names)).join(t('flowdesign.listSeparator'))
      return `${who || t('flowdesign.noRecipients')}${node.message ? `: ${node.message}` : ''}`
    }
    case 'update': {
      const set = Object.entries(node.set).map(([k, v]) => `${fields.find((f) => f.key === k)?.label ?? k} = ${String(v)}`)
      return set.join(t('flowdesign.listSeparator')) || t('flowdesign.nothingSet')
    }
    default:
      return t('flowdesign.branchCount', { n: node.branches.length })
  }
}
