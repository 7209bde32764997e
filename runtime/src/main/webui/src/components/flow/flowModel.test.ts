import { describe, expect, it } from 'vitest'
import { useCommandStack } from './commandStack'
import { at, flowLevelProblems, newNode, problemsUnder, type FlowDef } from './flowModel'

const flow: FlowDef = {
  schemaVersion: 1, key: 'f', form: 'deal', trigger: { on: 'submit' },
  nodes: [
    { type: 'approval', key: 'approval_1', approvers: [] },
    { type: 'branch', branches: [{ when: 'x', nodes: [{ type: 'approval', key: 'inner', approvers: [] }] }, { otherwise: true, nodes: [] }] },
  ],
}
const problem = (pointer: string) => ({ pointer, code: 'C', message: pointer })

describe('problems by where they point', () => {
  it('gives a node its own problems but not those of the nodes in its branches', () => {
    const all = [problem('/nodes/1'), problem('/nodes/1/branches/0/when'), problem('/nodes/1/branches/0/nodes/0/approvers')]
    expect(problemsUnder(all, '/nodes/1').map((p) => p.pointer)).toEqual(['/nodes/1', '/nodes/1/branches/0/when'])
    expect(problemsUnder(all, '/nodes/1/branches/0/nodes/0').map((p) => p.pointer)).toEqual(['/nodes/1/branches/0/nodes/0/approvers'])
  })

  it('leaves to the flow what no node holds', () => {
    const all = [problem('/trigger/on'), problem('/nodes/7/key'), problem('/nodes/0/key')]
    expect(flowLevelProblems(all, flow).map((p) => p.pointer)).toEqual(['/trigger/on', '/nodes/7/key'])
  })
})

describe('the definition', () => {
  it('reads JSON pointers and gives new approvals a key no node has', () => {
    expect(at(flow, '/nodes/1/branches/0/nodes/0').key).toBe('inner')
    expect((newNode('approval', flow) as { key: string }).key).toBe('approval_2')
  })
})

describe('the command stack', () => {
  it('undoes and redoes exactly, merging quick edits of one thing', () => {
    let value = { n: 0, s: '' }
    const stack = useCommandStack(() => value, (next) => { value = next })
    stack.run('n', (d) => { d.n = 1 })
    stack.run('s', (d) => { d.s = 'a' })
    stack.run('s', (d) => { d.s = 'ab' })
    stack.undo()
    expect(value).toEqual({ n: 1, s: '' })
    stack.undo()
    expect(value).toEqual({ n: 0, s: '' })
    expect(stack.canUndo.value).toBe(false)
    stack.redo()
    stack.redo()
    expect(value).toEqual({ n: 1, s: 'ab' })
    stack.undo()
    expect(stack.canRedo.value).toBe(true)
    stack.run('n', (d) => { d.n = 5 })
    expect(stack.canRedo.value).toBe(false)
  })
})
