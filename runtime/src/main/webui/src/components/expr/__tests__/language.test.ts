import { describe, expect, it } from 'vitest'
import { spanOf, withoutPosition } from '../language'

describe('where an expression problem is', () => {
  it('reads the position the server puts in front, in either language, and underlines the word there', () => {
    expect(spanOf("at position 11: There is no field 'mony'", 'number_1 * mony')).toEqual({ from: 11, to: 15 })
    expect(spanOf('第 11 个字符处：没有字段“mony”', 'number_1 * mony')).toEqual({ from: 11, to: 15 })
    expect(withoutPosition('第 11 个字符处：没有字段“mony”')).toBe('没有字段“mony”')
  })

  it('underlines the whole expression when the message names no position', () => {
    expect(spanOf('The expression gives text, not a number', 'name')).toEqual({ from: 0, to: 4 })
  })
})
