CREATE TYPE "public"."billing_run_mode" AS ENUM('PREVIEW', 'RUN');--> statement-breakpoint
CREATE TYPE "public"."billing_run_status" AS ENUM('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "public"."concept_applies_to" AS ENUM('ALL', 'METERED', 'UNMETERED');--> statement-breakpoint
CREATE TYPE "public"."concept_kind" AS ENUM('FIXED_CHARGE', 'CONSUMPTION', 'PERCENTAGE', 'ONE_OFF', 'LATE_FEE');--> statement-breakpoint
CREATE TYPE "public"."fiscal_doc_type" AS ENUM('INVOICE', 'CREDIT_NOTE', 'DEBIT_NOTE');--> statement-breakpoint
CREATE TYPE "public"."invoice_class" AS ENUM('A', 'B', 'E');--> statement-breakpoint
CREATE TYPE "public"."invoice_origin" AS ENUM('AUTOMATIC', 'MANUAL');--> statement-breakpoint
CREATE TYPE "public"."invoice_status" AS ENUM('DRAFT', 'ISSUED', 'PARTIALLY_PAID', 'PAID', 'VOIDED');--> statement-breakpoint
CREATE TYPE "public"."reading_source" AS ENUM('MANUAL', 'IMPORT', 'ESTIMATE');--> statement-breakpoint
CREATE TABLE "billed_accounts" (
	"account_id" uuid NOT NULL,
	"period" char(7) NOT NULL,
	"invoice_id" uuid NOT NULL,
	CONSTRAINT "billed_accounts_account_id_period_pk" PRIMARY KEY("account_id","period")
);
--> statement-breakpoint
CREATE TABLE "billing_run_issues" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "billing_run_issues_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"run_id" uuid NOT NULL,
	"agreement_id" uuid,
	"severity" varchar(10) NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "billing_runs_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"mode" "billing_run_mode" NOT NULL,
	"status" "billing_run_status" DEFAULT 'QUEUED' NOT NULL,
	"period" char(7) NOT NULL,
	"issue_date" date NOT NULL,
	"scope" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"invoice_count" integer DEFAULT 0 NOT NULL,
	"skipped_count" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"message" text,
	"created_by" uuid,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_runs_number_unique" UNIQUE("number"),
	CONSTRAINT "billing_runs_period" CHECK ("billing_runs"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "concept_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(20) NOT NULL,
	"name" varchar(120) NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "concept_groups_code_unique" UNIQUE("code"),
	CONSTRAINT "concept_groups_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "concepts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(20) NOT NULL,
	"name" varchar(120) NOT NULL,
	"group_id" uuid NOT NULL,
	"kind" "concept_kind" NOT NULL,
	"applies_to" "concept_applies_to" DEFAULT 'ALL' NOT NULL,
	"automatic" boolean DEFAULT false NOT NULL,
	"amount" numeric(16, 2),
	"percentage" numeric(7, 4),
	"base_group_id" uuid,
	"tax_rate" numeric(5, 2) DEFAULT '0' NOT NULL,
	"accounting_code" varchar(30),
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "concepts_code_unique" UNIQUE("code"),
	CONSTRAINT "concepts_tax_rate" CHECK ("concepts"."tax_rate" between 0 and 100),
	CONSTRAINT "concepts_percentage" CHECK (("concepts"."kind" <> 'PERCENTAGE') or ("concepts"."percentage" is not null and "concepts"."base_group_id" is not null and "concepts"."percentage" > 0)),
	CONSTRAINT "concepts_amount" CHECK (("concepts"."kind" not in ('ONE_OFF', 'LATE_FEE')) or "concepts"."amount" is not null),
	CONSTRAINT "concepts_amount_positive" CHECK ("concepts"."amount" is null or "concepts"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "fiscal_sequences" (
	"point_of_sale_id" uuid NOT NULL,
	"invoice_class" "invoice_class" NOT NULL,
	"doc_type" "fiscal_doc_type" NOT NULL,
	"last_number" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fiscal_sequences_point_of_sale_id_invoice_class_doc_type_pk" PRIMARY KEY("point_of_sale_id","invoice_class","doc_type"),
	CONSTRAINT "fiscal_sequences_range" CHECK ("fiscal_sequences"."last_number" between 0 and 99999999)
);
--> statement-breakpoint
CREATE TABLE "invoice_items" (
	"invoice_id" uuid NOT NULL,
	"line_no" smallint NOT NULL,
	"account_id" uuid,
	"concept_id" uuid NOT NULL,
	"concept_code" varchar(20) NOT NULL,
	"concept_group_name" varchar(120) NOT NULL,
	"description" varchar(300) NOT NULL,
	"quantity" numeric(14, 3) NOT NULL,
	"unit_price" numeric(16, 4) NOT NULL,
	"gross" numeric(16, 2) NOT NULL,
	"discount" numeric(16, 2) NOT NULL,
	"net" numeric(16, 2) NOT NULL,
	"tax_rate" numeric(5, 2) NOT NULL,
	"tax" numeric(16, 2) NOT NULL,
	"total" numeric(16, 2) NOT NULL,
	CONSTRAINT "invoice_items_invoice_id_line_no_pk" PRIMARY KEY("invoice_id","line_no"),
	CONSTRAINT "invoice_items_amounts" CHECK ("invoice_items"."net" = "invoice_items"."gross" - "invoice_items"."discount" and "invoice_items"."total" = "invoice_items"."net" + "invoice_items"."tax")
);
--> statement-breakpoint
CREATE TABLE "invoice_printable_items" (
	"invoice_id" uuid NOT NULL,
	"line_no" smallint NOT NULL,
	"description" varchar(300) NOT NULL,
	"quantity" numeric(14, 3),
	"unit_price" numeric(16, 4),
	"net" numeric(16, 2) NOT NULL,
	"tax" numeric(16, 2) NOT NULL,
	"total" numeric(16, 2) NOT NULL,
	CONSTRAINT "invoice_printable_items_invoice_id_line_no_pk" PRIMARY KEY("invoice_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"doc_type" "fiscal_doc_type" DEFAULT 'INVOICE' NOT NULL,
	"invoice_class" "invoice_class" NOT NULL,
	"point_of_sale_id" uuid NOT NULL,
	"pos_number" integer NOT NULL,
	"number" bigint,
	"fiscal_number" varchar(20),
	"origin" "invoice_origin" NOT NULL,
	"status" "invoice_status" DEFAULT 'DRAFT' NOT NULL,
	"agreement_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"branch_id" uuid NOT NULL,
	"account_group_id" uuid,
	"account_id" uuid,
	"billing_run_id" uuid,
	"billing_unit" varchar(40),
	"period" char(7),
	"related_invoice_id" uuid,
	"issue_date" date,
	"due_date" date,
	"currency" varchar(3) DEFAULT 'DOP' NOT NULL,
	"exchange_rate" numeric(18, 6) DEFAULT '1' NOT NULL,
	"customer_snapshot" jsonb NOT NULL,
	"billing_address" text NOT NULL,
	"delivery_address" text,
	"gross_total" numeric(16, 2) DEFAULT '0' NOT NULL,
	"discount_total" numeric(16, 2) DEFAULT '0' NOT NULL,
	"net_total" numeric(16, 2) DEFAULT '0' NOT NULL,
	"tax_total" numeric(16, 2) DEFAULT '0' NOT NULL,
	"total" numeric(16, 2) DEFAULT '0' NOT NULL,
	"balance" numeric(16, 2) DEFAULT '0' NOT NULL,
	"notes" text,
	"e_authorization_code" varchar(64),
	"created_by" uuid,
	"issued_by" uuid,
	"issued_at" timestamp with time zone,
	"voided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_number_when_issued" CHECK (("invoices"."status" = 'DRAFT') = ("invoices"."number" is null)),
	CONSTRAINT "invoices_number_range" CHECK ("invoices"."number" is null or "invoices"."number" between 1 and 99999999),
	CONSTRAINT "invoices_period" CHECK ("invoices"."period" is null or "invoices"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "invoices_balance" CHECK ("invoices"."balance" >= 0 and "invoices"."balance" <= "invoices"."total")
);
--> statement-breakpoint
CREATE TABLE "meter_readings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"period" char(7) NOT NULL,
	"reading_date" date NOT NULL,
	"value" integer,
	"consumption" integer NOT NULL,
	"estimated" boolean DEFAULT false NOT NULL,
	"anomaly_code" varchar(10),
	"reader_name" varchar(120),
	"source" "reading_source" DEFAULT 'MANUAL' NOT NULL,
	"import_key" varchar(64),
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meter_readings_period" CHECK ("meter_readings"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "meter_readings_consumption" CHECK ("meter_readings"."consumption" >= 0)
);
--> statement-breakpoint
CREATE TABLE "tariff_blocks" (
	"tariff_id" uuid NOT NULL,
	"from_m3" integer NOT NULL,
	"to_m3" integer,
	"price" numeric(16, 4) NOT NULL,
	CONSTRAINT "tariff_blocks_tariff_id_from_m3_pk" PRIMARY KEY("tariff_id","from_m3"),
	CONSTRAINT "tariff_blocks_range" CHECK ("tariff_blocks"."from_m3" >= 0 and ("tariff_blocks"."to_m3" is null or "tariff_blocks"."to_m3" > "tariff_blocks"."from_m3") and "tariff_blocks"."price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "tariffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tariff_category_id" uuid NOT NULL,
	"effective_from" date NOT NULL,
	"currency" varchar(3) DEFAULT 'DOP' NOT NULL,
	"fixed_charge" numeric(16, 2) NOT NULL,
	"flat_rate" numeric(16, 2) NOT NULL,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tariffs_amounts" CHECK ("tariffs"."fixed_charge" >= 0 and "tariffs"."flat_rate" >= 0)
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "meter_digits" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "billed_accounts" ADD CONSTRAINT "billed_accounts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billed_accounts" ADD CONSTRAINT "billed_accounts_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_run_issues" ADD CONSTRAINT "billing_run_issues_run_id_billing_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."billing_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_run_issues" ADD CONSTRAINT "billing_run_issues_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_runs" ADD CONSTRAINT "billing_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concepts" ADD CONSTRAINT "concepts_group_id_concept_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."concept_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concepts" ADD CONSTRAINT "concepts_base_group_id_concept_groups_id_fk" FOREIGN KEY ("base_group_id") REFERENCES "public"."concept_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiscal_sequences" ADD CONSTRAINT "fiscal_sequences_point_of_sale_id_points_of_sale_id_fk" FOREIGN KEY ("point_of_sale_id") REFERENCES "public"."points_of_sale"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_items" ADD CONSTRAINT "invoice_items_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_items" ADD CONSTRAINT "invoice_items_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_items" ADD CONSTRAINT "invoice_items_concept_id_concepts_id_fk" FOREIGN KEY ("concept_id") REFERENCES "public"."concepts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_printable_items" ADD CONSTRAINT "invoice_printable_items_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_point_of_sale_id_points_of_sale_id_fk" FOREIGN KEY ("point_of_sale_id") REFERENCES "public"."points_of_sale"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_account_group_id_account_groups_id_fk" FOREIGN KEY ("account_group_id") REFERENCES "public"."account_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_billing_run_id_billing_runs_id_fk" FOREIGN KEY ("billing_run_id") REFERENCES "public"."billing_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_readings" ADD CONSTRAINT "meter_readings_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_readings" ADD CONSTRAINT "meter_readings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_blocks" ADD CONSTRAINT "tariff_blocks_tariff_id_tariffs_id_fk" FOREIGN KEY ("tariff_id") REFERENCES "public"."tariffs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariffs" ADD CONSTRAINT "tariffs_tariff_category_id_tariff_categories_id_fk" FOREIGN KEY ("tariff_category_id") REFERENCES "public"."tariff_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariffs" ADD CONSTRAINT "tariffs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "billing_run_issues_run_idx" ON "billing_run_issues" USING btree ("run_id","severity");--> statement-breakpoint
CREATE INDEX "billing_runs_period_idx" ON "billing_runs" USING btree ("period");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_number_uq" ON "invoices" USING btree ("point_of_sale_id","invoice_class","doc_type","number");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_billing_unit_period_uq" ON "invoices" USING btree ("billing_unit","period") WHERE "invoices"."origin" = 'AUTOMATIC' and "invoices"."doc_type" = 'INVOICE';--> statement-breakpoint
CREATE INDEX "invoices_agreement_idx" ON "invoices" USING btree ("agreement_id","issue_date");--> statement-breakpoint
CREATE INDEX "invoices_customer_idx" ON "invoices" USING btree ("customer_id","issue_date");--> statement-breakpoint
CREATE INDEX "invoices_branch_period_idx" ON "invoices" USING btree ("branch_id","period");--> statement-breakpoint
CREATE INDEX "invoices_period_idx" ON "invoices" USING btree ("period","id");--> statement-breakpoint
CREATE INDEX "invoices_run_idx" ON "invoices" USING btree ("billing_run_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meter_readings_account_period_uq" ON "meter_readings" USING btree ("account_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "tariffs_category_from_uq" ON "tariffs" USING btree ("tariff_category_id","effective_from");--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_meter_digits" CHECK ("accounts"."meter_digits" between 3 and 9);