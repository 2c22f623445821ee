/**
 * The review workflow's e-mails: subject, plain text and simple HTML for each notice, built from
 * plain values (no Payload call), so what a reviewer or editor reads is decided in one place.
 * Sending them — who, when, through which adapter — is `notify.ts`.
 */

/** The users field a person turns the review e-mails off with (Cited adds it to the users collection). */
export const EMAIL_NOTIFICATIONS_FIELD = 'emailNotifications'

/** What happened to a claim, as an e-mail tells it. */
export type ReviewNotice =
  | { kind: 'submitted'; by: string }
  | { kind: 'approved'; by: string; note: null | string; reviewBy: null | string }
  | { kind: 'renewed'; by: string; note: null | string; reviewBy: null | string }
  | { kind: 'changes_requested'; by: string; note: null | string }
  | { kind: 'rejected'; by: string; note: null | string }
  | {
      kind: 'expiring'
      reviewBy: string
      days: number
      articles: string[]
      /** Sent to the reviewers because none of the claim's editors can be e-mailed. */
      toReviewers?: boolean
    }

export interface ReviewEmail {
  subject: string
  text: string
  html: string
}

export interface ReviewEmailInput {
  notice: ReviewNotice
  /** The claim's statement. */
  statement: string
  /** Where the claim opens in the admin. */
  link: string
}

const SUBJECT_STATEMENT_LENGTH = 80

/** "70% of patients reported less pain…" — one line, at most 80 characters. */
const shortStatement = (statement: string): string => {
  const line = statement.replace(/\s+/g, ' ').trim()
  return line.length > SUBJECT_STATEMENT_LENGTH
    ? `${line.slice(0, SUBJECT_STATEMENT_LENGTH - 1).trimEnd()}…`
    : line
}

const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')

/** `2026-05-01T00:00:00.000Z` → `2026-05-01`. */
const day = (iso: null | string): string => (iso ? iso.slice(0, 10) : '')

const FOOTER =
  'You get these e-mails because you review or edit clinical claims in Cited. To stop them, untick "Email notifications" on your account.'

/** A notice's parts: subject, the sentence saying what happened, a quoted note, what to do next. */
interface Parts {
  subject: string
  lead: string
  note?: { label: string; text: string }
  next: string
  list?: { label: string; items: string[] }
}

function partsOf(notice: ReviewNotice, statement: string): Parts {
  const quoted = `“${shortStatement(statement)}”`
  switch (notice.kind) {
    case 'submitted':
      return {
        subject: `Claim waiting for review: ${quoted}`,
        lead: `${notice.by} submitted a claim for review.`,
        next: 'Open it to approve it, request changes or reject it.',
      }
    case 'approved':
    case 'renewed':
      return {
        subject: `Claim ${notice.kind}: ${quoted}`,
        lead: `${notice.by} ${notice.kind} the claim. It is live now${
          notice.reviewBy ? `, until its re-review date ${day(notice.reviewBy)}` : ''
        }.`,
        ...(notice.note ? { note: { label: 'Reviewer’s note', text: notice.note } } : {}),
        next: 'Articles that cite it can be published.',
      }
    case 'changes_requested':
      return {
        subject: `Changes requested: ${quoted}`,
        lead: `${notice.by} sent the claim back for changes.`,
        ...(notice.note ? { note: { label: 'What to change', text: notice.note } } : {}),
        next: 'Make the changes and submit the claim again.',
      }
    case 'rejected':
      return {
        subject: `Claim rejected: ${quoted}`,
        lead: `${notice.by} rejected the claim.`,
        ...(notice.note ? { note: { label: 'Why', text: notice.note } } : {}),
        next: 'Revise it and submit it again, or stop using it.',
      }
    case 'expiring':
      return {
        subject: `Claim approval ends ${day(notice.reviewBy)}: ${quoted}`,
        lead: `The approval of this claim ends on ${day(notice.reviewBy)}, in ${notice.days} day${
          notice.days === 1 ? '' : 's'
        }. After that, articles that show it cannot be published again until a reviewer renews it.`,
        next: notice.toReviewers
          ? 'None of its editors can be e-mailed, so the reviewers are told: renew it if it still holds, or let it expire.'
          : 'Ask a reviewer to renew it, or edit it and submit it for review.',
        ...(notice.articles.length > 0
          ? { list: { label: 'Published articles that show it', items: notice.articles } }
          : {}),
      }
  }
}

/** The e-mail of one notice about one claim. */
export function reviewEmail({ notice, statement, link }: ReviewEmailInput): ReviewEmail {
  const parts = partsOf(notice, statement)
  const text = [
    parts.lead,
    '',
    `Claim: ${statement}`,
    ...(parts.note ? ['', `${parts.note.label}:`, parts.note.text] : []),
    ...(parts.list ? ['', `${parts.list.label}:`, ...parts.list.items.map((i) => `- ${i}`)] : []),
    '',
    parts.next,
    link,
    '',
    '--',
    FOOTER,
  ].join('\n')
  const paragraph = (value: string) => `<p>${escapeHtml(value).replace(/\n/g, '<br>')}</p>`
  const html = [
    paragraph(parts.lead),
    `<blockquote>${escapeHtml(statement)}</blockquote>`,
    ...(parts.note ? [`<p><strong>${escapeHtml(parts.note.label)}:</strong></p>`] : []),
    ...(parts.note ? [paragraph(parts.note.text)] : []),
    ...(parts.list
      ? [
          `<p><strong>${escapeHtml(parts.list.label)}:</strong></p>`,
          `<ul>${parts.list.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`,
        ]
      : []),
    `<p>${escapeHtml(parts.next)} <a href="${escapeHtml(link)}">Open the claim</a></p>`,
    `<p style="color:#666;font-size:12px">${escapeHtml(FOOTER)}</p>`,
  ].join('\n')
  return { subject: parts.subject, text, html }
}
