import { describe, expect, test } from '@jest/globals'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

/**
 * A test whose every assertion sits inside an `if`, a `catch`, a callback or a loop over data
 * that may be empty passes without checking anything when that branch is not taken. This reads
 * every test file with the TypeScript parser and lists the `test`/`it` bodies in which no
 * assertion runs unconditionally. A loop counts as running when it walks a non-empty array
 * literal (inline or a `const` of the same test) or counts up from 0 to a positive literal; a
 * call of an `expect…` helper counts as an assertion.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const testFiles = fs
  .readdirSync(path.join(root, 'test'), { encoding: 'utf8', recursive: true })
  .filter(
    (file) =>
      /\.(?:test|e2e)\.tsx?$/.test(file) &&
      !file.includes('node_modules') &&
      !file.startsWith('host-app/template'),
  )
  .map((file) => path.join('test', file))

/** Tests whose assertions run in a helper of the file, with the reason they cannot pass vacuously. */
const ASSERTING_HELPERS: Record<string, string> = {
  // runSequence asserts every step; "the runs were not vacuous" then checks the totals.
  'test/integration/approvalProperty.test.ts › random workflow, seed ${seed}': 'runSequence',
}

const strip = (e: ts.Expression): ts.Expression =>
  ts.isAsExpression(e) || ts.isParenthesizedExpression(e) || ts.isSatisfiesExpression(e)
    ? strip(e.expression)
    : e

const isAssertion = (n: ts.Node): boolean =>
  ts.isCallExpression(n) && ts.isIdentifier(n.expression) && /^expect/.test(n.expression.text)

/** Names of `const x = [a, b, …]` (non-empty array literals) declared anywhere in `body`. */
function nonEmptyArrays(body: ts.Node): Set<string> {
  const names = new Set<string>()
  const visit = (n: ts.Node) => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) {
      const init = strip(n.initializer)
      if (ts.isArrayLiteralExpression(init) && init.elements.length > 0) {
        names.add(n.name.text)
      }
    }
    ts.forEachChild(n, visit)
  }
  visit(body)
  return names
}

function alwaysRuns(n: ts.Node, arrays: Set<string>): boolean {
  if (ts.isForOfStatement(n)) {
    const list = strip(n.expression)
    return (
      (ts.isArrayLiteralExpression(list) && list.elements.length > 0) ||
      (ts.isIdentifier(list) && arrays.has(list.text))
    )
  }
  if (ts.isForStatement(n) && n.condition && ts.isBinaryExpression(n.condition) && n.initializer) {
    return (
      ts.isNumericLiteral(n.condition.right) &&
      Number(n.condition.right.text) > 0 &&
      /=\s*0$/.test(n.initializer.getText())
    )
  }
  return false
}

const CONDITIONAL_OPERATORS = new Set([
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionQuestionToken,
])

/** Counts the assertions of a test body that always run. */
function unconditionalAssertions(body: ts.Node): number {
  const arrays = nonEmptyArrays(body)
  let count = 0
  const visit = (n: ts.Node, conditional: boolean) => {
    if (isAssertion(n) && !conditional) {
      count++
    }
    const inner =
      conditional ||
      (n !== body &&
        (ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isFunctionDeclaration(n))) ||
      ts.isCatchClause(n) ||
      ts.isSwitchStatement(n) ||
      ts.isConditionalExpression(n) ||
      ts.isIfStatement(n) ||
      ts.isWhileStatement(n) ||
      ts.isForInStatement(n) ||
      ((ts.isForOfStatement(n) || ts.isForStatement(n)) && !alwaysRuns(n, arrays)) ||
      (ts.isBinaryExpression(n) && CONDITIONAL_OPERATORS.has(n.operatorToken.kind))
    ts.forEachChild(n, (child) => {
      // The condition of an if, the list of a loop and the left of && always run.
      const head =
        (ts.isIfStatement(n) && child === n.expression) ||
        ((ts.isForOfStatement(n) || ts.isForInStatement(n)) && child === n.expression) ||
        (ts.isConditionalExpression(n) && child === n.condition) ||
        (ts.isBinaryExpression(n) && child === n.left)
      visit(child, head ? conditional : inner)
    })
  }
  visit(body, false)
  return count
}

type Found = { title: string; where: string }

function scan(file: string): { floating: Found[]; tests: number; vacuous: Found[] } {
  const text = fs.readFileSync(path.join(root, file), 'utf8')
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  )
  let tests = 0
  const vacuous: Found[] = []
  const floating: Found[] = []
  const where = (n: ts.Node) =>
    `${file}:${source.getLineAndCharacterOfPosition(n.getStart()).line + 1}`
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n)) {
      const callee = n.expression
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)
          ? `${callee.expression.text}.${callee.name.text}`
          : ''
      const fn = n.arguments.find((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a))
      if (
        /^(?:it|test)(?:\.(?:only|concurrent|failing))?$/.test(name) &&
        fn &&
        (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))
      ) {
        tests++
        const first = n.arguments[0]
        const title =
          first && ts.isStringLiteralLike(first)
            ? first.text
            : (first?.getText().replace(/^`|`$/g, '') ?? '')
        if (unconditionalAssertions(fn.body) === 0 && !ASSERTING_HELPERS[`${file} › ${title}`]) {
          vacuous.push({ title, where: where(n) })
        }
      }
      // expect(…).rejects / .resolves that is neither awaited nor returned checks nothing.
      if (
        ts.isPropertyAccessExpression(callee) &&
        ts.isPropertyAccessExpression(callee.expression) &&
        /^(?:rejects|resolves)$/.test(callee.expression.name.text)
      ) {
        let up: ts.Node = n.parent
        while (
          ts.isPropertyAccessExpression(up) ||
          ts.isCallExpression(up) ||
          ts.isParenthesizedExpression(up)
        ) {
          up = up.parent
        }
        if (!ts.isAwaitExpression(up) && !ts.isReturnStatement(up) && !ts.isArrowFunction(up)) {
          floating.push({ title: n.getText().slice(0, 80), where: where(n) })
        }
      }
    }
    ts.forEachChild(n, visit)
  }
  visit(source)
  return { floating, tests, vacuous }
}

describe('every test can fail', () => {
  const results = testFiles.map(scan)

  test('the scan reads the test files and finds their tests', () => {
    expect(testFiles.length).toBeGreaterThan(50)
    expect(results.reduce((sum, r) => sum + r.tests, 0)).toBeGreaterThan(500)
    // The scanner itself: a test with only a conditional assertion is found, one with a plain one is not.
    const probe = ts.createSourceFile(
      'probe.ts',
      'if (x) expect(1).toBe(1)\nexpect(2).toBe(2)',
      ts.ScriptTarget.Latest,
      true,
    )
    expect(unconditionalAssertions(probe.statements[0])).toBe(0)
    expect(unconditionalAssertions(probe)).toBe(1)
  })

  test('no test has its assertions only inside conditions, callbacks or loops that may run zero times', () => {
    expect(results.flatMap((r) => r.vacuous.map((v) => `${v.where} ${v.title}`))).toEqual([])
  })

  test('every expect(…).rejects / .resolves is awaited or returned', () => {
    expect(results.flatMap((r) => r.floating.map((v) => `${v.where} ${v.title}`))).toEqual([])
  })
})
