/**
 * HTML into article blocks: a saved web page or a WordPress post. A whole page (with `<html>` or
 * `<body>`) goes through Mozilla's Readability first, which finds the article among the
 * navigation, header, footer and sidebars; a bare fragment (a post's content) is read as it is.
 * The article's title is its `<h1>` (or Readability's title of the page).
 */
import { Readability } from '@mozilla/readability'
import { JSDOM } from 'jsdom'

import type { ArticleBlock } from './blocks'

import { FileImportError } from '../parse/ImportError'
import { collapse } from './blocks'

/** What `htmlToBlocks` found: the blocks, and the title when the page has one. */
export interface HtmlArticle {
  blocks: ArticleBlock[]
  title?: string
}

const SKIPPED = new Set([
  'ASIDE',
  'BUTTON',
  'FOOTER',
  'FORM',
  'IFRAME',
  'IMG',
  'INPUT',
  'NAV',
  'NOSCRIPT',
  'SCRIPT',
  'SELECT',
  'STYLE',
  'SVG',
  'TEMPLATE',
  'VIDEO',
])
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'BLOCKQUOTE',
  'DIV',
  'DL',
  'FIGCAPTION',
  'FIGURE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'UL',
])
const LISTS = new Set(['OL', 'UL'])
/** Page furniture inside an article: bylines, dates, share buttons, related posts, comments. */
const FURNITURE =
  /(?:^|[\s_-])(?:byline|author|entry-meta|post-meta|posted-on|dateline|share|sharing|social|related|comments?|breadcrumbs?|widget|sidebar|newsletter|advert|ads?)(?:$|[\s_-])/i

const isFurniture = (el: Element): boolean =>
  el.getAttribute('rel') === 'author' ||
  el.getAttribute('role') === 'navigation' ||
  el.getAttribute('aria-hidden') === 'true' ||
  FURNITURE.test(`${el.getAttribute('class') ?? ''} ${el.id}`)

const isElement = (node: Node): node is Element => node.nodeType === 1
const isBlock = (node: Node): boolean =>
  isElement(node) && (BLOCKS.has(node.tagName) || SKIPPED.has(node.tagName))

/** Text of a node as a reader sees it: `<br>` and block boundaries are spaces. */
export function textOf(node: Node): string {
  if (node.nodeType === 3) {
    return node.textContent ?? ''
  }
  if (!isElement(node) || SKIPPED.has(node.tagName)) {
    return ''
  }
  if (node.tagName === 'BR') {
    return ' '
  }
  const inner = [...node.childNodes].map(textOf).join('')
  return BLOCKS.has(node.tagName) ? ` ${inner} ` : inner
}

/** The inline markup of nodes, with block wrappers (`<p>` inside a list item) taken off. */
function fragmentOf(nodes: Node[]): string {
  return nodes
    .map((node) => {
      if (!isElement(node)) {
        return node.nodeType === 3 ? escapeText(node.textContent ?? '') : ''
      }
      if (SKIPPED.has(node.tagName) || LISTS.has(node.tagName)) {
        return ''
      }
      if (BLOCKS.has(node.tagName)) {
        return ` ${fragmentOf([...node.childNodes])} `
      }
      return node.outerHTML
    })
    .join('')
}

const escapeText = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

class BlockReader {
  readonly blocks: ArticleBlock[] = []

  read(parent: Node): void {
    let inline: Node[] = []
    const flush = () => {
      this.paragraph(inline)
      inline = []
    }
    for (const node of [...parent.childNodes]) {
      if (isBlock(node)) {
        flush()
        this.block(node as Element)
      } else {
        inline.push(node)
      }
    }
    flush()
  }

  private paragraph(nodes: Node[]): void {
    const text = collapse(nodes.map(textOf).join(''))
    if (text) {
      this.blocks.push({ kind: 'paragraph', text, fragment: fragmentOf(nodes).trim() })
    }
  }

  private block(el: Element): void {
    const tag = el.tagName
    if (SKIPPED.has(tag) || tag === 'HR' || isFurniture(el)) {
      return
    }
    const heading = /^H([1-6])$/.exec(tag)
    if (heading) {
      this.blocks.push({ kind: 'heading', level: Number(heading[1]), text: collapse(textOf(el)) })
    } else if (tag === 'P' || tag === 'PRE' || tag === 'ADDRESS' || tag === 'FIGCAPTION') {
      this.paragraph([...el.childNodes])
    } else if (LISTS.has(tag)) {
      this.list(el, 0)
    } else if (tag === 'BLOCKQUOTE') {
      this.quote(el)
    } else if (tag === 'TABLE') {
      for (const row of el.querySelectorAll('tr')) {
        const cells = [...row.children]
          .filter((c) => c.tagName === 'TD' || c.tagName === 'TH')
          .map((c) => collapse(textOf(c)))
        this.blocks.push({ kind: 'tableRow', cells })
      }
    } else {
      this.read(el)
    }
  }

