CREATE TABLE "consumption_forecast" (
	"provider_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"line" text NOT NULL,
	"options_key" text NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"units" integer,
	"amount_cents" bigint,
	"recorded_at" timestamp with time zone NOT NULL,
	"actor_label" text NOT NULL,
	CONSTRAINT "consumption_forecast_pkey" PRIMARY KEY("provider_id","organisation_id","line","options_key","year","quarter"),
	CONSTRAINT "consumption_forecast_quarter" CHECK ("consumption_forecast"."quarter" BETWEEN 0 AND 4),
	CONSTRAINT "consumption_forecast_something" CHECK ("consumption_forecast"."units" IS NOT NULL OR "consumption_forecast"."amount_cents" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "operator_invoice_line" (
	"invoice_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"organisation_id" uuid NOT NULL,
	"line" text NOT NULL,
	"site" text NOT NULL,
	"label" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"vat_cents" bigint NOT NULL,
	CONSTRAINT "operator_invoice_line_pkey" PRIMARY KEY("invoice_id","position")
);
--> statement-breakpoint
CREATE TABLE "operator_invoice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"operator" text NOT NULL,
	"market_lot" text NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"paid_on" date,
	"amount_cents" bigint NOT NULL,
	"vat_cents" bigint NOT NULL,
	"copy_file_name" text,
	"copy_content_type" text,
	"copy" "bytea",
	"import_id" uuid NOT NULL,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "operator_penalty" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"operator" text NOT NULL,
	"market_lot" text NOT NULL,
	"received_on" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"reason" text NOT NULL,
	"invoice_id" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	"actor_label" text NOT NULL,
	CONSTRAINT "operator_penalty_amount_positive" CHECK ("operator_penalty"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "time_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"line" text NOT NULL,
	"worked_on" date NOT NULL,
	"minutes" integer NOT NULL,
	"person" text NOT NULL,
	"travel_included" boolean NOT NULL,
	"description" text NOT NULL,
	"reference" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"actor_label" text NOT NULL,
	CONSTRAINT "time_entry_minutes_positive" CHECK ("time_entry"."minutes" > 0)
);
--> statement-breakpoint
ALTER TABLE "provider" ADD COLUMN "workday_minutes" integer DEFAULT 420 NOT NULL;--> statement-breakpoint
ALTER TABLE "consumption_forecast" ADD CONSTRAINT "consumption_forecast_provider_id_provider_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consumption_forecast" ADD CONSTRAINT "consumption_forecast_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operator_invoice_line" ADD CONSTRAINT "operator_invoice_line_invoice_id_operator_invoice_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."operator_invoice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operator_invoice_line" ADD CONSTRAINT "operator_invoice_line_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operator_invoice" ADD CONSTRAINT "operator_invoice_provider_id_provider_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operator_penalty" ADD CONSTRAINT "operator_penalty_provider_id_provider_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operator_penalty" ADD CONSTRAINT "operator_penalty_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operator_penalty" ADD CONSTRAINT "operator_penalty_invoice_id_operator_invoice_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."operator_invoice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entry" ADD CONSTRAINT "time_entry_provider_id_provider_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entry" ADD CONSTRAINT "time_entry_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "operator_invoice_line_member_idx" ON "operator_invoice_line" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "operator_invoice_number_key" ON "operator_invoice" USING btree ("provider_id","operator","number");--> statement-breakpoint
CREATE INDEX "operator_invoice_period_idx" ON "operator_invoice" USING btree ("provider_id","period_from");--> statement-breakpoint
CREATE INDEX "operator_penalty_member_idx" ON "operator_penalty" USING btree ("provider_id","organisation_id","received_on");--> statement-breakpoint
CREATE UNIQUE INDEX "time_entry_reference_key" ON "time_entry" USING btree ("provider_id","reference");--> statement-breakpoint
CREATE INDEX "time_entry_member_idx" ON "time_entry" USING btree ("provider_id","organisation_id","worked_on");