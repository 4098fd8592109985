import type { AfterErrorHook } from 'payload'

/**
 * Errors that a request's own values cause deep inside Payload, which Payload reports as a 500.
 *
 * Drafts skip field validation, and query strings reach the database adapter unchecked, so a
 * client can send a date that is no date, an id that is no number, a select value that is no
 * option, a NUL character or a negative page, and PostgreSQL refuses it ("data exception",
 * SQLSTATE class 22). Likewise an operator that does not apply to a field's type (`like` on rich
 * text: 42883; `near` on text: the adapter has no such operator), an invalid date reaching the
 * adapter's date conversion, and a multipart body Payload cannot parse. None of these is the
 * server's fault: they answer 400 with a plain message. Everything else keeps its status.
 */
export type ClientErrorMatch = { message: string; status: number }

const INVALID_VALUE =
  'A value in the request is not valid for its field (a date, number, id, option or text).'

function causes(error: unknown): unknown[] {
  const chain: unknown[] = []
  let current = error
  for (let i = 0; current && i < 5; i++) {
    chain.push(current)
    const next =
      (current as { cause?: unknown; originalError?: unknown }).originalError ??
      (current as { cause?: unknown }).cause
    if (next === current) {
      break
    }
    current = next
  }
  return chain
}

/** The client-caused error behind `error`, or null when it is not one. */
export function classifyClientError(error: unknown): ClientErrorMatch | null {
  for (const err of causes(error)) {
    if (!err || typeof err !== 'object') {
      continue
    }
    const {
      name,
      code,
      message = '',
      stack = '',
    } = err as { code?: unknown; message?: string; name?: string; stack?: string }
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      if (code.startsWith('22')) {
        return { message: INVALID_VALUE, status: 400 }
      }
      if (code === '42883') {
        return { message: 'This operator cannot be used on this field.', status: 400 }
      }
    }
    if (name === 'TypeError' && message.includes('adapter.operators[')) {
      return { message: 'This operator cannot be used on this field.', status: 400 }
    }
    if (name === 'RangeError' && message === 'Invalid time value') {
      return { message: 'A date in the request is not a valid date.', status: 400 }
    }
    // Payload reads the body in addDataAndFileToRequest: whatever fails there is the body.
    if (stack.includes('addDataAndFileToRequest') || stack.includes('fetchAPI-multipart')) {
      return { message: 'The request body could not be read.', status: 400 }
    }
  }
  return null
}

export const clientInputErrors: AfterErrorHook = ({ error, graphqlResult }) => {
  const match = classifyClientError(error)
  if (!match) {
    return
  }
  if (graphqlResult) {
    return {
      graphqlResult: {
        ...graphqlResult,
        extensions: { ...graphqlResult.extensions, statusCode: match.status },
        message: match.message,
      },
    }
  }
  return { response: { errors: [{ message: match.message }] }, status: match.status }
}

/** The status a client error carries, when the error is one (Payload's 4xx errors, or what classifyClientError recognises). */
export function clientErrorStatus(error: unknown): null | number {
  // GraphQL wraps what a resolver threw: the status is on the original error.
  for (const err of causes(error)) {
    const status =
      (err as { extensions?: { statusCode?: unknown }; status?: unknown } | null)?.status ??
      (err as { extensions?: { statusCode?: unknown } }).extensions?.statusCode
    if (typeof status === 'number') {
      return status >= 400 && status < 500 ? status : null
    }
  }
  return classifyClientError(error)?.status ?? null
}

type LogCall = (...args: unknown[]) => void
const ERROR_LEVEL = 50

/**
 * A pino `logMethod` hook: Payload logs every error a route throws at ERROR with its stack,
 * unless `loggingLevels` names the error class, and APIError is thrown for 400s and 500s alike.
 * An error with a 4xx status is the client's mistake, an answer and not a fault: it is logged
 * at info as one line (message and status), so ERROR stays for what needs a look.
 */
export function logClientErrorsAtInfo(
  this: { info: LogCall },
  args: unknown[],
  method: LogCall,
  level: number,
): void {
  const first = args[0] as { err?: unknown } | undefined
  const status =
    level >= ERROR_LEVEL && first && typeof first === 'object' ? clientErrorStatus(first.err) : null
  if (status === null) {
    return method.apply(this, args)
  }
  const wrapper = first!.err as { message?: unknown; originalError?: { name?: unknown } }
  const name = (wrapper.originalError ?? wrapper) as { name?: unknown }
  this.info({
    error: typeof name.name === 'string' ? name.name : undefined,
    msg: typeof wrapper.message === 'string' ? wrapper.message : 'Refused request',
    status,
  })
}
