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
ALTER TABLE "prerequisite_check" ADD CONSTRAINT "prerequisite_check_request_id_subscription_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."subscription_request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "prerequisite_check_key" ON "prerequisite_check" USING btree ("request_id","line","item");