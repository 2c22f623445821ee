import { APIError } from 'payload'

/** A field a workflow error is about, as Payload's validation errors name them. */
interface FieldError {
  path: string
  message: string
}

/**
 * The field paths `data` names — `field` (one field), `issues` (paths with messages of their
 * own), `statistics` (1-based numbers of statistic rows without a source) — as Payload's
 * validation errors list them (`data.errors`), so REST and GraphQL callers find the field as they
 * find it for any other 400.
 */
function fieldErrors(message: string, data: Record<string, unknown>): FieldError[] {
  if (typeof data.field === 'string') {
    return [{ path: data.field, message }]
  }
  if (Array.isArray(data.issues)) {
    return data.issues.filter(
      (issue): issue is FieldError =>
        typeof (issue as FieldError)?.path === 'string' &&
        typeof (issue as FieldError)?.message === 'string',
    )
  }
  if (Array.isArray(data.statistics)) {
    return data.statistics
      .filter((row): row is number => typeof row === 'number')
      .map((row) => ({ path: `statistics.${row - 1}.sources`, message }))
  }
  return []
}

/**
 * An error whose message a marketer or reviewer can read, with the HTTP status it deserves; the
 * fields it is about (see {@link fieldErrors}) are listed in `data.errors`.
 */
export const reviewError = (
  message: string,
  status: number,
  data?: Record<string, unknown>,
): APIError => {
  const errors = data ? fieldErrors(message, data) : []
  return new APIError(message, status, errors.length ? { ...data, errors } : data, true)
}
