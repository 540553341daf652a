CREATE TABLE "annual_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"texts" jsonb NOT NULL,
	"figures" jsonb,
	"finalised_on" date,
	"finalised_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "committee_decision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"organisation_id" uuid,
	"kind" text NOT NULL,
	"subject" jsonb NOT NULL,
	"text" text NOT NULL,
	"decided_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "committee_meeting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"scheduled_on" date NOT NULL,
	"status" text NOT NULL,
	"held_on" date,
	"place" text,
	"agenda" jsonb NOT NULL,
	"attendance" jsonb NOT NULL,
	"minutes" text,
	"finalised_on" date,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "committee" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"agreement_id" uuid,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"composition" jsonb NOT NULL,
	"members" jsonb NOT NULL,
	"rhythm" jsonb NOT NULL,
	"powers" text[] NOT NULL,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_need" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"code" text,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"estimated_cents" integer,
	"status" text NOT NULL,
	"state" jsonb NOT NULL,
	"history" jsonb NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "annual_report" ADD CONSTRAINT "annual_report_agreement_id_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_report" ADD CONSTRAINT "annual_report_provider_id_provider_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_decision" ADD CONSTRAINT "committee_decision_meeting_id_committee_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."committee_meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_decision" ADD CONSTRAINT "committee_decision_provider_id_provider_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_decision" ADD CONSTRAINT "committee_decision_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_meeting" ADD CONSTRAINT "committee_meeting_committee_id_committee_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_meeting" ADD CONSTRAINT "committee_meeting_provider_id_provider_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee" ADD CONSTRAINT "committee_provider_id_provider_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee" ADD CONSTRAINT "committee_agreement_id_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_need" ADD CONSTRAINT "member_need_provider_id_provider_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_need" ADD CONSTRAINT "member_need_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "annual_report_year_key" ON "annual_report" USING btree ("agreement_id","year");--> statement-breakpoint
CREATE INDEX "committee_decision_meeting_idx" ON "committee_decision" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "committee_decision_member_idx" ON "committee_decision" USING btree ("provider_id","organisation_id");--> statement-breakpoint
CREATE INDEX "committee_meeting_committee_idx" ON "committee_meeting" USING btree ("committee_id","scheduled_on");--> statement-breakpoint
CREATE INDEX "committee_meeting_provider_idx" ON "committee_meeting" USING btree ("provider_id","scheduled_on");--> statement-breakpoint
CREATE UNIQUE INDEX "committee_code_key" ON "committee" USING btree ("provider_id","code");--> statement-breakpoint
CREATE INDEX "member_need_member_idx" ON "member_need" USING btree ("provider_id","organisation_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "member_need_code_key" ON "member_need" USING btree ("provider_id","code");