import type { Metadata } from 'next'

import { connection } from 'next/server'
import React from 'react'

import { listArticles } from '../api'

export const metadata: Metadata = { title: 'Articles' }

export default async function ArticlesPage() {
  // Rendered per request, not at build time (there is no API to read then); its data comes from
  // Next's cache, revalidated by Cited when a published article changes: a view costs no API call.
  await connection()
  const articles = await listArticles()
  return (
    <article className="article-list">
      <h1>Articles</h1>
      {articles.length === 0 ? (
        <p>No articles are published yet.</p>
      ) : (
        <ul>
          {articles.map((article) => (
            <li key={article.id}>
              <a href={`/articles/${article.slug}`}>{article.title}</a>
              {article.excerpt ? <p>{article.excerpt}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </article>
  )
}
