import type { RouteRecordRaw } from 'vue-router'

/** An entry of the user menu for admins: where it goes, its i18n key and the test id the browser tests click. */
export interface MenuEntry {
  path: string
  label: string
  testid: string
}

/** A screen area for admins: its routes (children of the shell, each marked admin) and its user-menu entries. */
export interface AdminArea {
  routes: RouteRecordRaw[]
  menu: MenuEntry[]
}
