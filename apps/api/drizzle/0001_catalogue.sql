CREATE TABLE "target_profile_shares" (
	"target_profile_id" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "one_share_per_profile_and_organization" PRIMARY KEY("target_profile_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "target_profiles" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category" text NOT NULL,
	"image_url" text,
	"is_public" boolean DEFAULT false NOT NULL,
	"owner_organization_id" uuid,
	"outdated" boolean DEFAULT false NOT NULL,
	"are_knowledge_elements_resettable" boolean DEFAULT false NOT NULL,
	"locales" jsonb NOT NULL,
	"tubes" jsonb NOT NULL,
	"stages" jsonb NOT NULL,
	"badges" jsonb NOT NULL,
	"origin" text NOT NULL,
	"release_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "target_profile_origin_is_known" CHECK ("target_profiles"."origin" in ('jalon', 'custom'))
);
--> statement-breakpoint
ALTER TABLE "target_profile_shares" ADD CONSTRAINT "target_profile_shares_target_profile_id_target_profiles_id_fk" FOREIGN KEY ("target_profile_id") REFERENCES "public"."target_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_profile_shares" ADD CONSTRAINT "target_profile_shares_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_profiles" ADD CONSTRAINT "target_profiles_owner_organization_id_organizations_id_fk" FOREIGN KEY ("owner_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "target_profiles_by_owner" ON "target_profiles" USING btree ("owner_organization_id");