import { createI18n } from 'vue-i18n'
import en from './en.json'
import zhCN from './zh-CN.json'
import type { Label } from '../api/types'

// Each area of the app may keep its strings in parts/<area>.<locale>.json (one top-level key per area), merged here.
const parts = import.meta.glob<{ default: Record<string, unknown> }>('./parts/*.json', { eager: true })

function withParts(base: Record<string, unknown>, locale: string): Record<string, unknown> {
  const merged = { ...base }
  for (const [path, part] of Object.entries(parts)) {
    if (path.endsWith(`.${locale}.json`)) Object.assign(merged, part.default)
  }
  return merged
}

export type Locale = 'en' | 'zh-CN'
const STORED = 'brickwork.locale'

/** The user's choice, else the browser's language: Chinese for any zh-*, English otherwise. */
export function initialLocale(): Locale {
  const chosen = localStorage.getItem(STORED)
  if (chosen === 'en' || chosen === 'zh-CN') return chosen
  return navigator.language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

export function rememberLocale(locale: Locale) {
  localStorage.setItem(STORED, locale)
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'en',
  messages: { en: withParts(en, 'en'), 'zh-CN': withParts(zhCN, 'zh-CN') },
})

/** A definition's label in the chosen language: its own translation, then English, then any, then the fallback. */
export function labelOf(label: Label, locale: string, fallback = ''): string {
  if (label == null) return fallback
  if (typeof label === 'string') return label
  return label[locale] ?? label.en ?? Object.values(label)[0] ?? fallback
}
