import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { i18n } from './i18n'
import { router } from './router'
import { setLanguage, whenUnauthenticated } from './api/client'
import { useSession } from './stores/session'
import './style.css'
// called from code, not templates, so the per-component style import never sees them
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'

const app = createApp(App)
app.use(createPinia())
app.use(i18n)
app.use(router)

const session = useSession()
session.setLocale(session.locale)
setLanguage(session.locale)
whenUnauthenticated(() => {
  if (router.currentRoute.value.meta.public) return
  session.$reset()
  session.expired = true
  router.replace({ path: '/login', query: { next: router.currentRoute.value.fullPath } })
})

app.mount('#app')
