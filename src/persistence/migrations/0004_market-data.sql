CREATE TABLE "candle_ranges" (
	"source" text NOT NULL,
	"symbol" text NOT NULL,
	"timeframe" text NOT NULL,
	"first_open_time" timestamp (3) with time zone NOT NULL,
	"last_open_time" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "candle_ranges_source_symbol_timeframe_first_open_time_pk" PRIMARY KEY("source","symbol","timeframe","first_open_time")
);
--> statement-breakpoint
CREATE TABLE "candles" (
	"source" text NOT NULL,
	"symbol" text NOT NULL,
	"timeframe" text NOT NULL,
	"open_time" timestamp (3) with time zone NOT NULL,
	"open" double precision NOT NULL,
	"high" double precision NOT NULL,
	"low" double precision NOT NULL,
	"close" double precision NOT NULL,
	"volume" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "candles_source_symbol_timeframe_open_time_pk" PRIMARY KEY("source","symbol","timeframe","open_time")
);
--> statement-breakpoint
CREATE TABLE "market_datasets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"symbol" text NOT NULL,
	"timeframe" text NOT NULL,
	"bar_count" integer NOT NULL,
	"first_bar_time" timestamp (3) with time zone NOT NULL,
	"last_bar_time" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "market_datasets_created_at_id_idx" ON "market_datasets" USING btree ("created_at","id");