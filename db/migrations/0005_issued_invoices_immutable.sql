-- An issued invoice (or note) never changes: its number, parties, dates, currency and amounts are
-- fixed, and its items and printable items can be neither changed nor removed. Only the payment
-- state (status, balance), the void mark and the e-invoice authorization code (once) may move.
CREATE FUNCTION invoices_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  mutable text[] := ARRAY['status', 'balance', 'voided_at', 'e_authorization_code', 'notes', 'updated_at'];
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'DRAFT' THEN
      RAISE EXCEPTION 'invoice % is issued and cannot be deleted', OLD.fiscal_number USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status <> 'DRAFT' THEN
    IF (to_jsonb(NEW) - mutable) IS DISTINCT FROM (to_jsonb(OLD) - mutable) THEN
      RAISE EXCEPTION 'invoice % is issued: its number, amounts and data cannot change', OLD.fiscal_number USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.status = 'DRAFT' THEN
      RAISE EXCEPTION 'invoice % is issued and cannot return to draft', OLD.fiscal_number USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF OLD.e_authorization_code IS NOT NULL AND NEW.e_authorization_code IS DISTINCT FROM OLD.e_authorization_code THEN
      RAISE EXCEPTION 'invoice % already has its authorization code', OLD.fiscal_number USING ERRCODE = 'integrity_constraint_violation';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER invoices_immutable BEFORE UPDATE OR DELETE ON invoices
  FOR EACH ROW EXECUTE FUNCTION invoices_immutable();
--> statement-breakpoint
-- Lines of an issued invoice: no UPDATE or DELETE (row trigger); INSERT only in the transaction that
-- wrote the invoice (statement trigger over the inserted rows, cheap for bulk billing).
CREATE FUNCTION invoice_lines_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.invoice_id ELSE NEW.invoice_id END;
BEGIN
  IF EXISTS (SELECT 1 FROM invoices i WHERE i.id = parent AND i.status <> 'DRAFT') THEN
    RAISE EXCEPTION 'the lines of an issued invoice cannot change (% refused on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION invoice_lines_insert_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM new_rows n JOIN invoices i ON i.id = n.invoice_id
    WHERE i.status <> 'DRAFT' AND i.xmin::text <> (pg_current_xact_id()::xid)::text
  ) THEN
    RAISE EXCEPTION 'lines cannot be added to an issued invoice (% refused)', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER invoice_items_immutable BEFORE UPDATE OR DELETE ON invoice_items
  FOR EACH ROW EXECUTE FUNCTION invoice_lines_immutable();
--> statement-breakpoint
CREATE TRIGGER invoice_items_insert_guard AFTER INSERT ON invoice_items
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION invoice_lines_insert_guard();
--> statement-breakpoint
CREATE TRIGGER invoice_printable_items_immutable BEFORE UPDATE OR DELETE ON invoice_printable_items
  FOR EACH ROW EXECUTE FUNCTION invoice_lines_immutable();
--> statement-breakpoint
CREATE TRIGGER invoice_printable_items_insert_guard AFTER INSERT ON invoice_printable_items
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION invoice_lines_insert_guard();
