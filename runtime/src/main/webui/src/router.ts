import { createRouter, createWebHistory, parseQuery } from 'vue-router'
import type { LocationQueryRaw } from 'vue-router'
import { useSession } from './stores/session'
import { adminRoutes } from './screens/areas'
import { loadAdminStrings } from './i18n'

// Screens load on first use, so the first page carries only the shell and the screen it opens.
/**
 * Every query character percent-encoded: vue-router leaves { and } as they are, the browser sends them raw, and the
 * server's HTTP layer refuses such a request line (400) — which a list's filter in the URL would always be.
 */
function stringifyQuery(query: LocationQueryRaw): string {
  return Object.entries(query).flatMap(([key, value]) => (Array.isArray(value) ? value : [value])
    .filter((v) => v !== undefined)
    .map((v) => (v === null ? encodeURIComponent(key) : `${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`)))
    .join('&')
}

export const router = createRouter({
  history: createWebHistory(),
  parseQuery,
  stringifyQuery,
  routes: [
    { path: '/login', component: () => import('./screens/LoginScreen.vue'), meta: { public: true } },
    {
      path: '/',
      component: () => import('./screens/ShellLayout.vue'),
      children: [
        { path: '', component: () => import('./screens/HomeScreen.vue') },
        { path: 'tasks', component: () => import('./screens/staff/TaskInbox.vue') },
        ...adminRoutes,
        {
          path: 'apps/:app',
          redirect: (to) => {
            const session = useSession()
            const app = session.apps.find((a) => a.key === to.params.app)
            return app?.forms[0] ? `/apps/${app.key}/${app.forms[0].key}` : '/'
          },
        },
        { path: 'apps/:app/:form', component: () => import('./screens/staff/RecordList.vue') },
        { path: 'apps/:app/:form/new', component: () => import('./screens/staff/RecordEdit.vue') },
        { path: 'apps/:app/:form/:id', component: () => import('./screens/staff/RecordDetail.vue') },
        { path: 'apps/:app/:form/:id/edit', component: () => import('./screens/staff/RecordEdit.vue') },
      ],
    },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
})

router.beforeEach(async (to) => {
  if (to.meta.public) return true
  const session = useSession()
  // the admin screens are for admins (the API refuses everyone else anyway)
  if (session.signedIn || (await session.resume())) {
    // an admin's menu and screens speak from the admin's strings: fetched before the first screen is drawn
    if (session.isAdmin) await loadAdminStrings()
    return !to.meta.admin || session.isAdmin || '/'
  }
  return { path: '/login', query: to.fullPath === '/' ? {} : { next: to.fullPath } }
})
