// What the expression editor knows of the language (docs/spec.md §2): where a problem is, and what to offer as
// the admin types. The checking itself is the server's, so the editor never disagrees with a publish.
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete'
import type { FunctionHelp } from '../../api/design'

export interface ExprField {
  key: string
  type: string
  label?: string
  /** a sub-table's columns, offered after "key." */
  columns?: ExprField[]
}

const KEYWORDS = ['and', 'or', 'not', 'true', 'false', 'null']

// the server puts where an expression goes wrong in front of its message, in the caller's language
const POSITION = /^(?:at position (\d+):|第 (\d+) 个字符处：)\s*/

/** The span a problem's message names ("at position 7: …"), else the whole text. */
export function spanOf(message: string, text: string): { from: number; to: number } {
  const at = POSITION.exec(message)
  if (!at) return { from: 0, to: Math.max(text.length, 0) }
  const from = Math.min(Number(at[1] ?? at[2]), text.length)
  const word = /^[A-Za-z_][\w.]*|^./.exec(text.slice(from))
  return { from, to: Math.min(text.length, from + (word ? word[0].length : 1)) }
}

/** The message without its position prefix, which the underline already shows. */
export function withoutPosition(message: string): string {
  return message.replace(POSITION, '')
}

export function completions(fields: () => ExprField[], functions: () => FunctionHelp[], locale: () => string) {
  return (context: CompletionContext): CompletionResult | null => {
    const word = context.matchBefore(/[A-Za-z_][\w]*\.?[\w]*/)
    if (!word && !context.explicit) return null
    const from = word ? word.from : context.pos
    const typed = word?.text ?? ''
    const dot = typed.indexOf('.')
    if (dot >= 0) {
      const table = fields().find((f) => f.key === typed.slice(0, dot) && f.columns)
      if (!table) return null
      return {
        from: from + dot + 1,
        options: table.columns!.map((c) => ({ label: c.key, type: 'property', detail: c.label ? `${c.label} · ${c.type}` : c.type })),
        validFor: /^\w*$/,
      }
    }
    const options: Completion[] = [
      ...fields().map((f) => ({ label: f.key, type: f.columns ? 'class' : 'variable', detail: f.label ? `${f.label} · ${f.type}` : f.type, boost: 2 })),
      ...functions().map((fn) => ({
        label: fn.name,
        type: 'function',
        detail: fn.signature,
        info: fn.summary[locale()] ?? fn.summary.en,
        apply: `${fn.name}(`,
      })),
      ...KEYWORDS.map((k) => ({ label: k, type: 'keyword' })),
    ]
    return { from, options, validFor: /^\w*$/ }
  }
}
