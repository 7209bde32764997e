import { ApiProblem } from '../../api/client'

/**
 * A refusal as messages by where they point: `/name` → `name`, a problem without a pointer → `general`.
 * The form items of a dialog show each under its field; `general` goes on top.
 */
export function placeProblem(e: unknown, offline: string): Record<string, string> {
  if (!(e instanceof ApiProblem)) return { general: offline }
  const placed: Record<string, string> = {}
  for (const error of e.problem.errors) {
    const at = (error.pointer ?? '').replace(/^\//, '') || 'general'
    placed[at] = placed[at] ? `${placed[at]} ${error.message}` : error.message
  }
  if (!Object.keys(placed).length) placed.general = e.message
  return placed
}

/** A size in bytes for people: 3 B, 32 KB, 1.5 MB. */
export function sizeOf(bytes: number, t: (key: string, values: Record<string, unknown>) => string): string {
  if (bytes < 1024) return t('adminops.common.bytes', { n: bytes })
  if (bytes < 1024 * 1024) return t('adminops.common.kb', { n: Math.round(bytes / 102.4) / 10 })
  return t('adminops.common.mb', { n: Math.round(bytes / (1024 * 102.4)) / 10 })
}

/** Saves text as a file the browser downloads. */
export function download(fileName: string, text: string, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  URL.revokeObjectURL(url)
}
