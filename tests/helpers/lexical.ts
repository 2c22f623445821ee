/** Builders for Lexical JSON as the admin's editor stores it. */
type Node = Record<string, unknown>

export const text = (value: string): Node => ({
  type: 'text',
  text: value,
  format: 0,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})

let counter = 0
export const claimRef = (claim: number | string): Node => ({
  type: 'inlineBlock',
  version: 1,
  fields: { id: `ref${(counter += 1)}`, blockType: 'claimRef', claim },
})

const element = (type: string, children: (Node | string)[], extra: Node = {}): Node => ({
  type,
  format: '',
  indent: 0,
  version: 1,
  direction: 'ltr',
  ...extra,
  children: children.map((child) => (typeof child === 'string' ? text(child) : child)),
})

export const paragraph = (...children: (Node | string)[]): Node =>
  element('paragraph', children, { textFormat: 0 })

export const listItem = (...children: (Node | string)[]): Node =>
  element('listitem', children, { value: 1 })

export const list = (...items: Node[]): Node =>
  element('list', items, { listType: 'bullet', start: 1, tag: 'ul' })

export const heading = (value: string, tag = 'h3'): Node => element('heading', [value], { tag })

export const richText = (...children: Node[]) => ({ root: element('root', children) })