  private list(el: Element, depth: number): void {
    const ordered = el.tagName === 'OL'
    const start = Number.parseInt(el.getAttribute('start') ?? '', 10)
    let number = Number.isFinite(start) ? start : 1
    for (const item of [...el.children]) {
      if (LISTS.has(item.tagName)) {
        this.list(item, depth + 1)
        continue
      }
      if (item.tagName !== 'LI') {
        continue
      }
      const own = [...item.childNodes].filter((n) => !(isElement(n) && LISTS.has(n.tagName)))
      const text = collapse(own.map(textOf).join(''))
      const value = Number.parseInt(item.getAttribute('value') ?? '', 10)
      if (Number.isFinite(value)) {
        number = value
      }
      if (text) {
        this.blocks.push({
          kind: 'listItem',
          text,
          fragment: collapse(fragmentOf(own)),
          depth,
          ordered,
          ...(ordered ? { number } : {}),
        })
      }
      number++
      for (const nested of item.children) {
        if (LISTS.has(nested.tagName)) {
          this.list(nested, depth + 1)
        }
      }
    }
  }

  private quote(el: Element): void {
    const cite = el.querySelector('cite, footer')
    let attribution = cite ? collapse(textOf(cite)).replace(/^[—–-]+\s*/u, '') : undefined
    cite?.remove()
    const parts = [...el.children].filter((c) => c.tagName === 'P')
    const last = parts[parts.length - 1]
    if (!attribution && parts.length > 1 && last && /^[—–]/u.test(collapse(textOf(last)))) {
      attribution = collapse(textOf(last)).replace(/^[—–]+\s*/u, '')
      last.remove()
    }
    const text = collapse(textOf(el))
    if (text) {
      this.blocks.push({ kind: 'quote', text, ...(attribution ? { attribution } : {}) })
    }
  }
}

/** The blocks of an element (a body, a fragment, an article); its first `<h1>` is the title. */
export function blocksOfElement(root: Element): HtmlArticle {
  const reader = new BlockReader()
  reader.read(root)
  const blocks = reader.blocks
  const first = blocks.findIndex((b) => b.kind === 'heading' && b.level === 1)
  const h1 = blocks[first]
  if (h1?.kind === 'heading' && h1.text) {
    blocks.splice(first, 1)
    return { blocks, title: h1.text }
  }
  return { blocks }
}

/** The blocks of an HTML document's body. */
export const blocksOfDocument = (document: Document): HtmlArticle => blocksOfElement(document.body)

/** "Post title – Site name" → "Post title". */
const siteless = (title: string): string | undefined =>
  title.replace(/\s+[|–—-]\s[^|–—-]+$/u, '').trim() || undefined

/** A whole web page, not only an article's markup. */
const isWholePage = (html: string): boolean => /<(?:html|body)[\s>]/i.test(html)

const NODE_ATTR = 'data-cited-node'

/** The smallest element of `page` that holds every element Readability kept. */
function articleElement(page: Document, content: string): Element | undefined {
  const kept = new JSDOM(content).window.document.querySelectorAll(`[${NODE_ATTR}]`)
  const byId = new Map(
    [...page.querySelectorAll(`[${NODE_ATTR}]`)].map((el) => [el.getAttribute(NODE_ATTR), el]),
  )
  let common: Element | undefined
  for (const copy of kept) {
    const original = byId.get(copy.getAttribute(NODE_ATTR))
    if (!original) {
      continue
    }
    if (!common) {
      common = original
      continue
    }
    while (common && !common.contains(original)) {
      common = common.parentElement ?? undefined
    }
  }
  return common
}

const NO_ARTICLE =
  'no article was found in this HTML page; save the page with its article text, or paste the article into a .txt or .md file'

/**
 * The article in an HTML file. Readability finds it in a whole page; the blocks are then read
 * from the page's own element that holds what Readability kept (Readability drops headings it
 * takes for the page title, such as "Benefits Comparison of …" under "Benefits of …"). Throws a
 * `FileImportError` when the file is empty or no article text can be found in the page.
 */
export function htmlToBlocks(html: string): HtmlArticle {
  if (!html.replace(/<!--[\s\S]*?-->/g, '').trim()) {
    throw new FileImportError('the HTML file is empty')
  }
  const page = new JSDOM(html).window.document
  if (!isWholePage(html)) {
    return requireText(blocksOfDocument(page))
  }
  const h1s = [...page.querySelectorAll('h1')].map((h) => collapse(textOf(h))).filter(Boolean)
  page.querySelectorAll('body *').forEach((el, index) => el.setAttribute(NODE_ATTR, String(index)))
  const found = new Readability(page.cloneNode(true) as Document, { keepClasses: false }).parse()
  if (!found?.content || !collapse(found.textContent ?? '')) {
    throw new FileImportError(NO_ARTICLE)
  }
  const element = articleElement(page, found.content)
  const article = element
    ? blocksOfElement(element.tagName === 'BODY' ? element : wrap(element))
    : blocksOfDocument(new JSDOM(found.content).window.document)
  const title =
    article.title ?? (h1s.length === 1 ? h1s[0] : undefined) ?? siteless(collapse(page.title))
  return requireText({ blocks: article.blocks, ...(title ? { title } : {}) })
}

/** An element inside a parent of its own, so the reader reads the element itself. */
function wrap(element: Element): Element {
  const parent = element.ownerDocument.createElement('div')
  parent.appendChild(element.cloneNode(true))
  return parent
}

function requireText(article: HtmlArticle): HtmlArticle {
  if (article.blocks.length === 0) {
    throw new FileImportError(NO_ARTICLE)
  }
  return article
}
