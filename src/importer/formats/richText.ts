/**
 * The inline markup of an imported article's paragraphs as Lexical, by Payload's own converters:
 * `convertHTMLToLexical` (with jsdom) for Word and HTML, `convertMarkdownToLexical` for
 * Markdown, with the editor config of the app's default Lexical editor. All paragraphs go
 * through the converter at once; if it does not answer one paragraph per fragment, each is
 * converted alone. Paragraphs without markup need no converter.
 *
 * A link whose address is not http(s), mailto, tel or relative (`javascript:`, `data:`, …) is
 * unwrapped — its words stay, the link goes — by the rule Cited applies to call-to-action and
 * source URLs (`linkUrlError`), and the import report says so.
 */
import type { SanitizedConfig } from 'payload'

import {
  convertHTMLToLexical,
  convertMarkdownToLexical,
  editorConfigFactory,
} from '@payloadcms/richtext-lexical'
import { JSDOM } from 'jsdom'

import type { ImportWarning } from '../parse'
import type { LexicalNode, RichLookup, RichParagraph } from '../richInline'
import type { RenderedArticle, RichFragment } from './blocks'

import { linkUrlError } from '../../evidence/locators'
import { bulletText, isBullet } from '../parse/lines'
import { plainOf } from '../richInline'

type EditorConfig = Awaited<ReturnType<typeof editorConfigFactory.default>>

const HTML_MARKUP = /<[a-z]|&[#\w]+;/i
const MARKDOWN_MARKUP = /[*_`[\]<\\~]/

const plainText = (text: string): LexicalNode[] => [
  { type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
]

/** Paragraph nodes of the converted document; undefined unless there is one per fragment. */
function convert(
  editorConfig: EditorConfig,
  language: RenderedArticle['language'],
  fragments: RichFragment[],
): LexicalNode[][] | undefined {
  const state =
    language === 'html'
      ? convertHTMLToLexical({
          editorConfig,
          html: fragments.map((f) => `<p>${f.fragment}</p>`).join(''),
          JSDOM,
        })
      : convertMarkdownToLexical({
          editorConfig,
          markdown: fragments.map((f) => f.fragment).join('\n\n'),
        })
  const nodes = state.root.children as unknown as LexicalNode[]
  if (nodes.length !== fragments.length || nodes.some((n) => n.type !== 'paragraph')) {
    return undefined
  }
  return nodes.map((n) => (Array.isArray(n.children) ? (n.children as LexicalNode[]) : []))
}

const LINKS = new Set(['autolink', 'link'])

/** `nodes` with every unsafe link replaced by its children; `found` hears of each one. */
function unwrapUnsafeLinks(
  nodes: LexicalNode[],
  found: (text: string, url: string) => void,
): LexicalNode[] {
  return nodes.flatMap((node) => {
    const children = Array.isArray(node.children) ? (node.children as LexicalNode[]) : undefined
    const fields = node.fields as undefined | { url?: unknown; linkType?: unknown }
    const url = typeof fields?.url === 'string' ? fields.url : undefined
    if (
      LINKS.has(node.type as string) &&
      fields?.linkType !== 'internal' &&
      url !== undefined &&
      linkUrlError(url) !== null
    ) {
      found(plainOf(children ?? []), url)
      return unwrapUnsafeLinks(children ?? [], found)
    }
    return children ? [{ ...node, children: unwrapUnsafeLinks(children, found) }] : [node]
  })
}

const shortened = (text: string, max: number): string =>
  text.length > max ? `${text.slice(0, max)}…` : text

/** The Lexical editor config the converters need, from the app's Payload config. */
export function editorConfigOf(config: SanitizedConfig): Promise<EditorConfig> {
  return editorConfigFactory.default({ config })
}

/** The rich form of every paragraph of `rendered`, found by the paragraph's text. */
export function richParagraphs(
  rendered: RenderedArticle,
  editorConfig: EditorConfig,
  warnings: ImportWarning[] = [],
): RichLookup {
  const markup = rendered.language === 'html' ? HTML_MARKUP : MARKDOWN_MARKUP
  const byText = new Map<string, RichParagraph>()
  const marked = rendered.fragments.filter((f) => markup.test(f.fragment))
  const converted =
    marked.length === 0
      ? []
      : (convert(editorConfig, rendered.language, marked) ??
        marked.map((f) => convert(editorConfig, rendered.language, [f])?.[0] ?? plainText(f.text)))
  const unsafe = (text: string, url: string) => {
    const scheme = /^\s*([a-z][a-z\d+.-]*):/i.exec(url)?.[1]?.toLowerCase()
    warnings.push({
      line: 0,
      message: `the link “${shortened(text.trim(), 60)}” pointed to ${scheme ? `a ${scheme}: address` : `“${shortened(url, 40)}”`}, which is not a web page; its text was kept without the link (links must start with https://, http://, mailto: or tel:, or be relative)`,
    })
  }
  const children = new Map(
    marked.map((f, i) => [f, unwrapUnsafeLinks(converted[i] ?? plainText(f.text), unsafe)]),
  )
  for (const fragment of rendered.fragments) {
    if (!byText.has(fragment.text)) {
      byText.set(fragment.text, {
        text: fragment.text,
        children: children.get(fragment) ?? plainText(fragment.text),
        ...(fragment.list ? { list: fragment.list } : {}),
      })
    }
  }
  return (paragraph) =>
    byText.get(paragraph) ?? (isBullet(paragraph) ? byText.get(bulletText(paragraph)) : undefined)
}
