import { SLUGS } from '../slugs.js'
import * as format from './format.js'

/*
 * Kept apart from restoreContent.ts on purpose: the restore command checks the file before it
 * starts Payload, and this module imports nothing of Payload's database adapter. Importing
 * @payloadcms/db-postgres before the Payload config intermittently leaves Node's ES module
 * loader waiting forever (measured here: 2-3 runs in 10), and the process then ends with code 0
 * having done nothing.
 */

/** A restore that was refused or failed; nothing was written. The message says why. */
export class RestoreError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RestoreError'
  }
}

/**
 * Checks a parsed export file before anything is written: format and version, every record's,
 * collection's and the file's SHA-256, the archive's content hashes, keys and references.
 */
export function verifyExportFile(input: unknown): format.LegalExport {
  const file = input as format.LegalExport
  if (!file || typeof file !== 'object' || file.format !== format.EXPORT_FORMAT) {
    throw new RestoreError(
      `This is not a legal-documents export (expected "format": "${format.EXPORT_FORMAT}").`,
    )
  }
  if (file.formatVersion !== format.EXPORT_FORMAT_VERSION) {
    throw new RestoreError(
      `This export has format version ${String(file.formatVersion)}; this version of the plugin reads version ${format.EXPORT_FORMAT_VERSION}.`,
    )
  }
  const problems: string[] = []
  const known = new Set<string>()
  for (const user of file.users?.records ?? []) {
    known.add(user.key)
  }
  if (format.usersHash(file.users?.records ?? []) !== file.users?.sha256) {
    problems.push('the list of people has been changed (SHA-256 mismatch)')
  }
  if (format.sha256Of(file.global?.data ?? null) !== file.global?.sha256) {
    problems.push('the company details have been changed (SHA-256 mismatch)')
  }
  for (const slug of format.EXPORTED_COLLECTIONS) {
    const collection = file.collections?.[slug]
    if (!collection || !Array.isArray(collection.records)) {
      problems.push(`the collection ${slug} is missing`)
      continue
    }
    if (collection.count !== collection.records.length) {
      problems.push(
        `${slug}: ${collection.records.length} records, but the file says ${collection.count}`,
      )
    }
    collection.records.forEach((record, i) => {
      if (record.key !== `${slug}/${i + 1}`) {
        problems.push(`${slug}: record ${i + 1} has the key "${record.key}"`)
      }
      if (format.recordHash(record) !== record.sha256) {
        problems.push(`${record.key} has been changed (SHA-256 mismatch)`)
      }
      if (
        slug === SLUGS.versions &&
        format.archiveContentHash(record.data.content) !== record.data.contentHash
      ) {
        problems.push(`${record.key}: its content does not match its contentHash`)
      }
      known.add(record.key)
    })
    if (format.collectionHash(collection.records) !== collection.sha256) {
      problems.push(`${slug}: the list of records has been changed (SHA-256 mismatch)`)
    }
  }
  if (!problems.length && format.fileHash(file) !== file.sha256) {
    problems.push('the file has been changed (SHA-256 mismatch)')
  }
  if (!problems.length) {
    // Every reference must point into the file: checked after the hashes, which make it certain
    // that the file is what was exported.
    for (const slug of format.EXPORTED_COLLECTIONS) {
      for (const record of file.collections[slug].records) {
        for (const value of referencesOf(record)) {
          if (!known.has(value)) {
            problems.push(`${record.key} refers to ${value}, which is not in the file`)
          }
        }
      }
    }
  }
  if (problems.length) {
    const shown = problems.slice(0, 10).map((p) => `  - ${p}`)
    if (problems.length > 10) {
      shown.push(`  - … and ${problems.length - 10} more`)
    }
    throw new RestoreError(
      `The export file failed its integrity check; nothing was restored:\n${shown.join('\n')}`,
    )
  }
  return file
}

/** Keys a record's relationship fields hold (the shape is checked against the target's fields later). */
function referencesOf(record: format.ExportedRecord): string[] {
  const out: string[] = []
  const visit = (value: unknown) => {
    if (typeof value === 'string' && /^[a-z0-9-]+\/./.test(value)) {
      out.push(value)
    }
  }
  for (const part of [record.data, record.draft ?? {}]) {
    for (const [name, value] of Object.entries(part)) {
      if (!REFERENCE_FIELDS.has(name)) {
        continue
      }
      if (Array.isArray(value)) {
        value.forEach(visit)
      } else {
        visit(value)
      }
    }
  }
  return out
}
const REFERENCE_FIELDS = new Set([
  'approvedBy',
  'by',
  'document',
  'publishedBy',
  'sections',
  'updatedBy',
  'workflowContributors',
])
