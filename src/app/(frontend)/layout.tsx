import type { Metadata } from 'next'

import React from 'react'

import './styles.css'

export const metadata: Metadata = {
  title: { default: 'Articles', template: '%s — Cited example site' },
  description: 'Evidence-backed health articles: every number cited, every claim reviewed.',
}

/** The example public site: its own root layout, separate from the admin's. */
export default function FrontendLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <a href="/articles" className="site-name">
            Cited clinic
          </a>
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <p>Every statistic on this site is tied to a reviewed claim and its sources.</p>
        </footer>
      </body>
    </html>
  )
}
