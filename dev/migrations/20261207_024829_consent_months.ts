import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_legal_consents_fk";
  
  DROP INDEX "payload_locked_documents_rels_legal_consents_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "legal_consents_id";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "legal_consents_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_legal_consents_fk" FOREIGN KEY ("legal_consents_id") REFERENCES "public"."legal_consents"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_legal_consents_id_idx" ON "payload_locked_documents_rels" USING btree ("legal_consents_id");`)
}
