// Undo/redo for the flow designer: every edit is a command that records the definition before and after it, so undo
// and redo are exact and a burst of typing in one field merges into one command.
import { computed, ref } from 'vue'

interface Command { name: string; before: string; after: string; at: number }

const MERGE_WITHIN_MS = 1200
const LIMIT = 200

export function useCommandStack<T>(read: () => T, write: (value: T) => void) {
  const done = ref<Command[]>([])
  const undone = ref<Command[]>([])

  /** Applies an edit as a command; `name` merges consecutive edits of the same thing (typing into one input). */
  function run(name: string, edit: (draft: T) => void) {
    const before = JSON.stringify(read())
    const draft = JSON.parse(before) as T
    edit(draft)
    const after = JSON.stringify(draft)
    if (after === before) return
    const last = done.value[done.value.length - 1]
    if (last && last.name === name && Date.now() - last.at < MERGE_WITHIN_MS) {
      last.after = after
      last.at = Date.now()
    } else {
      done.value.push({ name, before, after, at: Date.now() })
      if (done.value.length > LIMIT) done.value.shift()
    }
    undone.value = []
    write(draft)
  }

  function undo() {
    const command = done.value.pop()
    if (!command) return
    undone.value.push(command)
    write(JSON.parse(command.before))
  }

  function redo() {
    const command = undone.value.pop()
    if (!command) return
    done.value.push({ ...command, at: 0 })
    write(JSON.parse(command.after))
  }

  function reset() {
    done.value = []
    undone.value = []
  }

  return { run, undo, redo, reset, canUndo: computed(() => done.value.length > 0), canRedo: computed(() => undone.value.length > 0) }
}
