import type { AdminArea } from '../menu'

/** Running the platform: people, roles, departments, tokens, the audit log, storage, flow effects, packages, "view as". */
export const adminArea: AdminArea = {
  routes: [
    { path: 'admin/users', component: () => import('./UsersAdmin.vue'), meta: { admin: true } },
    { path: 'admin/roles', component: () => import('./RolesAdmin.vue'), meta: { admin: true } },
    { path: 'admin/departments', component: () => import('./DepartmentsAdmin.vue'), meta: { admin: true } },
    { path: 'admin/view-as', component: () => import('./ViewAsAdmin.vue'), meta: { admin: true } },
    { path: 'admin/tokens', component: () => import('./TokensAdmin.vue'), meta: { admin: true } },
    { path: 'admin/audit', component: () => import('./AuditAdmin.vue'), meta: { admin: true } },
    { path: 'admin/set-aside', component: () => import('./SetAsideAdmin.vue'), meta: { admin: true } },
    { path: 'admin/flow-effects', component: () => import('./FlowEffectsAdmin.vue'), meta: { admin: true } },
    { path: 'admin/packages', component: () => import('./PackagesAdmin.vue'), meta: { admin: true } },
  ],
  menu: [
    { path: '/admin/users', label: 'admin.users', testid: 'admin-users-link' },
    { path: '/admin/roles', label: 'admin.rolesTitle', testid: 'admin-roles-link' },
    { path: '/admin/departments', label: 'admin.departments', testid: 'admin-departments-link' },
    { path: '/admin/view-as', label: 'adminops.menu.viewAs', testid: 'admin-view-as-link' },
    { path: '/admin/tokens', label: 'adminops.menu.tokens', testid: 'admin-tokens-link' },
    { path: '/admin/audit', label: 'adminops.menu.audit', testid: 'admin-audit-link' },
    { path: '/admin/set-aside', label: 'adminops.menu.setAside', testid: 'admin-set-aside-link' },
    { path: '/admin/flow-effects', label: 'adminops.menu.effects', testid: 'admin-effects-link' },
    { path: '/admin/packages', label: 'adminops.menu.packages', testid: 'admin-packages-link' },
  ],
}
