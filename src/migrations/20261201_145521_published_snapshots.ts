import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "cited_snapshots" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"article_id" numeric NOT NULL,
  	"slug" varchar NOT NULL,
  	"etag" varchar NOT NULL,
  	"doc" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "cited_snapshots_id" integer;
  CREATE UNIQUE INDEX "cited_snapshots_article_id_idx" ON "cited_snapshots" USING btree ("article_id");
  CREATE UNIQUE INDEX "cited_snapshots_slug_idx" ON "cited_snapshots" USING btree ("slug");
  CREATE INDEX "cited_snapshots_updated_at_idx" ON "cited_snapshots" USING btree ("updated_at");
  CREATE INDEX "cited_snapshots_created_at_idx" ON "cited_snapshots" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_cited_snapshots_fk" FOREIGN KEY ("cited_snapshots_id") REFERENCES "public"."cited_snapshots"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_cited_snapshots_id_idx" ON "payload_locked_documents_rels" USING btree ("cited_snapshots_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "cited_snapshots" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "cited_snapshots" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_cited_snapshots_fk";
  
  DROP INDEX "payload_locked_documents_rels_cited_snapshots_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "cited_snapshots_id";`)
}
