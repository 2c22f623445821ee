import type { Metadata } from 'next'

import React from 'react'

import { listArticles } from '../api'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: 'Articles' }

export default async function ArticlesPage() {
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
