import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_cookie_entries_workflow_state" AS ENUM('draft', 'in-review', 'changes-requested', 'approved', 'published');
  CREATE TYPE "public"."enum__cookie_entries_v_version_workflow_state" AS ENUM('draft', 'in-review', 'changes-requested', 'approved', 'published');
  CREATE TABLE "cookie_entries_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "_cookie_entries_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  ALTER TABLE "legal_review_events" ALTER COLUMN "document_id" DROP NOT NULL;
  ALTER TABLE "cookie_entries" ADD COLUMN "workflow_state" "enum_cookie_entries_workflow_state" DEFAULT 'draft';
  ALTER TABLE "cookie_entries" ADD COLUMN "approved_by_id" integer;
  ALTER TABLE "cookie_entries" ADD COLUMN "approved_at" timestamp(3) with time zone;
  ALTER TABLE "cookie_entries" ADD COLUMN "approved_content_hash" varchar;
  ALTER TABLE "_cookie_entries_v" ADD COLUMN "version_workflow_state" "enum__cookie_entries_v_version_workflow_state" DEFAULT 'draft';
  ALTER TABLE "_cookie_entries_v" ADD COLUMN "version_approved_by_id" integer;
  ALTER TABLE "_cookie_entries_v" ADD COLUMN "version_approved_at" timestamp(3) with time zone;
  ALTER TABLE "_cookie_entries_v" ADD COLUMN "version_approved_content_hash" varchar;
  ALTER TABLE "legal_review_events" ADD COLUMN "cookie_entry_id" integer;
  ALTER TABLE "cookie_entries_rels" ADD CONSTRAINT "cookie_entries_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."cookie_entries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "cookie_entries_rels" ADD CONSTRAINT "cookie_entries_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_cookie_entries_v_rels" ADD CONSTRAINT "_cookie_entries_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_cookie_entries_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_cookie_entries_v_rels" ADD CONSTRAINT "_cookie_entries_v_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "cookie_entries_rels_order_idx" ON "cookie_entries_rels" USING btree ("order");
  CREATE INDEX "cookie_entries_rels_parent_idx" ON "cookie_entries_rels" USING btree ("parent_id");
  CREATE INDEX "cookie_entries_rels_path_idx" ON "cookie_entries_rels" USING btree ("path");
  CREATE INDEX "cookie_entries_rels_users_id_idx" ON "cookie_entries_rels" USING btree ("users_id");
  CREATE INDEX "_cookie_entries_v_rels_order_idx" ON "_cookie_entries_v_rels" USING btree ("order");
  CREATE INDEX "_cookie_entries_v_rels_parent_idx" ON "_cookie_entries_v_rels" USING btree ("parent_id");
  CREATE INDEX "_cookie_entries_v_rels_path_idx" ON "_cookie_entries_v_rels" USING btree ("path");
  CREATE INDEX "_cookie_entries_v_rels_users_id_idx" ON "_cookie_entries_v_rels" USING btree ("users_id");
  ALTER TABLE "cookie_entries" ADD CONSTRAINT "cookie_entries_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_cookie_entries_v" ADD CONSTRAINT "_cookie_entries_v_version_approved_by_id_users_id_fk" FOREIGN KEY ("version_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "legal_review_events" ADD CONSTRAINT "legal_review_events_cookie_entry_id_cookie_entries_id_fk" FOREIGN KEY ("cookie_entry_id") REFERENCES "public"."cookie_entries"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "cookie_entries_workflow_state_idx" ON "cookie_entries" USING btree ("workflow_state");
  CREATE INDEX "cookie_entries_approved_by_idx" ON "cookie_entries" USING btree ("approved_by_id");
  CREATE INDEX "_cookie_entries_v_version_version_workflow_state_idx" ON "_cookie_entries_v" USING btree ("version_workflow_state");
  CREATE INDEX "_cookie_entries_v_version_version_approved_by_idx" ON "_cookie_entries_v" USING btree ("version_approved_by_id");
  CREATE INDEX "legal_review_events_cookie_entry_idx" ON "legal_review_events" USING btree ("cookie_entry_id");
  -- Entries published before cookie entries had a review workflow are published in it too.
  UPDATE "cookie_entries" SET "workflow_state" = 'published' WHERE "_status" = 'published';
  UPDATE "_cookie_entries_v" SET "version_workflow_state" = 'published' WHERE "version__status" = 'published';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "cookie_entries_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_cookie_entries_v_rels" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "cookie_entries_rels" CASCADE;
  DROP TABLE "_cookie_entries_v_rels" CASCADE;
  ALTER TABLE "cookie_entries" DROP CONSTRAINT "cookie_entries_approved_by_id_users_id_fk";
  
  ALTER TABLE "_cookie_entries_v" DROP CONSTRAINT "_cookie_entries_v_version_approved_by_id_users_id_fk";
  
  ALTER TABLE "legal_review_events" DROP CONSTRAINT "legal_review_events_cookie_entry_id_cookie_entries_id_fk";
  
  DROP INDEX "cookie_entries_workflow_state_idx";
  DROP INDEX "cookie_entries_approved_by_idx";
  DROP INDEX "_cookie_entries_v_version_version_workflow_state_idx";
  DROP INDEX "_cookie_entries_v_version_version_approved_by_idx";
  DROP INDEX "legal_review_events_cookie_entry_idx";
  ALTER TABLE "legal_review_events" ALTER COLUMN "document_id" SET NOT NULL;
  ALTER TABLE "cookie_entries" DROP COLUMN "workflow_state";
  ALTER TABLE "cookie_entries" DROP COLUMN "approved_by_id";
  ALTER TABLE "cookie_entries" DROP COLUMN "approved_at";
  ALTER TABLE "cookie_entries" DROP COLUMN "approved_content_hash";
  ALTER TABLE "_cookie_entries_v" DROP COLUMN "version_workflow_state";
  ALTER TABLE "_cookie_entries_v" DROP COLUMN "version_approved_by_id";
  ALTER TABLE "_cookie_entries_v" DROP COLUMN "version_approved_at";
  ALTER TABLE "_cookie_entries_v" DROP COLUMN "version_approved_content_hash";
  ALTER TABLE "legal_review_events" DROP COLUMN "cookie_entry_id";
  DROP TYPE "public"."enum_cookie_entries_workflow_state";
  DROP TYPE "public"."enum__cookie_entries_v_version_workflow_state";`)
}
