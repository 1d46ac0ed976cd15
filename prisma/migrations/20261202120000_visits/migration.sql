-- CreateEnum
CREATE TYPE "VisitMethod" AS ENUM ('IN_PERSON', 'PHONE', 'VIDEO', 'SEMINAR', 'HOSTING');

-- CreateEnum
CREATE TYPE "VisitPlanStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "VisitOutcome" AS ENUM ('ADVANCED', 'NO_PROGRESS', 'SETBACK');

-- CreateEnum
CREATE TYPE "RequestKind" AS ENUM ('GIFT', 'RECEPTION');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('SUBMITTED', 'APPROVED', 'RETURNED', 'CANCELLED');

-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "contactDueOn" DATE,
ADD COLUMN     "lastContactAt" TIMESTAMP(3),
ADD COLUMN     "latitude" DOUBLE PRECISION,
ADD COLUMN     "longitude" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "VisitPlan" (
    "id" TEXT NOT NULL,
    "clientId" TEXT,
    "accountId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "dealId" TEXT,
    "contactIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "companionIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "purpose" TEXT NOT NULL,
    "objectives" TEXT,
    "method" "VisitMethod" NOT NULL,
    "place" TEXT,
    "plannedStart" TIMESTAMP(3) NOT NULL,
    "plannedEnd" TIMESTAMP(3) NOT NULL,
    "expectedCost" BIGINT,
    "status" "VisitPlanStatus" NOT NULL DEFAULT 'DRAFT',
    "needsApproval" BOOLEAN NOT NULL DEFAULT false,
    "approverId" TEXT,
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "decisionComment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VisitPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisitRequest" (
    "id" TEXT NOT NULL,
    "clientId" TEXT,
    "kind" "RequestKind" NOT NULL,
    "accountId" TEXT NOT NULL,
    "planId" TEXT,
    "ownerId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "reason" TEXT NOT NULL,
    "giftItems" TEXT,
    "recipientContactId" TEXT,
    "delegation" TEXT,
    "startDate" DATE,
    "endDate" DATE,
    "headcount" INTEGER,
    "itinerary" TEXT,
    "status" "RequestStatus" NOT NULL DEFAULT 'SUBMITTED',
    "needsApproval" BOOLEAN NOT NULL DEFAULT true,
    "approverId" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionComment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VisitRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisitRecord" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "planId" TEXT,
    "dealId" TEXT,
    "visitedAt" TIMESTAMP(3) NOT NULL,
    "place" TEXT,
    "method" "VisitMethod" NOT NULL,
    "contactIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "talkingPoints" TEXT NOT NULL,
    "customerViews" TEXT,
    "suggestions" TEXT,
    "nextStep" TEXT,
    "outcome" "VisitOutcome",
    "durationMinutes" INTEGER,
    "cost" BIGINT,
    "checkInAt" TIMESTAMP(3),
    "checkInLatitude" DOUBLE PRECISION,
    "checkInLongitude" DOUBLE PRECISION,
    "checkInAccuracyM" DOUBLE PRECISION,
    "checkInDistanceM" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VisitRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisitPhoto" (
    "id" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VisitPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "sourceRecordId" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "completedAt" TIMESTAMP(3),
    "completedByRecordId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WeeklyContactLog" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "weekStart" DATE NOT NULL,
    "summary" TEXT,
    "nextWeekPlan" TEXT,
    "managerComment" TEXT,
    "managerCommentById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WeeklyContactLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "actorId" TEXT,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisitSettings" (
    "id" TEXT NOT NULL DEFAULT 'default',
    "approvalTiers" "Tier"[] DEFAULT ARRAY['A']::"Tier"[],
    "approvalCostThreshold" BIGINT NOT NULL DEFAULT 200000,
    "approvalForHosting" BOOLEAN NOT NULL DEFAULT true,
    "directorThreshold" BIGINT NOT NULL DEFAULT 2000000,
    "giftApprovalThreshold" BIGINT NOT NULL DEFAULT 50000,
    "giftYearCapPerContact" BIGINT NOT NULL DEFAULT 200000,
    "giftYearCapPerAccount" BIGINT NOT NULL DEFAULT 1000000,
    "followUpDays" INTEGER NOT NULL DEFAULT 7,
    "cadenceDaysA" INTEGER NOT NULL DEFAULT 14,
    "cadenceDaysB" INTEGER NOT NULL DEFAULT 30,
    "cadenceDaysC" INTEGER NOT NULL DEFAULT 90,
    "checkInRadiusM" INTEGER NOT NULL DEFAULT 1000,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VisitSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "VisitPlan_clientId_key" ON "VisitPlan"("clientId");

-- CreateIndex
CREATE INDEX "VisitPlan_ownerId_deletedAt_plannedStart_idx" ON "VisitPlan"("ownerId", "deletedAt", "plannedStart");

-- CreateIndex
CREATE INDEX "VisitPlan_teamId_deletedAt_plannedStart_idx" ON "VisitPlan"("teamId", "deletedAt", "plannedStart");

-- CreateIndex
CREATE INDEX "VisitPlan_approverId_status_idx" ON "VisitPlan"("approverId", "status");

-- CreateIndex
CREATE INDEX "VisitPlan_accountId_deletedAt_idx" ON "VisitPlan"("accountId", "deletedAt");

-- CreateIndex
CREATE UNIQUE INDEX "VisitRequest_clientId_key" ON "VisitRequest"("clientId");

-- CreateIndex
CREATE INDEX "VisitRequest_approverId_status_idx" ON "VisitRequest"("approverId", "status");

-- CreateIndex
CREATE INDEX "VisitRequest_accountId_kind_deletedAt_createdAt_idx" ON "VisitRequest"("accountId", "kind", "deletedAt", "createdAt");

-- CreateIndex
CREATE INDEX "VisitRequest_recipientContactId_kind_deletedAt_createdAt_idx" ON "VisitRequest"("recipientContactId", "kind", "deletedAt", "createdAt");

-- CreateIndex
CREATE INDEX "VisitRequest_ownerId_deletedAt_createdAt_idx" ON "VisitRequest"("ownerId", "deletedAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "VisitRecord_clientId_key" ON "VisitRecord"("clientId");

-- CreateIndex
CREATE UNIQUE INDEX "VisitRecord_planId_key" ON "VisitRecord"("planId");

-- CreateIndex
CREATE INDEX "VisitRecord_ownerId_deletedAt_visitedAt_id_idx" ON "VisitRecord"("ownerId", "deletedAt", "visitedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "VisitRecord_teamId_deletedAt_visitedAt_idx" ON "VisitRecord"("teamId", "deletedAt", "visitedAt");

-- CreateIndex
CREATE INDEX "VisitRecord_accountId_deletedAt_visitedAt_idx" ON "VisitRecord"("accountId", "deletedAt", "visitedAt" DESC);

-- CreateIndex
CREATE INDEX "VisitPhoto_recordId_idx" ON "VisitPhoto"("recordId");

-- CreateIndex
CREATE INDEX "FollowUp_ownerId_completedAt_dueOn_idx" ON "FollowUp"("ownerId", "completedAt", "dueOn");

-- CreateIndex
CREATE INDEX "FollowUp_accountId_completedAt_idx" ON "FollowUp"("accountId", "completedAt");

-- CreateIndex
CREATE INDEX "WeeklyContactLog_teamId_weekStart_idx" ON "WeeklyContactLog"("teamId", "weekStart");

-- CreateIndex
CREATE UNIQUE INDEX "WeeklyContactLog_ownerId_weekStart_key" ON "WeeklyContactLog"("ownerId", "weekStart");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");

-- CreateIndex
CREATE INDEX "CalendarFeed_userId_revokedAt_idx" ON "CalendarFeed"("userId", "revokedAt");

-- CreateIndex
CREATE INDEX "Account_ownerId_deletedAt_contactDueOn_idx" ON "Account"("ownerId", "deletedAt", "contactDueOn");

-- CreateIndex
CREATE INDEX "Account_teamId_deletedAt_contactDueOn_idx" ON "Account"("teamId", "deletedAt", "contactDueOn");

-- AddForeignKey
ALTER TABLE "VisitPlan" ADD CONSTRAINT "VisitPlan_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitPlan" ADD CONSTRAINT "VisitPlan_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitPlan" ADD CONSTRAINT "VisitPlan_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitPlan" ADD CONSTRAINT "VisitPlan_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitPlan" ADD CONSTRAINT "VisitPlan_approverId_fkey" FOREIGN KEY ("approverId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitRequest" ADD CONSTRAINT "VisitRequest_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitRequest" ADD CONSTRAINT "VisitRequest_planId_fkey" FOREIGN KEY ("planId") REFERENCES "VisitPlan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitRequest" ADD CONSTRAINT "VisitRequest_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitRequest" ADD CONSTRAINT "VisitRequest_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitRequest" ADD CONSTRAINT "VisitRequest_recipientContactId_fkey" FOREIGN KEY ("recipientContactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitRequest" ADD CONSTRAINT "VisitRequest_approverId_fkey" FOREIGN KEY ("approverId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitRecord" ADD CONSTRAINT "VisitRecord_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitRecord" ADD CONSTRAINT "VisitRecord_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitRecord" ADD CONSTRAINT "VisitRecord_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitRecord" ADD CONSTRAINT "VisitRecord_planId_fkey" FOREIGN KEY ("planId") REFERENCES "VisitPlan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitRecord" ADD CONSTRAINT "VisitRecord_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitPhoto" ADD CONSTRAINT "VisitPhoto_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "VisitRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_sourceRecordId_fkey" FOREIGN KEY ("sourceRecordId") REFERENCES "VisitRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_completedByRecordId_fkey" FOREIGN KEY ("completedByRecordId") REFERENCES "VisitRecord"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeeklyContactLog" ADD CONSTRAINT "WeeklyContactLog_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeeklyContactLog" ADD CONSTRAINT "WeeklyContactLog_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeeklyContactLog" ADD CONSTRAINT "WeeklyContactLog_managerCommentById_fkey" FOREIGN KEY ("managerCommentById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Existing accounts have no visits yet: their first contact is due one cadence after they were
-- created (China calendar date), with the default cadences (A 14, B 30, C 90 days).
UPDATE "Account" SET "contactDueOn" = (("createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date
  + CASE "tier" WHEN 'A' THEN 14 WHEN 'B' THEN 30 ELSE 90 END);
