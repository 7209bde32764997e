import type { AdminArea } from '../menu'

/** Running the platform: people, roles and the department tree. */
export const adminArea: AdminArea = {
  routes: [
    { path: 'admin/users', component: () => import('./UsersAdmin.vue'), meta: { admin: true } },
    { path: 'admin/roles', component: () => import('./RolesAdmin.vue'), meta: { admin: true } },
    { path: 'admin/departments', component: () => import('./DepartmentsAdmin.vue'), meta: { admin: true } },
  ],
  menu: [
    { path: '/admin/users', label: 'admin.users', testid: 'admin-users-link' },
    { path: '/admin/roles', label: 'admin.rolesTitle', testid: 'admin-roles-link' },
    { path: '/admin/departments', label: 'admin.departments', testid: 'admin-departments-link' },
  ],
}
