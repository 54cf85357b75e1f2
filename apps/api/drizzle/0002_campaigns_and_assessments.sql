CREATE TABLE "campaign_skills" (
	"campaign_id" uuid NOT NULL,
	"skill_id" text NOT NULL,
	"tube_id" text NOT NULL,
	"competence_id" text NOT NULL,
	"level" integer NOT NULL,
	CONSTRAINT "one_row_per_campaign_skill" PRIMARY KEY("campaign_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"code" text NOT NULL,
	"target_profile_id" text,
	"title" text,
	"custom_landing_page_text" text,
	"custom_result_page_text" text,
	"custom_result_page_button_text" text,
	"custom_result_page_button_url" text,
	"external_id_label" text,
	"external_id_type" text,
	"multiple_sendings" boolean DEFAULT false NOT NULL,
	"owner_id" uuid NOT NULL,
	"creator_id" uuid NOT NULL,
	"assessment_method" text DEFAULT 'SMART_RANDOM' NOT NULL,
	"release_id" text,
	"archived_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_type_is_known" CHECK ("campaigns"."type" in ('ASSESSMENT', 'PROFILES_COLLECTION', 'EXAM')),
	CONSTRAINT "campaign_code_format" CHECK ("campaigns"."code" ~ '^[A-HJKMNP-Z]{6}[2-9]{3}$'),
	CONSTRAINT "external_id_type_is_known" CHECK ("campaigns"."external_id_type" is null or "campaigns"."external_id_type" in ('STRING', 'EMAIL')),
	CONSTRAINT "profile_only_where_the_type_needs_one" CHECK (("campaigns"."type" = 'PROFILES_COLLECTION') = ("campaigns"."target_profile_id" is null))
);
--> statement-breakpoint
CREATE TABLE "participation_badges" (
	"participation_id" uuid NOT NULL,
	"badge_key" text NOT NULL,
	"obtained" boolean NOT NULL,
	"progress" integer NOT NULL,
	CONSTRAINT "one_result_per_participation_badge" PRIMARY KEY("participation_id","badge_key")
);
--> statement-breakpoint
CREATE TABLE "participations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organization_learner_id" uuid NOT NULL,
	"status" text NOT NULL,
	"participant_external_id" text,
	"shared_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"is_improved" boolean DEFAULT false NOT NULL,
	"validated_skills_count" integer,
	"pix_score" integer,
	"mastery_rate" numeric(6, 5),
	"is_certifiable" boolean,
	"reached_stage_id" text,
	"results_computed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participation_status_is_known" CHECK ("participations"."status" in ('STARTED', 'TO_SHARE', 'SHARED')),
	CONSTRAINT "shared_iff_shared_at" CHECK (("participations"."status" = 'SHARED') = ("participations"."shared_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "snapshot_knowledge_elements" (
	"participation_id" uuid NOT NULL,
	"skill_id" text NOT NULL,
	"tube_id" text NOT NULL,
	"competence_id" text NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"earned_pix" double precision NOT NULL,
	"knowledge_element_id" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "one_snapshot_row_per_participation_skill" PRIMARY KEY("participation_id","skill_id"),
	CONSTRAINT "snapshot_status_is_known" CHECK ("snapshot_knowledge_elements"."status" in ('validated', 'invalidated'))
);
--> statement-breakpoint
CREATE TABLE "answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"challenge_id" text NOT NULL,
	"skill_id" text NOT NULL,
	"value" text NOT NULL,
	"result" text NOT NULL,
	"result_details" jsonb,
	"time_spent_ms" integer,
	"focused_out" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"type" text NOT NULL,
	"participation_id" uuid,
	"competence_id" text,
	"state" text DEFAULT 'started' NOT NULL,
	"is_improving" boolean DEFAULT false NOT NULL,
	"method" text DEFAULT 'SMART_RANDOM' NOT NULL,
	"locale" text DEFAULT 'fr' NOT NULL,
	"last_challenge_id" text,
	"last_challenge_served_at" timestamp with time zone,
	"completion_results" jsonb,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_type_is_known" CHECK ("assessments"."type" in ('CAMPAIGN', 'COMPETENCE_EVALUATION')),
	CONSTRAINT "assessment_state_is_known" CHECK ("assessments"."state" in ('started', 'completed', 'aborted')),
	CONSTRAINT "campaign_assessment_has_participation" CHECK (("assessments"."type" = 'CAMPAIGN') = ("assessments"."participation_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "challenge_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"challenge_id" text NOT NULL,
	"category" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_elements" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"user_id" uuid NOT NULL,
	"assessment_id" uuid,
	"answer_id" uuid,
	"participation_id" uuid,
	"skill_id" text NOT NULL,
	"tube_id" text NOT NULL,
	"competence_id" text NOT NULL,
	"source" text NOT NULL,
	"inference" text,
	"status" text NOT NULL,
	"earned_pix" double precision NOT NULL,
	CONSTRAINT "knowledge_element_source_is_known" CHECK ("knowledge_elements"."source" in ('direct', 'inferred')),
	CONSTRAINT "knowledge_element_status_is_known" CHECK ("knowledge_elements"."status" in ('validated', 'invalidated', 'reset')),
	CONSTRAINT "knowledge_element_inference_is_known" CHECK ("knowledge_elements"."inference" is null or "knowledge_elements"."inference" in ('rule', 'model'))
);
--> statement-breakpoint
CREATE TABLE "saved_tutorials" (
	"user_id" uuid NOT NULL,
	"tutorial_id" text NOT NULL,
	"skill_id" text,
	"helpful" boolean,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "one_save_per_user_tutorial" PRIMARY KEY("user_id","tutorial_id")
);
--> statement-breakpoint
CREATE TABLE "tutorial_displays" (
	"assessment_id" uuid NOT NULL,
	"tutorial_id" text NOT NULL,
	"skill_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "one_display_per_assessment_tutorial" PRIMARY KEY("assessment_id","tutorial_id")
);
--> statement-breakpoint
ALTER TABLE "campaign_skills" ADD CONSTRAINT "campaign_skills_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_target_profile_id_target_profiles_id_fk" FOREIGN KEY ("target_profile_id") REFERENCES "public"."target_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_creator_id_users_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_badges" ADD CONSTRAINT "participation_badges_participation_id_participations_id_fk" FOREIGN KEY ("participation_id") REFERENCES "public"."participations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_organization_learner_id_organization_learners_id_fk" FOREIGN KEY ("organization_learner_id") REFERENCES "public"."organization_learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshot_knowledge_elements" ADD CONSTRAINT "snapshot_knowledge_elements_participation_id_participations_id_fk" FOREIGN KEY ("participation_id") REFERENCES "public"."participations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_participation_id_participations_id_fk" FOREIGN KEY ("participation_id") REFERENCES "public"."participations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_reports" ADD CONSTRAINT "challenge_reports_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_elements" ADD CONSTRAINT "knowledge_elements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_elements" ADD CONSTRAINT "knowledge_elements_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_elements" ADD CONSTRAINT "knowledge_elements_answer_id_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."answers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_elements" ADD CONSTRAINT "knowledge_elements_participation_id_participations_id_fk" FOREIGN KEY ("participation_id") REFERENCES "public"."participations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_tutorials" ADD CONSTRAINT "saved_tutorials_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tutorial_displays" ADD CONSTRAINT "tutorial_displays_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "one_campaign_per_code" ON "campaigns" USING btree ("code");--> statement-breakpoint
CREATE INDEX "campaigns_by_organization" ON "campaigns" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "one_active_participation_per_learner" ON "participations" USING btree ("campaign_id","organization_learner_id") WHERE "participations"."deleted_at" is null and not "participations"."is_improved";--> statement-breakpoint
CREATE INDEX "participations_by_user" ON "participations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "participations_by_learner" ON "participations" USING btree ("organization_learner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "one_answer_per_challenge_in_assessment" ON "answers" USING btree ("assessment_id","challenge_id");--> statement-breakpoint
CREATE INDEX "answers_by_assessment" ON "answers" USING btree ("assessment_id","created_at");--> statement-breakpoint
CREATE INDEX "assessments_by_user" ON "assessments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "assessments_by_participation" ON "assessments" USING btree ("participation_id");--> statement-breakpoint
CREATE INDEX "challenge_reports_by_challenge" ON "challenge_reports" USING btree ("challenge_id");--> statement-breakpoint
CREATE INDEX "knowledge_elements_by_user_skill" ON "knowledge_elements" USING btree ("user_id","skill_id","created_at");--> statement-breakpoint
CREATE INDEX "knowledge_elements_by_assessment" ON "knowledge_elements" USING btree ("assessment_id");