CREATE TABLE "billing_run" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"period_kind" text NOT NULL,
	"year" integer NOT NULL,
	"period_index" integer NOT NULL,
	"issued_on" date NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"actor_label" text NOT NULL,
	"documents" integer NOT NULL,
	"total_cents" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "receivable_title_line" (
	"title_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"line" text NOT NULL,
	"options_key" text NOT NULL,
	"label" text NOT NULL,
	"quantity_numerator" bigint NOT NULL,
	"quantity_denominator" integer NOT NULL,
	"quantity_text" text NOT NULL,
	"unit_price_cents" bigint NOT NULL,
	"amount_cents" bigint NOT NULL,
	"vat" jsonb NOT NULL,
	"vat_cents" bigint NOT NULL,
	"basis" text NOT NULL,
	"sources" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "receivable_title" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"run_id" uuid,
	"kind" text NOT NULL,
	"series" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"number" text NOT NULL,
	"refers_to" uuid,
	"subject" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"issued_on" date NOT NULL,
	"due_on" date,
	"amount_excl_cents" bigint NOT NULL,
	"vat_cents" bigint NOT NULL,
	"amount_incl_cents" bigint NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	CONSTRAINT "receivable_title_positive" CHECK ("receivable_title"."amount_incl_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "title_payment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title_id" uuid NOT NULL,
	"paid_on" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"reference" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"actor_label" text NOT NULL,
	CONSTRAINT "title_payment_positive" CHECK ("title_payment"."amount_cents" > 0)
);
--> statement-breakpoint
ALTER TABLE "billing_run" ADD CONSTRAINT "billing_run_provider_id_provider_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_run" ADD CONSTRAINT "billing_run_agreement_id_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receivable_title_line" ADD CONSTRAINT "receivable_title_line_title_id_receivable_title_id_fk" FOREIGN KEY ("title_id") REFERENCES "public"."receivable_title"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receivable_title" ADD CONSTRAINT "receivable_title_provider_id_provider_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receivable_title" ADD CONSTRAINT "receivable_title_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receivable_title" ADD CONSTRAINT "receivable_title_run_id_billing_run_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."billing_run"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_payment" ADD CONSTRAINT "title_payment_title_id_receivable_title_id_fk" FOREIGN KEY ("title_id") REFERENCES "public"."receivable_title"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "billing_run_period_key" ON "billing_run" USING btree ("agreement_id","kind","period_kind","year","period_index");--> statement-breakpoint
CREATE UNIQUE INDEX "receivable_title_line_key" ON "receivable_title_line" USING btree ("title_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "receivable_title_number_key" ON "receivable_title" USING btree ("provider_id","fiscal_year","series","sequence");--> statement-breakpoint
CREATE INDEX "receivable_title_member_idx" ON "receivable_title" USING btree ("organisation_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "receivable_title_run_idx" ON "receivable_title" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "title_payment_title_idx" ON "title_payment" USING btree ("title_id");--> statement-breakpoint
-- Issued documents are immutable (DOMAIN.md: "nothing that was billed is edited"): a correction is a new
-- numbered document referring to the first. The database refuses an update or delete whatever the code does.
CREATE FUNCTION refuse_issued_document_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Un document émis ne se modifie pas (%): émettez une réduction ou une annulation', TG_TABLE_NAME USING ERRCODE = 'check_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER receivable_title_immutable BEFORE UPDATE OR DELETE ON "receivable_title" FOR EACH ROW EXECUTE FUNCTION refuse_issued_document_change();
--> statement-breakpoint
CREATE TRIGGER receivable_title_line_immutable BEFORE UPDATE OR DELETE ON "receivable_title_line" FOR EACH ROW EXECUTE FUNCTION refuse_issued_document_change();
