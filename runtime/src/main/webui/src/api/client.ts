import type { Problem } from './types'

/** A refusal from the API, as problem+json: shown where its pointers point, never as a raw dump. */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem, readonly etag?: string) {
    super(problem.detail || problem.title || problem.code)
  }
  get status() {
    return this.problem.status
  }
  get code() {
    return this.problem.code
  }
}

const TOKEN_KEY = 'brickwork.token'
let language = 'en'
let onUnauthenticated: () => void = () => {}

export const session = {
  token: (): string | null => localStorage.getItem(TOKEN_KEY),
  save: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  clear: () => localStorage.removeItem(TOKEN_KEY),
}

export function setLanguage(lang: string) {
  language = lang
}

/** Called when the server no longer knows the session (expired, logged out elsewhere, user disabled). */
export function whenUnauthenticated(handler: () => void) {
  onUnauthenticated = handler
}

export interface Answer<T> {
  body: T
  etag: string | null
  status: number
}

export interface CallOptions {
  body?: unknown
  ifMatch?: string
  signal?: AbortSignal
  headers?: Record<string, string>
}

/** One call to /api/v1: the token, the language, JSON both ways, problems as {@link ApiProblem}. */
export async function call<T>(method: string, path: string, options: CallOptions = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language, ...options.headers }
  const token = session.token()
  if (token) headers.Authorization = `Bearer ${token}`
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  if (options.ifMatch) headers['If-Match'] = options.ifMatch
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  })
  const etag = response.headers.get('ETag')
  const text = await response.text()
  const parsed = text ? safeJson(text) : null
  if (!response.ok && response.status !== 304) {
    const problem: Problem = parsed && typeof parsed === 'object' && 'code' in parsed
      ? { errors: [], ...(parsed as Problem) }
      : { status: response.status, code: `HTTP_${response.status}`, errors: [] }
    if (response.status === 401 && !path.startsWith('/auth/login')) {
      session.clear()
      onUnauthenticated()
    }
    throw new ApiProblem(problem, etag ?? undefined)
  }
  return { body: parsed as T, etag, status: response.status }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

export const get = <T>(path: string, signal?: AbortSignal) => call<T>('GET', path, { signal }).then((a) => a.body)
export const post = <T>(path: string, body?: unknown) => call<T>('POST', path, { body }).then((a) => a.body)

/** The records base path of a form. */
export const recordsOf = (app: string, form: string) => `/apps/${app}/forms/${form}/records`
