import { createI18n } from 'vue-i18n'
import en from './en.json'
import zhCN from './zh-CN.json'
import type { Label } from '../api/types'

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
  messages: { en, 'zh-CN': zhCN },
})

/** A definition's label in the chosen language: its own translation, then English, then any, then the fallback. */
export function labelOf(label: Label, locale: string, fallback = ''): string {
  if (label == null) return fallback
  if (typeof label === 'string') return label
  return label[locale] ?? label.en ?? Object.values(label)[0] ?? fallback
}
