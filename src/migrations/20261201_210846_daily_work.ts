import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_review_events_action" ADD VALUE 'expiry_warned';
  ALTER TABLE "users" ADD COLUMN "email_notifications" boolean DEFAULT true;
  CREATE INDEX "claim_stats_value_unit_idx" ON "claim_stats" USING btree ("value","unit");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "review_events" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_review_events_action";
  CREATE TYPE "public"."enum_review_events_action" AS ENUM('submitted', 'approved', 'changes_requested', 'rejected', 'expired', 'invalidated', 'renewed');
  ALTER TABLE "review_events" ALTER COLUMN "action" SET DATA TYPE "public"."enum_review_events_action" USING "action"::"public"."enum_review_events_action";
  DROP INDEX "claim_stats_value_unit_idx";
  ALTER TABLE "users" DROP COLUMN "email_notifications";`)
}
