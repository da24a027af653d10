CREATE TABLE "webhook_alerts" (
	"webhook_id" text NOT NULL,
	"alert_id" text NOT NULL,
	"received_at" timestamp (3) with time zone NOT NULL,
	"order_id" text,
	CONSTRAINT "webhook_alerts_webhook_id_alert_id_pk" PRIMARY KEY("webhook_id","alert_id")
);
--> statement-breakpoint
CREATE TABLE "webhooks" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"account" text NOT NULL,
	"strategy" text NOT NULL,
	"symbols" text[] NOT NULL,
	"replay_window_seconds" integer NOT NULL,
	"secret_hash" text NOT NULL,
	"secret_hint" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"revoked_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "webhook_alerts" ADD CONSTRAINT "webhook_alerts_webhook_id_webhooks_id_fk" FOREIGN KEY ("webhook_id") REFERENCES "public"."webhooks"("id") ON DELETE cascade ON UPDATE no action;