/**
 * Reading and refusing the body of Cited's custom endpoints, the same way everywhere:
 * - {@link readBody} reads JSON or a multipart upload (Payload's `addDataAndFileToRequest`) and
 *   turns whatever goes wrong while reading — malformed JSON, a `multipart/form-data` body without
 *   a boundary or cut short, a `_payload` field that is not JSON — into a 400 that says what to
 *   send, instead of Payload's terse "Invalid JSON" or its 500 for an unreadable upload;
 * - {@link refusal} is a 4xx in the shape of Payload's validation errors:
 *   `{ errors: [{ message, path?, data: { errors: [{ path, message }] } }] }`, so the admin (and a
 *   marketer reading it) learns which field is wrong;
 * - {@link BadField} is thrown by an endpoint's own checks to name the field at fault.
 */
import type { PayloadRequest } from 'payload'

import { addDataAndFileToRequest } from 'payload'

/** A 4xx for an endpoint: the message, and the field path it is about when it is about one. */
export function refusal(status: number, message: string, path?: string): Response {
  return Response.json(
    {
      errors: [
        {
          message,
          ...(path ? { path, data: { errors: [{ path, message }] } } : {}),
        },
      ],
    },
    { status, headers: { 'Cache-Control': 'no-store' } },
  )
}

/** A field of the body that is missing or of the wrong kind; `path` as Payload writes it (`items.0.sentence`). */
export class BadField extends Error {
  constructor(
    readonly path: string,
    message: string,
    readonly status = 400,
  ) {
    super(message)
    this.name = 'BadField'
  }

  get response(): Response {
    return refusal(this.status, this.message, this.path)
  }
}

const isMultipart = (req: PayloadRequest): boolean =>
  (req.headers.get('content-type') ?? '').toLowerCase().includes('multipart/')

const causes = (error: unknown): unknown[] => {
  const chain: unknown[] = []
  let current = error
  for (let i = 0; i < 5 && current; i++) {
    chain.push(current)
    current = (current as { cause?: unknown }).cause
  }
  return chain
}

/** What a marketer is told when the body cannot be read at all. */
function unreadable(req: PayloadRequest, error: unknown, expects: string): Response {
  const syntax = causes(error).some(
    (link) =>
      link instanceof SyntaxError ||
      (link instanceof Error && /^Invalid JSON$/i.test(link.message)),
  )
  if (isMultipart(req)) {
    return syntax
      ? refusal(
          400,
          'The form field “_payload” is not valid JSON; send it as a JSON object such as {"confirm": true}.',
          '_payload',
        )
      : refusal(
          400,
          `The upload could not be read (the form data is incomplete or damaged). Send ${expects} again.`,
        )
  }
  return refusal(400, `The request body is not valid JSON. Send ${expects}.`)
}

/**
 * The request's body, read once (`req.data`, and `req.file` for an upload), or the 400 to answer
 * when it cannot be read. `expects` says what to send, e.g. `a JSON object: { "text": "…" }`.
 */
export async function readBody(
  req: PayloadRequest,
  expects: string,
): Promise<{ data: unknown } | { refused: Response }> {
  try {
    await addDataAndFileToRequest(req)
  } catch (error) {
    return { refused: unreadable(req, error, expects) }
  }
  return { data: req.data }
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** `data` as an object, or a {@link BadField} (at the root: path `body`) saying what to send. */
export function objectBody(data: unknown, expects: string): Record<string, unknown> {
  if (!isObject(data)) {
    throw new BadField('body', `Send a JSON object: ${expects}.`)
  }
  return data
}
