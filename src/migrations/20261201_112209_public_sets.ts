import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "cited_public_sets" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"article_id" numeric NOT NULL,
  	"references" jsonb,
  	"claim_numbers" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "cited_public_sets_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"benefits_id" integer,
  	"aftercare_tips_id" integer,
  	"comparison_rows_id" integer,
  	"media_id" integer,
  	"claims_id" integer,
  	"sources_id" integer
  );
  
  ALTER TABLE "media" ADD COLUMN "is_public" boolean DEFAULT false;
  ALTER TABLE "sources" ADD COLUMN "is_public" boolean DEFAULT false;
  ALTER TABLE "claims" ADD COLUMN "is_public" boolean DEFAULT false;
  ALTER TABLE "_claims_v" ADD COLUMN "version_is_public" boolean DEFAULT false;
  ALTER TABLE "benefits" ADD COLUMN "is_public" boolean DEFAULT false;
  ALTER TABLE "aftercare_tips" ADD COLUMN "is_public" boolean DEFAULT false;
  ALTER TABLE "comparison_rows" ADD COLUMN "is_public" boolean DEFAULT false;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "cited_public_sets_id" integer;
  ALTER TABLE "cited_public_sets_rels" ADD CONSTRAINT "cited_public_sets_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."cited_public_sets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "cited_public_sets_rels" ADD CONSTRAINT "cited_public_sets_rels_benefits_fk" FOREIGN KEY ("benefits_id") REFERENCES "public"."benefits"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "cited_public_sets_rels" ADD CONSTRAINT "cited_public_sets_rels_aftercare_tips_fk" FOREIGN KEY ("aftercare_tips_id") REFERENCES "public"."aftercare_tips"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "cited_public_sets_rels" ADD CONSTRAINT "cited_public_sets_rels_comparison_rows_fk" FOREIGN KEY ("comparison_rows_id") REFERENCES "public"."comparison_rows"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "cited_public_sets_rels" ADD CONSTRAINT "cited_public_sets_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "cited_public_sets_rels" ADD CONSTRAINT "cited_public_sets_rels_claims_fk" FOREIGN KEY ("claims_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "cited_public_sets_rels" ADD CONSTRAINT "cited_public_sets_rels_sources_fk" FOREIGN KEY ("sources_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;
  CREATE UNIQUE INDEX "cited_public_sets_article_id_idx" ON "cited_public_sets" USING btree ("article_id");
  CREATE INDEX "cited_public_sets_updated_at_idx" ON "cited_public_sets" USING btree ("updated_at");
  CREATE INDEX "cited_public_sets_created_at_idx" ON "cited_public_sets" USING btree ("created_at");
  CREATE INDEX "cited_public_sets_rels_order_idx" ON "cited_public_sets_rels" USING btree ("order");
  CREATE INDEX "cited_public_sets_rels_parent_idx" ON "cited_public_sets_rels" USING btree ("parent_id");
  CREATE INDEX "cited_public_sets_rels_path_idx" ON "cited_public_sets_rels" USING btree ("path");
  CREATE INDEX "cited_public_sets_rels_benefits_id_idx" ON "cited_public_sets_rels" USING btree ("benefits_id");
  CREATE INDEX "cited_public_sets_rels_aftercare_tips_id_idx" ON "cited_public_sets_rels" USING btree ("aftercare_tips_id");
  CREATE INDEX "cited_public_sets_rels_comparison_rows_id_idx" ON "cited_public_sets_rels" USING btree ("comparison_rows_id");
  CREATE INDEX "cited_public_sets_rels_media_id_idx" ON "cited_public_sets_rels" USING btree ("media_id");
  CREATE INDEX "cited_public_sets_rels_claims_id_idx" ON "cited_public_sets_rels" USING btree ("claims_id");
  CREATE INDEX "cited_public_sets_rels_sources_id_idx" ON "cited_public_sets_rels" USING btree ("sources_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_cited_public_sets_fk" FOREIGN KEY ("cited_public_sets_id") REFERENCES "public"."cited_public_sets"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "media_is_public_idx" ON "media" USING btree ("is_public");
  CREATE INDEX "sources_is_public_idx" ON "sources" USING btree ("is_public");
  CREATE INDEX "claims_is_public_idx" ON "claims" USING btree ("is_public");
  CREATE INDEX "_claims_v_version_version_is_public_idx" ON "_claims_v" USING btree ("version_is_public");
  CREATE INDEX "benefits_is_public_idx" ON "benefits" USING btree ("is_public");
  CREATE INDEX "aftercare_tips_is_public_idx" ON "aftercare_tips" USING btree ("is_public");
  CREATE INDEX "comparison_rows_is_public_idx" ON "comparison_rows" USING btree ("is_public");
  CREATE INDEX "payload_locked_documents_rels_cited_public_sets_id_idx" ON "payload_locked_documents_rels" USING btree ("cited_public_sets_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "cited_public_sets" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "cited_public_sets_rels" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "cited_public_sets" CASCADE;
  DROP TABLE "cited_public_sets_rels" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_cited_public_sets_fk";
  
  DROP INDEX "media_is_public_idx";
  DROP INDEX "sources_is_public_idx";
  DROP INDEX "claims_is_public_idx";
  DROP INDEX "_claims_v_version_version_is_public_idx";
  DROP INDEX "benefits_is_public_idx";
  DROP INDEX "aftercare_tips_is_public_idx";
  DROP INDEX "comparison_rows_is_public_idx";
  DROP INDEX "payload_locked_documents_rels_cited_public_sets_id_idx";
  ALTER TABLE "media" DROP COLUMN "is_public";
  ALTER TABLE "sources" DROP COLUMN "is_public";
  ALTER TABLE "claims" DROP COLUMN "is_public";
  ALTER TABLE "_claims_v" DROP COLUMN "version_is_public";
  ALTER TABLE "benefits" DROP COLUMN "is_public";
  ALTER TABLE "aftercare_tips" DROP COLUMN "is_public";
  ALTER TABLE "comparison_rows" DROP COLUMN "is_public";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "cited_public_sets_id";`)
}
