import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."_locales" AS ENUM('en', 'uk');
  CREATE TYPE "public"."enum_users_roles" AS ENUM('admin', 'editor', 'reviewer');
  CREATE TYPE "public"."enum_legal_documents_kind" AS ENUM('terms-of-use', 'privacy-policy', 'cookie-policy', 'data-security', 'general-conditions', 'other');
  CREATE TYPE "public"."enum_legal_documents_workflow_state" AS ENUM('draft', 'in-review', 'changes-requested', 'approved', 'published');
  CREATE TYPE "public"."enum_legal_documents_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__legal_documents_v_version_kind" AS ENUM('terms-of-use', 'privacy-policy', 'cookie-policy', 'data-security', 'general-conditions', 'other');
  CREATE TYPE "public"."enum__legal_documents_v_version_workflow_state" AS ENUM('draft', 'in-review', 'changes-requested', 'approved', 'published');
  CREATE TYPE "public"."enum__legal_documents_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__legal_documents_v_published_locale" AS ENUM('en', 'uk');
  CREATE TYPE "public"."enum_legal_sections_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__legal_sections_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__legal_sections_v_published_locale" AS ENUM('en', 'uk');
  CREATE TYPE "public"."enum_cookie_entries_category" AS ENUM('necessary', 'security', 'functional', 'analytics', 'marketing');
  CREATE TYPE "public"."enum_cookie_entries_storage_type" AS ENUM('cookie', 'local-storage', 'session-storage', 'pixel');
  CREATE TYPE "public"."enum_cookie_entries_party" AS ENUM('first', 'third');
  CREATE TYPE "public"."enum_cookie_entries_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__cookie_entries_v_version_category" AS ENUM('necessary', 'security', 'functional', 'analytics', 'marketing');
  CREATE TYPE "public"."enum__cookie_entries_v_version_storage_type" AS ENUM('cookie', 'local-storage', 'session-storage', 'pixel');
  CREATE TYPE "public"."enum__cookie_entries_v_version_party" AS ENUM('first', 'third');
  CREATE TYPE "public"."enum__cookie_entries_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__cookie_entries_v_published_locale" AS ENUM('en', 'uk');
  CREATE TYPE "public"."enum_legal_review_events_action" AS ENUM('submitted', 'approved', 'changes-requested', 'approval-voided', 'published', 'scheduled');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'schedulePublish');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'schedulePublish');
  CREATE TABLE "users_roles" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_users_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "legal_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"kind" "enum_legal_documents_kind" DEFAULT 'other',
  	"governing_law" varchar,
  	"jurisdiction" varchar,
  	"effective_date" timestamp(3) with time zone,
  	"last_modified" timestamp(3) with time zone,
  	"version" numeric DEFAULT 0,
  	"change_summary" varchar,
  	"material_change" boolean DEFAULT false,
  	"workflow_state" "enum_legal_documents_workflow_state" DEFAULT 'draft',
  	"approved_by_id" integer,
  	"approved_at" timestamp(3) with time zone,
  	"updated_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_legal_documents_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "legal_documents_locales" (
  	"title" varchar,
  	"summary" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "legal_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"legal_sections_id" integer,
  	"users_id" integer
  );
  
  CREATE TABLE "_legal_documents_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_slug" varchar,
  	"version_kind" "enum__legal_documents_v_version_kind" DEFAULT 'other',
  	"version_governing_law" varchar,
  	"version_jurisdiction" varchar,
  	"version_effective_date" timestamp(3) with time zone,
  	"version_last_modified" timestamp(3) with time zone,
  	"version_version" numeric DEFAULT 0,
  	"version_change_summary" varchar,
  	"version_material_change" boolean DEFAULT false,
  	"version_workflow_state" "enum__legal_documents_v_version_workflow_state" DEFAULT 'draft',
  	"version_approved_by_id" integer,
  	"version_approved_at" timestamp(3) with time zone,
  	"version_updated_by_id" integer,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__legal_documents_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__legal_documents_v_published_locale",
  	"latest" boolean,
  	"autosave" boolean
  );
  
  CREATE TABLE "_legal_documents_v_locales" (
  	"version_title" varchar,
  	"version_summary" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_legal_documents_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"legal_sections_id" integer,
  	"users_id" integer
  );
  
  CREATE TABLE "legal_sections" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"anchor" varchar,
  	"document_id" integer,
  	"updated_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_legal_sections_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "legal_sections_locales" (
  	"heading" varchar,
  	"body" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_legal_sections_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_anchor" varchar,
  	"version_document_id" integer,
  	"version_updated_by_id" integer,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__legal_sections_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__legal_sections_v_published_locale",
  	"latest" boolean,
  	"autosave" boolean
  );
  
  CREATE TABLE "_legal_sections_v_locales" (
  	"version_heading" varchar,
  	"version_body" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "legal_versions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"document_id" integer NOT NULL,
  	"version" numeric NOT NULL,
  	"title" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"published_at" timestamp(3) with time zone NOT NULL,
  	"effective_date" timestamp(3) with time zone,
  	"last_modified" timestamp(3) with time zone NOT NULL,
  	"change_summary" varchar,
  	"material_change" boolean DEFAULT false,
  	"approved_by_id" integer,
  	"published_by_id" integer,
  	"content" jsonb NOT NULL,
  	"content_hash" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "cookie_entries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"service" varchar,
  	"provider" varchar,
  	"domain" varchar,
  	"path" varchar DEFAULT '/',
  	"category" "enum_cookie_entries_category",
  	"storage_type" "enum_cookie_entries_storage_type" DEFAULT 'cookie',
  	"party" "enum_cookie_entries_party" DEFAULT 'first',
  	"privacy_policy_url" varchar,
  	"material_change" boolean DEFAULT false,
  	"updated_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_cookie_entries_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "cookie_entries_locales" (
  	"purpose" varchar,
  	"duration" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_cookie_entries_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_name" varchar,
  	"version_service" varchar,
  	"version_provider" varchar,
  	"version_domain" varchar,
  	"version_path" varchar DEFAULT '/',
  	"version_category" "enum__cookie_entries_v_version_category",
  	"version_storage_type" "enum__cookie_entries_v_version_storage_type" DEFAULT 'cookie',
  	"version_party" "enum__cookie_entries_v_version_party" DEFAULT 'first',
  	"version_privacy_policy_url" varchar,
  	"version_material_change" boolean DEFAULT false,
  	"version_updated_by_id" integer,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__cookie_entries_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__cookie_entries_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "_cookie_entries_v_locales" (
  	"version_purpose" varchar,
  	"version_duration" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "legal_review_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"document_id" integer NOT NULL,
  	"action" "enum_legal_review_events_action" NOT NULL,
  	"by_id" integer,
  	"at" timestamp(3) with time zone NOT NULL,
  	"comment" varchar,
  	"version" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer,
  	"legal_documents_id" integer,
  	"legal_sections_id" integer,
  	"legal_versions_id" integer,
  	"cookie_entries_id" integer,
  	"legal_review_events_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "legal_entity" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"address" varchar,
  	"phone" varchar,
  	"email" varchar,
  	"website" varchar,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "users_roles" ADD CONSTRAINT "users_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "legal_documents" ADD CONSTRAINT "legal_documents_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "legal_documents" ADD CONSTRAINT "legal_documents_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "legal_documents_locales" ADD CONSTRAINT "legal_documents_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."legal_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "legal_documents_rels" ADD CONSTRAINT "legal_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."legal_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "legal_documents_rels" ADD CONSTRAINT "legal_documents_rels_legal_sections_fk" FOREIGN KEY ("legal_sections_id") REFERENCES "public"."legal_sections"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "legal_documents_rels" ADD CONSTRAINT "legal_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_legal_documents_v" ADD CONSTRAINT "_legal_documents_v_parent_id_legal_documents_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."legal_documents"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_legal_documents_v" ADD CONSTRAINT "_legal_documents_v_version_approved_by_id_users_id_fk" FOREIGN KEY ("version_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_legal_documents_v" ADD CONSTRAINT "_legal_documents_v_version_updated_by_id_users_id_fk" FOREIGN KEY ("version_updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_legal_documents_v_locales" ADD CONSTRAINT "_legal_documents_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_legal_documents_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_legal_documents_v_rels" ADD CONSTRAINT "_legal_documents_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_legal_documents_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_legal_documents_v_rels" ADD CONSTRAINT "_legal_documents_v_rels_legal_sections_fk" FOREIGN KEY ("legal_sections_id") REFERENCES "public"."legal_sections"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_legal_documents_v_rels" ADD CONSTRAINT "_legal_documents_v_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "legal_sections" ADD CONSTRAINT "legal_sections_document_id_legal_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."legal_documents"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "legal_sections" ADD CONSTRAINT "legal_sections_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "legal_sections_locales" ADD CONSTRAINT "legal_sections_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."legal_sections"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_legal_sections_v" ADD CONSTRAINT "_legal_sections_v_parent_id_legal_sections_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."legal_sections"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_legal_sections_v" ADD CONSTRAINT "_legal_sections_v_version_document_id_legal_documents_id_fk" FOREIGN KEY ("version_document_id") REFERENCES "public"."legal_documents"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_legal_sections_v" ADD CONSTRAINT "_legal_sections_v_version_updated_by_id_users_id_fk" FOREIGN KEY ("version_updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_legal_sections_v_locales" ADD CONSTRAINT "_legal_sections_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_legal_sections_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "legal_versions" ADD CONSTRAINT "legal_versions_document_id_legal_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."legal_documents"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "legal_versions" ADD CONSTRAINT "legal_versions_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "legal_versions" ADD CONSTRAINT "legal_versions_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "cookie_entries" ADD CONSTRAINT "cookie_entries_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "cookie_entries_locales" ADD CONSTRAINT "cookie_entries_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."cookie_entries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_cookie_entries_v" ADD CONSTRAINT "_cookie_entries_v_parent_id_cookie_entries_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."cookie_entries"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_cookie_entries_v" ADD CONSTRAINT "_cookie_entries_v_version_updated_by_id_users_id_fk" FOREIGN KEY ("version_updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_cookie_entries_v_locales" ADD CONSTRAINT "_cookie_entries_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_cookie_entries_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "legal_review_events" ADD CONSTRAINT "legal_review_events_document_id_legal_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."legal_documents"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "legal_review_events" ADD CONSTRAINT "legal_review_events_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_legal_documents_fk" FOREIGN KEY ("legal_documents_id") REFERENCES "public"."legal_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_legal_sections_fk" FOREIGN KEY ("legal_sections_id") REFERENCES "public"."legal_sections"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_legal_versions_fk" FOREIGN KEY ("legal_versions_id") REFERENCES "public"."legal_versions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_cookie_entries_fk" FOREIGN KEY ("cookie_entries_id") REFERENCES "public"."cookie_entries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_legal_review_events_fk" FOREIGN KEY ("legal_review_events_id") REFERENCES "public"."legal_review_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "users_roles_order_idx" ON "users_roles" USING btree ("order");
  CREATE INDEX "users_roles_parent_idx" ON "users_roles" USING btree ("parent_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE UNIQUE INDEX "legal_documents_slug_idx" ON "legal_documents" USING btree ("slug");
  CREATE INDEX "legal_documents_workflow_state_idx" ON "legal_documents" USING btree ("workflow_state");
  CREATE INDEX "legal_documents_approved_by_idx" ON "legal_documents" USING btree ("approved_by_id");
  CREATE INDEX "legal_documents_updated_by_idx" ON "legal_documents" USING btree ("updated_by_id");
  CREATE INDEX "legal_documents_updated_at_idx" ON "legal_documents" USING btree ("updated_at");
  CREATE INDEX "legal_documents_created_at_idx" ON "legal_documents" USING btree ("created_at");
  CREATE INDEX "legal_documents__status_idx" ON "legal_documents" USING btree ("_status");
  CREATE UNIQUE INDEX "legal_documents_locales_locale_parent_id_unique" ON "legal_documents_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "legal_documents_rels_order_idx" ON "legal_documents_rels" USING btree ("order");
  CREATE INDEX "legal_documents_rels_parent_idx" ON "legal_documents_rels" USING btree ("parent_id");
  CREATE INDEX "legal_documents_rels_path_idx" ON "legal_documents_rels" USING btree ("path");
  CREATE INDEX "legal_documents_rels_legal_sections_id_idx" ON "legal_documents_rels" USING btree ("legal_sections_id");
  CREATE INDEX "legal_documents_rels_users_id_idx" ON "legal_documents_rels" USING btree ("users_id");
  CREATE INDEX "_legal_documents_v_parent_idx" ON "_legal_documents_v" USING btree ("parent_id");
  CREATE INDEX "_legal_documents_v_version_version_slug_idx" ON "_legal_documents_v" USING btree ("version_slug");
  CREATE INDEX "_legal_documents_v_version_version_workflow_state_idx" ON "_legal_documents_v" USING btree ("version_workflow_state");
  CREATE INDEX "_legal_documents_v_version_version_approved_by_idx" ON "_legal_documents_v" USING btree ("version_approved_by_id");
  CREATE INDEX "_legal_documents_v_version_version_updated_by_idx" ON "_legal_documents_v" USING btree ("version_updated_by_id");
  CREATE INDEX "_legal_documents_v_version_version_updated_at_idx" ON "_legal_documents_v" USING btree ("version_updated_at");
  CREATE INDEX "_legal_documents_v_version_version_created_at_idx" ON "_legal_documents_v" USING btree ("version_created_at");
  CREATE INDEX "_legal_documents_v_version_version__status_idx" ON "_legal_documents_v" USING btree ("version__status");
  CREATE INDEX "_legal_documents_v_created_at_idx" ON "_legal_documents_v" USING btree ("created_at");
  CREATE INDEX "_legal_documents_v_updated_at_idx" ON "_legal_documents_v" USING btree ("updated_at");
  CREATE INDEX "_legal_documents_v_snapshot_idx" ON "_legal_documents_v" USING btree ("snapshot");
  CREATE INDEX "_legal_documents_v_published_locale_idx" ON "_legal_documents_v" USING btree ("published_locale");
  CREATE INDEX "_legal_documents_v_latest_idx" ON "_legal_documents_v" USING btree ("latest");
  CREATE INDEX "_legal_documents_v_autosave_idx" ON "_legal_documents_v" USING btree ("autosave");
  CREATE UNIQUE INDEX "_legal_documents_v_locales_locale_parent_id_unique" ON "_legal_documents_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_legal_documents_v_rels_order_idx" ON "_legal_documents_v_rels" USING btree ("order");
  CREATE INDEX "_legal_documents_v_rels_parent_idx" ON "_legal_documents_v_rels" USING btree ("parent_id");
  CREATE INDEX "_legal_documents_v_rels_path_idx" ON "_legal_documents_v_rels" USING btree ("path");
  CREATE INDEX "_legal_documents_v_rels_legal_sections_id_idx" ON "_legal_documents_v_rels" USING btree ("legal_sections_id");
  CREATE INDEX "_legal_documents_v_rels_users_id_idx" ON "_legal_documents_v_rels" USING btree ("users_id");
  CREATE INDEX "legal_sections_anchor_idx" ON "legal_sections" USING btree ("anchor");
  CREATE INDEX "legal_sections_document_idx" ON "legal_sections" USING btree ("document_id");
  CREATE INDEX "legal_sections_updated_by_idx" ON "legal_sections" USING btree ("updated_by_id");
  CREATE INDEX "legal_sections_updated_at_idx" ON "legal_sections" USING btree ("updated_at");
  CREATE INDEX "legal_sections_created_at_idx" ON "legal_sections" USING btree ("created_at");
  CREATE INDEX "legal_sections__status_idx" ON "legal_sections" USING btree ("_status");
  CREATE UNIQUE INDEX "legal_sections_locales_locale_parent_id_unique" ON "legal_sections_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_legal_sections_v_parent_idx" ON "_legal_sections_v" USING btree ("parent_id");
  CREATE INDEX "_legal_sections_v_version_version_anchor_idx" ON "_legal_sections_v" USING btree ("version_anchor");
  CREATE INDEX "_legal_sections_v_version_version_document_idx" ON "_legal_sections_v" USING btree ("version_document_id");
  CREATE INDEX "_legal_sections_v_version_version_updated_by_idx" ON "_legal_sections_v" USING btree ("version_updated_by_id");
  CREATE INDEX "_legal_sections_v_version_version_updated_at_idx" ON "_legal_sections_v" USING btree ("version_updated_at");
  CREATE INDEX "_legal_sections_v_version_version_created_at_idx" ON "_legal_sections_v" USING btree ("version_created_at");
  CREATE INDEX "_legal_sections_v_version_version__status_idx" ON "_legal_sections_v" USING btree ("version__status");
  CREATE INDEX "_legal_sections_v_created_at_idx" ON "_legal_sections_v" USING btree ("created_at");
  CREATE INDEX "_legal_sections_v_updated_at_idx" ON "_legal_sections_v" USING btree ("updated_at");
  CREATE INDEX "_legal_sections_v_snapshot_idx" ON "_legal_sections_v" USING btree ("snapshot");
  CREATE INDEX "_legal_sections_v_published_locale_idx" ON "_legal_sections_v" USING btree ("published_locale");
  CREATE INDEX "_legal_sections_v_latest_idx" ON "_legal_sections_v" USING btree ("latest");
  CREATE INDEX "_legal_sections_v_autosave_idx" ON "_legal_sections_v" USING btree ("autosave");
  CREATE UNIQUE INDEX "_legal_sections_v_locales_locale_parent_id_unique" ON "_legal_sections_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "legal_versions_document_idx" ON "legal_versions" USING btree ("document_id");
  CREATE INDEX "legal_versions_version_idx" ON "legal_versions" USING btree ("version");
  CREATE INDEX "legal_versions_slug_idx" ON "legal_versions" USING btree ("slug");
  CREATE INDEX "legal_versions_approved_by_idx" ON "legal_versions" USING btree ("approved_by_id");
  CREATE INDEX "legal_versions_published_by_idx" ON "legal_versions" USING btree ("published_by_id");
  CREATE INDEX "legal_versions_updated_at_idx" ON "legal_versions" USING btree ("updated_at");
  CREATE INDEX "legal_versions_created_at_idx" ON "legal_versions" USING btree ("created_at");
  CREATE UNIQUE INDEX "document_version_idx" ON "legal_versions" USING btree ("document_id","version");
  CREATE INDEX "cookie_entries_updated_by_idx" ON "cookie_entries" USING btree ("updated_by_id");
  CREATE INDEX "cookie_entries_updated_at_idx" ON "cookie_entries" USING btree ("updated_at");
  CREATE INDEX "cookie_entries_created_at_idx" ON "cookie_entries" USING btree ("created_at");
  CREATE INDEX "cookie_entries__status_idx" ON "cookie_entries" USING btree ("_status");
  CREATE UNIQUE INDEX "cookie_entries_locales_locale_parent_id_unique" ON "cookie_entries_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_cookie_entries_v_parent_idx" ON "_cookie_entries_v" USING btree ("parent_id");
  CREATE INDEX "_cookie_entries_v_version_version_updated_by_idx" ON "_cookie_entries_v" USING btree ("version_updated_by_id");
  CREATE INDEX "_cookie_entries_v_version_version_updated_at_idx" ON "_cookie_entries_v" USING btree ("version_updated_at");
  CREATE INDEX "_cookie_entries_v_version_version_created_at_idx" ON "_cookie_entries_v" USING btree ("version_created_at");
  CREATE INDEX "_cookie_entries_v_version_version__status_idx" ON "_cookie_entries_v" USING btree ("version__status");
  CREATE INDEX "_cookie_entries_v_created_at_idx" ON "_cookie_entries_v" USING btree ("created_at");
  CREATE INDEX "_cookie_entries_v_updated_at_idx" ON "_cookie_entries_v" USING btree ("updated_at");
  CREATE INDEX "_cookie_entries_v_snapshot_idx" ON "_cookie_entries_v" USING btree ("snapshot");
  CREATE INDEX "_cookie_entries_v_published_locale_idx" ON "_cookie_entries_v" USING btree ("published_locale");
  CREATE INDEX "_cookie_entries_v_latest_idx" ON "_cookie_entries_v" USING btree ("latest");
  CREATE UNIQUE INDEX "_cookie_entries_v_locales_locale_parent_id_unique" ON "_cookie_entries_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "legal_review_events_document_idx" ON "legal_review_events" USING btree ("document_id");
  CREATE INDEX "legal_review_events_by_idx" ON "legal_review_events" USING btree ("by_id");
  CREATE INDEX "legal_review_events_updated_at_idx" ON "legal_review_events" USING btree ("updated_at");
  CREATE INDEX "legal_review_events_created_at_idx" ON "legal_review_events" USING btree ("created_at");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_legal_documents_id_idx" ON "payload_locked_documents_rels" USING btree ("legal_documents_id");
  CREATE INDEX "payload_locked_documents_rels_legal_sections_id_idx" ON "payload_locked_documents_rels" USING btree ("legal_sections_id");
  CREATE INDEX "payload_locked_documents_rels_legal_versions_id_idx" ON "payload_locked_documents_rels" USING btree ("legal_versions_id");
  CREATE INDEX "payload_locked_documents_rels_cookie_entries_id_idx" ON "payload_locked_documents_rels" USING btree ("cookie_entries_id");
  CREATE INDEX "payload_locked_documents_rels_legal_review_events_id_idx" ON "payload_locked_documents_rels" USING btree ("legal_review_events_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "users_roles" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "legal_documents" CASCADE;
  DROP TABLE "legal_documents_locales" CASCADE;
  DROP TABLE "legal_documents_rels" CASCADE;
  DROP TABLE "_legal_documents_v" CASCADE;
  DROP TABLE "_legal_documents_v_locales" CASCADE;
  DROP TABLE "_legal_documents_v_rels" CASCADE;
  DROP TABLE "legal_sections" CASCADE;
  DROP TABLE "legal_sections_locales" CASCADE;
  DROP TABLE "_legal_sections_v" CASCADE;
  DROP TABLE "_legal_sections_v_locales" CASCADE;
  DROP TABLE "legal_versions" CASCADE;
  DROP TABLE "cookie_entries" CASCADE;
  DROP TABLE "cookie_entries_locales" CASCADE;
  DROP TABLE "_cookie_entries_v" CASCADE;
  DROP TABLE "_cookie_entries_v_locales" CASCADE;
  DROP TABLE "legal_review_events" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TABLE "legal_entity" CASCADE;
  DROP TYPE "public"."_locales";
  DROP TYPE "public"."enum_users_roles";
  DROP TYPE "public"."enum_legal_documents_kind";
  DROP TYPE "public"."enum_legal_documents_workflow_state";
  DROP TYPE "public"."enum_legal_documents_status";
  DROP TYPE "public"."enum__legal_documents_v_version_kind";
  DROP TYPE "public"."enum__legal_documents_v_version_workflow_state";
  DROP TYPE "public"."enum__legal_documents_v_version_status";
  DROP TYPE "public"."enum__legal_documents_v_published_locale";
  DROP TYPE "public"."enum_legal_sections_status";
  DROP TYPE "public"."enum__legal_sections_v_version_status";
  DROP TYPE "public"."enum__legal_sections_v_published_locale";
  DROP TYPE "public"."enum_cookie_entries_category";
  DROP TYPE "public"."enum_cookie_entries_storage_type";
  DROP TYPE "public"."enum_cookie_entries_party";
  DROP TYPE "public"."enum_cookie_entries_status";
  DROP TYPE "public"."enum__cookie_entries_v_version_category";
  DROP TYPE "public"."enum__cookie_entries_v_version_storage_type";
  DROP TYPE "public"."enum__cookie_entries_v_version_party";
  DROP TYPE "public"."enum__cookie_entries_v_version_status";
  DROP TYPE "public"."enum__cookie_entries_v_published_locale";
  DROP TYPE "public"."enum_legal_review_events_action";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
