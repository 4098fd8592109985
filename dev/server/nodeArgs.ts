/**
 * The Node.js flags every process of the app starts with: `npm run dev|start|seed|import|…`,
 * and the servers and tools that tests, benchmarks and the soak run spawn (and the environment
 * of the bare servers among them).
 *
 * Why the export condition: Lexical's `node` entry points (lexical, @lexical/*) are wrappers
 * that choose the dev or prod build with a top-level `await import()`. On Node 20 an `import()`
 * whose graph holds several such modules evaluating at once sometimes never settles: nothing is
 * left to run, so the process exits 0 having done nothing (measured on 2 busy cores: 36 of 40
 * plain imports of @payloadcms/richtext-lexical, 6 of 40 under tsx; a dev server hangs after
 * starting its database). Lexical lists `development` and `production` before `node`; with
 * either condition the same code resolves straight to the build, with no top-level await, and
 * the stall is gone (0 of 80). test/integration/moduleGraph.test.ts keeps it that way.
 */
export function exportCondition(
  env: Record<string, string | undefined> = process.env,
): 'development' | 'production' {
  return env.NODE_ENV === 'production' ? 'production' : 'development'
}

/** `node …` arguments that run a TypeScript entry of this project, e.g. `dev/server/main.ts`. */
export function nodeArgs(env: Record<string, string | undefined> = process.env): string[] {
  return [`--conditions=${exportCondition(env)}`, '--import', 'tsx']
}

/**
 * The environment of a development server (`dev/server/main.ts`) that a test or benchmark spawns
 * on its own database: no Next, no seed, no demo users, and of the parent's environment only
 * HOME and PATH (no DATABASE_URL, PAYLOAD_SECRET or NODE_ENV of the shell leaks in).
 */
export function bareServerEnv(databaseUrl: string, secret: string): NodeJS.ProcessEnv {
  return {
    DATABASE_URL: databaseUrl,
    HOME: process.env.HOME,
    NO_DEMO_USERS: 'true',
    NO_NEXT: 'true',
    NO_SEED: 'true',
    NODE_ENV: 'development',
    PATH: process.env.PATH,
    PAYLOAD_SECRET: secret,
  }
}
