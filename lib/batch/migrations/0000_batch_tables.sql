CREATE TABLE IF NOT EXISTS "batch_files" (
	"id" text PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"filename" text NOT NULL,
	"purpose" text NOT NULL,
	"bytes" integer NOT NULL,
	"line_count" integer NOT NULL,
	"content" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "batch_batches" (
	"id" text PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"engine" text NOT NULL,
	"status" text NOT NULL,
	"endpoint" text NOT NULL,
	"input_file_id" text NOT NULL REFERENCES "batch_files"("id"),
	"completion_window" text NOT NULL,
	"metadata" jsonb,
	"errors" jsonb,
	"output_file_id" text,
	"error_file_id" text,
	"provider_batch_id" text,
	"total" integer DEFAULT 0 NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"cost_usd" double precision DEFAULT 0 NOT NULL,
	"estimated_cost_usd" double precision DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"in_progress_at" timestamp with time zone,
	"finalizing_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"expired_at" timestamp with time zone,
	"cancelling_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "batch_batches_owner_created_idx" ON "batch_batches" ("owner", "created_at");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "batch_batches_status_idx" ON "batch_batches" ("status");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "batch_lines" (
	"id" text PRIMARY KEY NOT NULL,
	"batch_id" text NOT NULL REFERENCES "batch_batches"("id") ON DELETE CASCADE,
	"line_number" integer NOT NULL,
	"custom_id" text NOT NULL,
	"body" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"claimed_by" text,
	"claimed_at" timestamp with time zone,
	"not_before" timestamp with time zone DEFAULT now() NOT NULL,
	"result" jsonb,
	"cost_usd" double precision DEFAULT 0 NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "batch_lines_batch_custom_id_idx" ON "batch_lines" ("batch_id", "custom_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "batch_lines_batch_status_idx" ON "batch_lines" ("batch_id", "status", "line_number");
