// A definition's label as the designer edits it, one language at a time (docs/spec.md §2: a text, or an object
// of translations; a plain text counts as English).
import type { Label } from '../../../api/types'

/** The label's text in one language, or '' when it has none. */
export function labelIn(label: Label | unknown, lang: string): string {
  if (label && typeof label === 'object') return (label as Record<string, string>)[lang] ?? ''
  return lang === 'en' ? String(label ?? '') : ''
}

/** The label with one language's text set (or taken out when empty); undefined once no language is left. */
export function withLabel(label: Label | unknown, lang: string, text: string): Record<string, string> | undefined {
  const next: Record<string, string> = label && typeof label === 'object'
    ? { ...(label as Record<string, string>) }
    : label ? { en: String(label) } : {}
  if (text) next[lang] = text
  else delete next[lang]
  return Object.keys(next).length ? next : undefined
}
