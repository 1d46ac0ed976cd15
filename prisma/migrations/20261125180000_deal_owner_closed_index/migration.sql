-- DropIndex
DROP INDEX "Deal_ownerId_status_idx";

-- CreateIndex
CREATE INDEX "Deal_ownerId_status_closedAt_idx" ON "Deal"("ownerId", "status", "closedAt");

