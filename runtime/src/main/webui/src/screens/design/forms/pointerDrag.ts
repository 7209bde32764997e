// Dragging on the form canvas with pointer events (decision 0032): a field type from the palette or a field on the
// canvas is carried to a place — beside a field (its left or right half), a new row between rows, the end of a
// section, or a sub-table's columns. The canvas marks its drop places with data attributes; nothing moves in the
// DOM until the drop, which becomes one command, so Vue alone renders the canvas and undo covers the drag.
import { reactive } from 'vue'

export type DragPayload =
  | { kind: 'type'; type: string }
  | { kind: 'field'; key: string }
  | { kind: 'column'; table: string; key: string }

export type DropTarget =
  | { kind: 'cell'; section: number; row: number; index: number; side: 'before' | 'after' }
  | { kind: 'gap'; section: number; row: number }
  | { kind: 'column'; table: string; index: number; side: 'before' | 'after' }
  | { kind: 'columns'; table: string }

const START_AFTER_PX = 4

export const dragState = reactive<{ payload: DragPayload | null; target: DropTarget | null; label: string }>({
  payload: null,
  target: null,
  label: '',
})

function numbers(value: string | undefined) {
  return (value ?? '').split(',').map(Number)
}

/** The drop place under the pointer, if any, for what is carried. */
function targetAt(x: number, y: number, payload: DragPayload): DropTarget | null {
  for (const el of document.elementsFromPoint(x, y) as HTMLElement[]) {
    const d = el.dataset
    const rect = el.getBoundingClientRect()
    const side = x < rect.left + rect.width / 2 ? 'before' : 'after'
    if (d.dropColumn && payload.kind !== 'field') {
      const [table, index] = d.dropColumn.split(',')
      if (payload.kind === 'column' && payload.table !== table) return null
      return { kind: 'column', table, index: Number(index), side }
    }
    if (d.dropColumns && payload.kind !== 'field') {
      if (payload.kind === 'column' && payload.table !== d.dropColumns) return null
      return { kind: 'columns', table: d.dropColumns }
    }
    if (payload.kind === 'column') continue
    if (d.dropCell) {
      const [section, row, index] = numbers(d.dropCell)
      return { kind: 'cell', section, row, index, side }
    }
    if (d.dropGap) {
      const [section, row] = numbers(d.dropGap)
      return { kind: 'gap', section, row }
    }
  }
  return null
}

/**
 * Starts watching a pointer pressed on something draggable; a press that does not move is a click. The ghost
 * follows the pointer; {@code onDrop} gets what was carried and where it was let go.
 */
export function pressToDrag(event: PointerEvent, payload: DragPayload, label: string,
                            onDrop: (payload: DragPayload, target: DropTarget) => void) {
  if (event.button !== 0) return
  const startX = event.clientX
  const startY = event.clientY
  let ghost: HTMLElement | null = null

  function move(e: PointerEvent) {
    if (!ghost) {
      if (Math.hypot(e.clientX - startX, e.clientY - startY) < START_AFTER_PX) return
      ghost = document.createElement('div')
      ghost.className = 'drag-ghost'
      ghost.textContent = label
      ghost.setAttribute('data-testid', 'drag-ghost')
      document.body.appendChild(ghost)
      dragState.payload = payload
      dragState.label = label
      document.body.classList.add('dragging')
    }
    e.preventDefault()
    ghost.style.transform = `translate(${e.clientX + 12}px, ${e.clientY + 8}px)`
    dragState.target = targetAt(e.clientX, e.clientY, payload)
  }

  function finish(drop: boolean) {
    window.removeEventListener('pointermove', move)
    window.removeEventListener('pointerup', up)
    window.removeEventListener('keydown', key)
    const target = dragState.target
    if (ghost) {
      ghost.remove()
      document.body.classList.remove('dragging')
      // the click that follows a drag (if the pointer went up where it went down) must not select anything
      const swallow = (e: MouseEvent) => e.stopPropagation()
      window.addEventListener('click', swallow, { capture: true, once: true })
      setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 0)
    }
    const dragged = ghost !== null
    dragState.payload = null
    dragState.target = null
    if (drop && dragged && target) onDrop(payload, target)
  }

  function up() {
    finish(true)
  }

  function key(e: KeyboardEvent) {
    if (e.key === 'Escape') finish(false)
  }

  window.addEventListener('pointermove', move)
  window.addEventListener('pointerup', up)
  window.addEventListener('keydown', key)
}

/** Whether the target is the one a place on the canvas stands for (to draw the insertion mark there). */
export function isTarget(target: DropTarget | null, expected: Partial<DropTarget> & { kind: DropTarget['kind'] }): boolean {
  if (!target || target.kind !== expected.kind) return false
  return Object.entries(expected).every(([k, v]) => (target as Record<string, unknown>)[k] === v)
}
