CREATE TABLE "receivable_title_content" (
	"title_id" uuid PRIMARY KEY NOT NULL,
	"lines" text NOT NULL
);
--> statement-breakpoint
-- Titles issued before this migration keep their lines, gathered as one JSON document per title in their order.
INSERT INTO "receivable_title_content" ("title_id", "lines")
SELECT l."title_id", json_agg(json_build_object(
    'line', l."line", 'optionsKey', l."options_key", 'label', l."label",
    'quantity', json_build_object('numerator', l."quantity_numerator", 'denominator', l."quantity_denominator"),
    'quantityText', l."quantity_text", 'unitPrice', l."unit_price_cents", 'amount', l."amount_cents",
    'vat', l."vat", 'vatCents', l."vat_cents", 'basis', l."basis", 'sources', l."sources"
  ) ORDER BY l."position")::text
FROM "receivable_title_line" l GROUP BY l."title_id";--> statement-breakpoint
DROP TABLE "receivable_title_line" CASCADE;--> statement-breakpoint
ALTER TABLE "receivable_title_content" ADD CONSTRAINT "receivable_title_content_title_id_receivable_title_id_fk" FOREIGN KEY ("title_id") REFERENCES "public"."receivable_title"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE TRIGGER receivable_title_content_immutable BEFORE UPDATE OR DELETE ON "receivable_title_content" FOR EACH ROW EXECUTE FUNCTION refuse_issued_document_change();
