import type { AdminArea } from '../menu'

/** The form designer. */
export const formDesignArea: AdminArea = { routes: [], menu: [] }
