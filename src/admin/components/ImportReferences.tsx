'use client'
import { Button, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

/**
 * "Import references" above the sources list: a panel where an editor pastes BibTeX, RIS,
 * CSL-JSON, a PubMed export or DOIs/PMIDs, previews what would be created (`dryRun`), then
 * imports and sees the result; the list refreshes. Talks to `POST /api/sources/import`.
 *
 * Stable hooks for browser tests: `#cited-import-references-open` (the button),
 * `#cited-import-references-text` (the textarea), `#cited-import-references-preview` and
 * `#cited-import-references-submit` (the buttons), `[data-testid="cited-import-result"]`.
 */
import type { ImportSourcesResult } from '../../importer/sources/write'

import { describeSource, errorOf, firstLine, summarise } from './importReferencesText'

const PLACEHOLDER = `Paste references in any of these formats:
- BibTeX (@article{…})    - RIS (TY  - JOUR …)    - CSL-JSON
- a PubMed export (.nbib / MEDLINE)
- DOIs and PubMed IDs, one per line: 10.1001/jamainternmed.2018.3787, PMID: 30198937`

const LIST_STYLE = { margin: '0 0 12px', paddingLeft: 20 }

function ResultLists({ result }: { result: ImportSourcesResult }) {
  return (
    <div data-testid="cited-import-result" data-dry-run={result.dryRun ? 'true' : 'false'}>
      <p style={{ fontWeight: 600 }}>{summarise(result)}</p>
      {result.created.length > 0 && (
        <>
          <h4>{result.dryRun ? 'Will be created' : 'Created'}</h4>
          <ul style={LIST_STYLE} data-testid="cited-import-created">
            {result.created.map((source) => (
              <li key={source.entry}>
                <strong>{source.title}</strong>
                <div style={{ opacity: 0.75 }}>{describeSource(source)}</div>
              </li>
            ))}
          </ul>
        </>
      )}
      {result.duplicates.length > 0 && (
        <>
          <h4>Already in the library (skipped)</h4>
          <ul style={LIST_STYLE} data-testid="cited-import-duplicates">
            {result.duplicates.map((duplicate) => (
              <li key={duplicate.entry}>
                Entry {duplicate.entry} ({firstLine(duplicate.input)}): {duplicate.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {result.errors.length > 0 && (
        <>
          <h4>Could not be imported</h4>
          <ul style={LIST_STYLE} data-testid="cited-import-errors">
            {result.errors.map((error) => (
              <li key={error.entry} style={{ color: 'var(--theme-error-500)' }}>
                Entry {error.entry} ({firstLine(error.input)}): {error.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}

export function ImportReferences() {
  const {
    config: {
      routes: { api: apiRoute },
      serverURL,
    },
  } = useConfig()
  const router = useRouter()
  const [isOpen, setIsOpen] = useState(false)
  const [text, setText] = useState('')
  const [result, setResult] = useState<ImportSourcesResult | null>(null)
  const [problem, setProblem] = useState<null | string>(null)
  const [isBusy, setIsBusy] = useState(false)

  const send = async (dryRun: boolean): Promise<void> => {
    setIsBusy(true)
    setProblem(null)
    try {
      const response = await fetch(`${serverURL ?? ''}${apiRoute}/sources/import`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text, dryRun }),
      })
      if (!response.ok) {
        setResult(null)
        setProblem(await errorOf(response))
        return
      }
      const answer = (await response.json()) as ImportSourcesResult
      setResult(answer)
      if (!dryRun && answer.created.length > 0) {
        setText('')
        router.refresh()
      }
    } catch {
      setProblem('Could not reach the server. Check your connection and try again.')
    } finally {
      setIsBusy(false)
    }
  }

  const close = () => {
    setIsOpen(false)
    setResult(null)
    setProblem(null)
  }

  const canImport = result?.dryRun === true && result.created.length > 0 && text.trim() !== ''

  return (
    <div className="cited-import-references" style={{ marginBottom: 'var(--base)' }}>
      {!isOpen && (
        <Button
          id="cited-import-references-open"
          buttonStyle="secondary"
          size="small"
          margin={false}
          onClick={() => setIsOpen(true)}
        >
          Import references
        </Button>
      )}
      {isOpen && (
        <section
          aria-labelledby="cited-import-references-heading"
          data-testid="cited-import-references-panel"
          style={{
            border: '1px solid var(--theme-elevation-150)',
            borderRadius: 'var(--style-radius-m)',
            padding: 'calc(var(--base) * 0.8)',
          }}
        >
          <h3 id="cited-import-references-heading" style={{ marginTop: 0 }}>
            Import references
          </h3>
          <label htmlFor="cited-import-references-text" className="field-label">
            References
          </label>
          <textarea
            id="cited-import-references-text"
            aria-label="References to import"
            name="references"
            rows={10}
            value={text}
            placeholder={PLACEHOLDER}
            onChange={(event) => {
              setText(event.target.value)
              // A preview is of the text it was made from.
              if (result?.dryRun) {
                setResult(null)
              }
            }}
            style={{ width: '100%', fontFamily: 'var(--font-mono, monospace)', fontSize: 13 }}
          />
          {problem && (
            <p
              role="alert"
              data-testid="cited-import-problem"
              style={{ color: 'var(--theme-error-500)' }}
            >
              {problem}
            </p>
          )}
          {result && <ResultLists result={result} />}
          <div style={{ display: 'flex', gap: 8, marginTop: 12 }}>
            <Button
              id="cited-import-references-preview"
              buttonStyle="secondary"
              size="small"
              margin={false}
              disabled={isBusy || text.trim() === ''}
              onClick={() => void send(true)}
            >
              Preview
            </Button>
            <Button
              id="cited-import-references-submit"
              buttonStyle="primary"
              size="small"
              margin={false}
              disabled={isBusy || !canImport}
              onClick={() => void send(false)}
            >
              Import
            </Button>
            <Button
              id="cited-import-references-close"
              buttonStyle="subtle"
              size="small"
              margin={false}
              onClick={close}
            >
              Close
            </Button>
          </div>
        </section>
      )}
    </div>
  )
}
