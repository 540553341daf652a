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
ALTER TABLE "subscription_task" ADD CONSTRAINT "subscription_task_request_id_subscription_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."subscription_request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "subscription_task_request_idx" ON "subscription_task" USING btree ("request_id");