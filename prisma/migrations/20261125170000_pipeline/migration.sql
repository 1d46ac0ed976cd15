-- CreateEnum
CREATE TYPE "DealStage" AS ENUM ('TARGET', 'INFORMATION', 'VALUE', 'RELATIONSHIP', 'CLOSING');

-- CreateEnum
CREATE TYPE "DealStatus" AS ENUM ('OPEN', 'WON', 'LOST', 'TERMINATED');

-- CreateEnum
CREATE TYPE "CooperationMode" AS ENUM ('DIRECT_SUPPLY', 'DISTRIBUTION', 'OEM', 'STRATEGIC', 'PROJECT');

-- CreateTable
CREATE TABLE "Deal" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "expectedValue" BIGINT NOT NULL DEFAULT 0,
    "expectedCloseDate" DATE,
    "products" TEXT,
    "stage" "DealStage" NOT NULL DEFAULT 'TARGET',
    "stageEnteredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "DealStatus" NOT NULL DEFAULT 'OPEN',
    "closedAt" TIMESTAMP(3),
    "lostReasonId" TEXT,
    "closeNote" TEXT,
    "potentialNeed" TEXT,
    "needUrgency" INTEGER,
    "initialCommunication" TEXT,
    "businessCondition" TEXT,
    "opportunity" "MarkAnswer" NOT NULL DEFAULT 'UNKNOWN',
    "sampleItem" TEXT,
    "sampleSentOn" DATE,
    "sampleSpecAgreed" BOOLEAN NOT NULL DEFAULT false,
    "sampleAccepted" "MarkAnswer" NOT NULL DEFAULT 'UNKNOWN',
    "sampleTechOwner" TEXT,
    "informationSufficient" BOOLEAN NOT NULL DEFAULT false,
    "needsClear" BOOLEAN NOT NULL DEFAULT false,
    "closeProbability" INTEGER,
    "obstacles" JSONB NOT NULL DEFAULT '[]',
    "expectedDevCost" BIGINT,
    "programme" JSONB NOT NULL DEFAULT '[]',
    "seniorMeetingHeld" BOOLEAN NOT NULL DEFAULT false,
    "siteAuditDone" BOOLEAN NOT NULL DEFAULT false,
    "systemSupportArranged" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Deal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DealStageChange" (
    "id" TEXT NOT NULL,
    "dealId" TEXT NOT NULL,
    "fromStage" "DealStage",
    "toStage" "DealStage" NOT NULL,
    "fromStatus" "DealStatus",
    "toStatus" "DealStatus" NOT NULL,
    "overrideReason" TEXT,
    "overriddenGate" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "note" TEXT,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DealStageChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LostReason" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LostReason_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CooperationAgreement" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "dealId" TEXT,
    "ownerId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "serviceContent" TEXT NOT NULL,
    "pricingPolicy" TEXT NOT NULL,
    "cooperationMode" "CooperationMode" NOT NULL,
    "contractValue" BIGINT NOT NULL,
    "renewedFromId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CooperationAgreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PipelineSettings" (
    "id" TEXT NOT NULL DEFAULT 'default',
    "staleDays" INTEGER NOT NULL DEFAULT 30,
    "minDecisionMakerStrength" INTEGER NOT NULL DEFAULT 4,
    "renewalWindowDays" INTEGER NOT NULL DEFAULT 60,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PipelineSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Deal_teamId_status_closedAt_idx" ON "Deal"("teamId", "status", "closedAt");

-- CreateIndex
CREATE INDEX "Deal_ownerId_status_idx" ON "Deal"("ownerId", "status");

-- CreateIndex
CREATE INDEX "Deal_accountId_deletedAt_idx" ON "Deal"("accountId", "deletedAt");

-- CreateIndex
CREATE INDEX "DealStageChange_dealId_createdAt_idx" ON "DealStageChange"("dealId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LostReason_code_key" ON "LostReason"("code");

-- CreateIndex
CREATE UNIQUE INDEX "CooperationAgreement_dealId_key" ON "CooperationAgreement"("dealId");

-- CreateIndex
CREATE INDEX "CooperationAgreement_teamId_deletedAt_endDate_idx" ON "CooperationAgreement"("teamId", "deletedAt", "endDate");

-- CreateIndex
CREATE INDEX "CooperationAgreement_accountId_deletedAt_idx" ON "CooperationAgreement"("accountId", "deletedAt");

-- AddForeignKey
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_lostReasonId_fkey" FOREIGN KEY ("lostReasonId") REFERENCES "LostReason"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealStageChange" ADD CONSTRAINT "DealStageChange_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealStageChange" ADD CONSTRAINT "DealStageChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CooperationAgreement" ADD CONSTRAINT "CooperationAgreement_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CooperationAgreement" ADD CONSTRAINT "CooperationAgreement_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CooperationAgreement" ADD CONSTRAINT "CooperationAgreement_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CooperationAgreement" ADD CONSTRAINT "CooperationAgreement_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The starting list of lost reasons (admins edit it in 管理 › 丢单原因).
INSERT INTO "LostReason" ("id", "code", "name", "nameEn", "sortOrder", "updatedAt") VALUES
  ('lr_price', 'PRICE', '价格没有竞争力', 'Price not competitive', 10, now()),
  ('lr_competitor', 'COMPETITOR', '竞争对手关系更强', 'Competitor relationship stronger', 20, now()),
  ('lr_quality', 'QUALITY', '样品或质量未通过', 'Samples or quality not accepted', 30, now()),
  ('lr_capacity', 'CAPACITY', '交付或产能不满足', 'Delivery or capacity not sufficient', 40, now()),
  ('lr_budget', 'BUDGET', '客户预算取消或延期', 'Customer budget cancelled or postponed', 50, now()),
  ('lr_decision_maker', 'DECISION_MAKER', '决策人变动', 'Decision maker changed', 60, now()),
  ('lr_credit', 'CREDIT', '客户资信风险', 'Customer credit risk', 70, now()),
  ('lr_other', 'OTHER', '其他', 'Other', 90, now());
