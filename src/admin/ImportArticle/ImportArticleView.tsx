/**
 * `/admin/import-article`: upload an article (Word, web page, Markdown or text), read the dry
 * run — what will be created and every statistic that needs a source — and confirm to create
 * the draft. Editors and admins only; everyone else sees why.
 */
import type { AdminViewServerProps } from 'payload'

import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'

import { hasRole } from '../../shared/roles'
import { ImportArticleForm } from './ImportArticleForm'

export const IMPORT_ARTICLE_VIEW_PATH = '/import-article'

export function ImportArticleView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { permissions, req, visibleEntities, locale } = initPageResult
  const adminRoute = req.payload.config.routes.admin
  if (!req.user) {
    redirect(
      `${adminRoute}/login?redirect=${encodeURIComponent(`${adminRoute}${IMPORT_ARTICLE_VIEW_PATH}`)}`,
    )
  }
  const isEditor = hasRole(req.user, 'editor') || hasRole(req.user, 'admin')

  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={req.user}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <div
          className="cited-import"
          id="cited-import"
          style={{ maxWidth: 960, paddingBottom: 40, paddingTop: 24 }}
        >
          <h1 style={{ marginBottom: 4 }}>Import article</h1>
          {!isEditor ? (
            <p
              className="cited-import__forbidden"
              data-testid="cited-import-forbidden"
              role="alert"
              style={{ fontSize: 15 }}
            >
              Importing articles is for editors. Your account does not have the editor role; ask an
              admin to add it if you should import articles.
            </p>
          ) : (
            <>
              <p style={{ color: 'var(--theme-elevation-600)', marginTop: 0 }}>
                Upload a Word document (.docx), a saved web page or WordPress post (.html), Markdown
                (.md) or plain text (.txt). Check the file first: you will see what the import
                creates and every statistic that needs a source. Import creates a draft article with
                its benefits, tips and comparison rows, and one draft claim per statistic.
              </p>
              <ImportArticleForm />
            </>
          )}
        </div>
      </Gutter>
    </DefaultTemplate>
  )
}
