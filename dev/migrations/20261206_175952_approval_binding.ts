import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "legal_sections_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "_legal_sections_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  ALTER TABLE "legal_documents" ADD COLUMN "approved_content_hash" varchar;
  ALTER TABLE "_legal_documents_v" ADD COLUMN "version_approved_content_hash" varchar;
  ALTER TABLE "legal_sections_rels" ADD CONSTRAINT "legal_sections_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."legal_sections"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "legal_sections_rels" ADD CONSTRAINT "legal_sections_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_legal_sections_v_rels" ADD CONSTRAINT "_legal_sections_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_legal_sections_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_legal_sections_v_rels" ADD CONSTRAINT "_legal_sections_v_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "legal_sections_rels_order_idx" ON "legal_sections_rels" USING btree ("order");
  CREATE INDEX "legal_sections_rels_parent_idx" ON "legal_sections_rels" USING btree ("parent_id");
  CREATE INDEX "legal_sections_rels_path_idx" ON "legal_sections_rels" USING btree ("path");
  CREATE INDEX "legal_sections_rels_users_id_idx" ON "legal_sections_rels" USING btree ("users_id");
  CREATE INDEX "_legal_sections_v_rels_order_idx" ON "_legal_sections_v_rels" USING btree ("order");
  CREATE INDEX "_legal_sections_v_rels_parent_idx" ON "_legal_sections_v_rels" USING btree ("parent_id");
  CREATE INDEX "_legal_sections_v_rels_path_idx" ON "_legal_sections_v_rels" USING btree ("path");
  CREATE INDEX "_legal_sections_v_rels_users_id_idx" ON "_legal_sections_v_rels" USING btree ("users_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "legal_sections_rels" CASCADE;
  DROP TABLE "_legal_sections_v_rels" CASCADE;
  ALTER TABLE "legal_documents" DROP COLUMN "approved_content_hash";
  ALTER TABLE "_legal_documents_v" DROP COLUMN "version_approved_content_hash";`)
}
