import type { AdminArea, MenuEntry } from './menu'
import { formDesignArea } from './design/formArea'
import { flowDesignArea } from './design/flowArea'
import { adminArea } from './admin/area'

// Each area owns its routes and menu entries in its own file, so the areas grow without touching each other.
const areas: AdminArea[] = [formDesignArea, flowDesignArea, adminArea]

export const adminRoutes = areas.flatMap((a) => a.routes)
export const adminMenu: MenuEntry[] = areas.flatMap((a) => a.menu)
