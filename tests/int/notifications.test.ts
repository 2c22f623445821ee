/**
 * Review e-mails end to end: a real SMTP server (`smtp-server`) listens in this process, the
 * host's email adapter is Payload's nodemailer adapter pointed at it, and every message is read
 * back with mailparser. Review actions go through the REST handlers; the expiry job through
 * Payload's job runner.
 */
import type { AddressInfo } from 'node:net'

import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { simpleParser } from 'mailparser'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { TestUser } from '../helpers/api'

import { EXPIRE_CLAIMS_TASK } from '../../src/jobs/expireClaims'
import { reviewEmailsSettled } from '../../src/review/notify'
import { submitClaim } from '../../src/review/workflow'
import { createUser } from '../helpers/api'
import { bootPayloadFor, hostConfig, type TestContext } from '../helpers/payload'
import { approvedClaim, createClaim, review, submit } from '../helpers/reviewWorkflow'

const SERVER_URL = 'https://cms.clinic.test'

interface Mail {
  to: string[]
  from: string
  fromName: string
  subject: string
  text: string
  html: string
}

const inbox: Mail[] = []
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
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
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

const statementOf = (label: string) =>
  `${label}: 70% of patients reported less pain (${Math.random().toString(36).slice(2, 8)}).`

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

describe('expiry warning', () => {
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

  it('the editors of a claim whose approval ends within 30 days are warned once, across two runs; a later one is not', async () => {
    const soon = await approvedClaim(t, statementOf('Expiring soon'))
    const later = await approvedClaim(t, statementOf('Expiring later'))
    await reviewByIn(soon.id, 12)
    await reviewByIn(later.id, 45)

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
