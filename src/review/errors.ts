import { APIError } from 'payload'

/** An error whose message a marketer or reviewer can read, with the HTTP status it deserves. */
export const reviewError = (
  message: string,
  status: number,
  data?: Record<string, unknown>,
): APIError => new APIError(message, status, data, true)
