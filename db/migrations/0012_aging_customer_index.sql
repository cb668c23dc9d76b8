-- Covering columns (INCLUDE) are added by hand: drizzle's index builder has no INCLUDE.
CREATE INDEX "invoices_open_customer_idx" ON "invoices" USING btree ("customer_id","branch_id","currency") INCLUDE ("due_date","balance","issue_date") WHERE "invoices"."status" in ('ISSUED', 'PARTIALLY_PAID') and "invoices"."doc_type" in ('INVOICE', 'DEBIT_NOTE') and "invoices"."balance" > 0;
