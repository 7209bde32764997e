import { createI18n } from 'vue-i18n'
import en from './en.json'
import zhCN from './zh-CN.json'
import type { Label } from '../api/types'

// The admin's areas (designers, admin screens) keep their strings in parts/<area>.<locale>.json, one top-level key
// each: they are fetched only for an admin, so staff never download them.
const parts = import.meta.glob<{ default: Record<string, unknown> }>('./parts/*.json')
let partsLoaded: Promise<void> | null = null

/** Merges every part's strings into their language, once; the admin's screens wait for it before they open. */
export function loadAdminStrings(): Promise<void> {
  partsLoaded ??= Promise.all(Object.entries(parts).map(async ([path, load]) => {
    const locale = /\.([A-Za-z-]+)\.json$/.exec(path)![1]
    i18n.global.mergeLocaleMessage(locale, (await load()).default)
  })).then(() => undefined)
  return partsLoaded
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
  messages: { en, 'zh-CN': zhCN },
})

/** A definition's label in the chosen language: its own translation, then English, then any, then the fallback. */
export function labelOf(label: Label, locale: string, fallback = ''): string {
  if (label == null) return fallback
  if (typeof label === 'string') return label
  return label[locale] ?? label.en ?? Object.values(label)[0] ?? fallback
}
