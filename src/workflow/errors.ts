import { APIError, ValidationError } from 'payload'

/** A refused workflow step: Payload turns it into a JSON error with this status on every route. */
export class WorkflowError extends APIError {
  /** `data` is sent with the message (REST: `errors[0].data`), e.g. `{ problems }` of a refused submit. */
  constructor(message: string, status: number, data?: Record<string, unknown>) {
    super(message, status, data, true)
    this.name = 'WorkflowError'
  }
}

export function fieldError(collection: string, path: string, message: string): ValidationError {
  return new ValidationError({ collection, errors: [{ message, path }] })
}
