/**
 * Telling people by e-mail: reviewers when a claim waits for review, the claim's editors when it
 * is decided on (approved, renewed, sent back, rejected) or its approval is about to end.
 *
 * - Only `payload.sendEmail` is called, so whatever email adapter the host configured is used
 *   (Payload's console adapter, which only logs, when it configured none).
 * - A review action's e-mails go out after its transaction committed (`afterCommit`), detached
 *   from the request: a slow or unreachable mail server never delays, fails or rolls back the
 *   action. Failures are logged (`payload.logger`), never thrown.
 * - Each person gets their own e-mail, unless they turned `emailNotifications` off, and nobody is
 *   told about their own action.
 */
import type { Payload, PayloadRequest } from 'payload'

import type { DocId } from '../shared/ids'
import type { Claim } from '../types/generated'
import type { ReviewEmail, ReviewNotice } from './emails'
import type { ReviewDecision } from './transitions'
import type { ReviewOutcome } from './workflow'

import { citedOptions, usersSlugOf } from '../options'
import { relationId, relationIds } from '../shared/ids'
import { CLAIMS_SLUG, REVIEW_EVENTS_SLUG } from '../shared/slugs'
import { EMAIL_NOTIFICATIONS_FIELD, reviewEmail } from './emails'

/** Someone an e-mail can go to (a document of the users collection, depth 0). */
interface Person {
  id: DocId
  email?: unknown
  name?: unknown
  [EMAIL_NOTIFICATIONS_FIELD]?: unknown
}

/** What a sending round did: people e-mailed, people whose e-mail failed. */
export interface SendResult {
  sent: number
  failed: number
}

const isOn = (payload: Payload): boolean => {
  const options = citedOptions(payload)
  return !options.disabled && !options.notifications.disabled
}

/** "Dr Lee" or "lee@clinic.test": how an e-mail names the person who acted. */
export const personName = (user: unknown): string => {
  const person = (user ?? {}) as Person
  const name = typeof person.name === 'string' ? person.name.trim() : ''
  const email = typeof person.email === 'string' ? person.email : ''
  return name || email || 'Someone'
}

/**
 * The claim in the admin: `{serverURL}{routes.admin}/collections/claims/{id}`, the base being the
 * config's `serverURL`, else the `notifications.serverURL` option (a path only when neither is set).
 */
export function claimAdminLink(payload: Payload, id: DocId): string {
  const base = (payload.config.serverURL || citedOptions(payload).notifications.serverURL).replace(
    /\/+$/,
    '',
  )
  const admin = payload.config.routes?.admin ?? '/admin'
  return `${base}${admin}/collections/${CLAIMS_SLUG}/${encodeURIComponent(String(id))}`
}

/** Review e-mails still being sent, per Payload instance (see {@link reviewEmailsSettled}). */
const inFlight = new WeakMap<Payload, Set<Promise<void>>>()

/** Runs `work` detached from the caller; what it throws is logged. */
function detach(payload: Payload, work: () => Promise<unknown>): void {
  let running = inFlight.get(payload)
  if (!running) {
    running = new Set()
    inFlight.set(payload, running)
  }
  const set = running
  const promise: Promise<void> = Promise.resolve()
    .then(work)
    .then(
      () => undefined,
      (error: unknown) => {
        payload.logger.error({
          err: error,
          msg: 'Cited: review e-mails could not be sent (the review action itself is saved).',
        })
      },
    )
    .finally(() => set.delete(promise))
  set.add(promise)
}

/**
 * Resolves once every review e-mail started so far has been sent or has failed — for a graceful
 * shutdown, and for tests that check an e-mail was not sent.
 */
export async function reviewEmailsSettled(payload: Payload): Promise<void> {
  const running = inFlight.get(payload)
  while (running && running.size > 0) {
    await Promise.all([...running])
  }
}

interface Session {
  resolve: () => Promise<void>
}

/** Finds who to tell (database reads) and returns the sending, which runs detached. */
type Preparation = () => Promise<(() => Promise<unknown>) | undefined>

/**
 * Runs `prepare` once the transaction open on `req` has committed — never when it rolls back —
 * and then the sending it returns, detached: the caller waits for the few reads that find the
 * recipients, never for a mail server. The workflow's own transaction has committed when
 * `inTransaction` returns, so this runs at once; when the workflow joined a caller's
 * transaction, everything waits for that one's COMMIT (the adapter's session, which Payload and
 * Cited's durable commits both end with `resolve`). Never throws: failures are logged.
 */
export async function afterCommit(req: PayloadRequest, prepare: Preparation): Promise<void> {
  const payload = req.payload
  try {
    const id = req.transactionID === undefined ? undefined : await req.transactionID
    const sessions = (payload.db as unknown as { sessions?: Record<string, Session> }).sessions
    const session = id === undefined ? undefined : sessions?.[String(id)]
    if (session) {
      const commit = session.resolve
      session.resolve = async () => {
        await commit()
        detach(payload, async () => (await prepare())?.())
      }
      return
    }
    const send = await prepare()
    if (send) {
      detach(payload, send)
    }
  } catch (error) {
    payload.logger.error({
      err: error,
      msg: 'Cited: review e-mails could not be prepared (the review action itself is saved).',
    })
  }
}

