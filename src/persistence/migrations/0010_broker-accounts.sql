CREATE TABLE "broker_accounts" (
	"name" text PRIMARY KEY NOT NULL,
	"broker" text NOT NULL,
	"settings" jsonb NOT NULL,
	"sealed_options" text NOT NULL,
	"key_id" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
