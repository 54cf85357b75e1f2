CREATE TABLE "authentication_methods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"external_identifier" text NOT NULL,
	"first_name" text,
	"last_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "learner_import_files" (
	"import_id" uuid PRIMARY KEY NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learner_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"format" text NOT NULL,
	"mode" text,
	"file_name" text NOT NULL,
	"status" text NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"errors" jsonb,
	"warnings" jsonb,
	"counts" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learner_import_format_is_known" CHECK ("learner_imports"."format" in ('SIECLE', 'SCO_CSV', 'SUP_CSV', 'GENERIC_CSV')),
	CONSTRAINT "learner_import_status_is_known" CHECK ("learner_imports"."status" in ('UPLOADED', 'VALIDATED', 'IMPORTED', 'UPLOAD_ERROR', 'VALIDATION_ERROR', 'IMPORT_ERROR'))
);
--> statement-breakpoint
CREATE TABLE "learner_audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"actor_user_id" uuid NOT NULL,
	"organization_learner_id" uuid,
	"target_user_id" uuid,
	"action" text NOT NULL,
	"meta" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity_providers" (
	"slug" text PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"protocol" text NOT NULL,
	"provider" text NOT NULL,
	"label" text NOT NULL,
	"config" jsonb NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identity_provider_protocol_is_known" CHECK ("identity_providers"."protocol" in ('SAML', 'OIDC'))
);
--> statement-breakpoint
CREATE TABLE "sso_tokens" (
	"key" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"provider_slug" text NOT NULL,
	"data" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "sso_token_kind_is_known" CHECK ("sso_tokens"."kind" in ('REQUEST', 'ASSERTION', 'PENDING_IDENTITY'))
);
--> statement-breakpoint
ALTER TABLE "authentication_methods" ADD CONSTRAINT "authentication_methods_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learner_import_files" ADD CONSTRAINT "learner_import_files_import_id_learner_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."learner_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learner_imports" ADD CONSTRAINT "learner_imports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learner_imports" ADD CONSTRAINT "learner_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learner_audit_events" ADD CONSTRAINT "learner_audit_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learner_audit_events" ADD CONSTRAINT "learner_audit_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learner_audit_events" ADD CONSTRAINT "learner_audit_events_organization_learner_id_organization_learners_id_fk" FOREIGN KEY ("organization_learner_id") REFERENCES "public"."organization_learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_providers" ADD CONSTRAINT "identity_providers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "one_account_per_external_identity" ON "authentication_methods" USING btree ("provider","external_identifier");--> statement-breakpoint
CREATE UNIQUE INDEX "one_external_identity_per_account_and_provider" ON "authentication_methods" USING btree ("user_id","provider");--> statement-breakpoint
CREATE UNIQUE INDEX "one_running_import_per_organization" ON "learner_imports" USING btree ("organization_id") WHERE "learner_imports"."status" in ('UPLOADED', 'VALIDATED');--> statement-breakpoint
CREATE INDEX "learner_imports_by_organization" ON "learner_imports" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "learner_audit_events_by_organization" ON "learner_audit_events" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "learner_audit_events_by_learner" ON "learner_audit_events" USING btree ("organization_learner_id");--> statement-breakpoint
CREATE INDEX "identity_providers_by_organization" ON "identity_providers" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "sso_tokens_by_expiry" ON "sso_tokens" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "one_learner_per_student_number_in_organization" ON "organization_learners" USING btree ("organization_id","student_number") WHERE "organization_learners"."deleted_at" is null and "organization_learners"."student_number" is not null;--> statement-breakpoint
CREATE INDEX "organization_learners_by_user" ON "organization_learners" USING btree ("user_id");