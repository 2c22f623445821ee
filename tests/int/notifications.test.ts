/**
 * Review e-mails end to end: a real SMTP server (`smtp-server`) listens in this process, the
 * host's email adapter is Payload's nodemailer adapter pointed at it, and every message is read
 * back with mailparser. Review actions go through the REST handlers; the expiry job through
 * Payload's job runner. Cited runs with `notifications.expiryWarningDays: 20` here, so the
 * review queue's "Expiring" tab can be seen to follow the option.
 */
import type { AddressInfo } from 'node:net'

import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { simpleParser } from 'mailparser'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { TestUser } from '../helpers/api'

import { countQueue, loadQueue } from '../../src/admin/ReviewQueue/queue'
import { EXPIRE_CLAIMS_TASK } from '../../src/jobs/expireClaims'
import { warnExpiringClaims } from '../../src/review/expire'
import { reviewEmailsSettled, SEND_CONCURRENCY, sendToPeople } from '../../src/review/notify'
import { submitClaim } from '../../src/review/workflow'
import { createUser } from '../helpers/api'
import { bootPayloadFor, hostConfig, type TestContext } from '../helpers/payload'
import { approvedClaim, createClaim, review, submit } from '../helpers/reviewWorkflow'
import { recordStatements } from '../helpers/sql'

const SERVER_URL = 'https://cms.clinic.test'
/** The `notifications.expiryWarningDays` option of this file's Payload. */
const WARNING_DAYS = 20

interface Mail {
  to: string[]
  from: string
  fromName: string
  subject: string
  text: string
  html: string
}

const inbox: Mail[] = []
/** Addresses the SMTP server refuses (RCPT TO answered 550), to make sending fail. */
const refused = new Set<string>()
/** SMTP sessions that connected and have not yet had their message accepted (or closed). */
const unfinished = new Set<string>()
let mostUnfinished = 0
/** How long the server takes to accept a message (to make sends overlap). */
let acceptDelayMs = 0
let smtp: SMTPServer
let smtpOpen = false
let t: TestContext
/** A second reviewer, who approves claims the first one is kept out of. */
let reviewer2: TestUser
/** A reviewer who turned the e-mails off. */
let quietReviewer: TestUser
/** Both an editor and a reviewer: submits claims of their own. */
let editorReviewer: TestUser
/** Edits claims the editor created. */
let coEditor: TestUser
/** An editor who turned the e-mails off. */
let quietEditor: TestUser

const optOut = async (user: TestUser) => {
  // The person themself turns it off, on their own account.
  const res = await t.api.as(user.token).patch(`/users/${user.id}`, { emailNotifications: false })
  expect(res.status).toBe(200)
  expect(res.body.doc.emailNotifications).toBe(false)
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(session, callback) {
      unfinished.add(session.id)
      mostUnfinished = Math.max(mostUnfinished, unfinished.size)
      callback()
    },
    onClose(session) {
      unfinished.delete(session.id)
    },
    onRcptTo(address, _session, callback) {
      if (refused.has(address.address)) {
        callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }))
        return
      }
      callback()
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        async (parsed) => {
          if (acceptDelayMs > 0) {
            await new Promise((resolve) => setTimeout(resolve, acceptDelayMs))
          }
          unfinished.delete(session.id)
          inbox.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            from: parsed.from?.value[0]?.address ?? '',
            fromName: parsed.from?.value[0]?.name ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
          })
          callback()
        },
        (error: Error) => callback(error),
      )
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()))
  smtpOpen = true
  const { port } = smtp.server.address() as AddressInfo
  t = await bootPayloadFor(
    hostConfig({
      serverURL: SERVER_URL,
      cited: { notifications: { expiryWarningDays: WARNING_DAYS } },
      email: nodemailerAdapter({
        defaultFromAddress: 'cited@clinic.test',
        defaultFromName: 'Cited',
        transportOptions: { host: '127.0.0.1', port, secure: false, ignoreTLS: true },
      }),
    }),
  )
  reviewer2 = await createUser(t.payload, t.api, ['reviewer'], 'second-reviewer')
  quietReviewer = await createUser(t.payload, t.api, ['reviewer'], 'quiet-reviewer')
  editorReviewer = await createUser(t.payload, t.api, ['editor', 'reviewer'], 'editor-reviewer')
  coEditor = await createUser(t.payload, t.api, ['editor'], 'co-editor')
  quietEditor = await createUser(t.payload, t.api, ['editor'], 'quiet-editor')
  await optOut(quietReviewer)
  await optOut(quietEditor)
})

