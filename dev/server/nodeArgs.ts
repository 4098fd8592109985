/**
 * The Node.js flags every process of the app starts with: `npm run dev|start|seed|import|…`,
 * and the servers and tools that tests, benchmarks and the soak run spawn.
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
