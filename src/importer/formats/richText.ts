/**
 * The inline markup of an imported article's paragraphs as Lexical, by Payload's own converters:
 * `convertHTMLToLexical` (with jsdom) for Word and HTML, `convertMarkdownToLexical` for
 * Markdown, with the editor config of the app's default Lexical editor. All paragraphs go
 * through the converter at once; if it does not answer one paragraph per fragment, each is
 * converted alone. Paragraphs without markup need no converter.
 */
import type { SanitizedConfig } from 'payload'

import {
  convertHTMLToLexical,
  convertMarkdownToLexical,
  editorConfigFactory,
} from '@payloadcms/richtext-lexical'
import { JSDOM } from 'jsdom'

import type { LexicalNode, RichLookup, RichParagraph } from '../richInline'
import type { RenderedArticle, RichFragment } from './blocks'

import { bulletText, isBullet } from '../parse/lines'

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

/** The Lexical editor config the converters need, from the app's Payload config. */
export function editorConfigOf(config: SanitizedConfig): Promise<EditorConfig> {
  return editorConfigFactory.default({ config })
}

/** The rich form of every paragraph of `rendered`, found by the paragraph's text. */
export function richParagraphs(rendered: RenderedArticle, editorConfig: EditorConfig): RichLookup {
  const markup = rendered.language === 'html' ? HTML_MARKUP : MARKDOWN_MARKUP
  const byText = new Map<string, RichParagraph>()
  const marked = rendered.fragments.filter((f) => markup.test(f.fragment))
  const converted =
    marked.length === 0
      ? []
      : (convert(editorConfig, rendered.language, marked) ??
        marked.map((f) => convert(editorConfig, rendered.language, [f])?.[0] ?? plainText(f.text)))
  const children = new Map(marked.map((f, i) => [f, converted[i] ?? plainText(f.text)]))
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
