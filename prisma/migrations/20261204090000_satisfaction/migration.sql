-- CreateEnum
CREATE TYPE "FollowUpReason" AS ENUM ('VISIT', 'LOW_SCORE', 'SERVICE_ITEM');

-- CreateEnum
CREATE TYPE "SurveyKind" AS ENUM ('CSAT', 'NPS', 'CUSTOM');

-- CreateEnum
CREATE TYPE "SurveyTrigger" AS ENUM ('MANUAL', 'DEAL_WON', 'COMPLAINT_CLOSED', 'WAVE');

-- CreateEnum
CREATE TYPE "SurveyStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "ComplaintChannel" AS ENUM ('CALL', 'VISIT', 'EMAIL', 'SURVEY', 'WECHAT', 'OTHER');

-- CreateEnum
CREATE TYPE "ComplaintCategory" AS ENUM ('QUALITY', 'DELIVERY', 'SERVICE', 'PRICE', 'BILLING', 'OTHER');

-- CreateEnum
CREATE TYPE "ComplaintSeverity" AS ENUM ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW');

-- CreateEnum
CREATE TYPE "ComplaintStatus" AS ENUM ('RECEIVED', 'ACKNOWLEDGED', 'INVESTIGATING', 'RESOLVED', 'CONFIRMED', 'CLOSED');

-- CreateEnum
CREATE TYPE "ServiceFrequency" AS ENUM ('WEEKLY', 'MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY');

-- CreateEnum
CREATE TYPE "HealthBand" AS ENUM ('HEALTHY', 'WATCH', 'AT_RISK');

-- CreateEnum
CREATE TYPE "JobRunStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- DropForeignKey
ALTER TABLE "FollowUp" DROP CONSTRAINT "FollowUp_sourceRecordId_fkey";

-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "healthBand" "HealthBand",
ADD COLUMN     "healthComputedAt" TIMESTAMP(3),
ADD COLUMN     "healthScore" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "FollowUp" ADD COLUMN     "complaintId" TEXT,
ADD COLUMN     "note" TEXT,
ADD COLUMN     "reason" "FollowUpReason" NOT NULL DEFAULT 'VISIT',
ADD COLUMN     "serviceItemId" TEXT,
ADD COLUMN     "surveyResponseId" TEXT,
ALTER COLUMN "sourceRecordId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "SurveyTemplate" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "kind" "SurveyKind" NOT NULL,
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SurveyTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyTemplateVersion" (
    "id" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "introZh" TEXT,
    "introEn" TEXT,
    "questions" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyTemplateVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Survey" (
    "id" TEXT NOT NULL,
    "templateVersionId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "sentById" TEXT,
    "trigger" "SurveyTrigger" NOT NULL DEFAULT 'MANUAL',
    "dealId" TEXT,
    "complaintId" TEXT,
    "waveKey" TEXT,
    "status" "SurveyStatus" NOT NULL DEFAULT 'OPEN',
    "closesAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Survey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyInvitation" (
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "tokenSalt" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "locale" "Locale" NOT NULL DEFAULT 'zh_CN',
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "emailedAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),
    "openedAt" TIMESTAMP(3),
    "respondedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL,
    "invitationId" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "csat" INTEGER,
    "nps" INTEGER,
    "verbatim" TEXT,
    "lowScore" BOOLEAN NOT NULL DEFAULT false,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Complaint" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "ownerTeamId" TEXT,
    "handlerId" TEXT,
    "handlerTeamId" TEXT,
    "channel" "ComplaintChannel" NOT NULL,
    "category" "ComplaintCategory" NOT NULL,
    "severity" "ComplaintSeverity" NOT NULL,
    "status" "ComplaintStatus" NOT NULL DEFAULT 'RECEIVED',
    "title" TEXT NOT NULL,
    "customerWords" TEXT NOT NULL,
    "contactIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "dealId" TEXT,
    "agreementId" TEXT,
    "visitRecordId" TEXT,
    "surveyResponseId" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "confirmedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "reopenCount" INTEGER NOT NULL DEFAULT 0,
    "ackDueAt" TIMESTAMP(3) NOT NULL,
    "resolveDueAt" TIMESTAMP(3) NOT NULL,
    "ackBreachedAt" TIMESTAMP(3),
    "resolveBreachedAt" TIMESTAMP(3),
    "escalatedToId" TEXT,
    "escalatedAt" TIMESTAMP(3),
    "resolution" TEXT,
    "rootCause" TEXT,
    "correctiveAction" TEXT,
    "sendSurveyOnClose" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Complaint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplaintEvent" (
    "id" TEXT NOT NULL,
    "complaintId" TEXT NOT NULL,
    "actorId" TEXT,
    "kind" TEXT NOT NULL,
    "fromStatus" "ComplaintStatus",
    "toStatus" "ComplaintStatus",
    "note" TEXT,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComplaintEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplaintSla" (
    "severity" "ComplaintSeverity" NOT NULL,
    "ackMinutes" INTEGER NOT NULL,
    "resolveMinutes" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ComplaintSla_pkey" PRIMARY KEY ("severity")
);

