import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/** The review history's new step "withdrawn" (the workflow's Withdraw action, issue 16). */
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_legal_review_events_action" ADD VALUE 'withdrawn';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DELETE FROM "legal_review_events" WHERE "action" = 'withdrawn';
  ALTER TABLE "legal_review_events" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_legal_review_events_action";
  CREATE TYPE "public"."enum_legal_review_events_action" AS ENUM('submitted', 'approved', 'changes-requested', 'approval-voided', 'published', 'scheduled');
  ALTER TABLE "legal_review_events" ALTER COLUMN "action" SET DATA TYPE "public"."enum_legal_review_events_action" USING "action"::"public"."enum_legal_review_events_action";`)
}
