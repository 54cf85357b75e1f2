CREATE TABLE "password_reset_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text,
	"username" text,
	"password_hash" text,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"lang" text DEFAULT 'fr' NOT NULL,
	"terms_accepted_at" timestamp with time zone,
	"orga_terms_accepted_at" timestamp with time zone,
	"is_platform_admin" boolean DEFAULT false NOT NULL,
	"current_organization_id" uuid,
	"last_signed_in_at" timestamp with time zone,
	"failed_sign_in_count" integer DEFAULT 0 NOT NULL,
	"temporary_block_until" timestamp with time zone,
	"blocked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_is_lowercase" CHECK ("users"."email" = lower("users"."email")),
	CONSTRAINT "account_has_a_login" CHECK ("users"."email" is not null or "users"."username" is not null or "users"."password_hash" is null)
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"email" text NOT NULL,
	"code" text NOT NULL,
	"role" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitation_status_is_known" CHECK ("invitations"."status" in ('pending', 'accepted', 'cancelled')),
	CONSTRAINT "invitation_role_is_known" CHECK ("invitations"."role" is null or "invitations"."role" in ('ADMIN', 'MEMBER'))
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_role_is_known" CHECK ("memberships"."role" in ('ADMIN', 'MEMBER'))
);
--> statement-breakpoint
CREATE TABLE "organization_features" (
	"organization_id" uuid NOT NULL,
	"feature" text NOT NULL,
	"params" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "one_toggle_per_feature_and_organization" PRIMARY KEY("organization_id","feature")
);
--> statement-breakpoint
CREATE TABLE "organization_learners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid,
	"first_name" text NOT NULL,
	"middle_name" text,
	"third_name" text,
	"last_name" text NOT NULL,
	"preferred_last_name" text,
	"sort_key" text NOT NULL,
	"birthdate" date,
	"birth_city" text,
	"birth_city_code" text,
	"birth_province_code" text,
	"birth_country_code" text,
	"national_student_id" text,
	"national_apprentice_id" text,
	"division" text,
	"mef_code" text,
	"status" text,
	"student_number" text,
	"email" text,
	"department" text,
	"educational_team" text,
	"group" text,
	"diploma" text,
	"study_scheme" text,
	"attributes" jsonb,
	"is_disabled" boolean DEFAULT false NOT NULL,
	"disabled_at" timestamp with time zone,
	"is_certifiable" boolean,
	"certifiable_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"external_id" text,
	"email" text,
	"logo_url" text,
	"documentation_url" text,
	"time_zone" text DEFAULT 'Europe/Paris' NOT NULL,
	"is_managing_students" boolean DEFAULT false NOT NULL,
	"identity_provider_for_campaigns" text,
	"auto_share_at_end" boolean DEFAULT false NOT NULL,
	"reminders_enabled" boolean DEFAULT true NOT NULL,
	"live_activity_enabled" boolean DEFAULT true NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_type_is_known" CHECK ("organizations"."type" in ('SCO', 'SCO-1D', 'SUP', 'PRO'))
);
--> statement-breakpoint
CREATE TABLE "outbox_mails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	"delivered_via" text,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "rate_limit_counters" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "one_counter_per_key_and_window" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "password_reset_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_features" ADD CONSTRAINT "organization_features_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_learners" ADD CONSTRAINT "organization_learners_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_learners" ADD CONSTRAINT "organization_learners_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "password_reset_tokens_by_user" ON "password_reset_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_by_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "one_account_per_email" ON "users" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "one_account_per_username" ON "users" USING btree ("username");--> statement-breakpoint
CREATE UNIQUE INDEX "one_pending_invitation_per_email_and_organization" ON "invitations" USING btree ("organization_id","email") WHERE "invitations"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "one_active_membership_per_user_and_organization" ON "memberships" USING btree ("organization_id","user_id") WHERE "memberships"."disabled_at" is null;--> statement-breakpoint
CREATE INDEX "memberships_by_user" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "one_learner_per_national_student_id_in_organization" ON "organization_learners" USING btree ("organization_id","national_student_id") WHERE "organization_learners"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "one_learner_per_account_in_organization" ON "organization_learners" USING btree ("organization_id","user_id") WHERE "organization_learners"."deleted_at" is null and "organization_learners"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "organization_learners_by_name" ON "organization_learners" USING btree ("organization_id","sort_key");--> statement-breakpoint
CREATE UNIQUE INDEX "one_organization_per_uai" ON "organizations" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "outbox_mails_by_date" ON "outbox_mails" USING btree ("created_at");