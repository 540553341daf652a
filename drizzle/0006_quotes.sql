CREATE TABLE "quote_line" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"quote_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"line" text,
	"nature" text NOT NULL,
	"quantity_hundredths" integer NOT NULL,
	"unit_price_cents" bigint NOT NULL,
	"vat" jsonb NOT NULL,
	"amount_cents" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quote" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"request_id" uuid,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"number" text NOT NULL,
	"subject" text NOT NULL,
	"issued_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"sent_on" date,
	"accepted_on" date,
	"accepted_by" text,
	"signed_file_name" text,
	"signed_document" "bytea",
	"declined_on" date,
	"total_cents" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "quote_line" ADD CONSTRAINT "quote_line_quote_id_quote_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."quote"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote" ADD CONSTRAINT "quote_provider_id_provider_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote" ADD CONSTRAINT "quote_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote" ADD CONSTRAINT "quote_request_id_subscription_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."subscription_request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "quote_line_position_key" ON "quote_line" USING btree ("quote_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "quote_number_key" ON "quote" USING btree ("provider_id","year","sequence");--> statement-breakpoint
CREATE INDEX "quote_member_idx" ON "quote" USING btree ("provider_id","organisation_id");