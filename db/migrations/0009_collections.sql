CREATE TYPE "public"."checkout_status" AS ENUM('PENDING', 'APPROVED', 'DECLINED', 'EXPIRED');--> statement-breakpoint
CREATE TYPE "public"."debit_batch_status" AS ENUM('GENERATED', 'RESPONSE_IMPORTED');--> statement-breakpoint
CREATE TYPE "public"."debit_item_status" AS ENUM('PENDING', 'CONFIRMED', 'REJECTED');--> statement-breakpoint
CREATE TYPE "public"."delinquency_action" AS ENUM('LATE_FEE', 'NOTICE_EMAIL', 'DISCONNECTION_ORDER', 'PORTAL_BANNER', 'RECONNECTION_ORDER');--> statement-breakpoint
CREATE TYPE "public"."email_status" AS ENUM('PENDING', 'SENT', 'FAILED');--> statement-breakpoint
CREATE TABLE "delinquency_levels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(80) NOT NULL,
	"days_past_grace" integer NOT NULL,
	"min_debt" numeric(14, 2) DEFAULT '0' NOT NULL,
	"actions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"late_fee_concept_id" uuid,
	"banner_text" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delinquency_levels_name_unique" UNIQUE("name"),
	CONSTRAINT "delinquency_levels_days" CHECK ("delinquency_levels"."days_past_grace" between 1 and 3650),
	CONSTRAINT "delinquency_levels_debt" CHECK ("delinquency_levels"."min_debt" >= 0)
);
--> statement-breakpoint
CREATE TABLE "debit_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(30) NOT NULL,
	"payment_entity_id" uuid NOT NULL,
	"period" char(7) NOT NULL,
	"currency" char(3) NOT NULL,
	"status" "debit_batch_status" DEFAULT 'GENERATED' NOT NULL,
	"item_count" integer DEFAULT 0 NOT NULL,
	"total" numeric(14, 2) DEFAULT '0' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "debit_batches_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "debit_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "debit_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"batch_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"agreement_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"account_masked" varchar(40) NOT NULL,
	"status" "debit_item_status" DEFAULT 'PENDING' NOT NULL,
	"reject_code" varchar(20),
	"reject_reason" text,
	"payment_id" uuid
);
--> statement-breakpoint
CREATE TABLE "delinquency_actions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "delinquency_actions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"agreement_id" uuid NOT NULL,
	"level_id" uuid,
	"action" "delinquency_action" NOT NULL,
	"episode" date NOT NULL,
	"run_date" date NOT NULL,
	"ref_entity" varchar(40),
	"ref_id" varchar(60),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delinquency_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "delinquency_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"agreement_id" uuid NOT NULL,
	"run_date" date NOT NULL,
	"status" "delinquency_status" NOT NULL,
	"level_id" uuid,
	"days_overdue" integer NOT NULL,
	"overdue_debt" numeric(14, 2) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to" varchar(200) NOT NULL,
	"subject" varchar(200) NOT NULL,
	"text" text NOT NULL,
	"html" text,
	"status" "email_status" DEFAULT 'PENDING' NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"last_error" text,
	"related_entity" varchar(40),
	"related_id" varchar(60),
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_checkouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider" varchar(20) NOT NULL,
	"provider_ref" varchar(200),
	"agreement_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"invoice_ids" jsonb NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"currency" char(3) NOT NULL,
	"status" "checkout_status" DEFAULT 'PENDING' NOT NULL,
	"return_url" text NOT NULL,
	"payment_id" uuid,
	"message" text,
	"created_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_checkouts_amount" CHECK ("payment_checkouts"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "webhook_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"provider" varchar(20) NOT NULL,
	"event_id" varchar(200) NOT NULL,
	"type" varchar(100) NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"result" text
);
--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "delinquency_level_id" uuid;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "delinquency_since" date;--> statement-breakpoint
ALTER TABLE "debit_batches" ADD CONSTRAINT "debit_batches_payment_entity_id_payment_entities_id_fk" FOREIGN KEY ("payment_entity_id") REFERENCES "public"."payment_entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debit_batches" ADD CONSTRAINT "debit_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debit_items" ADD CONSTRAINT "debit_items_batch_id_debit_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."debit_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debit_items" ADD CONSTRAINT "debit_items_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debit_items" ADD CONSTRAINT "debit_items_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debit_items" ADD CONSTRAINT "debit_items_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delinquency_actions" ADD CONSTRAINT "delinquency_actions_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delinquency_actions" ADD CONSTRAINT "delinquency_actions_level_id_delinquency_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."delinquency_levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delinquency_history" ADD CONSTRAINT "delinquency_history_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delinquency_history" ADD CONSTRAINT "delinquency_history_level_id_delinquency_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."delinquency_levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_checkouts" ADD CONSTRAINT "payment_checkouts_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_checkouts" ADD CONSTRAINT "payment_checkouts_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_checkouts" ADD CONSTRAINT "payment_checkouts_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_checkouts" ADD CONSTRAINT "payment_checkouts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "debit_batches_entity_period_uq" ON "debit_batches" USING btree ("payment_entity_id","period","currency");--> statement-breakpoint
CREATE UNIQUE INDEX "debit_items_batch_line_uq" ON "debit_items" USING btree ("batch_id","line_no");--> statement-breakpoint
CREATE UNIQUE INDEX "debit_items_invoice_uq" ON "debit_items" USING btree ("invoice_id","batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "delinquency_actions_once_uq" ON "delinquency_actions" USING btree ("agreement_id","level_id","action","episode");--> statement-breakpoint
CREATE UNIQUE INDEX "delinquency_history_agreement_date_uq" ON "delinquency_history" USING btree ("agreement_id","run_date");--> statement-breakpoint
CREATE INDEX "email_outbox_status_idx" ON "email_outbox" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_checkouts_provider_ref_uq" ON "payment_checkouts" USING btree ("provider","provider_ref");--> statement-breakpoint
CREATE INDEX "payment_checkouts_agreement_idx" ON "payment_checkouts" USING btree ("agreement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_events_provider_event_uq" ON "webhook_events" USING btree ("provider","event_id");--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_delinquency_level_id_delinquency_levels_id_fk" FOREIGN KEY ("delinquency_level_id") REFERENCES "public"."delinquency_levels"("id") ON DELETE no action ON UPDATE no action;