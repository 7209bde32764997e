import { shallowRef } from 'vue'
import { get } from '../../api/client'
import type { FunctionHelp } from '../../api/design'

const functions = shallowRef<FunctionHelp[]>([])
let asked: Promise<void> | null = null

/** The language's functions with their help, asked of the server once per page. */
export function useFunctions() {
  asked ??= get<{ items: FunctionHelp[] }>('/design/expressions/functions')
    .then((answer) => { functions.value = answer.items })
    .catch(() => { asked = null })
  return functions
}
