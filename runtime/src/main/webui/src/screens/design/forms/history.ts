// Every edit of a definition is a command on one stack (as form-js does), so undo and redo cover all of them.
// A command is kept as the definition before and after it: edits are small JSON trees, and snapshots make undo
// exact whatever the edit touched. Typing in one property within a moment is one command, not one per key.
import { computed, ref } from 'vue'

const LIMIT = 200
const MERGE_WITHIN_MS = 800

interface Step {
  label: string
  before: string
  after: string
  at: number
}

export function useHistory<T>(read: () => T, write: (value: T) => void) {
  const done = ref<Step[]>([])
  const undone = ref<Step[]>([])

  /** Applies {@code change} as one command; {@code label} names it, and equal labels in a row merge. */
  function apply(label: string, change: () => void) {
    const before = JSON.stringify(read())
    change()
    const after = JSON.stringify(read())
    if (before === after) return
    const last = done.value[done.value.length - 1]
    const now = Date.now()
    if (last && last.label === label && now - last.at < MERGE_WITHIN_MS && !label.startsWith('!')) {
      last.after = after
      last.at = now
    } else {
      done.value.push({ label, before, after, at: now })
      if (done.value.length > LIMIT) done.value.shift()
    }
    undone.value = []
  }

  function undo() {
    const step = done.value.pop()
    if (!step) return
    write(JSON.parse(step.before))
    undone.value.push(step)
  }

  function redo() {
    const step = undone.value.pop()
    if (!step) return
    write(JSON.parse(step.after))
    done.value.push({ ...step, at: 0 })
  }

  function clear() {
    done.value = []
    undone.value = []
  }

  return {
    apply, undo, redo, clear,
    canUndo: computed(() => done.value.length > 0),
    canRedo: computed(() => undone.value.length > 0),
  }
}
