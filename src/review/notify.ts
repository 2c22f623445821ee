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
 *   told about their own action. A claim's editors are told only while they may still edit
 *   claims (the editor or admin role).
 * - At most {@link SEND_CONCURRENCY} e-mails of one round are sent at a time, so a long reviewer
 *   list does not open that many SMTP connections at once.
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
export interface Person {
  id: DocId
  email?: unknown
  name?: unknown
  roles?: unknown
  [EMAIL_NOTIFICATIONS_FIELD]?: unknown
}

/** How many e-mails of one sending round are in flight at once. */
export const SEND_CONCURRENCY = 3

/** Whether an e-mail can go to the person: they have an address and did not turn the e-mails off. */
export const isReachable = (person: Person): boolean =>
  typeof person.email === 'string' &&
  person.email !== '' &&
  person[EMAIL_NOTIFICATIONS_FIELD] !== false

const hasAnyRole = (person: Person, roles: readonly string[]): boolean =>
  Array.isArray(person.roles) && person.roles.some((role) => roles.includes(role as string))

/** The roles that may edit claims (the claims collection's `update` access, `access/isEditor.ts`). */
const CLAIM_EDITING_ROLES = ['editor', 'admin']

/** Whether the person may still edit claims (editor or admin): only they hear about a claim's fate. */
export const mayEditClaims = (person: Person): boolean => hasAnyRole(person, CLAIM_EDITING_ROLES)

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

/** Runs `work` on every item, at most `limit` at a time; settles like `Promise.allSettled`. */
async function settleEach<T>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<unknown>,
): Promise<PromiseSettledResult<unknown>[]> {
  const results: PromiseSettledResult<unknown>[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      try {
        results[index] = { status: 'fulfilled', value: await work(items[index]) }
      } catch (reason) {
        results[index] = { status: 'rejected', reason }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/**
 * Sends `email` to each person who has not turned the e-mails off (one e-mail each, so no one sees
 * the others' addresses), {@link SEND_CONCURRENCY} at a time. Never throws: each failure is logged
 * and counted.
 */
export async function sendToPeople(
  payload: Payload,
  people: Person[],
  email: ReviewEmail,
): Promise<SendResult> {
  const wanting = people.filter(isReachable)
  const results = await settleEach(wanting, SEND_CONCURRENCY, (person) =>
    payload.sendEmail({
      to: person.email as string,
      subject: email.subject,
      text: email.text,
      html: email.html,
    }),
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
 * Who may have edited the claim: everyone who created or edited its draft (`review.draftEditors`)
 * and whoever submitted it last (an admin may submit a draft they did not edit) — whatever roles
 * they hold now (see {@link claimEditors}).
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

/** The claim's editors who may still edit claims (editor or admin role): who hears about it. */
export async function claimEditors(
  payload: Payload,
  claim: Pick<Claim, 'id' | 'review'>,
): Promise<Person[]> {
  return (await peopleWithIds(payload, await claimEditorIds(payload, claim))).filter(mayEditClaims)
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
  await noticeAfterCommit(req, claim, reviewers, () => ({
    kind: 'submitted',
    by: personName(req.user),
  }))
}

/** After a decision commits: the claim's editors (not the reviewer) learn what was decided and why. */
export async function notifyDecided(
  req: PayloadRequest,
  decision: ReviewDecision,
  { claim }: ReviewOutcome,
): Promise<void> {
  await noticeAfterCommit(
    req,
    claim,
    (payload) => claimEditors(payload, claim),
    (): ReviewNotice => {
      const by = personName(req.user)
      const note = claim.review.note ?? null
      return decision === 'approve' || decision === 'renew'
        ? {
            kind: decision === 'approve' ? 'approved' : 'renewed',
            by,
            note,
            reviewBy: claim.review.reviewBy ?? null,
          }
        : { kind: decision === 'reject' ? 'rejected' : 'changes_requested', by, note }
    },
  )
}

/**
 * When notifications are on, once the review action on `req` has committed: e-mails the notice
 * about `claim` to the people `recipients` finds, less the person who acted.
 */
async function noticeAfterCommit(
  req: PayloadRequest,
  claim: ReviewOutcome['claim'],
  recipients: (payload: Payload) => Promise<Person[]>,
  noticeOf: () => ReviewNotice,
): Promise<void> {
  if (!isOn(req.payload)) {
    return
  }
  const payload = req.payload
  const actor = req.user?.id
  const notice = noticeOf()
  await afterCommit(req, async () => {
    const people = without(await recipients(payload), actor)
    return () => sendNotice(payload, people, claim, notice)
  })
}

/** Who an expiry warning goes to, and as whom (the note of its `expiry_warned` event says so). */
export interface WarningRecipients {
  /** `nobody`: no editor and no reviewer can be e-mailed. */
  to: 'editors' | 'nobody' | 'reviewers'
  people: Person[]
}

/**
 * Who the expiry warning of each claim goes to, for many claims in two reads (their latest
 * `submitted` events; every person involved plus the reviewers): the claim's editors who may
 * still edit claims and can be e-mailed; when there is none (they opted out, lost the role or are
 * gone), the reviewers who can be e-mailed instead — they can renew the claim.
 */
export async function expiryWarningRecipients(
  payload: Payload,
  claims: Pick<Claim, 'id' | 'review'>[],
): Promise<Map<string, WarningRecipients>> {
  const byClaim = new Map<string, WarningRecipients>()
  if (claims.length === 0) {
    return byClaim
  }
  const { docs: submissions } = await payload.find({
    collection: REVIEW_EVENTS_SLUG,
    where: {
      and: [
        { claim: { in: claims.map((claim) => claim.id) } },
        { action: { equals: 'submitted' } },
      ],
    },
    sort: '-at',
    select: { claim: true, actor: true, at: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const submitter = new Map<string, DocId>()
  for (const event of submissions) {
    const claim = relationId(event.claim)
    const actor = relationId(event.actor)
    if (claim !== undefined && actor !== undefined && !submitter.has(String(claim))) {
      submitter.set(String(claim), actor)
    }
  }
  const editorIds = new Map(
    claims.map((claim) => {
      const last = submitter.get(String(claim.id))
      return [
        String(claim.id),
        relationIds([
          ...relationIds(claim.review?.draftEditors),
          ...(last === undefined ? [] : [last]),
        ]),
      ] as const
    }),
  )
  const ids = relationIds([...editorIds.values()].flat())
  const { docs } = await payload.find({
    collection: usersSlugOf(payload),
    where:
      ids.length === 0
        ? { roles: { in: ['reviewer'] } }
        : { or: [{ id: { in: ids } }, { roles: { in: ['reviewer'] } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const people = docs as Person[]
  const byId = new Map(people.map((person) => [String(person.id), person]))
  const reviewersToTell = people.filter(
    (person) => hasAnyRole(person, ['reviewer']) && isReachable(person),
  )
  for (const claim of claims) {
    const editors = (editorIds.get(String(claim.id)) ?? [])
      .map((id) => byId.get(String(id)))
      .filter((person): person is Person => Boolean(person && mayEditClaims(person)))
      .filter(isReachable)
    byClaim.set(
      String(claim.id),
      editors.length > 0
        ? { to: 'editors', people: editors }
        : reviewersToTell.length > 0
          ? { to: 'reviewers', people: reviewersToTell }
          : { to: 'nobody', people: [] },
    )
  }
  return byClaim
}
