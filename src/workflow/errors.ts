import { APIError, ValidationError } from 'payload'

/** A refused workflow step: Payload turns it into a JSON error with this status on every route. */
export class WorkflowError extends APIError {
  constructor(message: string, status: number) {
    super(message, status, undefined, true)
    this.name = 'WorkflowError'
  }
}

export function fieldError(collection: string, path: string, message: string): ValidationError {
  return new ValidationError({ collection, errors: [{ message, path }] })
}
