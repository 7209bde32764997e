import type { AdminArea } from '../menu'

/** The approval-flow designer: the flows of an app, and one flow's tree, simulator and versions. */
export const flowDesignArea: AdminArea = {
  routes: [
    { path: 'design/flows', component: () => import('./flows/FlowList.vue'), meta: { admin: true } },
    { path: 'design/flows/:app/:flow', component: () => import('./flows/FlowDesigner.vue'), meta: { admin: true } },
  ],
  menu: [{ path: '/design/flows', label: 'flowdesign.flows', testid: 'design-flows-link' }],
}
