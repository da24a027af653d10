CREATE TABLE "risk_days" (
	"account" text NOT NULL,
	"day" date NOT NULL,
	"start_equity" numeric NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"tripped_at" timestamp (3) with time zone,
	"tripped_pnl" numeric,
	CONSTRAINT "risk_days_account_day_pk" PRIMARY KEY("account","day")
);
--> statement-breakpoint
CREATE TABLE "risk_kill_switches" (
	"account" text PRIMARY KEY NOT NULL,
	"enabled" boolean NOT NULL,
	"reason" text,
	"changed_by" text,
	"changed_by_key_id" text,
	"changed_at" timestamp (3) with time zone NOT NULL
);
