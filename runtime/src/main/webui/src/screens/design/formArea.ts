import type { AdminArea } from '../menu'

/** The form designer: the apps and their forms, and a designer per form. */
export const formDesignArea: AdminArea = {
  routes: [
    { path: 'design', component: () => import('./DesignHome.vue'), meta: { admin: true } },
    { path: 'design/apps/:app/forms/:form', component: () => import('./forms/FormDesigner.vue'), meta: { admin: true } },
  ],
  menu: [{ path: '/design', label: 'formDesign.design', testid: 'design-link' }],
}
