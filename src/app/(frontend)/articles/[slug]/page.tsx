import type { Metadata } from 'next'

import { notFound } from 'next/navigation'
import React from 'react'

import type { Article } from '../../../../../payload-types'

import { idOf } from '../../../../blocks/populated'
import { RenderBlocks } from '../../../../blocks/RenderBlocks'
import { CitedRichText } from '../../../../blocks/RichText/Component'
import { getArticle } from '../../api'

// Incremental static regeneration: each page is rendered on its first visit and kept until Cited
// revalidates it (a publish, a claim's new approved version, an edit of anything it shows), or
// REVALIDATE_SECONDS at most. No page is rendered at build time: there is no API to read then.
export const revalidate = 300
export const dynamicParams = true
export function generateStaticParams(): { slug: string }[] {
  return []
}

interface Props {
  params: Promise<{ slug: string }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getArticle((await params).slug)
  if (!article) {
    return { title: 'Not found' }
  }
  return {
    title: article.seo?.metaTitle || article.title,
    description: article.seo?.metaDescription || article.excerpt || undefined,
  }
}

/** The numbered reference list; entry n has the anchor `ref-n` that citations link to. */
function References({ references }: { references: Article['references'] }): React.ReactNode {
  if (!references || references.length === 0) {
    return null
  }
  return (
    <section className="references" aria-labelledby="references-heading">
      <h2 id="references-heading">References</h2>
      <ol>
        {references.map((reference) => (
          <li key={reference.number} id={`ref-${reference.number}`} value={reference.number}>
            {reference.formatted}
            {reference.links && reference.links.length > 0 ? (
              <span className="reference-links">
                {reference.links.map((link) => (
                  <a key={link.href} href={link.href} rel="noopener noreferrer" target="_blank">
                    {link.label}
                  </a>
                ))}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  )
}

export default async function ArticlePage({ params }: Props) {
  const article = await getArticle((await params).slug)
  if (!article) {
    notFound()
  }
  const numbersByClaim = new Map(
    (article.claimReferences ?? []).map((entry) => [entry.claimId, entry.referenceNumbers ?? []]),
  )
  const numbersOf = (claim: unknown): number[] => numbersByClaim.get(idOf(claim) ?? '') ?? []
  return (
    <article className="article">
      <header>
        <h1>{article.title}</h1>
        {article.author ? <p className="byline">By {article.author}</p> : null}
        {article.excerpt ? <p className="excerpt">{article.excerpt}</p> : null}
      </header>
      <CitedRichText data={article.intro} className="rich-text intro" />
      <RenderBlocks blocks={article.layout} numbersOf={numbersOf} />
      <CitedRichText data={article.conclusion} className="rich-text conclusion" />
      <References references={article.references} />
    </article>
  )
}
