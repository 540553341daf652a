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
CREATE TABLE "prerequisite_check" (
	"request_id" uuid NOT NULL,
	"line" text NOT NULL,
	"item" text NOT NULL,
	"met" boolean NOT NULL,
	"checked_on" date NOT NULL,
	"checked_by" text NOT NULL,
	"note" text
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
	"options_key" text NOT NULL,
	"quantity" integer NOT NULL,
	"wished_on" date NOT NULL,
	"state" jsonb NOT NULL,
	"status" text NOT NULL,
	"opened_on" date,
	"withdrawn_on" date,
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
CREATE TABLE "subscription_task" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"owner" text NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"note" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE "consumption_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"source" text NOT NULL,
	"file_name" text,
	"rows" integer NOT NULL,
	"created" integer NOT NULL,
	"updated" integer NOT NULL,
	"unchanged" integer NOT NULL,
	"actor_label" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consumption_snapshot_history" (
	"provider_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"line" text NOT NULL,
	"options_key" text NOT NULL,
	"year" integer NOT NULL,
	"units" integer[] NOT NULL,
	"import_id" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	"replaced_at" timestamp with time zone NOT NULL,
	"replaced_by_import" uuid
);
--> statement-breakpoint
CREATE TABLE "consumption_snapshot" (
	"provider_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"line" text NOT NULL,
	"options_key" text NOT NULL,
	"year" integer NOT NULL,
	"units" integer[] NOT NULL,
	"import_id" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "consumption_snapshot_pkey" PRIMARY KEY("provider_id","organisation_id","line","options_key","year"),
	CONSTRAINT "consumption_snapshot_twelve_months" CHECK (cardinality("consumption_snapshot"."units") = 12)
);
--> statement-breakpoint
ALTER TABLE "authorised_perimeter" ADD CONSTRAINT "authorised_perimeter_provider_id_provider_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authorised_perimeter" ADD CONSTRAINT "authorised_perimeter_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prerequisite_check" ADD CONSTRAINT "prerequisite_check_request_id_subscription_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."subscription_request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_line_event" ADD CONSTRAINT "subscription_line_event_line_id_subscription_line_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."subscription_line"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_line" ADD CONSTRAINT "subscription_line_request_id_subscription_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."subscription_request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_line" ADD CONSTRAINT "subscription_line_provider_id_provider_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_line" ADD CONSTRAINT "subscription_line_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_quantity" ADD CONSTRAINT "subscription_quantity_line_id_subscription_line_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."subscription_line"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_request" ADD CONSTRAINT "subscription_request_provider_id_provider_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_request" ADD CONSTRAINT "subscription_request_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_request" ADD CONSTRAINT "subscription_request_agreement_id_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_task" ADD CONSTRAINT "subscription_task_request_id_subscription_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."subscription_request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_line" ADD CONSTRAINT "quote_line_quote_id_quote_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."quote"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote" ADD CONSTRAINT "quote_provider_id_provider_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote" ADD CONSTRAINT "quote_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote" ADD CONSTRAINT "quote_request_id_subscription_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."subscription_request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consumption_import" ADD CONSTRAINT "consumption_import_provider_id_provider_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consumption_snapshot" ADD CONSTRAINT "consumption_snapshot_provider_id_provider_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consumption_snapshot" ADD CONSTRAINT "consumption_snapshot_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "authorised_perimeter_member_idx" ON "authorised_perimeter" USING btree ("provider_id","organisation_id","deliberation_date");--> statement-breakpoint
CREATE UNIQUE INDEX "prerequisite_check_key" ON "prerequisite_check" USING btree ("request_id","line","item");--> statement-breakpoint
CREATE UNIQUE INDEX "subscription_line_event_key" ON "subscription_line_event" USING btree ("line_id","sequence");--> statement-breakpoint
CREATE INDEX "subscription_line_member_idx" ON "subscription_line" USING btree ("provider_id","organisation_id","status");--> statement-breakpoint
CREATE INDEX "subscription_line_request_idx" ON "subscription_line" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "subscription_line_service_idx" ON "subscription_line" USING btree ("provider_id","line","options_key");--> statement-breakpoint
CREATE UNIQUE INDEX "subscription_quantity_key" ON "subscription_quantity" USING btree ("line_id","effective_from");--> statement-breakpoint
CREATE INDEX "subscription_request_member_idx" ON "subscription_request" USING btree ("provider_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subscription_request_code_key" ON "subscription_request" USING btree ("provider_id","code");--> statement-breakpoint
CREATE INDEX "subscription_task_request_idx" ON "subscription_task" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "quote_line_position_key" ON "quote_line" USING btree ("quote_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "quote_number_key" ON "quote" USING btree ("provider_id","year","sequence");--> statement-breakpoint
CREATE INDEX "quote_member_idx" ON "quote" USING btree ("provider_id","organisation_id");--> statement-breakpoint
CREATE INDEX "consumption_snapshot_history_member_idx" ON "consumption_snapshot_history" USING btree ("provider_id","organisation_id","year");