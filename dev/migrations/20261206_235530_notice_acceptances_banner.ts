import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_legal_documents_requires_acceptance" AS ENUM('yes', 'no');
  CREATE TYPE "public"."enum__legal_documents_v_version_requires_acceptance" AS ENUM('yes', 'no');
  CREATE TYPE "public"."enum_legal_acceptances_event" AS ENUM('acceptance', 'erasure');
  CREATE TYPE "public"."enum_legal_acceptances_method" AS ENUM('clickwrap', 'checkbox', 'signup', 'api', 'other');
  ALTER TYPE "public"."enum_users_roles" ADD VALUE 'service';
  ALTER TYPE "public"."enum_legal_review_events_action" ADD VALUE 'notice-overridden';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'legalDocumentsConsentRetention' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'legalDocumentsConsentRetention' BEFORE 'schedulePublish';
  CREATE TABLE "legal_acceptances" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"event" "enum_legal_acceptances_event" DEFAULT 'acceptance' NOT NULL,
  	"subject" varchar NOT NULL,
  	"document" varchar,
  	"document_id" numeric,
  	"version" numeric,
  	"locale" varchar,
  	"content_hash" varchar,
  	"recorded_at" timestamp(3) with time zone NOT NULL,
  	"method" "enum_legal_acceptances_method",
  	"source" varchar,
  	"ip" varchar,
  	"ip_hash" varchar,
  	"user_agent" varchar,
  	"recorded_by" varchar,
  	"erased_records" numeric,
  	"subject_salt" varchar,
  	"subject_commitment" varchar NOT NULL,
  	"previous_hash" varchar NOT NULL,
  	"hash" varchar NOT NULL,
  	"live_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_jobs_stats" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "users" ADD COLUMN "enable_a_p_i_key" boolean;
  ALTER TABLE "users" ADD COLUMN "api_key" varchar;
  ALTER TABLE "users" ADD COLUMN "api_key_index" varchar;
  ALTER TABLE "legal_documents" ADD COLUMN "notice_period_days" numeric;
  ALTER TABLE "legal_documents" ADD COLUMN "requires_acceptance" "enum_legal_documents_requires_acceptance";
  ALTER TABLE "legal_documents" ADD COLUMN "notice_override" varchar;
  ALTER TABLE "legal_documents_locales" ADD COLUMN "consent_banner_consent_title" varchar;
  ALTER TABLE "legal_documents_locales" ADD COLUMN "consent_banner_consent_description" varchar;
  ALTER TABLE "legal_documents_locales" ADD COLUMN "consent_banner_accept_all" varchar;
  ALTER TABLE "legal_documents_locales" ADD COLUMN "consent_banner_accept_necessary" varchar;
  ALTER TABLE "legal_documents_locales" ADD COLUMN "consent_banner_show_preferences" varchar;
  ALTER TABLE "legal_documents_locales" ADD COLUMN "consent_banner_preferences_title" varchar;
  ALTER TABLE "legal_documents_locales" ADD COLUMN "consent_banner_save_preferences" varchar;
  ALTER TABLE "legal_documents_locales" ADD COLUMN "consent_banner_close" varchar;
  ALTER TABLE "legal_documents_locales" ADD COLUMN "consent_banner_policy_link" varchar;
  ALTER TABLE "_legal_documents_v" ADD COLUMN "version_notice_period_days" numeric;
  ALTER TABLE "_legal_documents_v" ADD COLUMN "version_requires_acceptance" "enum__legal_documents_v_version_requires_acceptance";
  ALTER TABLE "_legal_documents_v" ADD COLUMN "version_notice_override" varchar;
  ALTER TABLE "_legal_documents_v_locales" ADD COLUMN "version_consent_banner_consent_title" varchar;
  ALTER TABLE "_legal_documents_v_locales" ADD COLUMN "version_consent_banner_consent_description" varchar;
  ALTER TABLE "_legal_documents_v_locales" ADD COLUMN "version_consent_banner_accept_all" varchar;
  ALTER TABLE "_legal_documents_v_locales" ADD COLUMN "version_consent_banner_accept_necessary" varchar;
  ALTER TABLE "_legal_documents_v_locales" ADD COLUMN "version_consent_banner_show_preferences" varchar;
  ALTER TABLE "_legal_documents_v_locales" ADD COLUMN "version_consent_banner_preferences_title" varchar;
  ALTER TABLE "_legal_documents_v_locales" ADD COLUMN "version_consent_banner_save_preferences" varchar;
  ALTER TABLE "_legal_documents_v_locales" ADD COLUMN "version_consent_banner_close" varchar;
  ALTER TABLE "_legal_documents_v_locales" ADD COLUMN "version_consent_banner_policy_link" varchar;
  ALTER TABLE "payload_jobs" ADD COLUMN "meta" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "legal_acceptances_id" integer;
  CREATE INDEX "legal_acceptances_subject_idx" ON "legal_acceptances" USING btree ("subject");
  CREATE INDEX "legal_acceptances_document_idx" ON "legal_acceptances" USING btree ("document");
  CREATE INDEX "legal_acceptances_recorded_at_idx" ON "legal_acceptances" USING btree ("recorded_at");
  CREATE UNIQUE INDEX "legal_acceptances_hash_idx" ON "legal_acceptances" USING btree ("hash");
  CREATE UNIQUE INDEX "legal_acceptances_live_key_idx" ON "legal_acceptances" USING btree ("live_key");
  CREATE INDEX "legal_acceptances_updated_at_idx" ON "legal_acceptances" USING btree ("updated_at");
  CREATE INDEX "legal_acceptances_created_at_idx" ON "legal_acceptances" USING btree ("created_at");
  CREATE INDEX "subject_documentId_version_idx" ON "legal_acceptances" USING btree ("subject","document_id","version");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_legal_acceptances_fk" FOREIGN KEY ("legal_acceptances_id") REFERENCES "public"."legal_acceptances"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_legal_acceptances_id_idx" ON "payload_locked_documents_rels" USING btree ("legal_acceptances_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "legal_acceptances" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_stats" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "legal_acceptances" CASCADE;
  DROP TABLE "payload_jobs_stats" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_legal_acceptances_fk";
  
  ALTER TABLE "users_roles" ALTER COLUMN "value" SET DATA TYPE text;
  DROP TYPE "public"."enum_users_roles";
  CREATE TYPE "public"."enum_users_roles" AS ENUM('admin', 'editor', 'reviewer');
  ALTER TABLE "users_roles" ALTER COLUMN "value" SET DATA TYPE "public"."enum_users_roles" USING "value"::"public"."enum_users_roles";
  ALTER TABLE "legal_review_events" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_legal_review_events_action";
  CREATE TYPE "public"."enum_legal_review_events_action" AS ENUM('submitted', 'approved', 'changes-requested', 'approval-voided', 'published', 'scheduled', 'withdrawn');
  ALTER TABLE "legal_review_events" ALTER COLUMN "action" SET DATA TYPE "public"."enum_legal_review_events_action" USING "action"::"public"."enum_legal_review_events_action";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'legalDocumentsWebhook', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'legalDocumentsWebhook', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_legal_acceptances_id_idx";
  ALTER TABLE "users" DROP COLUMN "enable_a_p_i_key";
  ALTER TABLE "users" DROP COLUMN "api_key";
  ALTER TABLE "users" DROP COLUMN "api_key_index";
  ALTER TABLE "legal_documents" DROP COLUMN "notice_period_days";
  ALTER TABLE "legal_documents" DROP COLUMN "requires_acceptance";
  ALTER TABLE "legal_documents" DROP COLUMN "notice_override";
  ALTER TABLE "legal_documents_locales" DROP COLUMN "consent_banner_consent_title";
  ALTER TABLE "legal_documents_locales" DROP COLUMN "consent_banner_consent_description";
  ALTER TABLE "legal_documents_locales" DROP COLUMN "consent_banner_accept_all";
  ALTER TABLE "legal_documents_locales" DROP COLUMN "consent_banner_accept_necessary";
  ALTER TABLE "legal_documents_locales" DROP COLUMN "consent_banner_show_preferences";
  ALTER TABLE "legal_documents_locales" DROP COLUMN "consent_banner_preferences_title";
  ALTER TABLE "legal_documents_locales" DROP COLUMN "consent_banner_save_preferences";
  ALTER TABLE "legal_documents_locales" DROP COLUMN "consent_banner_close";
  ALTER TABLE "legal_documents_locales" DROP COLUMN "consent_banner_policy_link";
  ALTER TABLE "_legal_documents_v" DROP COLUMN "version_notice_period_days";
  ALTER TABLE "_legal_documents_v" DROP COLUMN "version_requires_acceptance";
  ALTER TABLE "_legal_documents_v" DROP COLUMN "version_notice_override";
  ALTER TABLE "_legal_documents_v_locales" DROP COLUMN "version_consent_banner_consent_title";
  ALTER TABLE "_legal_documents_v_locales" DROP COLUMN "version_consent_banner_consent_description";
  ALTER TABLE "_legal_documents_v_locales" DROP COLUMN "version_consent_banner_accept_all";
  ALTER TABLE "_legal_documents_v_locales" DROP COLUMN "version_consent_banner_accept_necessary";
  ALTER TABLE "_legal_documents_v_locales" DROP COLUMN "version_consent_banner_show_preferences";
  ALTER TABLE "_legal_documents_v_locales" DROP COLUMN "version_consent_banner_preferences_title";
  ALTER TABLE "_legal_documents_v_locales" DROP COLUMN "version_consent_banner_save_preferences";
  ALTER TABLE "_legal_documents_v_locales" DROP COLUMN "version_consent_banner_close";
  ALTER TABLE "_legal_documents_v_locales" DROP COLUMN "version_consent_banner_policy_link";
  ALTER TABLE "payload_jobs" DROP COLUMN "meta";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "legal_acceptances_id";
  DROP TYPE "public"."enum_legal_documents_requires_acceptance";
  DROP TYPE "public"."enum__legal_documents_v_version_requires_acceptance";
  DROP TYPE "public"."enum_legal_acceptances_event";
  DROP TYPE "public"."enum_legal_acceptances_method";`)
}
