-- CreateEnum
CREATE TYPE "MacroAssignee" AS ENUM ('me', 'none', 'user');

-- CreateTable
CREATE TABLE "macros" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "status" "TicketStatus",
    "priority" "Priority",
    "assignee" "MacroAssignee",
    "assignee_id" UUID,
    "add_tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "remove_tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "owner_id" UUID,
    "usage_count" INTEGER NOT NULL DEFAULT 0,
    "last_used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "macros_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "macros_owner_id_name_id_idx" ON "macros"("owner_id", "name", "id");

-- CreateIndex
CREATE INDEX "macros_shared_name_id_idx" ON "macros"("shared", "name", "id");

-- CreateIndex
CREATE INDEX "macros_name_trgm_idx" ON "macros" USING GIN ("name" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "macros" ADD CONSTRAINT "macros_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "macros" ADD CONSTRAINT "macros_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
