/**
 * Thrown for input that cannot be imported without guessing: the caller has to fix the source,
 * because any result would silently differ from it. Everything merely odd becomes a warning.
 */
export class ImportError extends Error {
  /** 1-based line of the input where reading failed. */
  readonly line: number

  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`)
    this.name = 'ImportError'
    this.line = line
  }
}

export interface ImportWarning {
  /** 1-based line of the input the warning is about. */
  line: number
  message: string
}
