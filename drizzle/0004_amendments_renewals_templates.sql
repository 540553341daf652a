CREATE TABLE "agreement_amendment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"subject" text NOT NULL,
	"changes" jsonb NOT NULL,
	"proposed_on" date NOT NULL,
	"not_before" date,
	"rejected_on" date,
	"exit_request_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_amendment_approval" (
	"amendment_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"approved_on" date NOT NULL,
	"deliberation_number" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_template" (
	"provider_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_renewal_letter" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"renewed_until" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreement_amendment" ADD CONSTRAINT "agreement_amendment_agreement_id_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_amendment" ADD CONSTRAINT "agreement_amendment_exit_request_id_exit_request_id_fk" FOREIGN KEY ("exit_request_id") REFERENCES "public"."exit_request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_amendment_approval" ADD CONSTRAINT "agreement_amendment_approval_amendment_id_agreement_amendment_id_fk" FOREIGN KEY ("amendment_id") REFERENCES "public"."agreement_amendment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_amendment_approval" ADD CONSTRAINT "agreement_amendment_approval_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_template" ADD CONSTRAINT "document_template_provider_id_provider_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_renewal_letter" ADD CONSTRAINT "agreement_renewal_letter_agreement_id_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_amendment_number_key" ON "agreement_amendment" USING btree ("agreement_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_amendment_approval_key" ON "agreement_amendment_approval" USING btree ("amendment_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_template_key" ON "document_template" USING btree ("provider_id","kind");--> statement-breakpoint
CREATE INDEX "agreement_renewal_letter_agreement_idx" ON "agreement_renewal_letter" USING btree ("agreement_id");