import 'dotenv/config'
import fs from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { SLUG_PATTERN } from 'payload-plugin-legal-documents'
import {
  ImportError,
  type ParsedLegalText,
  parseLegalText,
} from 'payload-plugin-legal-documents/importer'

import { runCli, withCliPayload } from '../dev/cli/runCli'
import {
  defaultLocaleOf,
  DOCUMENT_KIND_VALUES,
  type DocumentKindValue,
  ImportRefused,
  sectionsFromParsed,
} from './importDocument'

/**
 * `npm run import -- FILE --slug SLUG --kind KIND [--locale uk]` and more (see USAGE).
 * Reads an existing legal page (plain text or Markdown) into a draft document, one section per
 * heading. The file is parsed before any database is touched, so an unreadable file fails in a
 * moment with its line number; importing again updates the same draft.
 */

const USAGE = `usage: npm run import -- FILE --slug SLUG [--kind KIND] [options]

  FILE                 plain text (.txt) or Markdown (.md, .markdown)
  --slug SLUG          the document's web address, e.g. privacy-policy
  --kind KIND          ${DOCUMENT_KIND_VALUES.join(' | ')} (needed to create the document)
  --locale LOCALE      language of the text (default: the default locale, en); a translation
                       must have the same sections, in the same order, as the document
  --title TITLE        title (default: the file's first heading)
  --format FORMAT      text | markdown (default: from the file name)
  --intro-heading H    heading for the text before the first heading (default: Introduction)
  --as EMAIL           the editor to import as (default: the oldest editor, or a seed account)
  --dry-run            parse and show the sections; write nothing`

const INTRO_HEADINGS: Record<string, string> = { en: 'Introduction', uk: 'Вступ' }

type Options = {
  as?: string
  dryRun: boolean
  file: string
  format: 'markdown' | 'text'
  introHeading?: string
  kind?: DocumentKindValue
  locale?: string
  slug: string
  title?: string
}

class UsageError extends Error {}

function readOptions(argv: string[]): 'help' | Options {
  let parsed
  try {
    parsed = parseArgs({
      allowPositionals: true,
      args: argv,
      options: {
        slug: { type: 'string' },
        as: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        format: { type: 'string' },
        help: { type: 'boolean', default: false, short: 'h' },
        'intro-heading': { type: 'string' },
        kind: { type: 'string' },
        locale: { type: 'string' },
        title: { type: 'string' },
      },
      strict: true,
    })
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
  const { positionals, values } = parsed
  if (values.help) {
    return 'help'
  }
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length ? `one file at a time, got ${positionals.length}` : 'no file given',
    )
  }
  if (!values.slug) {
    throw new UsageError('--slug is required')
  }
  if (!SLUG_PATTERN.test(values.slug)) {
    throw new UsageError(
      `--slug "${values.slug}": use lowercase letters, digits and single hyphens`,
    )
  }
  if (values.kind !== undefined && !(DOCUMENT_KIND_VALUES as string[]).includes(values.kind)) {
    throw new UsageError(`--kind "${values.kind}": use one of ${DOCUMENT_KIND_VALUES.join(', ')}`)
  }
  if (values.format !== undefined && values.format !== 'text' && values.format !== 'markdown') {
    throw new UsageError(`--format "${values.format}": use text or markdown`)
  }
  const file = positionals[0]
  return {
    slug: values.slug,
    as: values.as,
    dryRun: values['dry-run'],
    file,
    format: values.format ?? (/\.(?:md|markdown)$/i.test(file) ? 'markdown' : 'text'),
    introHeading: values['intro-heading'],
    kind: values.kind as DocumentKindValue | undefined,
    locale: values.locale,
    title: values.title,
  }
}

