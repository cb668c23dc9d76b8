CREATE TYPE "public"."paper_size" AS ENUM('LETTER', 'A4');--> statement-breakpoint
CREATE TYPE "public"."pdf_batch_status" AS ENUM('QUEUED', 'RUNNING', 'DONE', 'FAILED');--> statement-breakpoint
CREATE TABLE "pdf_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"billing_run_id" uuid,
	"selection" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "pdf_batch_status" DEFAULT 'QUEUED' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"pages" integer DEFAULT 0 NOT NULL,
	"file_path" text,
	"bytes" bigint,
	"message" text,
	"requested_by" uuid,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "print_format_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(20) NOT NULL,
	"invoice_class" "invoice_class" NOT NULL,
	"agreement_id" uuid NOT NULL,
	"format_id" uuid NOT NULL,
	"type" "invoice_origin" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "print_format_assignments_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "print_format_defaults" (
	"invoice_class" "invoice_class" PRIMARY KEY NOT NULL,
	"format_id" uuid NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "print_formats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(20) NOT NULL,
	"name" varchar(120) NOT NULL,
	"paper_size" "paper_size" DEFAULT 'LETTER' NOT NULL,
	"accent_color" varchar(7) DEFAULT '#0f4c81' NOT NULL,
	"logo" "bytea",
	"logo_mime" varchar(20),
	"show_consumption_chart" boolean DEFAULT true NOT NULL,
	"chart_periods" smallint DEFAULT 12 NOT NULL,
	"show_payment_qr" boolean DEFAULT true NOT NULL,
	"show_barcode" boolean DEFAULT true NOT NULL,
	"show_notes" boolean DEFAULT true NOT NULL,
	"legal_footer" text DEFAULT '' NOT NULL,
	"columns" jsonb DEFAULT '["quantity","unitPrice","net","tax","total"]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "print_formats_code_unique" UNIQUE("code"),
	CONSTRAINT "print_formats_accent" CHECK ("print_formats"."accent_color" ~ '^#[0-9a-fA-F]{6}$'),
	CONSTRAINT "print_formats_chart_periods" CHECK ("print_formats"."chart_periods" between 6 and 12),
	CONSTRAINT "print_formats_logo" CHECK (("print_formats"."logo" is null) = ("print_formats"."logo_mime" is null) and ("print_formats"."logo_mime" is null or "print_formats"."logo_mime" in ('image/png', 'image/jpeg')))
);
--> statement-breakpoint
ALTER TABLE "pdf_batches" ADD CONSTRAINT "pdf_batches_billing_run_id_billing_runs_id_fk" FOREIGN KEY ("billing_run_id") REFERENCES "public"."billing_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdf_batches" ADD CONSTRAINT "pdf_batches_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "print_format_assignments" ADD CONSTRAINT "print_format_assignments_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "print_format_assignments" ADD CONSTRAINT "print_format_assignments_format_id_print_formats_id_fk" FOREIGN KEY ("format_id") REFERENCES "public"."print_formats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "print_format_assignments" ADD CONSTRAINT "print_format_assignments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "print_format_defaults" ADD CONSTRAINT "print_format_defaults_format_id_print_formats_id_fk" FOREIGN KEY ("format_id") REFERENCES "public"."print_formats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "print_format_defaults" ADD CONSTRAINT "print_format_defaults_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "print_formats" ADD CONSTRAINT "print_formats_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "print_format_assignments_uq" ON "print_format_assignments" USING btree ("agreement_id","invoice_class","type");