afterAll(async () => {
  await t?.payload.destroy()
  if (smtpOpen) {
    await new Promise<void>((resolve) => smtp.close(() => resolve()))
  }
})

const linkTo = (id: number) => `${SERVER_URL}/admin/collections/claims/${id}`

/** The e-mails about one claim (they all link to it), optionally only those whose subject matches. */
const about = (id: number, subject?: RegExp) =>
  inbox.filter(
    (mail) =>
      mail.text.includes(linkTo(id)) && (subject === undefined || subject.test(mail.subject)),
  )

/** Polls the inbox until `count` e-mails about the claim arrived (or fails after `timeoutMs`). */
async function waitForMails(
  id: number,
  subject: RegExp,
  count: number,
  timeoutMs = 15_000,
): Promise<Mail[]> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = about(id, subject)
    if (found.length >= count) {
      return found
    }
    if (Date.now() > deadline) {
      throw new Error(
        `expected ${count} e-mail(s) about claim ${id} matching ${subject}, got ${JSON.stringify(
          about(id).map((mail) => [mail.to, mail.subject]),
        )}`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** Everything started has been sent: what is not in the inbox now was never sent. */
const settled = () => reviewEmailsSettled(t.payload)

const recipients = (mails: Mail[]) => mails.flatMap((mail) => mail.to).sort()

/** Letters only in the random part: digits could read as a statistic ("4in56"). */
const statementOf = (label: string) =>
  `${label}: 70% of patients reported less pain (${Array.from({ length: 8 }, () =>
    String.fromCharCode(97 + Math.floor(Math.random() * 26)),
  ).join('')}).`

describe('submitted for review', () => {
  it('the reviewers are told — not the submitter, not a reviewer who opted out, not editors or admins', async () => {
    const statement = statementOf('Submitted')
    const { id } = await createClaim(t, { as: editorReviewer, statement })
    expect((await submit(t, id, editorReviewer)).status).toBe(200)

    const mails = await waitForMails(id, /waiting for review/, 2)
    await settled()
    expect(recipients(about(id))).toEqual([t.reviewer.email, reviewer2.email].sort())
    const [mail] = mails
    expect(mail.subject).toBe(`Claim waiting for review: “${statement}”`)
    expect(mail).toMatchObject({ from: 'cited@clinic.test', fromName: 'Cited' })
    expect(mail.text).toContain(statement)
    expect(mail.text).toContain('editor-reviewer submitted a claim for review.')
    expect(mail.html).toContain(`href="${linkTo(id)}"`)
  })
})

describe('decisions', () => {
  it('approval tells the claim’s editors (who created and edited the draft), not the reviewer', async () => {
    const statement = statementOf('Approved')
    const { id } = await createClaim(t, { statement })
    const edited = await t.api.as(coEditor.token).patch(`/claims/${id}`, { topic: 'Back pain' })
    expect(edited.status).toBe(200)
    expect((await submit(t, id)).status).toBe(200)
    expect((await review(t, id, 'approve', { as: reviewer2 })).status).toBe(200)

    const mails = await waitForMails(id, /^Claim approved/, 2)
    await settled()
    expect(recipients(mails)).toEqual([t.editor.email, coEditor.email].sort())
    expect(mails[0].subject).toBe(`Claim approved: “${statement}”`)
    expect(mails[0].text).toMatch(
      /second-reviewer approved the claim\. It is live now, until its re-review date \d{4}-\d{2}-\d{2}\./,
    )
    expect(mails[0].text).toContain(linkTo(id))
    expect(recipients(about(id, /approved/))).not.toContain(reviewer2.email)
  })

  it('a request for changes tells the editors what to change, with the reviewer’s note', async () => {
    const { id } = await createClaim(t)
    await submit(t, id)
    const note = 'Cite the 2019 trial for the 70%, not the press release.'
    expect((await review(t, id, 'request_changes', { note })).status).toBe(200)

    const [mail] = await waitForMails(id, /^Changes requested/, 1)
    expect(mail.to).toEqual([t.editor.email])
    expect(mail.text).toContain('reviewer sent the claim back for changes.')
    expect(mail.text).toContain(`What to change:\n${note}`)
    expect(mail.html).toContain(note)
    expect(mail.text).toContain(linkTo(id))
  })

  it('a rejection tells the editors why', async () => {
    const { id } = await createClaim(t)
    await submit(t, id)
    const note = 'The source <does not> report pain at all.'
    expect((await review(t, id, 'reject', { note })).status).toBe(200)

    const [mail] = await waitForMails(id, /^Claim rejected/, 1)
    expect(mail.to).toEqual([t.editor.email])
    expect(mail.text).toContain(`Why:\n${note}`)
    expect(mail.html).toContain('The source &lt;does not&gt; report pain at all.')
  })

  it('an editor who opted out is not told', async () => {
    const { id } = await createClaim(t)
    await t.api.as(quietEditor.token).patch(`/claims/${id}`, { topic: 'Sleep' })
    await submit(t, id)
    expect((await review(t, id, 'approve')).status).toBe(200)

    await waitForMails(id, /^Claim approved/, 1)
    await settled()
    expect(recipients(about(id, /^Claim approved/))).toEqual([t.editor.email])
  })
})

describe('after the commit', () => {
  /** A Local API request acting as `user`, in a transaction of the caller's own. */
  const requestInTransaction = async (user: TestUser) => {
    const doc = await t.payload.findByID({ collection: 'users', id: user.id, overrideAccess: true })
    const req = await createLocalReq({ user: { ...doc, collection: 'users' } }, t.payload)
    await initTransaction(req)
    return req
  }

  it('a submission inside a caller’s transaction is e-mailed only when that commits', async () => {
    const { id } = await createClaim(t)
    const req = await requestInTransaction(t.editor)
    await submitClaim(req, id)
    await settled()
    expect(about(id)).toHaveLength(0)
    await commitTransaction(req)
    await waitForMails(id, /waiting for review/, 2)
  })

  it('a submission whose transaction rolls back is not e-mailed', async () => {
    const { id } = await createClaim(t)
    const req = await requestInTransaction(t.editor)
    await submitClaim(req, id)
    await killTransaction(req)
    await settled()
    expect(about(id)).toHaveLength(0)
    const claim = await t.payload.findByID({
      collection: 'claims',
      id,
      draft: true,
      overrideAccess: true,
    })
    expect(claim.review.status).toBe('draft')
  })
})

const DAY = 24 * 60 * 60 * 1000
const reviewByIn = (id: number, days: number) =>
  t.payload.db.updateOne({
    collection: 'claims',
    id,
    data: { review: { reviewBy: new Date(Date.now() + days * DAY).toISOString() } },
  })
/** Queues the scheduled task and runs it through Payload's job runner, as autoRun does. */
const runExpiryJob = async () => {
  const job = await t.payload.jobs.queue({ task: EXPIRE_CLAIMS_TASK, input: {} })
  await t.payload.jobs.runByID({ id: job.id })
  const failed = await t.payload.find({
    collection: 'payload-jobs',
    where: { hasError: { equals: true } },
    overrideAccess: true,
  })
  expect(failed.totalDocs).toBe(0)
}

describe('expiry warning', () => {
  it('the editors of a claim whose approval ends within expiryWarningDays are warned once, across two runs; a later one is not', async () => {
    const soon = await approvedClaim(t, statementOf('Expiring soon'))
    const later = await approvedClaim(t, statementOf('Expiring later'))
    await reviewByIn(soon.id, 12)
    // Within 30 days, but not within this file's 20.
    await reviewByIn(later.id, WARNING_DAYS + 5)

    await runExpiryJob()
    await runExpiryJob()
    await settled()

    const warnings = about(soon.id, /^Claim approval ends/)
    expect(warnings).toHaveLength(1)
    expect(warnings[0].to).toEqual([t.editor.email])
    expect(warnings[0].text).toMatch(/ends on \d{4}-\d{2}-\d{2}, in 12 days/)
    expect(warnings[0].text).toContain(linkTo(soon.id))
    expect(about(later.id, /^Claim approval ends/)).toHaveLength(0)

    // Recorded as one review event; the claim has no new version and stays approved.
    const events = await t.payload.find({
      collection: 'review-events',
      where: { and: [{ claim: { equals: soon.id } }, { action: { equals: 'expiry_warned' } }] },
      overrideAccess: true,
    })
    expect(events.totalDocs).toBe(1)
    expect(events.docs[0].note).toMatch(/is 12 day\(s\) away; 1 editor\(s\) e-mailed\./)
    const versions = await t.payload.findVersions({
      collection: 'claims',
      where: { parent: { equals: soon.id } },
      overrideAccess: true,
    })
    expect(versions.docs.filter((v) => v.version._status === 'published')).toHaveLength(1)
    const live = await t.payload.findByID({
      collection: 'claims',
      id: soon.id,
      overrideAccess: true,
    })
    expect(live.review.status).toBe('approved')
  })

  it('a renewal is a new approval: its editors hear of it, and are warned again before it ends', async () => {
    const { id } = await approvedClaim(t, statementOf('Renewed'))
    await reviewByIn(id, 5)
    await runExpiryJob()
    expect(about(id, /^Claim approval ends/)).toHaveLength(1)

    expect((await review(t, id, 'renew')).status).toBe(200)
    const [renewed] = await waitForMails(id, /^Claim renewed/, 1)
    expect(renewed.to).toEqual([t.editor.email])
    await reviewByIn(id, 5)
    await runExpiryJob()
    expect(about(id, /^Claim approval ends/)).toHaveLength(2)
  })
  /** A Local API request of the system (as the job runner makes one). */
  const systemRequest = () => createLocalReq({}, t.payload)
  const warnedEvents = async (id: number) =>
    (
      await t.payload.find({
        collection: 'review-events',
        where: { and: [{ claim: { equals: id } }, { action: { equals: 'expiry_warned' } }] },
        overrideAccess: true,
      })
    ).docs

  it('two passes at the same time warn once: one e-mail per editor, one event', async () => {
    const { id } = await approvedClaim(t, statementOf('Raced'))
    await reviewByIn(id, 8)

    const [first, second] = await Promise.all([
      systemRequest().then((req) => warnExpiringClaims(req)),
      systemRequest().then((req) => warnExpiringClaims(req)),
    ])
    await settled()

    expect(recipients(about(id, /^Claim approval ends/))).toEqual([t.editor.email])
    expect(await warnedEvents(id)).toHaveLength(1)
    expect([...first, ...second].filter((warning) => warning.claim === id)).toHaveLength(1)
  })

  it('when every e-mail fails nothing is recorded, and the next run tries again', async () => {
    const bouncing = await createUser(t.payload, t.api, ['editor'], 'bouncing-editor')
    const { id } = await createClaim(t, { as: bouncing, statement: statementOf('Bouncing') })
    expect((await submit(t, id, bouncing)).status).toBe(200)
    expect((await review(t, id, 'approve')).status).toBe(200)
    await waitForMails(id, /^Claim approved/, 1)
    await reviewByIn(id, 9)

    refused.add(bouncing.email)
    const logged = vi.spyOn(t.payload.logger, 'error')
    try {
      await runExpiryJob()
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({
          msg: expect.stringMatching(
            /^Cited: could not send the review e-mail "Claim approval ends/,
          ),
        }),
      )
    } finally {
      refused.delete(bouncing.email)
      logged.mockRestore()
    }
    expect(about(id, /^Claim approval ends/)).toHaveLength(0)
    expect(await warnedEvents(id)).toHaveLength(0)

    await runExpiryJob()
    expect(recipients(about(id, /^Claim approval ends/))).toEqual([bouncing.email])
    const events = await warnedEvents(id)
    expect(events).toHaveLength(1)
    expect(events[0].note).toMatch(/1 editor\(s\) e-mailed\.$/)
  })

  it('a warning none of the editors can receive goes to the reviewers, and says so', async () => {
    // The only editor opted out.
    const { id } = await createClaim(t, { as: quietEditor, statement: statementOf('Unheard') })
    expect((await submit(t, id, quietEditor)).status).toBe(200)
    expect((await review(t, id, 'approve')).status).toBe(200)
    await reviewByIn(id, 6)

    await runExpiryJob()
    await settled()

    const mails = about(id, /^Claim approval ends/)
    // Every reviewer who did not opt out (quietReviewer did).
    expect(recipients(mails)).toEqual(
      [t.reviewer.email, reviewer2.email, editorReviewer.email].sort(),
    )
    expect(mails[0].text).toContain(
      'None of its editors can be e-mailed, so the reviewers are told',
    )
    const events = await warnedEvents(id)
    expect(events).toHaveLength(1)
    expect(events[0].note).toMatch(/no editor can be e-mailed, 3 reviewer\(s\) e-mailed instead\./)
  })

  it('the review queue’s Expiring tab lists exactly the claims the warning is about', async () => {
    const inside = await approvedClaim(t, statementOf('Inside the window'))
    const outside = await approvedClaim(t, statementOf('Outside the window'))
    await reviewByIn(inside.id, WARNING_DAYS - 2)
    // Within the 30 days the tab used to show, outside the option's 20.
    await reviewByIn(outside.id, WARNING_DAYS + 3)

    const reviewer = await t.payload.findByID({
      collection: 'users',
      id: t.reviewer.id,
      overrideAccess: true,
    })
    const req = await createLocalReq({ user: { ...reviewer, collection: 'users' } }, t.payload)
    const listed = (await loadQueue(req, 'expiring')).map((item) => item.id)
    expect(listed).toContain(inside.id)
    expect(listed).not.toContain(outside.id)
    expect((await countQueue(req)).expiring).toBe(listed.length)

    // Everything the pass warns about is in the tab; every claim in the tab has been warned.
    const warned = await warnExpiringClaims(await systemRequest())
    await settled()
    expect(warned.map((warning) => warning.claim)).toContain(inside.id)
    expect(warned.every((warning) => listed.includes(warning.claim as number))).toBe(true)
    for (const id of listed) {
      expect(await warnedEvents(id)).not.toHaveLength(0)
    }
    expect(await warnedEvents(outside.id)).toHaveLength(0)
  })

  it('a pass runs a constant number of queries, however many claims are due', async () => {
    const dueClaims = async (count: number) => {
      const claims = []
      for (let i = 0; i < count; i++) {
        claims.push(await approvedClaim(t, statementOf(`Due ${i}`)))
      }
      for (const claim of claims) {
        await reviewByIn(claim.id, 10)
      }
      return claims
    }
    /** The statements of one pass, and what it warned. */
    const pass = async () => {
      const req = await systemRequest()
      let warned: Awaited<ReturnType<typeof warnExpiringClaims>> = []
      const statements = await recordStatements(async () => {
        warned = await warnExpiringClaims(req)
      })
      await settled()
      return { statements, warned }
    }
    /** The statements of recording one warning: its own transaction, the event's insert and read-back. */
    const isEventWrite = (statement: string) =>
      /^(?:begin|commit)$/i.test(statement.trim()) ||
      /^insert into "review_events"/i.test(statement) ||
      /^select [^;]* from "review_events" "review_events" where "review_events"\."id" = \$1 limit/i.test(
        statement,
      )
    const rest = (statements: string[]) =>
      statements.filter((statement) => !isEventWrite(statement))

    await pass() // Warns whatever earlier tests left due.

    await dueClaims(1)
    const one = await pass()
    expect(one.warned).toHaveLength(1)
    const quietOne = await pass()
    expect(quietOne.warned).toHaveLength(0)

    await dueClaims(20)
    const twenty = await pass()
    expect(twenty.warned).toHaveLength(20)
    const quietTwenty = await pass()
    expect(quietTwenty.warned).toHaveLength(0)

    // Nothing left to warn: the same statements for 1 or 21 claims in the window.
    expect(quietTwenty.statements.length).toBe(quietOne.statements.length)
    // Warning: everything but the events' own writes is the same for 1 or 20 claims (the pass's
    // transaction and its lock are the only begin and rollback outside them)...
    expect(rest(twenty.statements)).toHaveLength(rest(one.statements).length)
    // ...and each warning adds exactly its own event: begin, insert, read back, commit.
    expect(twenty.statements.length - one.statements.length).toBe(19 * 4)
  }, 180_000)
})

describe('recipients', () => {
  it('someone whose editor role was removed hears no more about the claims they edited', async () => {
    const former = await createUser(t.payload, t.api, ['editor'], 'former-editor')
    const { id } = await createClaim(t, { statement: statementOf('Former editor') })
    expect((await t.api.as(former.token).patch(`/claims/${id}`, { topic: 'Knees' })).status).toBe(
      200,
    )
    const demoted = await t.api.as(t.admin.token).patch(`/users/${former.id}`, { roles: [] })
    expect(demoted.status).toBe(200)
    expect(demoted.body.doc.roles).toEqual([])
    expect((await submit(t, id)).status).toBe(200)
    expect((await review(t, id, 'approve')).status).toBe(200)

    await waitForMails(id, /^Claim approved/, 1)
    await reviewByIn(id, 7)
    await runExpiryJob()
    await settled()
    expect(recipients(about(id, /^Claim approved/))).toEqual([t.editor.email])
    expect(recipients(about(id, /^Claim approval ends/))).toEqual([t.editor.email])
  })

  it('only the person themself and admins can turn someone’s e-mails off', async () => {
    const person = await createUser(t.payload, t.api, ['editor'], 'protected-editor')
    const setBy = (as: TestUser, value: boolean) =>
      t.api.as(as.token).patch(`/users/${person.id}`, { emailNotifications: value })
    const stored = async () =>
      (await t.payload.findByID({ collection: 'users', id: person.id, overrideAccess: true }))
        .emailNotifications

    expect((await setBy(coEditor, false)).status).toBe(403)
    expect((await setBy(t.reviewer, false)).status).toBe(403)
    expect(await stored()).toBe(true)

    const byAdmin = await setBy(t.admin, false)
    expect(byAdmin.status).toBe(200)
    expect(await stored()).toBe(false)

    const bySelf = await setBy(person, true)
    expect(bySelf.status).toBe(200)
    expect(await stored()).toBe(true)
  })
})

describe('sending', () => {
  it(`sends a round ${SEND_CONCURRENCY} e-mails at a time, over as many SMTP connections at most`, async () => {
    const people = Array.from({ length: 8 }, (_, index) => ({
      id: `round-${index}`,
      email: `round-${index}-${Math.random().toString(36).slice(2, 6)}@clinic.test`,
    }))
    const subject = `A round of e-mails ${Math.random().toString(36).slice(2, 8)}`
    acceptDelayMs = 40
    mostUnfinished = 0
    try {
      const result = await sendToPeople(t.payload, people, {
        subject,
        text: 'Hello',
        html: '<p>Hello</p>',
      })
      expect(result).toEqual({ sent: 8, failed: 0 })
    } finally {
      acceptDelayMs = 0
    }
    expect(
      inbox
        .filter((mail) => mail.subject === subject)
        .flatMap((mail) => mail.to)
        .sort(),
    ).toEqual(people.map((person) => person.email).sort())
    expect(mostUnfinished).toBeGreaterThan(1)
    expect(mostUnfinished).toBeLessThanOrEqual(SEND_CONCURRENCY)
  })
})

describe('a mail server that cannot be reached', () => {
  it('does not make submitting or approving fail; the failure is logged', async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()))
    smtpOpen = false
    const logged = vi.spyOn(t.payload.logger, 'error')
    try {
      const { id } = await createClaim(t)
      const submitted = await submit(t, id)
      expect(submitted.status).toBe(200)
      expect(submitted.body.doc.review.status).toBe('in_review')
      const approved = await review(t, id, 'approve')
      expect(approved.status).toBe(200)
      await settled()
      const live = await t.payload.findByID({ collection: 'claims', id, overrideAccess: true })
      expect(live).toMatchObject({ _status: 'published', review: { status: 'approved' } })
      expect(about(id)).toHaveLength(0)
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({
          msg: expect.stringMatching(/^Cited: could not send the review e-mail "Claim approved/),
        }),
      )
    } finally {
      logged.mockRestore()
    }
  })
})