/**
 * Sends `email` to each person who has not turned the e-mails off (one e-mail each, so no one sees
 * the others' addresses). Never throws: each failure is logged and counted.
 */
export async function sendToPeople(
  payload: Payload,
  people: Person[],
  email: ReviewEmail,
): Promise<SendResult> {
  const wanting = people.filter(
    (person) =>
      typeof person.email === 'string' &&
      person.email !== '' &&
      person[EMAIL_NOTIFICATIONS_FIELD] !== false,
  )
  const results = await Promise.allSettled(
    wanting.map((person) =>
      payload.sendEmail({
        to: person.email as string,
        subject: email.subject,
        text: email.text,
        html: email.html,
      }),
    ),
  )
  let failed = 0
  results.forEach((result, index) => {
    if (result.status === 'rejected') {
      failed += 1
      payload.logger.error({
        err: result.reason,
        msg: `Cited: could not send the review e-mail "${email.subject}" to user ${wanting[index].id}.`,
      })
    }
  })
  return { sent: wanting.length - failed, failed }
}

/** People by id (the users collection), in no particular order. */
async function peopleWithIds(payload: Payload, ids: DocId[]): Promise<Person[]> {
  if (ids.length === 0) {
    return []
  }
  const { docs } = await payload.find({
    collection: usersSlugOf(payload),
    where: { id: { in: ids } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return docs as Person[]
}

/**
 * Who decides on claims: people with the reviewer role (only reviewers approve; an admin without
 * it is not asked).
 */
async function reviewers(payload: Payload): Promise<Person[]> {
  const { docs } = await payload.find({
    collection: usersSlugOf(payload),
    where: { roles: { in: ['reviewer'] } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return docs as Person[]
}

/**
 * The claim's editors: everyone who created or edited its draft (`review.draftEditors`) and
 * whoever submitted it last (an admin may submit a draft they did not edit).
 */
export async function claimEditorIds(
  payload: Payload,
  claim: Pick<Claim, 'id' | 'review'>,
): Promise<DocId[]> {
  const { docs } = await payload.find({
    collection: REVIEW_EVENTS_SLUG,
    where: { and: [{ claim: { equals: claim.id } }, { action: { equals: 'submitted' } }] },
    sort: '-at',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const submitter = relationId(docs[0]?.actor)
  return relationIds([
    ...relationIds(claim.review?.draftEditors),
    ...(submitter === undefined ? [] : [submitter]),
  ])
}

const without = (people: Person[], id: DocId | undefined): Person[] =>
  id === undefined ? people : people.filter((person) => String(person.id) !== String(id))

/** E-mails `notice` about `claim` to `people`. */
export function sendNotice(
  payload: Payload,
  people: Person[],
  claim: Pick<Claim, 'id' | 'statement'>,
  notice: ReviewNotice,
): Promise<SendResult> {
  const email = reviewEmail({
    notice,
    statement: claim.statement,
    link: claimAdminLink(payload, claim.id),
  })
  return sendToPeople(payload, people, email)
}

/** After a submission commits: the reviewers (not the submitter) learn a claim waits for them. */
export async function notifySubmitted(
  req: PayloadRequest,
  { claim }: ReviewOutcome,
): Promise<void> {
  if (!isOn(req.payload)) {
    return
  }
  const payload = req.payload
  const actor = req.user?.id
  const notice: ReviewNotice = { kind: 'submitted', by: personName(req.user) }
  await afterCommit(req, async () => {
    const people = without(await reviewers(payload), actor)
    return () => sendNotice(payload, people, claim, notice)
  })
}

/** After a decision commits: the claim's editors (not the reviewer) learn what was decided and why. */
export async function notifyDecided(
  req: PayloadRequest,
  decision: ReviewDecision,
  { claim }: ReviewOutcome,
): Promise<void> {
  if (!isOn(req.payload)) {
    return
  }
  const payload = req.payload
  const actor = req.user?.id
  const by = personName(req.user)
  const note = claim.review.note ?? null
  const notice: ReviewNotice =
    decision === 'approve' || decision === 'renew'
      ? {
          kind: decision === 'approve' ? 'approved' : 'renewed',
          by,
          note,
          reviewBy: claim.review.reviewBy ?? null,
        }
      : { kind: decision === 'reject' ? 'rejected' : 'changes_requested', by, note }
  await afterCommit(req, async () => {
    const editors = await peopleWithIds(payload, await claimEditorIds(payload, claim))
    return () => sendNotice(payload, without(editors, actor), claim, notice)
  })
}

/**
 * The expiry job's warning: e-mails the claim's editors that its approval ends soon. Awaited (the
 * job records the warning only when someone was reached or there was no one to reach).
 */
export async function sendExpiryWarning(
  payload: Payload,
  claim: Pick<Claim, 'id' | 'review' | 'statement'>,
  notice: Extract<ReviewNotice, { kind: 'expiring' }>,
): Promise<SendResult & { recipients: number }> {
  if (!isOn(payload)) {
    return { sent: 0, failed: 0, recipients: 0 }
  }
  const editors = await peopleWithIds(payload, await claimEditorIds(payload, claim))
  const result = await sendNotice(payload, editors, claim, notice)
  return { ...result, recipients: result.sent + result.failed }
}
