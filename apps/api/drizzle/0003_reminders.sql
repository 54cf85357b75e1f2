CREATE TABLE "participation_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"anchor_at" timestamp with time zone,
	"ordinal" integer,
	"sent_by" uuid,
	"mail_id" uuid,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reminder_kind_is_known" CHECK ("participation_reminders"."kind" in ('TO_SHARE', 'STARTED', 'MANUAL')),
	CONSTRAINT "automatic_reminder_has_step" CHECK (("participation_reminders"."kind" = 'MANUAL') = ("participation_reminders"."anchor_at" is null and "participation_reminders"."ordinal" is null)),
	CONSTRAINT "manual_reminder_has_teacher" CHECK (("participation_reminders"."kind" = 'MANUAL') = ("participation_reminders"."sent_by" is not null))
);
--> statement-breakpoint
ALTER TABLE "participation_reminders" ADD CONSTRAINT "participation_reminders_participation_id_participations_id_fk" FOREIGN KEY ("participation_id") REFERENCES "public"."participations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_reminders" ADD CONSTRAINT "participation_reminders_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "one_automatic_reminder_per_step" ON "participation_reminders" USING btree ("participation_id","kind","anchor_at","ordinal") WHERE "participation_reminders"."kind" <> 'MANUAL';--> statement-breakpoint
CREATE INDEX "reminders_by_participation" ON "participation_reminders" USING btree ("participation_id","sent_at");