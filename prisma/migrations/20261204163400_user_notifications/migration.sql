-- CreateEnum
CREATE TYPE "UserNotificationKind" AS ENUM ('sla_warning', 'sla_breached');

-- CreateTable
CREATE TABLE "user_notifications" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" "UserNotificationKind" NOT NULL,
    "ticket_id" UUID,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "user_notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "user_notifications_user_id_created_at_id_idx" ON "user_notifications"("user_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "user_notifications_unread_idx" ON "user_notifications"("user_id", "created_at" DESC, "id" DESC) WHERE (read_at IS NULL);

-- CreateIndex
CREATE INDEX "user_notifications_ticket_id_idx" ON "user_notifications"("ticket_id");

-- AddForeignKey
ALTER TABLE "user_notifications" ADD CONSTRAINT "user_notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_notifications" ADD CONSTRAINT "user_notifications_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
