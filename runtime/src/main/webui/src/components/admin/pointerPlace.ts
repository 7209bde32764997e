/**
 * Where a JSON pointer into a package points, in words: `/forms/3/fields/7/expression` → "forms › customer › fields ›
 * credit › expression", naming each array element by its `key` (or `path`, for departments) when it has one, so an
 * admin finds the place without counting.
 */
export function pointerPlace(document: unknown, pointer: string | undefined): string {
  if (!pointer) return ''
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
  const words: string[] = []
  let at: unknown = document
  for (const part of parts) {
    if (Array.isArray(at) && /^\d+$/.test(part)) {
      const item = at[Number(part)] as Record<string, unknown> | undefined
      const name = item && typeof item === 'object' ? (item.key ?? item.path ?? item.form) : undefined
      words.push(typeof name === 'string' ? name : `#${Number(part) + 1}`)
      at = item
    } else {
      words.push(part)
      at = at && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined
    }
  }
  return words.join(' › ')
}
