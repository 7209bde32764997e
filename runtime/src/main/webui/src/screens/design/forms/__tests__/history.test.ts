import { describe, expect, it } from 'vitest'
import { useHistory } from '../history'

function subject() {
  let state = { fields: ['a'] as string[], label: '' }
  const history = useHistory(() => state, (value) => { state = value })
  return { history, get: () => state, set: (change: (s: typeof state) => void) => change(state) }
}

describe('the designer undo stack', () => {
  it('undoes and redoes each command exactly', () => {
    const { history, get, set } = subject()
    history.apply('!add', () => set((s) => { s.fields.push('b') }))
    history.apply('!add', () => set((s) => { s.fields.push('c') }))
    history.undo()
    expect(get().fields).toEqual(['a', 'b'])
    history.undo()
    expect(get().fields).toEqual(['a'])
    expect(history.canUndo.value).toBe(false)
    history.redo()
    history.redo()
    expect(get().fields).toEqual(['a', 'b', 'c'])
    expect(history.canRedo.value).toBe(false)
  })

  it('merges typing into one property as one command, but never commands marked with !', () => {
    const { history, get, set } = subject()
    for (const text of ['V', 'Vi', 'Vis']) history.apply('label', () => set((s) => { s.label = text }))
    history.undo()
    expect(get().label).toBe('')
    history.apply('!add', () => set((s) => { s.fields.push('b') }))
    history.apply('!add', () => set((s) => { s.fields.push('c') }))
    history.undo()
    expect(get().fields).toEqual(['a', 'b'])
  })

  it('keeps no command for an edit that changed nothing, and a new edit drops what was undone', () => {
    const { history, get, set } = subject()
    history.apply('label', () => set((s) => { s.label = '' }))
    expect(history.canUndo.value).toBe(false)
    history.apply('!add', () => set((s) => { s.fields.push('b') }))
    history.undo()
    history.apply('!add', () => set((s) => { s.fields.push('x') }))
    expect(history.canRedo.value).toBe(false)
    expect(get().fields).toEqual(['a', 'x'])
  })
})
