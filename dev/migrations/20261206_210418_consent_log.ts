import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_legal_consents_accept_type" AS ENUM('all', 'necessary', 'custom');
  CREATE TABLE "legal_consents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"consent_id" varchar NOT NULL,
  	"accept_type" "enum_legal_consents_accept_type" NOT NULL,
  	"accepted_categories" jsonb NOT NULL,
  	"rejected_categories" jsonb NOT NULL,
  	"accepted_services" jsonb,
  	"rejected_services" jsonb,
  	"revision" numeric NOT NULL,
  	"language" varchar,
  	"config_hash" varchar NOT NULL,
  	"ip" varchar,
  	"ip_hash" varchar,
  	"user_agent" varchar,
  	"page_url" varchar,
  	"recorded_at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "legal_consents_id" integer;
  CREATE INDEX "legal_consents_consent_id_idx" ON "legal_consents" USING btree ("consent_id");
  CREATE INDEX "legal_consents_recorded_at_idx" ON "legal_consents" USING btree ("recorded_at");
  CREATE INDEX "legal_consents_updated_at_idx" ON "legal_consents" USING btree ("updated_at");
  CREATE INDEX "legal_consents_created_at_idx" ON "legal_consents" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_legal_consents_fk" FOREIGN KEY ("legal_consents_id") REFERENCES "public"."legal_consents"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_legal_consents_id_idx" ON "payload_locked_documents_rels" USING btree ("legal_consents_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "legal_consents" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "legal_consents" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_legal_consents_fk";
  
  DROP INDEX "payload_locked_documents_rels_legal_consents_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "legal_consents_id";
  DROP TYPE "public"."enum_legal_consents_accept_type";`)
}
