/**
 * The one place an error Payload or the database throws becomes an answer. Payload answers 500
 * for every error without a status of its own; many of those are the caller's mistake (a value
 * the database cannot read as its column's type) or the database being away for a moment, and
 * deserve a 4xx or a 503 with a sentence that says so.
 *
 * Runs as the config's `afterError` hook, so it covers the REST routes of every collection,
 * every custom endpoint and the GraphQL route (where the status goes into the error's
 * `extensions.statusCode`, as Payload does for its own errors).
 */
import type { AfterErrorHook, PayloadRequest } from 'payload'

import { USER_UNAVAILABLE } from '../auth/outageAwareJwt'

export interface MappedError {
  status: number
  message: string
}

/** Something in an error's `cause` chain (Drizzle wraps the driver's error as `cause`). */
function* causes(error: unknown): Generator<Record<string, unknown>> {
  let current: unknown = error
  for (let i = 0; i < 8 && current && typeof current === 'object'; i++) {
    yield current as Record<string, unknown>
    const next =
      (current as { cause?: unknown; originalError?: unknown }).originalError ??
      (current as { cause?: unknown }).cause
    if (next === current) {
      return
    }
    current = next
  }
}

/** PostgreSQL error classes (SQLSTATE's first two characters) that mean the database is away. */
const UNAVAILABLE_CLASSES = new Set(['08', '53', '57'])
/** Socket errors of a connection that broke or could not be made. */
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
])
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection is closed|Client has encountered a connection error|terminating connection|the database system is (?:starting up|shutting down|in recovery mode)|cannot begin transaction|timeout exceeded when trying to connect/i

/** True when `error` says the database could not be reached or went away mid-request. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const link of causes(error)) {
    if (link.citedDatabaseUnavailable === true) {
      return true
    }
    const code = typeof link.code === 'string' ? link.code : undefined
    if (
      code &&
      /^[0-9A-Z]{5}$/.test(code) &&
      UNAVAILABLE_CLASSES.has(code.slice(0, 2)) &&
      code !== '57014'
    ) {
      return true
    }
    if (code && UNAVAILABLE_SOCKET_CODES.has(code)) {
      return true
    }
    if (typeof link.message === 'string' && UNAVAILABLE_MESSAGES.test(link.message)) {
      return true
    }
  }
  return false
}

/** What Payload's multipart reader (busboy) says of a body that is not the form data it claims. */
const UNREADABLE_UPLOAD =
  /^(?:Unexpected end of (?:form|multipart data)|Malformed (?:part header|urlencoded form)|Multipart: Boundary not found|Request is not eligible for file upload|Unsupported content type)/i

export const DATABASE_UNAVAILABLE_MESSAGE =
  'The database is not available right now, so nothing was saved. Please try again in a moment.'

/** What `error` deserves, or undefined when Payload's own answer stands. */
export function mapError(error: unknown): MappedError | undefined {
  const status = statusOf(error)
  const message = error instanceof Error ? error.message : ''
  // Payload's body reader (`addDataAndFileToRequest`), for endpoints that call it themselves:
  // its "Invalid JSON" says too little, and an unreadable upload is its 500.
  if (status === 400 && /^Invalid JSON$/i.test(message)) {
    return { status: 400, message: 'The request body is not valid JSON.' }
  }
  if (status !== undefined && status < 500) {
    return undefined
  }
  if (UNREADABLE_UPLOAD.test(message)) {
    return {
      status: 400,
      message:
        'The upload could not be read (the form data is incomplete or damaged). Send it again.',
    }
  }
  if (isDatabaseUnavailable(error)) {
    return { status: 503, message: DATABASE_UNAVAILABLE_MESSAGE }
  }
  for (const link of causes(error)) {
    const code = typeof link.code === 'string' ? link.code : undefined
    if (!code) {
      continue
    }
    if (code === '57014') {
      return {
        status: 503,
        message:
          'The database took too long to answer this request. Narrow the query (fewer conditions, a smaller limit) or try again.',
      }
    }
    // Class 22, data exception: a value the column's type cannot hold (text where a number
    // belongs, a number out of range, a malformed date, a NUL byte).
    if (code.startsWith('22')) {
      return {
        status: 400,
        message: `A value does not fit its field: ${typeof link.message === 'string' ? link.message : 'invalid value'}.`,
      }
    }
    // Class 54, program limit exceeded: a query or value too large for PostgreSQL.
    if (code.startsWith('54')) {
      return {
        status: 400,
        message:
          'The request is too large or too complex to run. Use fewer conditions or smaller values.',
      }
    }
  }
  for (const link of causes(error)) {
    if (link instanceof SyntaxError) {
      return { status: 400, message: 'The request body is not valid JSON.' }
    }
  }
  return undefined
}

const statusOf = (error: unknown): number | undefined =>
  [...causes(error)]
    .map((link) => link.status)
    .find((value): value is number => typeof value === 'number')

/**
 * A 401 or 403 for a request whose user could not be loaded because the database was away
 * (marked by the JWT strategy, `auth/outageAwareJwt.ts`): the truth is a 503.
 */
const authFailedForOutage = (error: unknown, req: PayloadRequest | undefined): boolean => {
  const status = statusOf(error)
  return (status === 401 || status === 403) && req?.context?.[USER_UNAVAILABLE] === true
}

/** {@link mapError} as the config's `afterError` hook, for REST and GraphQL alike. */
export const mapErrors: AfterErrorHook = ({ error, graphqlResult, req, result }) => {
  const mapped: MappedError | undefined =
    mapError(error) ??
    (authFailedForOutage(error, req)
      ? { status: 503, message: DATABASE_UNAVAILABLE_MESSAGE }
      : undefined)
  if (!mapped) {
    return
  }
  if (graphqlResult) {
    return {
      graphqlResult: {
        ...graphqlResult,
        message: mapped.message,
        extensions: { ...graphqlResult.extensions, statusCode: mapped.status },
      },
    }
  }
  return {
    status: mapped.status,
    response: { ...(result ?? {}), errors: [{ message: mapped.message }] },
  }
}
