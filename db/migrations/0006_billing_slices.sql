CREATE TABLE "billing_run_slices" (
	"run_id" uuid NOT NULL,
	"slice_no" smallint NOT NULL,
	"branch_id" uuid,
	"id_from" uuid,
	"id_to" uuid,
	"status" "billing_run_status" DEFAULT 'QUEUED' NOT NULL,
	"cursor" uuid,
	"processed" integer DEFAULT 0 NOT NULL,
	"invoice_count" integer DEFAULT 0 NOT NULL,
	"skipped_count" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"message" text,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	CONSTRAINT "billing_run_slices_run_id_slice_no_pk" PRIMARY KEY("run_id","slice_no")
);
--> statement-breakpoint
ALTER TABLE "billed_accounts" DROP CONSTRAINT "billed_accounts_account_id_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "invoice_items" DROP CONSTRAINT "invoice_items_account_id_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "invoice_items" DROP CONSTRAINT "invoice_items_concept_id_concepts_id_fk";
--> statement-breakpoint
DROP INDEX "agreements_branch_idx";--> statement-breakpoint
ALTER TABLE "billing_run_slices" ADD CONSTRAINT "billing_run_slices_run_id_billing_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."billing_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_run_slices" ADD CONSTRAINT "billing_run_slices_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreements_branch_idx" ON "agreements" USING btree ("branch_id","id");--> statement-breakpoint
-- Invoice lines and billed accounts name accounts and concepts without per-row foreign keys (a
-- billing run writes millions of them; the checks cost a third of its write time). Integrity is kept
-- on the parent side: an account or concept that a line or billed account still names cannot be deleted.
CREATE FUNCTION billing_references_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'accounts' THEN
    IF EXISTS (SELECT 1 FROM billed_accounts WHERE account_id = OLD.id) OR EXISTS (SELECT 1 FROM invoice_items WHERE account_id = OLD.id) THEN
      RAISE EXCEPTION 'account % is named by invoice lines and cannot be deleted', OLD.id USING ERRCODE = 'foreign_key_violation';
    END IF;
  ELSIF EXISTS (SELECT 1 FROM invoice_items WHERE concept_id = OLD.id) THEN
    RAISE EXCEPTION 'concept % is named by invoice lines and cannot be deleted', OLD.id USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER accounts_billing_references BEFORE DELETE ON accounts FOR EACH ROW EXECUTE FUNCTION billing_references_guard();
--> statement-breakpoint
CREATE TRIGGER concepts_billing_references BEFORE DELETE ON concepts FOR EACH ROW EXECUTE FUNCTION billing_references_guard();
--> statement-breakpoint
-- billed_accounts is the database's guard against billing an account twice in a period: append-only.
CREATE FUNCTION billed_accounts_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'billed_accounts is append-only (% refused)', TG_OP USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER billed_accounts_append_only BEFORE UPDATE OR DELETE ON billed_accounts FOR EACH ROW EXECUTE FUNCTION billed_accounts_append_only();
