import { describe, expect, it } from 'vitest'

import { toCsv } from '../../src/shared/csv'

const HEADER = ['at', 'note'] as const

/** The CSV of one row under a two-column header, without the header line. */
const row = (...cells: Parameters<typeof toCsv>[1][number]): string =>
  toCsv(HEADER, [cells]).slice('at,note\r\n'.length)

describe('toCsv', () => {
  it('writes a header row and ends every line with CRLF', () => {
    expect(toCsv(HEADER, [])).toBe('at,note\r\n')
    expect(
      toCsv(HEADER, [
        ['2026-01-31', 'ok'],
        ['2026-02-01', 'fine'],
      ]),
    ).toBe('at,note\r\n2026-01-31,ok\r\n2026-02-01,fine\r\n')
  })

  it('leaves plain text unquoted', () => {
    expect(row('a', 'about 70% of patients')).toBe('a,about 70% of patients\r\n')
  })

  it('quotes a cell holding a comma', () => {
    expect(row('a', 'pain, sleep')).toBe('a,"pain, sleep"\r\n')
  })

  it('quotes a cell holding a quote and doubles the quote', () => {
    expect(row('a', 'say "about 70%"')).toBe('a,"say ""about 70%"""\r\n')
  })

  it('quotes a cell holding a line break of any kind', () => {
    expect(row('a', 'one\ntwo')).toBe('a,"one\ntwo"\r\n')
    expect(row('a', 'one\r\ntwo')).toBe('a,"one\r\ntwo"\r\n')
    expect(row('a', 'one\rtwo')).toBe('a,"one\rtwo"\r\n')
  })

  it('writes empty cells for null, undefined and empty text', () => {
    expect(row(null, undefined)).toBe(',\r\n')
    expect(row('', 'x')).toBe(',x\r\n')
  })

  it('writes numbers and booleans as they read', () => {
    expect(row(3, -1.5)).toBe('3,-1.5\r\n')
    expect(row(true, false)).toBe('true,false\r\n')
  })

  it.each([
    ['=', '=1+1', "'=1+1"],
    ['+', '+1', "'+1"],
    ['-', '-1', "'-1"],
    ['@', '@SUM(A1)', "'@SUM(A1)"],
    ['a tab', '\tcmd', "'\tcmd"],
    ['a carriage return', '\rcmd', '"\'\rcmd"'],
  ])('defuses text starting with %s so a spreadsheet does not run it', (_start, text, written) => {
    expect(row('a', text)).toBe(`a,${written}\r\n`)
  })

  it('defuses a formula that also needs quoting', () => {
    expect(row('a', '=HYPERLINK("http://x.test","click")')).toBe(
      'a,"\'=HYPERLINK(""http://x.test"",""click"")"\r\n',
    )
  })

  it('leaves negative numbers and formula characters inside text alone', () => {
    expect(row(-3, 'a=b+c-d@e')).toBe('-3,a=b+c-d@e\r\n')
  })
})
