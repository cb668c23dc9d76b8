CREATE TABLE "portal_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"email" varchar(200) NOT NULL,
	"name" varchar(120) NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"invited_by" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_user_id" uuid,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "client_admin" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "pdf_batches" ADD COLUMN "customer_id" uuid;--> statement-breakpoint
ALTER TABLE "debit_batches" ADD COLUMN "response_sha256" varchar(64);--> statement-breakpoint
ALTER TABLE "debit_batches" ADD COLUMN "response_imported_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "debit_batches" ADD COLUMN "response_imported_by" uuid;--> statement-breakpoint
ALTER TABLE "debit_batches" ADD COLUMN "confirmed_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "debit_batches" ADD COLUMN "rejected_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "portal_invitations" ADD CONSTRAINT "portal_invitations_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_invitations" ADD CONSTRAINT "portal_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_invitations" ADD CONSTRAINT "portal_invitations_accepted_user_id_users_id_fk" FOREIGN KEY ("accepted_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "portal_invitations_token_uq" ON "portal_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "portal_invitations_customer_idx" ON "portal_invitations" USING btree ("customer_id");--> statement-breakpoint
ALTER TABLE "pdf_batches" ADD CONSTRAINT "pdf_batches_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debit_batches" ADD CONSTRAINT "debit_batches_response_imported_by_users_id_fk" FOREIGN KEY ("response_imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;