async function main(argv: string[]): Promise<number> {
  let options: 'help' | Options
  try {
    options = readOptions(argv)
  } catch (err) {
    console.error(`import: ${(err as Error).message}\n\n${USAGE}`)
    return 2
  }
  if (options === 'help') {
    console.log(USAGE)
    return 0
  }
  const shown = path.relative(process.cwd(), path.resolve(options.file)) || options.file

  let text: string
  try {
    text = await fs.readFile(options.file, 'utf8')
  } catch (err) {
    console.error(
      `import: cannot read ${shown}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`,
    )
    return 1
  }

  let parsed: ParsedLegalText
  try {
    parsed = parseLegalText(text, { format: options.format })
  } catch (err) {
    if (err instanceof ImportError) {
      // file:line: first, the form editors and terminals turn into a link to the line.
      console.error(`${shown}:${err.line}: ${err.message.replace(/^line \d+: /, '')}`)
      console.error(`import: ${shown} was not imported; nothing was written.`)
      return 1
    }
    throw err
  }
  for (const warning of parsed.warnings) {
    console.error(`${shown}:${warning.line}: warning: ${warning.message}`)
  }

  const title = options.title ?? parsed.title
  if (!title) {
    console.error(`import: ${shown} has no title line (a first heading); give one with --title`)
    return 1
  }
  const locale = options.locale
  const introHeading = options.introHeading ?? INTRO_HEADINGS[locale ?? 'en'] ?? INTRO_HEADINGS.en
  const sections = sectionsFromParsed(parsed, introHeading)

  if (options.dryRun) {
    console.log(`${shown}: "${title}", ${sections.length} sections (dry run, nothing written)`)
    sections.forEach((s, i) =>
      console.log(
        `  [${i + 1}/${sections.length}] ${s.heading}${s.line ? `  (line ${s.line})` : ''}`,
      ),
    )
    return 0
  }

  return withCliPayload(
    'import',
    async (app) => {
      const { actorFor, userByEmail } = await import('./actors')
      const { importDocument } = await import('./importDocument')
      let editor
      if (options.as) {
        editor = await userByEmail(app.payload, options.as)
        if (!editor) {
          throw new ImportRefused(`there is no user ${options.as}`)
        }
        if (!editor.roles.some((r) => r === 'editor' || r === 'admin')) {
          throw new ImportRefused(`${options.as} is not an editor or admin`)
        }
      } else {
        editor = (await actorFor(app.payload, 'editor')).actor
      }
      const localeShown = locale ?? defaultLocaleOf(app.payload) ?? 'en'
      console.log(`Importing ${shown} into "${options.slug}" (${localeShown}) as ${editor.email}`)
      const result = await importDocument(app.payload, {
        slug: options.slug,
        editor,
        kind: options.kind,
        locale,
        onSection: ({ action, heading, index, line, total }) =>
          console.log(
            `  [${index + 1}/${total}] ${action.padEnd(9)} ${heading}${line ? `  (line ${line})` : ''}`,
          ),
        sections,
        title,
      })
      for (const r of result.removed) {
        console.log(
          `  removed   ${r.heading}${r.deleted ? '' : '  (published before: kept in the record, no longer in the document)'}`,
        )
      }
      const count = (action: string) => result.sections.filter((s) => s.action === action).length
      console.log(
        `Done: "${title}" (${options.slug}) ${result.documentCreated ? 'created' : 'updated'} as a draft, ${result.workflowState}; ` +
          `${sections.length} sections: ${count('created')} created, ${count('updated')} updated, ${count('unchanged')} unchanged, ` +
          `${result.removed.length} removed; ${parsed.warnings.length} warning${parsed.warnings.length === 1 ? '' : 's'}.`,
      )
      if (result.workflowState === 'draft') {
        console.log('Next: review it in the admin and submit it for review.')
      }
      return 0
    },
    (err) =>
      err instanceof ImportRefused
        ? err.line
          ? `${shown}:${err.line}: ${err.message}`
          : `import: ${err.message}`
        : undefined,
  )
}

runCli(
  () => main(process.argv.slice(2)),
  'import: stopped before it finished (during start-up). Nothing was imported; run it again.',
)
