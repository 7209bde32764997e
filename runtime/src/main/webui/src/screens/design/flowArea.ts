import type { AdminArea } from '../menu'

/** The approval-flow designer. */
export const flowDesignArea: AdminArea = { routes: [], menu: [] }
