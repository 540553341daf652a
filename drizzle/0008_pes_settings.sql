CREATE TABLE "pes_settings" (
	"provider_id" uuid PRIMARY KEY NOT NULL,
	"id_post" text NOT NULL,
	"cod_col" text NOT NULL,
	"cod_bud" text NOT NULL,
	"budget_label" text NOT NULL,
	"default_nature" text NOT NULL,
	"default_product_code" text NOT NULL,
	"imputations" jsonb NOT NULL,
	"xsd_path" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pes_settings" ADD CONSTRAINT "pes_settings_provider_id_provider_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("organisation_id") ON DELETE no action ON UPDATE no action;