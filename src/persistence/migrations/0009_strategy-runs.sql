CREATE TABLE "strategy_run_orders" (
	"run_id" uuid NOT NULL,
	"client_order_id" text NOT NULL,
	"bar_time" timestamp (3) with time zone NOT NULL,
	"signal_index" integer NOT NULL,
	"tag" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "strategy_run_orders_run_id_client_order_id_pk" PRIMARY KEY("run_id","client_order_id")
);
--> statement-breakpoint
CREATE TABLE "strategy_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"strategy" text NOT NULL,
	"account" text NOT NULL,
	"symbol" text NOT NULL,
	"timeframe" text NOT NULL,
	"parameters" jsonb NOT NULL,
	"sizing" jsonb NOT NULL,
	"status" text NOT NULL,
	"status_reason" text,
	"last_bar_time" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL,
	"stopped_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "strategy_run_orders" ADD CONSTRAINT "strategy_run_orders_run_id_strategy_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."strategy_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "strategy_runs_status_idx" ON "strategy_runs" USING btree ("status");