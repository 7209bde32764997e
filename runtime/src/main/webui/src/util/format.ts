import dayjs from 'dayjs'
import relativeTime from 'dayjs/plugin/relativeTime'
import 'dayjs/locale/zh-cn'
import type { FieldDef, SelectOption } from '../api/types'
import { labelOf } from '../i18n'

dayjs.extend(relativeTime)

/**
 * A decimal string with the locale's grouping, digit for digit: money never goes through a binary number.
 * "1234567.5" → "1,234,567.5".
 */
export function groupDigits(value: string): string {
  const negative = value.startsWith('-')
  const [whole, fraction] = (negative ? value.slice(1) : value).split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return (negative ? '-' : '') + grouped + (fraction !== undefined ? `.${fraction}` : '')
}

const CURRENCY_SIGNS: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', JPY: '¥' }

export function money(value: unknown, currency?: string): string {
  if (value === null || value === undefined || value === '') return ''
  const text = String(value)
  const sign = currency ? CURRENCY_SIGNS[currency] ?? `${currency} ` : ''
  return sign + groupDigits(text)
}

export function date(value: unknown): string {
  return value ? dayjs(String(value)).format('YYYY-MM-DD') : ''
}

export function dateTime(value: unknown): string {
  return value ? dayjs(String(value)).format('YYYY-MM-DD HH:mm') : ''
}

export function fromNow(value: unknown, locale: string): string {
  return value ? dayjs(String(value)).locale(locale === 'zh-CN' ? 'zh-cn' : 'en').fromNow() : ''
}

export function optionLabel(options: SelectOption[] | undefined, value: unknown, locale: string): string {
  const option = options?.find((o) => o.value === value)
  return option ? labelOf(option.label, locale, option.value) : String(value ?? '')
}

/** A field's value as text for lists, cards and the detail view (references and people are resolved elsewhere). */
export function display(field: FieldDef, value: unknown, locale: string, yes = 'Yes', no = 'No'): string {
  if (value === null || value === undefined || value === '') return ''
  switch (field.type) {
    case 'money':
      return money(value, field.currency)
    case 'number':
    case 'rollup':
    case 'formula':
      return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? groupDigits(value) : String(value)
    case 'percent':
      return `${value}%`
    case 'boolean':
      return value ? yes : no
    case 'date':
      return date(value)
    case 'datetime':
      return dateTime(value)
    case 'select':
      return optionLabel(field.options, value, locale)
    case 'multiselect':
      return (value as string[]).map((v) => optionLabel(field.options, v, locale)).join(', ')
    case 'subtable':
      return `${(value as unknown[]).length}`
    case 'attachment':
      return Array.isArray(value) ? `${value.length}` : ''
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value)
  }
}

/** Types whose values are ids that need a name: references, people, departments. */
export const ID_TYPES = new Set(['reference', 'user', 'department'])
