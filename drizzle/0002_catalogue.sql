CREATE TABLE "catalogue_category" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogue_dependency" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"from_kind" text NOT NULL,
	"from_code" text NOT NULL,
	"requires_kind" text NOT NULL,
	"requires_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_line" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"category_code" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"kind" text NOT NULL,
	"unit" text NOT NULL,
	"status" text NOT NULL,
	"withdrawal_reason" text,
	"options" jsonb NOT NULL,
	"additive_to" text,
	"delivered_by_id" uuid,
	"sub_provider_id" uuid,
	"responsibilities" jsonb NOT NULL,
	"technical_prerequisites" text[] NOT NULL,
	"annexes" text[] NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shared_charge" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"charge_line" text NOT NULL,
	"triggered_by" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tariff_grid" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"effective_from" date NOT NULL,
	"deliberation_organ" text,
	"deliberation_number" text,
	"deliberation_date" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tariff_price" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grid_id" uuid NOT NULL,
	"line_code" text NOT NULL,
	"options" jsonb NOT NULL,
	"options_key" text NOT NULL,
	"monthly_cents" bigint,
	"annual_cents" bigint,
	"per_unit_cents" bigint,
	"vat_mode" text NOT NULL,
	"vat_rate_basis_points" integer,
	"minimum_quantity" integer,
	"stated_elsewhere" jsonb
);
--> statement-breakpoint
CREATE TABLE "unit_cost" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"line_code" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"forecast_units" integer NOT NULL,
	"charges" jsonb NOT NULL,
	"notice_months" integer NOT NULL,
	"budget_adoption" date,
	"notified_on" date
);
--> statement-breakpoint
ALTER TABLE "catalogue_category" ADD CONSTRAINT "catalogue_category_provider_id_provider_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_dependency" ADD CONSTRAINT "catalogue_dependency_provider_id_provider_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_line" ADD CONSTRAINT "service_line_provider_id_provider_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_line" ADD CONSTRAINT "service_line_delivered_by_id_organisation_id_fk" FOREIGN KEY ("delivered_by_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_line" ADD CONSTRAINT "service_line_sub_provider_id_organisation_id_fk" FOREIGN KEY ("sub_provider_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_charge" ADD CONSTRAINT "shared_charge_provider_id_provider_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_grid" ADD CONSTRAINT "tariff_grid_provider_id_provider_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_price" ADD CONSTRAINT "tariff_price_grid_id_tariff_grid_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."tariff_grid"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_cost" ADD CONSTRAINT "unit_cost_provider_id_provider_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_category_code_key" ON "catalogue_category" USING btree ("provider_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_dependency_key" ON "catalogue_dependency" USING btree ("provider_id","from_kind","from_code","requires_kind","requires_code");--> statement-breakpoint
CREATE UNIQUE INDEX "service_line_code_key" ON "service_line" USING btree ("provider_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "shared_charge_key" ON "shared_charge" USING btree ("provider_id","charge_line");--> statement-breakpoint
CREATE UNIQUE INDEX "tariff_grid_code_key" ON "tariff_grid" USING btree ("provider_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "tariff_grid_effective_key" ON "tariff_grid" USING btree ("provider_id","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "tariff_price_key" ON "tariff_price" USING btree ("grid_id","line_code","options_key");--> statement-breakpoint
CREATE INDEX "tariff_price_grid_idx" ON "tariff_price" USING btree ("grid_id");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_cost_key" ON "unit_cost" USING btree ("provider_id","line_code","fiscal_year");