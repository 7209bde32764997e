import { defineStore } from 'pinia'
import { call, get, post, session as tokens, setLanguage } from '../api/client'
import type { DirectoryPerson, Me, StaffApp, StaffForm } from '../api/types'
import { i18n, initialLocale, rememberLocale, type Locale } from '../i18n'

interface RecentRecord {
  app: string
  form: string
  id: string
  title: string
}

const RECENT = 'brickwork.recent'

/** Who is signed in, what they may open, and the forms they have opened (kept by ETag). */
export const useSession = defineStore('session', {
  state: () => ({
    me: null as Me | null,
    displayName: '',
    apps: [] as StaffApp[],
    forms: {} as Record<string, { form: StaffForm; etag: string | null }>,
    locale: initialLocale() as Locale,
    openTasks: 0,
    expired: false,
    recent: JSON.parse(localStorage.getItem(RECENT) || '[]') as RecentRecord[],
  }),
  getters: {
    signedIn: (state) => state.me !== null,
    isAdmin: (state) => state.me?.roles.includes('admin') ?? false,
  },
  actions: {
    async login(username: string, password: string) {
      const answer = await post<{ token: string }>('/auth/login', { username, password })
      tokens.save(answer.token)
      this.expired = false
      await this.load()
    },
    async logout() {
      try {
        await call('POST', '/auth/logout')
      } finally {
        tokens.clear()
        this.$reset()
      }
    },
    /** After a reload: the stored token still works, or the user signs in again. */
    async resume(): Promise<boolean> {
      if (!tokens.token()) return false
      try {
        await this.load()
        return true
      } catch {
        return false
      }
    },
    async load() {
      this.me = await get<Me>('/me')
      const [apps, people] = await Promise.all([
        get<{ items: StaffApp[] }>('/apps'),
        get<{ items: DirectoryPerson[] }>(`/directory/users?ids=${this.me.id}`),
      ])
      this.apps = apps.items
      this.displayName = people.items[0]?.displayName || this.me.username
      this.refreshTasks()
    },
    async refreshTasks() {
      try {
        const inbox = await get<{ items: unknown[] }>('/tasks?view=open&limit=100')
        this.openTasks = inbox.items.length
      } catch {
        this.openTasks = 0
      }
    },
    /** A form as the caller may use it; asked again with If-None-Match so an unchanged form costs a 304. */
    async form(app: string, form: string): Promise<StaffForm> {
      const key = `${app}/${form}`
      const held = this.forms[key]
      try {
        const answer = await call<StaffForm>('GET', `/apps/${app}/forms/${form}`, {
          headers: held?.etag ? { 'If-None-Match': held.etag } : {},
        })
        if (answer.status === 304 && held) return held.form
        this.forms[key] = { form: answer.body, etag: answer.etag }
        return answer.body
      } catch (problem) {
        if (held && (problem as { status?: number }).status === 304) return held.form
        throw problem
      }
    },
    setLocale(locale: Locale) {
      this.locale = locale
      rememberLocale(locale)
      i18n.global.locale.value = locale
      setLanguage(locale)
      document.documentElement.lang = locale
    },
    visited(entry: RecentRecord) {
      this.recent = [entry, ...this.recent.filter((r) => r.id !== entry.id)].slice(0, 12)
      localStorage.setItem(RECENT, JSON.stringify(this.recent))
    },
  },
})
