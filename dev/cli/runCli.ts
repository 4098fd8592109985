import { parseArgs, type ParseArgsConfig } from 'node:util'

import type { CliPayload } from '../server/bootstrap'

/**
 * What the command-line tools (`npm run seed`, `import`, `export`, `restore`, `soak` and the
 * bench scripts) share around their own work. Nothing here loads Payload or the plugin at
 * import time: a tool parses its arguments and reads its input before it starts a database,
 * so `--help` and a wrong file fail fast.
 */

/** An error as a tool prints it: its stack, or its text when it has none. */
export const describeError = (err: unknown): string =>
  err instanceof Error ? (err.stack ?? err.message) : String(err)

/**
 * The tool's command line (node:util parseArgs; `config` has a `help` option), or the exit code
 * when there is nothing more to do: 2 after a usage error (printed with `usage`), 0 after
 * `--help` (the usage, on stdout).
 */
export function readCliArgs<T extends ParseArgsConfig>(
  tool: string,
  usage: string,
  config: T,
): number | ReturnType<typeof parseArgs<T>> {
  let parsed: ReturnType<typeof parseArgs<T>>
  try {
    parsed = parseArgs(config)
  } catch (err) {
    console.error(`${tool}: ${(err as Error).message}\n${usage}`)
    return 2
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage)
    return 0
  }
  return parsed
}

/**
 * Starts the app's Payload for the tool `tool` (startCliPayload), runs `work` with it and closes
 * it whatever happens. What `work` throws is printed as `tool: <stack>` and gives exit code 1;
 * `refusal` may turn an expected error into the one line to print instead (no stack).
 */
export async function withCliPayload(
  tool: string,
  work: (app: CliPayload) => Promise<number>,
  refusal?: (err: unknown) => string | undefined,
): Promise<number> {
  const { startCliPayload } = await import('../server/bootstrap')
  const app = await startCliPayload(tool)
  try {
    return await work(app)
  } catch (err) {
    console.error(refusal?.(err) ?? `${tool}: ${describeError(err)}`)
    return 1
  } finally {
    await app.close()
  }
}

/**
 * Runs a tool's `main` and exits with the code it returns (0 when it returns nothing), or 1
 * when it throws.
 *
 * `stoppedEarly`: the line to print when the process ends with code 0 before `main` has
 * finished, and exit 1 instead. Two things can do that: Payload's development schema push,
 * which asks on the terminal about a risky change and exits when no one can answer, and a
 * module load that never settles (seen about once in ten starts on a busy machine; see
 * src/backup/verify.ts and dev/server/nodeArgs.ts): the event loop runs dry. A tool that did not finish must not look as
 * if it had.
 */
export function runCli(main: () => Promise<number | void>, stoppedEarly?: string): void {
  let finished = false
  if (stoppedEarly !== undefined) {
    process.on('exit', (code) => {
      if (finished || code !== 0) {
        return
      }
      console.error(stoppedEarly)
      process.exitCode = 1
    })
  }
  main().then(
    (code) => {
      finished = true
      process.exit(code ?? 0)
    },
    (err) => {
      console.error(err)
      process.exit(1)
    },
  )
}
