// What to tell a person about a located problem. The server speaks their language for its own messages
// (Accept-Language); a validation rule's message is the definition's, so it comes from the form's own translations.
import type { ProblemError, StaffForm } from '../api/types'
import { labelOf } from '../i18n'

export function problemText(error: ProblemError, form: StaffForm | null | undefined, locale: string): string {
  if (error.code === 'RULE_FAILED' && form) {
    const key = /Rule '([^']+)'/.exec(error.message)?.[1]
    const rule = form.rules.find((r) => r.key === key) ?? form.rules.find((r) => r.field && error.pointer === `/fields/${r.field}`)
    if (rule?.message) return labelOf(rule.message, locale, error.message)
  }
  return error.message
}
