import { APIError } from 'payload'

/** A delivery request the caller got wrong: always a 4xx JSON error, never a 5xx. */
export class DeliveryError extends APIError {
  constructor(message: string, status: 400 | 404 | 410 | 413 | 414 = 400) {
    super(message, status, undefined, true)
    this.name = 'DeliveryError'
  }
}
