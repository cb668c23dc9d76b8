CREATE TYPE "public"."account_group_status" AS ENUM('NEW', 'ACTIVE', 'SUSPENDED', 'CLOSED');--> statement-breakpoint
CREATE TYPE "public"."account_status" AS ENUM('ACTIVE', 'DISCONNECTED', 'CLOSED');--> statement-breakpoint
CREATE TYPE "public"."agreement_status" AS ENUM('NEW', 'ACTIVE', 'SUSPENDED', 'CLOSED');--> statement-breakpoint
CREATE TYPE "public"."attribute_entity" AS ENUM('AGREEMENT', 'ACCOUNT_GROUP', 'ACCOUNT');--> statement-breakpoint
CREATE TYPE "public"."attribute_type" AS ENUM('TEXT', 'NUMBER', 'DATE', 'BOOLEAN', 'CHOICE');--> statement-breakpoint
CREATE TYPE "public"."billing_frequency" AS ENUM('MONTHLY', 'BIMONTHLY', 'QUARTERLY', 'SEMIANNUAL', 'ANNUAL');--> statement-breakpoint
CREATE TYPE "public"."billing_mode" AS ENUM('PER_ACCOUNT', 'PER_GROUP', 'PER_AGREEMENT');--> statement-breakpoint
CREATE TYPE "public"."billing_opportunity" AS ENUM('METERED', 'UNMETERED');--> statement-breakpoint
CREATE TYPE "public"."delinquency_status" AS ENUM('CURRENT', 'IN_GRACE', 'DELINQUENT');--> statement-breakpoint
CREATE TYPE "public"."item_grouping" AS ENUM('SIMPLE', 'CONCEPT', 'CONCEPT_GROUP', 'ACCOUNT');--> statement-breakpoint
CREATE TYPE "public"."payment_method" AS ENUM('CASH', 'CARD', 'DIRECT_DEBIT', 'BANK_TRANSFER');--> statement-breakpoint
CREATE TYPE "public"."work_order_status" AS ENUM('PENDING', 'APPROVED', 'REJECTED', 'DONE');--> statement-breakpoint
CREATE TYPE "public"."work_order_target" AS ENUM('AGREEMENT', 'ACCOUNT_GROUP', 'ACCOUNT');--> statement-breakpoint
CREATE TYPE "public"."work_order_type" AS ENUM('ACTIVATION', 'NEW_CONNECTION', 'DISCONNECTION', 'RECONNECTION', 'METER_CHANGE', 'INSPECTION');--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'APPROVE';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'REJECT';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'STATUS_CHANGE';--> statement-breakpoint
CREATE TABLE "account_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(20) NOT NULL,
	"name" varchar(200) NOT NULL,
	"status" "account_group_status" DEFAULT 'NEW' NOT NULL,
	"status_reason" text,
	"agreement_id" uuid NOT NULL,
	"branch_id" uuid NOT NULL,
	"billing_address" text NOT NULL,
	"delivery_address" text,
	"email" varchar(200),
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_groups_code_unique" UNIQUE("code"),
	CONSTRAINT "account_groups_id_agreement_uq" UNIQUE("id","agreement_id")
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" varchar(20) NOT NULL,
	"description" varchar(200) NOT NULL,
	"agreement_id" uuid NOT NULL,
	"group_id" uuid,
	"service_address" text NOT NULL,
	"locality_id" uuid,
	"tariff_category_id" uuid NOT NULL,
	"meter_number" varchar(30),
	"status" "account_status" DEFAULT 'ACTIVE' NOT NULL,
	"start_date" date NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "agreement_payment_methods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"method" "payment_method" NOT NULL,
	"entity_id" uuid,
	"instrument_last4" varchar(4),
	"instrument_token" varchar(64),
	"expiry_month" integer,
	"expiry_year" integer,
	"is_default" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_payment_methods_last4" CHECK ("agreement_payment_methods"."instrument_last4" is null or "agreement_payment_methods"."instrument_last4" ~ '^[0-9]{4}$'),
	CONSTRAINT "agreement_payment_methods_expiry" CHECK ("agreement_payment_methods"."expiry_month" is null or "agreement_payment_methods"."expiry_month" between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(20) NOT NULL,
	"name" varchar(200) NOT NULL,
	"status" "agreement_status" DEFAULT 'NEW' NOT NULL,
	"status_reason" text,
	"customer_id" uuid NOT NULL,
	"billing_address" text NOT NULL,
	"locality_id" uuid NOT NULL,
	"branch_id" uuid NOT NULL,
	"billing_mode" "billing_mode" NOT NULL,
	"billing_opportunity" "billing_opportunity" NOT NULL,
	"currency" varchar(3) DEFAULT 'DOP' NOT NULL,
	"item_grouping" "item_grouping" DEFAULT 'SIMPLE' NOT NULL,
	"grace_days" integer DEFAULT 0 NOT NULL,
	"delinquency_status" "delinquency_status" DEFAULT 'CURRENT' NOT NULL,
	"delinquency_exempt" boolean DEFAULT false NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"email" varchar(200),
	"due_days" integer DEFAULT 30 NOT NULL,
	"discount_pct" numeric(5, 2) DEFAULT '0' NOT NULL,
	"sla_hours" integer,
	"billing_frequency" "billing_frequency" DEFAULT 'MONTHLY' NOT NULL,
	"anchor_month" integer DEFAULT 1 NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreements_code_unique" UNIQUE("code"),
	CONSTRAINT "agreements_grace_days" CHECK ("agreements"."grace_days" between 0 and 365),
	CONSTRAINT "agreements_due_days" CHECK ("agreements"."due_days" between 0 and 365),
	CONSTRAINT "agreements_discount" CHECK ("agreements"."discount_pct" between 0 and 100),
	CONSTRAINT "agreements_anchor_month" CHECK ("agreements"."anchor_month" between 1 and 12),
	CONSTRAINT "agreements_validity" CHECK ("agreements"."valid_to" is null or "agreements"."valid_to" >= "agreements"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "attribute_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity" "attribute_entity" NOT NULL,
	"key" varchar(40) NOT NULL,
	"label" varchar(80) NOT NULL,
	"type" "attribute_type" NOT NULL,
	"options" jsonb,
	"required" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_rates" (
	"date" date NOT NULL,
	"currency" varchar(3) NOT NULL,
	"rate" numeric(18, 6) NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_rates_date_currency_pk" PRIMARY KEY("date","currency"),
	CONSTRAINT "exchange_rates_positive" CHECK ("exchange_rates"."rate" > 0)
);
--> statement-breakpoint
CREATE TABLE "payment_entities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(20) NOT NULL,
	"name" varchar(120) NOT NULL,
	"method" "payment_method" NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_entities_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "tariff_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(20) NOT NULL,
	"name" varchar(120) NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tariff_categories_code_unique" UNIQUE("code"),
	CONSTRAINT "tariff_categories_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "work_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" varchar(20) NOT NULL,
	"type" "work_order_type" NOT NULL,
	"status" "work_order_status" DEFAULT 'PENDING' NOT NULL,
	"target" "work_order_target" NOT NULL,
	"agreement_id" uuid NOT NULL,
	"account_group_id" uuid,
	"account_id" uuid,
	"branch_id" uuid NOT NULL,
	"description" text,
	"decision_reason" text,
	"created_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"completed_by" uuid,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_orders_number_unique" UNIQUE("number"),
	CONSTRAINT "work_orders_target_ids" CHECK (("work_orders"."target" <> 'ACCOUNT_GROUP' or "work_orders"."account_group_id" is not null) and ("work_orders"."target" <> 'ACCOUNT' or "work_orders"."account_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "account_groups" ADD CONSTRAINT "account_groups_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_groups" ADD CONSTRAINT "account_groups_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_groups" ADD CONSTRAINT "account_groups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_tariff_category_id_tariff_categories_id_fk" FOREIGN KEY ("tariff_category_id") REFERENCES "public"."tariff_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_group_same_agreement_fk" FOREIGN KEY ("group_id","agreement_id") REFERENCES "public"."account_groups"("id","agreement_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_payment_methods" ADD CONSTRAINT "agreement_payment_methods_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_payment_methods" ADD CONSTRAINT "agreement_payment_methods_entity_id_payment_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."payment_entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_account_group_id_account_groups_id_fk" FOREIGN KEY ("account_group_id") REFERENCES "public"."account_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_groups_agreement_idx" ON "account_groups" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "accounts_agreement_idx" ON "accounts" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "accounts_group_idx" ON "accounts" USING btree ("group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_meter_uq" ON "accounts" USING btree ("meter_number") WHERE "accounts"."meter_number" is not null and "accounts"."status" <> 'CLOSED';--> statement-breakpoint
CREATE INDEX "agreement_payment_methods_agreement_idx" ON "agreement_payment_methods" USING btree ("agreement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_payment_methods_one_default_uq" ON "agreement_payment_methods" USING btree ("agreement_id") WHERE "agreement_payment_methods"."is_default" and "agreement_payment_methods"."active";--> statement-breakpoint
CREATE INDEX "agreements_customer_idx" ON "agreements" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "agreements_branch_idx" ON "agreements" USING btree ("branch_id");--> statement-breakpoint
CREATE INDEX "agreements_name_idx" ON "agreements" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "attribute_definitions_entity_key_uq" ON "attribute_definitions" USING btree ("entity","key");--> statement-breakpoint
CREATE INDEX "work_orders_agreement_idx" ON "work_orders" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "work_orders_status_idx" ON "work_orders" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "work_orders_one_open_activation_uq" ON "work_orders" USING btree ("agreement_id",coalesce("account_group_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "work_orders"."type" = 'ACTIVATION' and "work_orders"."status" = 'PENDING';