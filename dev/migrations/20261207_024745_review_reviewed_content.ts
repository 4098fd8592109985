import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * "Changes requested" keeps the content the reviewer reviewed, so a re-review can show what
 * changed since (issue 16, point 8).
 */
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "legal_review_events" ADD COLUMN "reviewed_content" jsonb;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "legal_review_events" DROP COLUMN "reviewed_content";`)
}
