CREATE TABLE "api_key_pepper" (
	"id" text PRIMARY KEY NOT NULL,
	"fingerprint" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_keys" ALTER COLUMN "prefix" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "hash_scheme" text DEFAULT 'sha256' NOT NULL;--> statement-breakpoint
-- The environment's admin key was chosen by its operator: none of its characters is kept.
UPDATE "api_keys" SET "prefix" = NULL WHERE "id" = 'key_env_admin';
