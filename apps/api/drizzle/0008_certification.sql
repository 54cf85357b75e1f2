CREATE TABLE "certification_candidates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sitting_id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"sort_key" text NOT NULL,
	"birthdate" date NOT NULL,
	"birth_city" text,
	"birth_country" text,
	"external_id" text,
	"extra_time_percentage" integer DEFAULT 0 NOT NULL,
	"accessibility_adjustment_needed" boolean DEFAULT false NOT NULL,
	"organization_learner_id" uuid,
	"user_id" uuid,
	"authorized_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "candidate_extra_time_is_a_percentage" CHECK ("certification_candidates"."extra_time_percentage" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "certification_sittings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" serial NOT NULL,
	"center_id" uuid NOT NULL,
	"address" text NOT NULL,
	"room" text NOT NULL,
	"date" date NOT NULL,
	"time" text NOT NULL,
	"invigilator_name" text NOT NULL,
	"access_code" text NOT NULL,
	"status" text DEFAULT 'created' NOT NULL,
	"finalized_at" timestamp with time zone,
	"finalized_by" uuid,
	"finalization_comment" text,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certification_sitting_status_is_known" CHECK ("certification_sittings"."status" in ('created', 'finalized', 'published'))
);
--> statement-breakpoint
CREATE TABLE "certification_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"challenge_id" text NOT NULL,
	"position" integer NOT NULL,
	"value" text,
	"result" text NOT NULL,
	"time_spent_ms" integer,
	"neutralized" boolean DEFAULT false NOT NULL,
	"answered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certification_courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidate_id" uuid NOT NULL,
	"sitting_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"served_challenge_id" text,
	"served_at" timestamp with time zone,
	"paused_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certification_course_end_reason_is_known" CHECK ("certification_courses"."end_reason" is null or "certification_courses"."end_reason" in ('COMPLETED', 'TIMED_OUT', 'CANDIDATE', 'INVIGILATOR'))
);
--> statement-breakpoint
CREATE TABLE "certification_issue_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"challenge_id" text,
	"category" text NOT NULL,
	"description" text,
	"resolution" text,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certification_issue_resolution_is_known" CHECK ("certification_issue_reports"."resolution" is null or "certification_issue_reports"."resolution" in ('REPLACEMENT', 'RESUME'))
);
--> statement-breakpoint
CREATE TABLE "certification_results" (
	"course_id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"pix_score" integer,
	"capacity" numeric,
	"competence_levels" jsonb,
	"answer_count" integer NOT NULL,
	"public_comment" text,
	"internal_comment" text,
	"verification_code" text NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "certification_result_status_is_known" CHECK ("certification_results"."status" in ('started', 'error', 'validated', 'rejected', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "certification_candidates" ADD CONSTRAINT "certification_candidates_sitting_id_certification_sittings_id_fk" FOREIGN KEY ("sitting_id") REFERENCES "public"."certification_sittings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_candidates" ADD CONSTRAINT "certification_candidates_organization_learner_id_organization_learners_id_fk" FOREIGN KEY ("organization_learner_id") REFERENCES "public"."organization_learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_candidates" ADD CONSTRAINT "certification_candidates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_sittings" ADD CONSTRAINT "certification_sittings_center_id_organizations_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_sittings" ADD CONSTRAINT "certification_sittings_finalized_by_users_id_fk" FOREIGN KEY ("finalized_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_sittings" ADD CONSTRAINT "certification_sittings_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_sittings" ADD CONSTRAINT "certification_sittings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_answers" ADD CONSTRAINT "certification_answers_course_id_certification_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."certification_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_courses" ADD CONSTRAINT "certification_courses_candidate_id_certification_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."certification_candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_courses" ADD CONSTRAINT "certification_courses_sitting_id_certification_sittings_id_fk" FOREIGN KEY ("sitting_id") REFERENCES "public"."certification_sittings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_courses" ADD CONSTRAINT "certification_courses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_issue_reports" ADD CONSTRAINT "certification_issue_reports_course_id_certification_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."certification_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_issue_reports" ADD CONSTRAINT "certification_issue_reports_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_results" ADD CONSTRAINT "certification_results_course_id_certification_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."certification_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certification_candidates_by_sitting" ON "certification_candidates" USING btree ("sitting_id","sort_key");--> statement-breakpoint
CREATE UNIQUE INDEX "one_enrolment_per_learner_and_sitting" ON "certification_candidates" USING btree ("sitting_id","organization_learner_id") WHERE "certification_candidates"."organization_learner_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "one_candidate_per_account_and_sitting" ON "certification_candidates" USING btree ("sitting_id","user_id") WHERE "certification_candidates"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "certification_candidates_by_learner" ON "certification_candidates" USING btree ("organization_learner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "one_sitting_per_number" ON "certification_sittings" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "one_sitting_per_access_code" ON "certification_sittings" USING btree ("access_code");--> statement-breakpoint
CREATE INDEX "certification_sittings_by_centre" ON "certification_sittings" USING btree ("center_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "one_answer_per_course_and_challenge" ON "certification_answers" USING btree ("course_id","challenge_id");--> statement-breakpoint
CREATE UNIQUE INDEX "one_answer_per_course_and_position" ON "certification_answers" USING btree ("course_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "one_course_per_candidate" ON "certification_courses" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "certification_courses_by_sitting" ON "certification_courses" USING btree ("sitting_id");--> statement-breakpoint
CREATE INDEX "certification_courses_by_user" ON "certification_courses" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "certification_issue_reports_by_course" ON "certification_issue_reports" USING btree ("course_id");--> statement-breakpoint
CREATE UNIQUE INDEX "one_certificate_per_verification_code" ON "certification_results" USING btree ("verification_code");