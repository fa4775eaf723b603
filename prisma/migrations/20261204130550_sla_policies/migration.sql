-- AlterTable
ALTER TABLE "tickets" ADD COLUMN     "first_response_due_at" TIMESTAMPTZ(3),
ADD COLUMN     "next_response_due_at" TIMESTAMPTZ(3),
ADD COLUMN     "resolution_due_at" TIMESTAMPTZ(3),
ADD COLUMN     "sla_paused_at" TIMESTAMPTZ(3),
ADD COLUMN     "sla_policy_id" UUID,
ADD COLUMN     "sla_resolution_elapsed" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "sla_warn_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "sla_calendars" (
    "id" UUID NOT NULL,
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "week" JSONB,
    "holidays" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sla_calendars_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sla_policies" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "conditions" JSONB NOT NULL DEFAULT '{}',
    "targets" JSONB NOT NULL,
    "calendar_id" UUID NOT NULL,
    "warn_before_minutes" INTEGER NOT NULL DEFAULT 60,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sla_policies_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "sla_policies_name_key" ON "sla_policies"("name");

-- CreateIndex
CREATE INDEX "sla_policies_position_idx" ON "sla_policies"("position");

-- CreateIndex
CREATE INDEX "tickets_sla_warn_at_idx" ON "tickets"("sla_warn_at");

-- CreateIndex
CREATE INDEX "tickets_sla_policy_id_idx" ON "tickets"("sla_policy_id");

-- AddForeignKey
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_sla_policy_id_fkey" FOREIGN KEY ("sla_policy_id") REFERENCES "sla_policies"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_calendar_id_fkey" FOREIGN KEY ("calendar_id") REFERENCES "sla_calendars"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The default policy: 24/7, resolution targets equal to the former SLA_HOURS_* defaults
-- (urgent 4 h, high 8 h, medium 24 h, low 72 h), no response clocks, so behaviour is unchanged.
INSERT INTO "sla_calendars" ("id", "time_zone", "week", "holidays")
VALUES ('00000000-0000-4000-8000-00000000c000', 'UTC', NULL, '[]');
INSERT INTO "sla_policies" ("id", "name", "position", "is_default", "conditions", "targets", "calendar_id", "warn_before_minutes")
VALUES ('00000000-0000-4000-8000-00000000d000', 'Default', 2147483647, true, '{}',
  '{"urgent":{"firstResponse":null,"nextResponse":null,"resolution":240},"high":{"firstResponse":null,"nextResponse":null,"resolution":480},"medium":{"firstResponse":null,"nextResponse":null,"resolution":1440},"low":{"firstResponse":null,"nextResponse":null,"resolution":4320}}',
  '00000000-0000-4000-8000-00000000c000', 60);

-- Open tickets keep the due time they have, now as their resolution clock.
UPDATE "tickets" SET "sla_policy_id" = '00000000-0000-4000-8000-00000000d000', "resolution_due_at" = "sla_due_at"
WHERE "status" IN ('new', 'assigned', 'in_progress', 'pending');

-- At most one default policy.
CREATE UNIQUE INDEX "sla_policies_one_default" ON "sla_policies" ("is_default") WHERE "is_default";
