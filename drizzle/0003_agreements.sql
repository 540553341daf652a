CREATE TABLE "agreement_party" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"signatory_name" text,
	"signatory_title" text,
	"deliberation_organ" text,
	"deliberation_number" text,
	"deliberation_date" date,
	"signed_on" date
);
--> statement-breakpoint
CREATE TABLE "agreement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"type" text NOT NULL,
	"signed_on" date,
	"opening_record_signed_on" date,
	"express_renewals" integer DEFAULT 0 NOT NULL,
	"legality_receipt_id" text,
	"legality_transmitted_on" date,
	"legality_received_on" date,
	"annexes" text[] NOT NULL,
	"rules" jsonb NOT NULL,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exit_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"party" text NOT NULL,
	"scope" text NOT NULL,
	"categories" text[] NOT NULL,
	"received_on" date NOT NULL,
	"effective_on" date NOT NULL,
	"notice_deadline" date NOT NULL,
	"late" boolean NOT NULL,
	"may_be_held_until" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_feed_token" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "calendar_feed_token_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "outbox_mail" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"error" text,
	"kind" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminder_sent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"entry_key" text NOT NULL,
	"days_before" integer NOT NULL,
	"account_id" uuid NOT NULL,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreement_party" ADD CONSTRAINT "agreement_party_agreement_id_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_party" ADD CONSTRAINT "agreement_party_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_provider_id_provider_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_request" ADD CONSTRAINT "exit_request_agreement_id_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_request" ADD CONSTRAINT "exit_request_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feed_token" ADD CONSTRAINT "calendar_feed_token_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_sent" ADD CONSTRAINT "reminder_sent_agreement_id_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_sent" ADD CONSTRAINT "reminder_sent_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_party_key" ON "agreement_party" USING btree ("agreement_id","organisation_id");--> statement-breakpoint
CREATE INDEX "agreement_party_organisation_idx" ON "agreement_party" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_code_key" ON "agreement" USING btree ("provider_id","code");--> statement-breakpoint
CREATE INDEX "exit_request_agreement_idx" ON "exit_request" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "outbox_mail_created_idx" ON "outbox_mail" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_sent_key" ON "reminder_sent" USING btree ("agreement_id","entry_key","days_before","account_id");