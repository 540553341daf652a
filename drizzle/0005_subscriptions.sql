CREATE TABLE "authorised_perimeter" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"lines" text[] NOT NULL,
	"representative" text,
	"deliberation_organ" text NOT NULL,
	"deliberation_number" text,
	"deliberation_date" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subscription_line_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"line_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"event" jsonb NOT NULL,
	"note" text,
	"actor_label" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subscription_line" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"line" text NOT NULL,
	"options" jsonb NOT NULL,
	"quantity" integer NOT NULL,
	"wished_on" date NOT NULL,
	"state" jsonb NOT NULL,
	"status" text NOT NULL,
	"opening_record" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subscription_quantity" (
	"line_id" uuid NOT NULL,
	"effective_from" date NOT NULL,
	"quantity" integer NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subscription_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"code" text,
	"source" jsonb,
	"received_on" date NOT NULL,
	"base_billable_from" date,
	"submitted_by" text NOT NULL,
	"warnings" jsonb NOT NULL,
	"note" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "authorised_perimeter" ADD CONSTRAINT "authorised_perimeter_provider_id_provider_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authorised_perimeter" ADD CONSTRAINT "authorised_perimeter_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_line_event" ADD CONSTRAINT "subscription_line_event_line_id_subscription_line_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."subscription_line"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_line" ADD CONSTRAINT "subscription_line_request_id_subscription_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."subscription_request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_line" ADD CONSTRAINT "subscription_line_provider_id_provider_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_line" ADD CONSTRAINT "subscription_line_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_quantity" ADD CONSTRAINT "subscription_quantity_line_id_subscription_line_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."subscription_line"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_request" ADD CONSTRAINT "subscription_request_provider_id_provider_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_request" ADD CONSTRAINT "subscription_request_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_request" ADD CONSTRAINT "subscription_request_agreement_id_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "authorised_perimeter_member_idx" ON "authorised_perimeter" USING btree ("provider_id","organisation_id","deliberation_date");--> statement-breakpoint
CREATE UNIQUE INDEX "subscription_line_event_key" ON "subscription_line_event" USING btree ("line_id","sequence");--> statement-breakpoint
CREATE INDEX "subscription_line_member_idx" ON "subscription_line" USING btree ("provider_id","organisation_id","status");--> statement-breakpoint
CREATE INDEX "subscription_line_request_idx" ON "subscription_line" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subscription_quantity_key" ON "subscription_quantity" USING btree ("line_id","effective_from");--> statement-breakpoint
CREATE INDEX "subscription_request_member_idx" ON "subscription_request" USING btree ("provider_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subscription_request_code_key" ON "subscription_request" USING btree ("provider_id","code");