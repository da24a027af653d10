CREATE TABLE "accounts" (
	"name" text PRIMARY KEY NOT NULL,
	"broker" text NOT NULL,
	"degraded" boolean DEFAULT false NOT NULL,
	"degraded_reason" text,
	"last_reconciled_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"scopes" text[] NOT NULL,
	"hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"revoked_at" timestamp (3) with time zone,
	CONSTRAINT "api_keys_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
CREATE TABLE "equity_snapshots" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account" text NOT NULL,
	"balance" numeric NOT NULL,
	"equity" numeric NOT NULL,
	"unrealized_pnl" numeric NOT NULL,
	"realized_pnl" numeric NOT NULL,
	"margin_used" numeric NOT NULL,
	"at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fills" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account" text NOT NULL,
	"execution_id" text NOT NULL,
	"order_id" uuid,
	"broker_order_id" text NOT NULL,
	"client_order_id" text NOT NULL,
	"symbol" text NOT NULL,
	"side" text NOT NULL,
	"quantity" numeric NOT NULL,
	"price" numeric NOT NULL,
	"fee" numeric NOT NULL,
	"fee_currency" text NOT NULL,
	"liquidity" text NOT NULL,
	"strategy" text,
	"executed_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"account" text NOT NULL,
	"client_order_id" text NOT NULL,
	"symbol" text NOT NULL,
	"status" text NOT NULL,
	"filled_quantity" numeric NOT NULL,
	"source" text NOT NULL,
	"reason" text,
	"payload" jsonb,
	"at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account" text NOT NULL,
	"client_order_id" text NOT NULL,
	"broker_order_id" text,
	"symbol" text NOT NULL,
	"side" text NOT NULL,
	"type" text NOT NULL,
	"time_in_force" text NOT NULL,
	"quantity" numeric NOT NULL,
	"filled_quantity" numeric NOT NULL,
	"average_fill_price" numeric,
	"price" numeric,
	"stop_price" numeric,
	"take_profit" numeric,
	"stop_loss" numeric,
	"status" text NOT NULL,
	"role" text NOT NULL,
	"parent_id" uuid,
	"reject_reason" text,
	"strategy" text,
	"fingerprint" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "equity_snapshots_account_at_idx" ON "equity_snapshots" USING btree ("account","at");--> statement-breakpoint
CREATE UNIQUE INDEX "fills_account_execution_id_key" ON "fills" USING btree ("account","execution_id");--> statement-breakpoint
CREATE INDEX "fills_executed_at_id_idx" ON "fills" USING btree ("executed_at","id");--> statement-breakpoint
CREATE INDEX "fills_account_executed_at_id_idx" ON "fills" USING btree ("account","executed_at","id");--> statement-breakpoint
CREATE INDEX "fills_account_symbol_executed_at_id_idx" ON "fills" USING btree ("account","symbol","executed_at","id");--> statement-breakpoint
CREATE INDEX "order_events_order_id_idx" ON "order_events" USING btree ("order_id","id");--> statement-breakpoint
CREATE INDEX "order_events_account_id_idx" ON "order_events" USING btree ("account","id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_account_client_order_id_key" ON "orders" USING btree ("account","client_order_id");--> statement-breakpoint
CREATE INDEX "orders_account_broker_order_id_idx" ON "orders" USING btree ("account","broker_order_id");--> statement-breakpoint
CREATE INDEX "orders_account_status_idx" ON "orders" USING btree ("account","status");--> statement-breakpoint
CREATE INDEX "orders_created_at_idx" ON "orders" USING btree ("created_at","id");