'use client'
/**
 * The upload form of the "Import article" view: "Check file" sends the file for a dry run
 * (`POST /api/cited/import-article`) and shows the report; "Import" sends it again with
 * `confirm` and links to the draft it created. Stable ids and `data-testid`s for browser tests.
 */
import { useConfig } from '@payloadcms/ui'
import { useRef, useState } from 'react'

import type { ImportArticleResult } from '../importArticle'

const ACCEPT = '.docx,.html,.htm,.md,.markdown,.txt'

type Status =
  | { kind: 'error'; message: string }
  | { kind: 'idle' }
  | { kind: 'imported'; result: ImportArticleResult }
  | { kind: 'checked'; result: ImportArticleResult }

function Report({ result }: { result: ImportArticleResult }) {
  const r = result.report
  const rows: [string, string, number][] = [
    ['benefits', 'Benefits', r.benefits],
    ['tips', 'Aftercare tips', r.aftercareTips],
    ['rows', 'Comparison rows', r.comparisonRows],
    ['claims', 'Draft claims (one per statistic)', r.claims],
  ]
  return (
    <section
      id="cited-import-report"
      data-testid="cited-import-report"
      aria-label="Import report"
      style={{ marginTop: 20 }}
    >
      <h2 style={{ fontSize: 18, marginBottom: 8 }}>
        {result.dryRun ? 'Will create' : 'Created'}: “
        <span data-testid="cited-import-title">{r.article.title}</span>” (/{r.article.slug})
      </h2>
      <ul style={{ margin: '0 0 12px', paddingLeft: 20 }}>
        {rows.map(([key, label, count]) => (
          <li key={key} data-testid={`cited-import-count-${key}`} data-count={count}>
            {label}: {count}
          </li>
        ))}
      </ul>
      <h3 style={{ fontSize: 15, marginBottom: 4 }}>
        Statistics that need a source (
        <span data-testid="cited-import-statistics-count">{r.uncitedStatistics.length}</span>)
      </h3>
      {r.uncitedStatistics.length === 0 ? (
        <p>None: no statistic was found.</p>
      ) : (
        <ol
          id="cited-import-statistics"
          data-testid="cited-import-statistics"
          style={{ paddingLeft: 20 }}
        >
          {r.uncitedStatistics.map((s, i) => (
            <li key={i} data-testid="cited-import-statistic" style={{ marginBottom: 6 }}>
              <strong>{s.text}</strong> in {s.location}
              <div style={{ color: 'var(--theme-elevation-600)', fontSize: 13 }}>{s.sentence}</div>
            </li>
          ))}
        </ol>
      )}
      {result.warnings.length > 0 ? (
        <details data-testid="cited-import-warnings" style={{ marginTop: 8 }}>
          <summary>Notes ({result.warnings.length})</summary>
          <ul style={{ fontSize: 13 }}>
            {result.warnings.map((w, i) => (
              <li key={i}>{w.line > 0 ? `Line ${w.line}: ${w.message}` : w.message}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  )
}

export function ImportArticleForm() {
  const {
    config: {
      routes: { api },
      serverURL,
    },
  } = useConfig()
  const input = useRef<HTMLInputElement>(null)
  const [file, setFile] = useState<File | null>(null)
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const [isBusy, setBusy] = useState(false)

  const send = async (confirm: boolean) => {
    if (!file) {
      setStatus({ kind: 'error', message: 'Choose a file first.' })
      return
    }
    setBusy(true)
    try {
      const form = new FormData()
      form.append('file', file)
      form.append('_payload', JSON.stringify({ confirm }))
      const response = await fetch(`${serverURL ?? ''}${api}/cited/import-article`, {
        method: 'POST',
        credentials: 'include',
        body: form,
      })
      const body = (await response.json().catch(() => ({}))) as ImportArticleResult & {
        errors?: { message: string }[]
      }
      if (!response.ok) {
        setStatus({
          kind: 'error',
          message:
            body.errors?.[0]?.message ?? `The file was not imported (HTTP ${response.status}).`,
        })
        return
      }
      setStatus({ kind: confirm ? 'imported' : 'checked', result: body })
    } catch {
      setStatus({
        kind: 'error',
        message: 'The server could not be reached; nothing was imported.',
      })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="cited-import__form">
      <label
        htmlFor="cited-import-file"
        style={{ display: 'block', fontWeight: 600, marginBottom: 6 }}
      >
        Article file
      </label>
      <input
        id="cited-import-file"
        data-testid="cited-import-file"
        aria-label="Article file"
        name="file"
        type="file"
        accept={ACCEPT}
        ref={input}
        disabled={isBusy}
        onChange={(event) => {
          setFile(event.target.files?.[0] ?? null)
          setStatus({ kind: 'idle' })
        }}
      />
      <div style={{ display: 'flex', gap: 8, marginTop: 12 }}>
        <button
          id="cited-import-check"
          data-testid="cited-import-check"
          type="button"
          className="btn btn--style-secondary btn--size-medium"
          disabled={!file || isBusy}
          onClick={() => void send(false)}
        >
          Check file
        </button>
        <button
          id="cited-import-submit"
          data-testid="cited-import-submit"
          type="button"
          className="btn btn--style-primary btn--size-medium"
          disabled={!file || isBusy || status.kind !== 'checked'}
          onClick={() => void send(true)}
        >
          Import
        </button>
      </div>
      <div aria-live="polite">
        {isBusy ? <p data-testid="cited-import-busy">Working…</p> : null}
        {status.kind === 'error' ? (
          <p
            id="cited-import-error"
            data-testid="cited-import-error"
            role="alert"
            style={{ color: 'var(--theme-error-500)', fontWeight: 600 }}
          >
            {status.message}
          </p>
        ) : null}
        {status.kind === 'checked' && status.result.alreadyImported && status.result.article ? (
          <p data-testid="cited-import-exists" role="status" style={{ fontWeight: 600 }}>
            An article with this web address already exists; importing would write nothing.{' '}
            <a href={status.result.article.adminUrl}>Edit “{status.result.article.title}”</a>
          </p>
        ) : null}
        {status.kind === 'imported' && status.result.article ? (
          <p
            id="cited-import-done"
            data-testid="cited-import-done"
            role="status"
            style={{ fontWeight: 600 }}
          >
            {status.result.alreadyImported
              ? 'An article with this web address already exists; nothing was written. '
              : 'Draft article created. '}
            <a
              id="cited-import-article-link"
              data-testid="cited-import-article-link"
              href={status.result.article.adminUrl}
            >
              Edit “{status.result.article.title}”
            </a>
          </p>
        ) : null}
        {status.kind === 'checked' || status.kind === 'imported' ? (
          <Report result={status.result} />
        ) : null}
      </div>
    </div>
  )
}
