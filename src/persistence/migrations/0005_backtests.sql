CREATE TABLE "backtest_combinations" (
	"backtest_id" uuid NOT NULL,
	"index" integer NOT NULL,
	"parameters" jsonb NOT NULL,
	"statistics" jsonb NOT NULL,
	CONSTRAINT "backtest_combinations_backtest_id_index_pk" PRIMARY KEY("backtest_id","index")
);
--> statement-breakpoint
CREATE TABLE "backtests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"strategy" text NOT NULL,
	"parameters" jsonb,
	"grid" jsonb,
	"source" jsonb NOT NULL,
	"symbol" text NOT NULL,
	"timeframe" text,
	"settings" jsonb NOT NULL,
	"status" text NOT NULL,
	"progress" real DEFAULT 0 NOT NULL,
	"error" text,
	"combinations" integer NOT NULL,
	"bars" integer,
	"statistics" jsonb,
	"result" "bytea",
	"created_at" timestamp (3) with time zone NOT NULL,
	"started_at" timestamp (3) with time zone,
	"finished_at" timestamp (3) with time zone,
	"heartbeat_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "backtest_combinations" ADD CONSTRAINT "backtest_combinations_backtest_id_backtests_id_fk" FOREIGN KEY ("backtest_id") REFERENCES "public"."backtests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "backtests_created_at_id_idx" ON "backtests" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "backtests_status_idx" ON "backtests" USING btree ("status");