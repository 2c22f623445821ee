import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_users_roles" AS ENUM('admin', 'editor', 'reviewer');
  CREATE TYPE "public"."enum_sources_type" AS ENUM('journal-article', 'systematic-review', 'guideline', 'book', 'web-page', 'report');
  CREATE TYPE "public"."enum_sources_evidence_level" AS ENUM('1', '2', '3', '4', '5');
  CREATE TYPE "public"."enum_sources_study_type" AS ENUM('meta-analysis', 'systematic-review', 'rct', 'cohort', 'case-control', 'cross-sectional', 'case-series', 'guideline', 'expert-opinion', 'other');
  CREATE TYPE "public"."enum_claim_stats_unit" AS ENUM('percent', 'ratio', 'multiplier', 'count', 'points', 'duration');
  CREATE TYPE "public"."enum_claim_stats_qualifier" AS ENUM('exact', 'up-to', 'at-least', 'about', 'more-than');
  CREATE TYPE "public"."enum_claims_review_status" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'rejected', 'expired');
  CREATE TYPE "public"."enum_claims_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__claim_stats_v_unit" AS ENUM('percent', 'ratio', 'multiplier', 'count', 'points', 'duration');
  CREATE TYPE "public"."enum__claim_stats_v_qualifier" AS ENUM('exact', 'up-to', 'at-least', 'about', 'more-than');
  CREATE TYPE "public"."enum__claims_v_version_review_status" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'rejected', 'expired');
  CREATE TYPE "public"."enum__claims_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_aftercare_tips_timing" AS ENUM('before', 'during', 'right-after', 'within-24h', 'ongoing');
  CREATE TYPE "public"."enum_aftercare_tips_category" AS ENUM('hydration', 'heat', 'movement', 'rest', 'diet', 'sleep', 'mindfulness', 'ergonomics', 'scheduling', 'safety');
  CREATE TYPE "public"."enum_row_cells_rating" AS ENUM('low', 'medium', 'high');
  CREATE TYPE "public"."enum_blk_claim_display" AS ENUM('callout', 'stat-card', 'inline');
  CREATE TYPE "public"."enum_blk_chart_kind" AS ENUM('bar');
  CREATE TYPE "public"."enum_blk_chart_unit" AS ENUM('percent', 'ratio', 'multiplier', 'count', 'points', 'duration');
  CREATE TYPE "public"."enum_blk_keys_style" AS ENUM('takeaways', 'steps');
  CREATE TYPE "public"."enum_articles_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__blk_claim_v_display" AS ENUM('callout', 'stat-card', 'inline');
  CREATE TYPE "public"."enum__blk_chart_v_kind" AS ENUM('bar');
  CREATE TYPE "public"."enum__blk_chart_v_unit" AS ENUM('percent', 'ratio', 'multiplier', 'count', 'points', 'duration');
  CREATE TYPE "public"."enum__blk_keys_v_style" AS ENUM('takeaways', 'steps');
  CREATE TYPE "public"."enum__articles_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_review_events_action" AS ENUM('submitted', 'approved', 'changes_requested', 'rejected', 'expired', 'invalidated', 'renewed');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'citedExpireClaims', 'schedulePublish');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'citedExpireClaims', 'schedulePublish');
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
  
  CREATE TABLE "media" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"alt" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric,
  	"sizes_thumbnail_url" varchar,
  	"sizes_thumbnail_width" numeric,
  	"sizes_thumbnail_height" numeric,
  	"sizes_thumbnail_mime_type" varchar,
  	"sizes_thumbnail_filesize" numeric,
  	"sizes_thumbnail_filename" varchar,
  	"sizes_card_url" varchar,
  	"sizes_card_width" numeric,
  	"sizes_card_height" numeric,
  	"sizes_card_mime_type" varchar,
  	"sizes_card_filesize" numeric,
  	"sizes_card_filename" varchar,
  	"sizes_hero_url" varchar,
  	"sizes_hero_width" numeric,
  	"sizes_hero_height" numeric,
  	"sizes_hero_mime_type" varchar,
  	"sizes_hero_filesize" numeric,
  	"sizes_hero_filename" varchar
  );
  
  CREATE TABLE "src_authors" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"family" varchar NOT NULL,
  	"given" varchar
  );
  
  CREATE TABLE "sources" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"type" "enum_sources_type" DEFAULT 'journal-article' NOT NULL,
  	"title" varchar NOT NULL,
  	"container_title" varchar,
  	"year" numeric,
  	"volume" varchar,
  	"issue" varchar,
  	"pages" varchar,
  	"doi" varchar,
  	"pmid" varchar,
  	"pmcid" varchar,
  	"url" varchar,
  	"isbn" varchar,
  	"accessed" timestamp(3) with time zone,
  	"publisher" varchar,
  	"evidence_level" "enum_sources_evidence_level",
  	"study_type" "enum_sources_study_type",
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "claim_stats" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"value" numeric,
  	"upper" numeric,
  	"unit" "enum_claim_stats_unit" DEFAULT 'percent',
  	"qualifier" "enum_claim_stats_qualifier" DEFAULT 'exact',
  	"measure" varchar,
  	"population" varchar,
  	"locator" varchar
  );
  
  CREATE TABLE "claims" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"statement" varchar,
  	"attribution" varchar,
  	"topic" varchar,
  	"review_status" "enum_claims_review_status" DEFAULT 'draft',
  	"review_approved_by_id" integer,
  	"review_approved_at" timestamp(3) with time zone,
  	"review_review_by" timestamp(3) with time zone,
  	"review_note" varchar,
  	"evidence_uncovered_count" numeric DEFAULT 0,
  	"evidence_uncovered" jsonb,
  	"evidence_checked_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_claims_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "claims_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"sources_id" integer,
  	"benefits_id" integer,
  	"users_id" integer,
  	"claims_id" integer
  );
  
  CREATE TABLE "_claim_stats_v" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"value" numeric,
  	"upper" numeric,
  	"unit" "enum__claim_stats_v_unit" DEFAULT 'percent',
  	"qualifier" "enum__claim_stats_v_qualifier" DEFAULT 'exact',
  	"measure" varchar,
  	"population" varchar,
  	"locator" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_claims_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_statement" varchar,
  	"version_attribution" varchar,
  	"version_topic" varchar,
  	"version_review_status" "enum__claims_v_version_review_status" DEFAULT 'draft',
  	"version_review_approved_by_id" integer,
  	"version_review_approved_at" timestamp(3) with time zone,
  	"version_review_review_by" timestamp(3) with time zone,
  	"version_review_note" varchar,
  	"version_evidence_uncovered_count" numeric DEFAULT 0,
  	"version_evidence_uncovered" jsonb,
  	"version_evidence_checked_at" timestamp(3) with time zone,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__claims_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_claims_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"sources_id" integer,
  	"benefits_id" integer,
  	"users_id" integer,
  	"claims_id" integer
  );
  
  CREATE TABLE "benefits" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"summary" varchar,
  	"how_it_works" jsonb,
  	"clinical_perspective" jsonb,
  	"evidence_uncovered_count" numeric DEFAULT 0,
  	"evidence_uncovered" jsonb,
  	"evidence_checked_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "benefits_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"claims_id" integer,
  	"aftercare_tips_id" integer
  );
  
  CREATE TABLE "aftercare_tips" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"instruction" varchar NOT NULL,
  	"timing" "enum_aftercare_tips_timing",
  	"category" "enum_aftercare_tips_category",
  	"caution" varchar,
  	"evidence_uncovered_count" numeric DEFAULT 0,
  	"evidence_uncovered" jsonb,
  	"evidence_checked_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "aftercare_tips_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"claims_id" integer
  );
  
  CREATE TABLE "row_cells" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"benefit_id" integer NOT NULL,
  	"rating" "enum_row_cells_rating",
  	"text" varchar,
  	"claim_id" integer
  );
  
  CREATE TABLE "comparison_rows" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"aspect" varchar NOT NULL,
  	"icon" varchar,
  	"evidence_uncovered_count" numeric DEFAULT 0,
  	"evidence_uncovered" jsonb,
  	"evidence_checked_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "comparison_rows_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"claims_id" integer
  );
  
  CREATE TABLE "blk_benefit" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"benefit_id" integer,
  	"show_tips" boolean DEFAULT true,
  	"block_name" varchar
  );
  
  CREATE TABLE "blk_claim" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"claim_id" integer,
  	"display" "enum_blk_claim_display" DEFAULT 'callout',
  	"block_name" varchar
  );
  
  CREATE TABLE "blk_tips" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"heading" varchar DEFAULT 'Aftercare tips',
  	"intro" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "blk_table" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"heading" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "chart_pts" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"value" numeric,
  	"claim_id" integer
  );
  
  CREATE TABLE "blk_chart" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"kind" "enum_blk_chart_kind" DEFAULT 'bar',
  	"unit" "enum_blk_chart_unit" DEFAULT 'percent',
  	"caption" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "blk_text" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"content" jsonb,
  	"block_name" varchar
  );
  
  CREATE TABLE "blk_quote" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"text" varchar,
  	"attribution" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "keys_pts" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "keys_items" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"text" varchar
  );
  
  CREATE TABLE "blk_keys" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"heading" varchar DEFAULT 'Key takeaways',
  	"style" "enum_blk_keys_style" DEFAULT 'takeaways',
  	"intro" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "blk_cta" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"heading" varchar,
  	"text" varchar,
  	"label" varchar,
  	"url" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "articles" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"generate_slug" boolean DEFAULT true,
  	"slug" varchar,
  	"excerpt" varchar,
  	"hero_image_id" integer,
  	"author" varchar,
  	"intro" jsonb,
  	"conclusion" jsonb,
  	"seo_meta_title" varchar,
  	"seo_meta_description" varchar,
  	"evidence_uncovered_count" numeric DEFAULT 0,
  	"evidence_uncovered" jsonb,
  	"evidence_checked_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_articles_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "articles_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"aftercare_tips_id" integer,
  	"benefits_id" integer,
  	"comparison_rows_id" integer,
  	"claims_id" integer
  );
  
  CREATE TABLE "_blk_benefit_v" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"benefit_id" integer,
  	"show_tips" boolean DEFAULT true,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "_blk_claim_v" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"claim_id" integer,
  	"display" "enum__blk_claim_v_display" DEFAULT 'callout',
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "_blk_tips_v" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"heading" varchar DEFAULT 'Aftercare tips',
  	"intro" varchar,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "_blk_table_v" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"heading" varchar,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "_chart_pts_v" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"value" numeric,
  	"claim_id" integer,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_blk_chart_v" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"kind" "enum__blk_chart_v_kind" DEFAULT 'bar',
  	"unit" "enum__blk_chart_v_unit" DEFAULT 'percent',
  	"caption" varchar,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "_blk_text_v" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"content" jsonb,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "_blk_quote_v" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"text" varchar,
  	"attribution" varchar,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "_keys_pts_v" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"text" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_keys_items_v" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"text" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_blk_keys_v" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"heading" varchar DEFAULT 'Key takeaways',
  	"style" "enum__blk_keys_v_style" DEFAULT 'takeaways',
  	"intro" varchar,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "_blk_cta_v" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"heading" varchar,
  	"text" varchar,
  	"label" varchar,
  	"url" varchar,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "_articles_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_generate_slug" boolean DEFAULT true,
  	"version_slug" varchar,
  	"version_excerpt" varchar,
  	"version_hero_image_id" integer,
  	"version_author" varchar,
  	"version_intro" jsonb,
  	"version_conclusion" jsonb,
  	"version_seo_meta_title" varchar,
  	"version_seo_meta_description" varchar,
  	"version_evidence_uncovered_count" numeric DEFAULT 0,
  	"version_evidence_uncovered" jsonb,
  	"version_evidence_checked_at" timestamp(3) with time zone,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__articles_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean,
  	"autosave" boolean
  );
  
  CREATE TABLE "_articles_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"aftercare_tips_id" integer,
  	"benefits_id" integer,
  	"comparison_rows_id" integer,
  	"claims_id" integer
  );
  
  CREATE TABLE "review_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"claim_id" integer NOT NULL,
  	"claim_version" varchar,
  	"action" "enum_review_events_action" NOT NULL,
  	"actor_id" integer,
  	"actor_name" varchar,
  	"at" timestamp(3) with time zone NOT NULL,
  	"note" varchar,
  	"hash" varchar,
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
  	"meta" jsonb,
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
  	"media_id" integer,
  	"sources_id" integer,
  	"claims_id" integer,
  	"benefits_id" integer,
  	"aftercare_tips_id" integer,
  	"comparison_rows_id" integer,
  	"articles_id" integer,
  	"review_events_id" integer
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
  
  CREATE TABLE "payload_jobs_stats" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "users_roles" ADD CONSTRAINT "users_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "src_authors" ADD CONSTRAINT "src_authors_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "claim_stats" ADD CONSTRAINT "claim_stats_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "claims" ADD CONSTRAINT "claims_review_approved_by_id_users_id_fk" FOREIGN KEY ("review_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "claims_rels" ADD CONSTRAINT "claims_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "claims_rels" ADD CONSTRAINT "claims_rels_sources_fk" FOREIGN KEY ("sources_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "claims_rels" ADD CONSTRAINT "claims_rels_benefits_fk" FOREIGN KEY ("benefits_id") REFERENCES "public"."benefits"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "claims_rels" ADD CONSTRAINT "claims_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "claims_rels" ADD CONSTRAINT "claims_rels_claims_fk" FOREIGN KEY ("claims_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_claim_stats_v" ADD CONSTRAINT "_claim_stats_v_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_claims_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_claims_v" ADD CONSTRAINT "_claims_v_parent_id_claims_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."claims"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_claims_v" ADD CONSTRAINT "_claims_v_version_review_approved_by_id_users_id_fk" FOREIGN KEY ("version_review_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_claims_v_rels" ADD CONSTRAINT "_claims_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_claims_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_claims_v_rels" ADD CONSTRAINT "_claims_v_rels_sources_fk" FOREIGN KEY ("sources_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_claims_v_rels" ADD CONSTRAINT "_claims_v_rels_benefits_fk" FOREIGN KEY ("benefits_id") REFERENCES "public"."benefits"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_claims_v_rels" ADD CONSTRAINT "_claims_v_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_claims_v_rels" ADD CONSTRAINT "_claims_v_rels_claims_fk" FOREIGN KEY ("claims_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "benefits_rels" ADD CONSTRAINT "benefits_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."benefits"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "benefits_rels" ADD CONSTRAINT "benefits_rels_claims_fk" FOREIGN KEY ("claims_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "benefits_rels" ADD CONSTRAINT "benefits_rels_aftercare_tips_fk" FOREIGN KEY ("aftercare_tips_id") REFERENCES "public"."aftercare_tips"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "aftercare_tips_rels" ADD CONSTRAINT "aftercare_tips_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."aftercare_tips"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "aftercare_tips_rels" ADD CONSTRAINT "aftercare_tips_rels_claims_fk" FOREIGN KEY ("claims_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "row_cells" ADD CONSTRAINT "row_cells_benefit_id_benefits_id_fk" FOREIGN KEY ("benefit_id") REFERENCES "public"."benefits"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "row_cells" ADD CONSTRAINT "row_cells_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "row_cells" ADD CONSTRAINT "row_cells_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."comparison_rows"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "comparison_rows_rels" ADD CONSTRAINT "comparison_rows_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."comparison_rows"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "comparison_rows_rels" ADD CONSTRAINT "comparison_rows_rels_claims_fk" FOREIGN KEY ("claims_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "blk_benefit" ADD CONSTRAINT "blk_benefit_benefit_id_benefits_id_fk" FOREIGN KEY ("benefit_id") REFERENCES "public"."benefits"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "blk_benefit" ADD CONSTRAINT "blk_benefit_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "blk_claim" ADD CONSTRAINT "blk_claim_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "blk_claim" ADD CONSTRAINT "blk_claim_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "blk_tips" ADD CONSTRAINT "blk_tips_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "blk_table" ADD CONSTRAINT "blk_table_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "chart_pts" ADD CONSTRAINT "chart_pts_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "chart_pts" ADD CONSTRAINT "chart_pts_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."blk_chart"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "blk_chart" ADD CONSTRAINT "blk_chart_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "blk_text" ADD CONSTRAINT "blk_text_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "blk_quote" ADD CONSTRAINT "blk_quote_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "keys_pts" ADD CONSTRAINT "keys_pts_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."keys_items"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "keys_items" ADD CONSTRAINT "keys_items_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."blk_keys"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "blk_keys" ADD CONSTRAINT "blk_keys_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "blk_cta" ADD CONSTRAINT "blk_cta_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_hero_image_id_media_id_fk" FOREIGN KEY ("hero_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_aftercare_tips_fk" FOREIGN KEY ("aftercare_tips_id") REFERENCES "public"."aftercare_tips"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_benefits_fk" FOREIGN KEY ("benefits_id") REFERENCES "public"."benefits"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_comparison_rows_fk" FOREIGN KEY ("comparison_rows_id") REFERENCES "public"."comparison_rows"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_claims_fk" FOREIGN KEY ("claims_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_blk_benefit_v" ADD CONSTRAINT "_blk_benefit_v_benefit_id_benefits_id_fk" FOREIGN KEY ("benefit_id") REFERENCES "public"."benefits"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_blk_benefit_v" ADD CONSTRAINT "_blk_benefit_v_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_blk_claim_v" ADD CONSTRAINT "_blk_claim_v_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_blk_claim_v" ADD CONSTRAINT "_blk_claim_v_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_blk_tips_v" ADD CONSTRAINT "_blk_tips_v_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_blk_table_v" ADD CONSTRAINT "_blk_table_v_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_chart_pts_v" ADD CONSTRAINT "_chart_pts_v_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_chart_pts_v" ADD CONSTRAINT "_chart_pts_v_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_blk_chart_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_blk_chart_v" ADD CONSTRAINT "_blk_chart_v_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_blk_text_v" ADD CONSTRAINT "_blk_text_v_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_blk_quote_v" ADD CONSTRAINT "_blk_quote_v_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_keys_pts_v" ADD CONSTRAINT "_keys_pts_v_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_keys_items_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_keys_items_v" ADD CONSTRAINT "_keys_items_v_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_blk_keys_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_blk_keys_v" ADD CONSTRAINT "_blk_keys_v_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_blk_cta_v" ADD CONSTRAINT "_blk_cta_v_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_parent_id_articles_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_hero_image_id_media_id_fk" FOREIGN KEY ("version_hero_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_aftercare_tips_fk" FOREIGN KEY ("aftercare_tips_id") REFERENCES "public"."aftercare_tips"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_benefits_fk" FOREIGN KEY ("benefits_id") REFERENCES "public"."benefits"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_comparison_rows_fk" FOREIGN KEY ("comparison_rows_id") REFERENCES "public"."comparison_rows"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_claims_fk" FOREIGN KEY ("claims_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "review_events" ADD CONSTRAINT "review_events_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "review_events" ADD CONSTRAINT "review_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sources_fk" FOREIGN KEY ("sources_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_claims_fk" FOREIGN KEY ("claims_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_benefits_fk" FOREIGN KEY ("benefits_id") REFERENCES "public"."benefits"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_aftercare_tips_fk" FOREIGN KEY ("aftercare_tips_id") REFERENCES "public"."aftercare_tips"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_comparison_rows_fk" FOREIGN KEY ("comparison_rows_id") REFERENCES "public"."comparison_rows"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_articles_fk" FOREIGN KEY ("articles_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_review_events_fk" FOREIGN KEY ("review_events_id") REFERENCES "public"."review_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "users_roles_order_idx" ON "users_roles" USING btree ("order");
  CREATE INDEX "users_roles_parent_idx" ON "users_roles" USING btree ("parent_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "media" USING btree ("filename");
  CREATE INDEX "media_sizes_thumbnail_sizes_thumbnail_filename_idx" ON "media" USING btree ("sizes_thumbnail_filename");
  CREATE INDEX "media_sizes_card_sizes_card_filename_idx" ON "media" USING btree ("sizes_card_filename");
  CREATE INDEX "media_sizes_hero_sizes_hero_filename_idx" ON "media" USING btree ("sizes_hero_filename");
  CREATE INDEX "src_authors_order_idx" ON "src_authors" USING btree ("_order");
  CREATE INDEX "src_authors_parent_id_idx" ON "src_authors" USING btree ("_parent_id");
  CREATE INDEX "sources_doi_idx" ON "sources" USING btree ("doi");
  CREATE INDEX "sources_pmid_idx" ON "sources" USING btree ("pmid");
  CREATE INDEX "sources_updated_at_idx" ON "sources" USING btree ("updated_at");
  CREATE INDEX "sources_created_at_idx" ON "sources" USING btree ("created_at");
  CREATE INDEX "claim_stats_order_idx" ON "claim_stats" USING btree ("_order");
  CREATE INDEX "claim_stats_parent_id_idx" ON "claim_stats" USING btree ("_parent_id");
  CREATE INDEX "claims_topic_idx" ON "claims" USING btree ("topic");
  CREATE INDEX "claims_review_review_status_idx" ON "claims" USING btree ("review_status");
  CREATE INDEX "claims_review_review_approved_by_idx" ON "claims" USING btree ("review_approved_by_id");
  CREATE INDEX "claims_review_review_review_by_idx" ON "claims" USING btree ("review_review_by");
  CREATE INDEX "claims_evidence_evidence_uncovered_count_idx" ON "claims" USING btree ("evidence_uncovered_count");
  CREATE INDEX "claims_updated_at_idx" ON "claims" USING btree ("updated_at");
  CREATE INDEX "claims_created_at_idx" ON "claims" USING btree ("created_at");
  CREATE INDEX "claims__status_idx" ON "claims" USING btree ("_status");
  CREATE INDEX "claims_rels_order_idx" ON "claims_rels" USING btree ("order");
  CREATE INDEX "claims_rels_parent_idx" ON "claims_rels" USING btree ("parent_id");
  CREATE INDEX "claims_rels_path_idx" ON "claims_rels" USING btree ("path");
  CREATE INDEX "claims_rels_sources_id_idx" ON "claims_rels" USING btree ("sources_id");
  CREATE INDEX "claims_rels_benefits_id_idx" ON "claims_rels" USING btree ("benefits_id");
  CREATE INDEX "claims_rels_users_id_idx" ON "claims_rels" USING btree ("users_id");
  CREATE INDEX "claims_rels_claims_id_idx" ON "claims_rels" USING btree ("claims_id");
  CREATE INDEX "_claim_stats_v_order_idx" ON "_claim_stats_v" USING btree ("_order");
  CREATE INDEX "_claim_stats_v_parent_id_idx" ON "_claim_stats_v" USING btree ("_parent_id");
  CREATE INDEX "_claims_v_parent_idx" ON "_claims_v" USING btree ("parent_id");
  CREATE INDEX "_claims_v_version_version_topic_idx" ON "_claims_v" USING btree ("version_topic");
  CREATE INDEX "_claims_v_version_review_version_review_status_idx" ON "_claims_v" USING btree ("version_review_status");
  CREATE INDEX "_claims_v_version_review_version_review_approved_by_idx" ON "_claims_v" USING btree ("version_review_approved_by_id");
  CREATE INDEX "_claims_v_version_review_version_review_review_by_idx" ON "_claims_v" USING btree ("version_review_review_by");
  CREATE INDEX "_claims_v_version_evidence_version_evidence_uncovered_co_idx" ON "_claims_v" USING btree ("version_evidence_uncovered_count");
  CREATE INDEX "_claims_v_version_version_updated_at_idx" ON "_claims_v" USING btree ("version_updated_at");
  CREATE INDEX "_claims_v_version_version_created_at_idx" ON "_claims_v" USING btree ("version_created_at");
  CREATE INDEX "_claims_v_version_version__status_idx" ON "_claims_v" USING btree ("version__status");
  CREATE INDEX "_claims_v_created_at_idx" ON "_claims_v" USING btree ("created_at");
  CREATE INDEX "_claims_v_updated_at_idx" ON "_claims_v" USING btree ("updated_at");
  CREATE INDEX "_claims_v_latest_idx" ON "_claims_v" USING btree ("latest");
  CREATE INDEX "_claims_v_rels_order_idx" ON "_claims_v_rels" USING btree ("order");
  CREATE INDEX "_claims_v_rels_parent_idx" ON "_claims_v_rels" USING btree ("parent_id");
  CREATE INDEX "_claims_v_rels_path_idx" ON "_claims_v_rels" USING btree ("path");
  CREATE INDEX "_claims_v_rels_sources_id_idx" ON "_claims_v_rels" USING btree ("sources_id");
  CREATE INDEX "_claims_v_rels_benefits_id_idx" ON "_claims_v_rels" USING btree ("benefits_id");
  CREATE INDEX "_claims_v_rels_users_id_idx" ON "_claims_v_rels" USING btree ("users_id");
  CREATE INDEX "_claims_v_rels_claims_id_idx" ON "_claims_v_rels" USING btree ("claims_id");
  CREATE INDEX "benefits_evidence_evidence_uncovered_count_idx" ON "benefits" USING btree ("evidence_uncovered_count");
  CREATE INDEX "benefits_updated_at_idx" ON "benefits" USING btree ("updated_at");
  CREATE INDEX "benefits_created_at_idx" ON "benefits" USING btree ("created_at");
  CREATE INDEX "benefits_rels_order_idx" ON "benefits_rels" USING btree ("order");
  CREATE INDEX "benefits_rels_parent_idx" ON "benefits_rels" USING btree ("parent_id");
  CREATE INDEX "benefits_rels_path_idx" ON "benefits_rels" USING btree ("path");
  CREATE INDEX "benefits_rels_claims_id_idx" ON "benefits_rels" USING btree ("claims_id");
  CREATE INDEX "benefits_rels_aftercare_tips_id_idx" ON "benefits_rels" USING btree ("aftercare_tips_id");
  CREATE INDEX "aftercare_tips_evidence_evidence_uncovered_count_idx" ON "aftercare_tips" USING btree ("evidence_uncovered_count");
  CREATE INDEX "aftercare_tips_updated_at_idx" ON "aftercare_tips" USING btree ("updated_at");
  CREATE INDEX "aftercare_tips_created_at_idx" ON "aftercare_tips" USING btree ("created_at");
  CREATE INDEX "aftercare_tips_rels_order_idx" ON "aftercare_tips_rels" USING btree ("order");
  CREATE INDEX "aftercare_tips_rels_parent_idx" ON "aftercare_tips_rels" USING btree ("parent_id");
  CREATE INDEX "aftercare_tips_rels_path_idx" ON "aftercare_tips_rels" USING btree ("path");
  CREATE INDEX "aftercare_tips_rels_claims_id_idx" ON "aftercare_tips_rels" USING btree ("claims_id");
  CREATE INDEX "row_cells_order_idx" ON "row_cells" USING btree ("_order");
  CREATE INDEX "row_cells_parent_id_idx" ON "row_cells" USING btree ("_parent_id");
  CREATE INDEX "row_cells_benefit_idx" ON "row_cells" USING btree ("benefit_id");
  CREATE INDEX "row_cells_claim_idx" ON "row_cells" USING btree ("claim_id");
  CREATE INDEX "comparison_rows_evidence_evidence_uncovered_count_idx" ON "comparison_rows" USING btree ("evidence_uncovered_count");
  CREATE INDEX "comparison_rows_updated_at_idx" ON "comparison_rows" USING btree ("updated_at");
  CREATE INDEX "comparison_rows_created_at_idx" ON "comparison_rows" USING btree ("created_at");
  CREATE INDEX "comparison_rows_rels_order_idx" ON "comparison_rows_rels" USING btree ("order");
  CREATE INDEX "comparison_rows_rels_parent_idx" ON "comparison_rows_rels" USING btree ("parent_id");
  CREATE INDEX "comparison_rows_rels_path_idx" ON "comparison_rows_rels" USING btree ("path");
  CREATE INDEX "comparison_rows_rels_claims_id_idx" ON "comparison_rows_rels" USING btree ("claims_id");
  CREATE INDEX "blk_benefit_order_idx" ON "blk_benefit" USING btree ("_order");
  CREATE INDEX "blk_benefit_parent_id_idx" ON "blk_benefit" USING btree ("_parent_id");
  CREATE INDEX "blk_benefit_path_idx" ON "blk_benefit" USING btree ("_path");
  CREATE INDEX "blk_benefit_benefit_idx" ON "blk_benefit" USING btree ("benefit_id");
  CREATE INDEX "blk_claim_order_idx" ON "blk_claim" USING btree ("_order");
  CREATE INDEX "blk_claim_parent_id_idx" ON "blk_claim" USING btree ("_parent_id");
  CREATE INDEX "blk_claim_path_idx" ON "blk_claim" USING btree ("_path");
  CREATE INDEX "blk_claim_claim_idx" ON "blk_claim" USING btree ("claim_id");
  CREATE INDEX "blk_tips_order_idx" ON "blk_tips" USING btree ("_order");
  CREATE INDEX "blk_tips_parent_id_idx" ON "blk_tips" USING btree ("_parent_id");
  CREATE INDEX "blk_tips_path_idx" ON "blk_tips" USING btree ("_path");
  CREATE INDEX "blk_table_order_idx" ON "blk_table" USING btree ("_order");
  CREATE INDEX "blk_table_parent_id_idx" ON "blk_table" USING btree ("_parent_id");
  CREATE INDEX "blk_table_path_idx" ON "blk_table" USING btree ("_path");
  CREATE INDEX "chart_pts_order_idx" ON "chart_pts" USING btree ("_order");
  CREATE INDEX "chart_pts_parent_id_idx" ON "chart_pts" USING btree ("_parent_id");
  CREATE INDEX "chart_pts_claim_idx" ON "chart_pts" USING btree ("claim_id");
  CREATE INDEX "blk_chart_order_idx" ON "blk_chart" USING btree ("_order");
  CREATE INDEX "blk_chart_parent_id_idx" ON "blk_chart" USING btree ("_parent_id");
  CREATE INDEX "blk_chart_path_idx" ON "blk_chart" USING btree ("_path");
  CREATE INDEX "blk_text_order_idx" ON "blk_text" USING btree ("_order");
  CREATE INDEX "blk_text_parent_id_idx" ON "blk_text" USING btree ("_parent_id");
  CREATE INDEX "blk_text_path_idx" ON "blk_text" USING btree ("_path");
  CREATE INDEX "blk_quote_order_idx" ON "blk_quote" USING btree ("_order");
  CREATE INDEX "blk_quote_parent_id_idx" ON "blk_quote" USING btree ("_parent_id");
  CREATE INDEX "blk_quote_path_idx" ON "blk_quote" USING btree ("_path");
  CREATE INDEX "keys_pts_order_idx" ON "keys_pts" USING btree ("_order");
  CREATE INDEX "keys_pts_parent_id_idx" ON "keys_pts" USING btree ("_parent_id");
  CREATE INDEX "keys_items_order_idx" ON "keys_items" USING btree ("_order");
  CREATE INDEX "keys_items_parent_id_idx" ON "keys_items" USING btree ("_parent_id");
  CREATE INDEX "blk_keys_order_idx" ON "blk_keys" USING btree ("_order");
  CREATE INDEX "blk_keys_parent_id_idx" ON "blk_keys" USING btree ("_parent_id");
  CREATE INDEX "blk_keys_path_idx" ON "blk_keys" USING btree ("_path");
  CREATE INDEX "blk_cta_order_idx" ON "blk_cta" USING btree ("_order");
  CREATE INDEX "blk_cta_parent_id_idx" ON "blk_cta" USING btree ("_parent_id");
  CREATE INDEX "blk_cta_path_idx" ON "blk_cta" USING btree ("_path");
  CREATE UNIQUE INDEX "articles_slug_idx" ON "articles" USING btree ("slug");
  CREATE INDEX "articles_hero_image_idx" ON "articles" USING btree ("hero_image_id");
  CREATE INDEX "articles_evidence_evidence_uncovered_count_idx" ON "articles" USING btree ("evidence_uncovered_count");
  CREATE INDEX "articles_updated_at_idx" ON "articles" USING btree ("updated_at");
  CREATE INDEX "articles_created_at_idx" ON "articles" USING btree ("created_at");
  CREATE INDEX "articles__status_idx" ON "articles" USING btree ("_status");
  CREATE INDEX "articles_rels_order_idx" ON "articles_rels" USING btree ("order");
  CREATE INDEX "articles_rels_parent_idx" ON "articles_rels" USING btree ("parent_id");
  CREATE INDEX "articles_rels_path_idx" ON "articles_rels" USING btree ("path");
  CREATE INDEX "articles_rels_aftercare_tips_id_idx" ON "articles_rels" USING btree ("aftercare_tips_id");
  CREATE INDEX "articles_rels_benefits_id_idx" ON "articles_rels" USING btree ("benefits_id");
  CREATE INDEX "articles_rels_comparison_rows_id_idx" ON "articles_rels" USING btree ("comparison_rows_id");
  CREATE INDEX "articles_rels_claims_id_idx" ON "articles_rels" USING btree ("claims_id");
  CREATE INDEX "_blk_benefit_v_order_idx" ON "_blk_benefit_v" USING btree ("_order");
  CREATE INDEX "_blk_benefit_v_parent_id_idx" ON "_blk_benefit_v" USING btree ("_parent_id");
  CREATE INDEX "_blk_benefit_v_path_idx" ON "_blk_benefit_v" USING btree ("_path");
  CREATE INDEX "_blk_benefit_v_benefit_idx" ON "_blk_benefit_v" USING btree ("benefit_id");
  CREATE INDEX "_blk_claim_v_order_idx" ON "_blk_claim_v" USING btree ("_order");
  CREATE INDEX "_blk_claim_v_parent_id_idx" ON "_blk_claim_v" USING btree ("_parent_id");
  CREATE INDEX "_blk_claim_v_path_idx" ON "_blk_claim_v" USING btree ("_path");
  CREATE INDEX "_blk_claim_v_claim_idx" ON "_blk_claim_v" USING btree ("claim_id");
  CREATE INDEX "_blk_tips_v_order_idx" ON "_blk_tips_v" USING btree ("_order");
  CREATE INDEX "_blk_tips_v_parent_id_idx" ON "_blk_tips_v" USING btree ("_parent_id");
  CREATE INDEX "_blk_tips_v_path_idx" ON "_blk_tips_v" USING btree ("_path");
  CREATE INDEX "_blk_table_v_order_idx" ON "_blk_table_v" USING btree ("_order");
  CREATE INDEX "_blk_table_v_parent_id_idx" ON "_blk_table_v" USING btree ("_parent_id");
  CREATE INDEX "_blk_table_v_path_idx" ON "_blk_table_v" USING btree ("_path");
  CREATE INDEX "_chart_pts_v_order_idx" ON "_chart_pts_v" USING btree ("_order");
  CREATE INDEX "_chart_pts_v_parent_id_idx" ON "_chart_pts_v" USING btree ("_parent_id");
  CREATE INDEX "_chart_pts_v_claim_idx" ON "_chart_pts_v" USING btree ("claim_id");
  CREATE INDEX "_blk_chart_v_order_idx" ON "_blk_chart_v" USING btree ("_order");
  CREATE INDEX "_blk_chart_v_parent_id_idx" ON "_blk_chart_v" USING btree ("_parent_id");
  CREATE INDEX "_blk_chart_v_path_idx" ON "_blk_chart_v" USING btree ("_path");
  CREATE INDEX "_blk_text_v_order_idx" ON "_blk_text_v" USING btree ("_order");
  CREATE INDEX "_blk_text_v_parent_id_idx" ON "_blk_text_v" USING btree ("_parent_id");
  CREATE INDEX "_blk_text_v_path_idx" ON "_blk_text_v" USING btree ("_path");
  CREATE INDEX "_blk_quote_v_order_idx" ON "_blk_quote_v" USING btree ("_order");
  CREATE INDEX "_blk_quote_v_parent_id_idx" ON "_blk_quote_v" USING btree ("_parent_id");
  CREATE INDEX "_blk_quote_v_path_idx" ON "_blk_quote_v" USING btree ("_path");
  CREATE INDEX "_keys_pts_v_order_idx" ON "_keys_pts_v" USING btree ("_order");
  CREATE INDEX "_keys_pts_v_parent_id_idx" ON "_keys_pts_v" USING btree ("_parent_id");
  CREATE INDEX "_keys_items_v_order_idx" ON "_keys_items_v" USING btree ("_order");
  CREATE INDEX "_keys_items_v_parent_id_idx" ON "_keys_items_v" USING btree ("_parent_id");
  CREATE INDEX "_blk_keys_v_order_idx" ON "_blk_keys_v" USING btree ("_order");
  CREATE INDEX "_blk_keys_v_parent_id_idx" ON "_blk_keys_v" USING btree ("_parent_id");
  CREATE INDEX "_blk_keys_v_path_idx" ON "_blk_keys_v" USING btree ("_path");
  CREATE INDEX "_blk_cta_v_order_idx" ON "_blk_cta_v" USING btree ("_order");
  CREATE INDEX "_blk_cta_v_parent_id_idx" ON "_blk_cta_v" USING btree ("_parent_id");
  CREATE INDEX "_blk_cta_v_path_idx" ON "_blk_cta_v" USING btree ("_path");
  CREATE INDEX "_articles_v_parent_idx" ON "_articles_v" USING btree ("parent_id");
  CREATE INDEX "_articles_v_version_version_slug_idx" ON "_articles_v" USING btree ("version_slug");
  CREATE INDEX "_articles_v_version_version_hero_image_idx" ON "_articles_v" USING btree ("version_hero_image_id");
  CREATE INDEX "_articles_v_version_evidence_version_evidence_uncovered__idx" ON "_articles_v" USING btree ("version_evidence_uncovered_count");
  CREATE INDEX "_articles_v_version_version_updated_at_idx" ON "_articles_v" USING btree ("version_updated_at");
  CREATE INDEX "_articles_v_version_version_created_at_idx" ON "_articles_v" USING btree ("version_created_at");
  CREATE INDEX "_articles_v_version_version__status_idx" ON "_articles_v" USING btree ("version__status");
  CREATE INDEX "_articles_v_created_at_idx" ON "_articles_v" USING btree ("created_at");
  CREATE INDEX "_articles_v_updated_at_idx" ON "_articles_v" USING btree ("updated_at");
  CREATE INDEX "_articles_v_latest_idx" ON "_articles_v" USING btree ("latest");
  CREATE INDEX "_articles_v_autosave_idx" ON "_articles_v" USING btree ("autosave");
  CREATE INDEX "_articles_v_rels_order_idx" ON "_articles_v_rels" USING btree ("order");
  CREATE INDEX "_articles_v_rels_parent_idx" ON "_articles_v_rels" USING btree ("parent_id");
  CREATE INDEX "_articles_v_rels_path_idx" ON "_articles_v_rels" USING btree ("path");
  CREATE INDEX "_articles_v_rels_aftercare_tips_id_idx" ON "_articles_v_rels" USING btree ("aftercare_tips_id");
  CREATE INDEX "_articles_v_rels_benefits_id_idx" ON "_articles_v_rels" USING btree ("benefits_id");
  CREATE INDEX "_articles_v_rels_comparison_rows_id_idx" ON "_articles_v_rels" USING btree ("comparison_rows_id");
  CREATE INDEX "_articles_v_rels_claims_id_idx" ON "_articles_v_rels" USING btree ("claims_id");
  CREATE INDEX "review_events_claim_idx" ON "review_events" USING btree ("claim_id");
  CREATE INDEX "review_events_action_idx" ON "review_events" USING btree ("action");
  CREATE INDEX "review_events_actor_idx" ON "review_events" USING btree ("actor_id");
  CREATE INDEX "review_events_at_idx" ON "review_events" USING btree ("at");
  CREATE INDEX "review_events_updated_at_idx" ON "review_events" USING btree ("updated_at");
  CREATE INDEX "review_events_created_at_idx" ON "review_events" USING btree ("created_at");
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
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_sources_id_idx" ON "payload_locked_documents_rels" USING btree ("sources_id");
  CREATE INDEX "payload_locked_documents_rels_claims_id_idx" ON "payload_locked_documents_rels" USING btree ("claims_id");
  CREATE INDEX "payload_locked_documents_rels_benefits_id_idx" ON "payload_locked_documents_rels" USING btree ("benefits_id");
  CREATE INDEX "payload_locked_documents_rels_aftercare_tips_id_idx" ON "payload_locked_documents_rels" USING btree ("aftercare_tips_id");
  CREATE INDEX "payload_locked_documents_rels_comparison_rows_id_idx" ON "payload_locked_documents_rels" USING btree ("comparison_rows_id");
  CREATE INDEX "payload_locked_documents_rels_articles_id_idx" ON "payload_locked_documents_rels" USING btree ("articles_id");
  CREATE INDEX "payload_locked_documents_rels_review_events_id_idx" ON "payload_locked_documents_rels" USING btree ("review_events_id");
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
  DROP TABLE "media" CASCADE;
  DROP TABLE "src_authors" CASCADE;
  DROP TABLE "sources" CASCADE;
  DROP TABLE "claim_stats" CASCADE;
  DROP TABLE "claims" CASCADE;
  DROP TABLE "claims_rels" CASCADE;
  DROP TABLE "_claim_stats_v" CASCADE;
  DROP TABLE "_claims_v" CASCADE;
  DROP TABLE "_claims_v_rels" CASCADE;
  DROP TABLE "benefits" CASCADE;
  DROP TABLE "benefits_rels" CASCADE;
  DROP TABLE "aftercare_tips" CASCADE;
  DROP TABLE "aftercare_tips_rels" CASCADE;
  DROP TABLE "row_cells" CASCADE;
  DROP TABLE "comparison_rows" CASCADE;
  DROP TABLE "comparison_rows_rels" CASCADE;
  DROP TABLE "blk_benefit" CASCADE;
  DROP TABLE "blk_claim" CASCADE;
  DROP TABLE "blk_tips" CASCADE;
  DROP TABLE "blk_table" CASCADE;
  DROP TABLE "chart_pts" CASCADE;
  DROP TABLE "blk_chart" CASCADE;
  DROP TABLE "blk_text" CASCADE;
  DROP TABLE "blk_quote" CASCADE;
  DROP TABLE "keys_pts" CASCADE;
  DROP TABLE "keys_items" CASCADE;
  DROP TABLE "blk_keys" CASCADE;
  DROP TABLE "blk_cta" CASCADE;
  DROP TABLE "articles" CASCADE;
  DROP TABLE "articles_rels" CASCADE;
  DROP TABLE "_blk_benefit_v" CASCADE;
  DROP TABLE "_blk_claim_v" CASCADE;
  DROP TABLE "_blk_tips_v" CASCADE;
  DROP TABLE "_blk_table_v" CASCADE;
  DROP TABLE "_chart_pts_v" CASCADE;
  DROP TABLE "_blk_chart_v" CASCADE;
  DROP TABLE "_blk_text_v" CASCADE;
  DROP TABLE "_blk_quote_v" CASCADE;
  DROP TABLE "_keys_pts_v" CASCADE;
  DROP TABLE "_keys_items_v" CASCADE;
  DROP TABLE "_blk_keys_v" CASCADE;
  DROP TABLE "_blk_cta_v" CASCADE;
  DROP TABLE "_articles_v" CASCADE;
  DROP TABLE "_articles_v_rels" CASCADE;
  DROP TABLE "review_events" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TABLE "payload_jobs_stats" CASCADE;
  DROP TYPE "public"."enum_users_roles";
  DROP TYPE "public"."enum_sources_type";
  DROP TYPE "public"."enum_sources_evidence_level";
  DROP TYPE "public"."enum_sources_study_type";
  DROP TYPE "public"."enum_claim_stats_unit";
  DROP TYPE "public"."enum_claim_stats_qualifier";
  DROP TYPE "public"."enum_claims_review_status";
  DROP TYPE "public"."enum_claims_status";
  DROP TYPE "public"."enum__claim_stats_v_unit";
  DROP TYPE "public"."enum__claim_stats_v_qualifier";
  DROP TYPE "public"."enum__claims_v_version_review_status";
  DROP TYPE "public"."enum__claims_v_version_status";
  DROP TYPE "public"."enum_aftercare_tips_timing";
  DROP TYPE "public"."enum_aftercare_tips_category";
  DROP TYPE "public"."enum_row_cells_rating";
  DROP TYPE "public"."enum_blk_claim_display";
  DROP TYPE "public"."enum_blk_chart_kind";
  DROP TYPE "public"."enum_blk_chart_unit";
  DROP TYPE "public"."enum_blk_keys_style";
  DROP TYPE "public"."enum_articles_status";
  DROP TYPE "public"."enum__blk_claim_v_display";
  DROP TYPE "public"."enum__blk_chart_v_kind";
  DROP TYPE "public"."enum__blk_chart_v_unit";
  DROP TYPE "public"."enum__blk_keys_v_style";
  DROP TYPE "public"."enum__articles_v_version_status";
  DROP TYPE "public"."enum_review_events_action";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