-- CreateTable
CREATE TABLE "SatisfactionSettings" (
    "id" TEXT NOT NULL DEFAULT 'default',
    "companyName" TEXT NOT NULL DEFAULT 'Keystone',
    "companyNameZh" TEXT NOT NULL DEFAULT 'Keystone',
    "linkValidDays" INTEGER NOT NULL DEFAULT 14,
    "reminderAfterDays" INTEGER NOT NULL DEFAULT 5,
    "surveyOnDealWon" BOOLEAN NOT NULL DEFAULT true,
    "surveyOnComplaintClosed" BOOLEAN NOT NULL DEFAULT true,
    "waveMonthsA" INTEGER NOT NULL DEFAULT 3,
    "waveMonthsB" INTEGER NOT NULL DEFAULT 6,
    "waveMonthsC" INTEGER NOT NULL DEFAULT 0,
    "waveTemplateCode" TEXT NOT NULL DEFAULT 'nps',
    "lowCsatAtMost" INTEGER NOT NULL DEFAULT 2,
    "lowNpsAtMost" INTEGER NOT NULL DEFAULT 6,
    "lowScoreCreatesComplaint" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SatisfactionSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServicePlan" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "agreedOn" DATE,
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServicePlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceItem" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "ownerId" TEXT NOT NULL,
    "frequency" "ServiceFrequency" NOT NULL,
    "nextDueOn" DATE NOT NULL,
    "lastDeliveredOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServiceItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceDelivery" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "deliveredOn" DATE NOT NULL,
    "onTime" BOOLEAN NOT NULL,
    "note" TEXT,
    "recordedById" TEXT NOT NULL,
    "visitRecordId" TEXT,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HealthSnapshot" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "band" "HealthBand" NOT NULL,
    "factors" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HealthSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobSchedule" (
    "name" TEXT NOT NULL,
    "intervalSeconds" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "nextRunAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "leasedBy" TEXT,
    "lastRunAt" TIMESTAMP(3),
    "lastStatus" "JobRunStatus",
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobSchedule_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "runner" TEXT NOT NULL,
    "status" "JobRunStatus" NOT NULL DEFAULT 'RUNNING',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "processed" INTEGER NOT NULL DEFAULT 0,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitCounter" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimitCounter_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "SurveyTemplate_code_key" ON "SurveyTemplate"("code");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyTemplateVersion_templateId_number_key" ON "SurveyTemplateVersion"("templateId", "number");

-- CreateIndex
CREATE INDEX "Survey_accountId_deletedAt_createdAt_idx" ON "Survey"("accountId", "deletedAt", "createdAt");

-- CreateIndex
CREATE INDEX "Survey_teamId_deletedAt_createdAt_idx" ON "Survey"("teamId", "deletedAt", "createdAt");

-- CreateIndex
CREATE INDEX "Survey_status_closesAt_idx" ON "Survey"("status", "closesAt");

-- CreateIndex
CREATE UNIQUE INDEX "Survey_accountId_waveKey_key" ON "Survey"("accountId", "waveKey");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyInvitation_tokenHash_key" ON "SurveyInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "SurveyInvitation_accountId_idx" ON "SurveyInvitation"("accountId");

-- CreateIndex
CREATE INDEX "SurveyInvitation_expiresAt_respondedAt_idx" ON "SurveyInvitation"("expiresAt", "respondedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyInvitation_surveyId_contactId_key" ON "SurveyInvitation"("surveyId", "contactId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_invitationId_key" ON "SurveyResponse"("invitationId");

-- CreateIndex
CREATE INDEX "SurveyResponse_accountId_submittedAt_idx" ON "SurveyResponse"("accountId", "submittedAt");

-- CreateIndex
CREATE INDEX "SurveyResponse_teamId_submittedAt_idx" ON "SurveyResponse"("teamId", "submittedAt");

-- CreateIndex
CREATE INDEX "SurveyResponse_ownerId_submittedAt_idx" ON "SurveyResponse"("ownerId", "submittedAt");

-- CreateIndex
CREATE INDEX "SurveyResponse_surveyId_idx" ON "SurveyResponse"("surveyId");

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_number_key" ON "Complaint"("number");

-- CreateIndex
CREATE INDEX "Complaint_teamId_deletedAt_status_idx" ON "Complaint"("teamId", "deletedAt", "status");

-- CreateIndex
CREATE INDEX "Complaint_ownerId_deletedAt_status_idx" ON "Complaint"("ownerId", "deletedAt", "status");

-- CreateIndex
CREATE INDEX "Complaint_handlerId_deletedAt_status_idx" ON "Complaint"("handlerId", "deletedAt", "status");

-- CreateIndex
CREATE INDEX "Complaint_handlerTeamId_deletedAt_status_idx" ON "Complaint"("handlerTeamId", "deletedAt", "status");

-- CreateIndex
CREATE INDEX "Complaint_accountId_deletedAt_receivedAt_idx" ON "Complaint"("accountId", "deletedAt", "receivedAt");

-- CreateIndex
CREATE INDEX "Complaint_status_ackDueAt_idx" ON "Complaint"("status", "ackDueAt");

-- CreateIndex
CREATE INDEX "Complaint_status_resolveDueAt_idx" ON "Complaint"("status", "resolveDueAt");

-- CreateIndex
CREATE INDEX "ComplaintEvent_complaintId_createdAt_idx" ON "ComplaintEvent"("complaintId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ServicePlan_accountId_key" ON "ServicePlan"("accountId");

-- CreateIndex
CREATE INDEX "ServicePlan_teamId_deletedAt_idx" ON "ServicePlan"("teamId", "deletedAt");

-- CreateIndex
CREATE INDEX "ServiceItem_planId_deletedAt_idx" ON "ServiceItem"("planId", "deletedAt");

-- CreateIndex
CREATE INDEX "ServiceItem_deletedAt_nextDueOn_idx" ON "ServiceItem"("deletedAt", "nextDueOn");

-- CreateIndex
CREATE INDEX "ServiceItem_ownerId_deletedAt_nextDueOn_idx" ON "ServiceItem"("ownerId", "deletedAt", "nextDueOn");

-- CreateIndex
CREATE INDEX "ServiceDelivery_itemId_deliveredOn_idx" ON "ServiceDelivery"("itemId", "deliveredOn");

-- CreateIndex
CREATE INDEX "ServiceDelivery_accountId_deliveredOn_idx" ON "ServiceDelivery"("accountId", "deliveredOn");

-- CreateIndex
CREATE INDEX "HealthSnapshot_accountId_computedAt_idx" ON "HealthSnapshot"("accountId", "computedAt");

-- CreateIndex
CREATE INDEX "JobRun_name_startedAt_idx" ON "JobRun"("name", "startedAt");

-- CreateIndex
CREATE INDEX "JobRun_startedAt_idx" ON "JobRun"("startedAt");

-- CreateIndex
CREATE INDEX "RateLimitCounter_expiresAt_idx" ON "RateLimitCounter"("expiresAt");

-- CreateIndex
CREATE INDEX "Account_teamId_deletedAt_healthScore_idx" ON "Account"("teamId", "deletedAt", "healthScore");

-- CreateIndex
CREATE INDEX "Account_ownerId_deletedAt_healthScore_idx" ON "Account"("ownerId", "deletedAt", "healthScore");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUp_serviceItemId_dueOn_key" ON "FollowUp"("serviceItemId", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUp_surveyResponseId_reason_key" ON "FollowUp"("surveyResponseId", "reason");

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_sourceRecordId_fkey" FOREIGN KEY ("sourceRecordId") REFERENCES "VisitRecord"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyTemplateVersion" ADD CONSTRAINT "SurveyTemplateVersion_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "SurveyTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_templateVersionId_fkey" FOREIGN KEY ("templateVersionId") REFERENCES "SurveyTemplateVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyInvitation" ADD CONSTRAINT "SurveyInvitation_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyInvitation" ADD CONSTRAINT "SurveyInvitation_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "SurveyInvitation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_handlerId_fkey" FOREIGN KEY ("handlerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_surveyResponseId_fkey" FOREIGN KEY ("surveyResponseId") REFERENCES "SurveyResponse"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintEvent" ADD CONSTRAINT "ComplaintEvent_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServicePlan" ADD CONSTRAINT "ServicePlan_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceItem" ADD CONSTRAINT "ServiceItem_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ServicePlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceItem" ADD CONSTRAINT "ServiceItem_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceDelivery" ADD CONSTRAINT "ServiceDelivery_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ServiceItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HealthSnapshot" ADD CONSTRAINT "HealthSnapshot_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Default SLA per severity (the administrator changes them in /admin/satisfaction)
INSERT INTO "ComplaintSla" ("severity", "ackMinutes", "resolveMinutes", "updatedAt") VALUES
  ('CRITICAL', 60, 1440, now()),
  ('HIGH', 240, 4320, now()),
  ('MEDIUM', 480, 10080, now()),
  ('LOW', 1440, 20160, now())
ON CONFLICT DO NOTHING;
