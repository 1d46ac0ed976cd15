-- CreateEnum
CREATE TYPE "DistributorKind" AS ENUM ('DIRECT', 'AGENT', 'DEALER');

-- CreateEnum
CREATE TYPE "DistributorModel" AS ENUM ('WHOLESALE', 'TERMINAL');

-- CreateEnum
CREATE TYPE "DistributorStage" AS ENUM ('PROSPECT', 'EVALUATION', 'NEGOTIATION', 'SIGNED', 'SUSPENDED', 'TERMINATED');

-- CreateEnum
CREATE TYPE "DistributorMemoTopic" AS ENUM ('GENERAL', 'COMMITMENT', 'FOCUS', 'DIFFICULTY');

-- CreateEnum
CREATE TYPE "SelectionCriterionKind" AS ENUM ('QUALITATIVE', 'QUANTITATIVE');

-- CreateEnum
CREATE TYPE "ChannelAgreementStatus" AS ENUM ('DRAFT', 'ACTIVE', 'EXPIRED', 'TERMINATED');

-- CreateEnum
CREATE TYPE "ChannelImportKind" AS ENUM ('SELL_IN', 'SELL_OUT');

-- CreateEnum
CREATE TYPE "ChannelImportStatus" AS ENUM ('RUNNING', 'DONE', 'FAILED');

-- CreateEnum
CREATE TYPE "RebatePeriodKind" AS ENUM ('QUARTER', 'YEAR');

-- CreateEnum
CREATE TYPE "RebateStatementStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "CreditRequestStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ChannelInvoiceStatus" AS ENUM ('OPEN', 'PAID', 'VOID');

-- CreateEnum
CREATE TYPE "ChannelConflictKind" AS ENUM ('CROSS_TERRITORY', 'BELOW_FLOOR_PRICE', 'CUSTOMER_OVERLAP');

-- CreateEnum
CREATE TYPE "ChannelConflictStatus" AS ENUM ('NEGOTIATION', 'MEDIATION', 'ARBITRATION', 'RESOLVED');

-- CreateEnum
CREATE TYPE "ChannelConflictOutcome" AS ENUM ('NO_ACTION', 'WARNING', 'REBATE_DEDUCTION', 'COMPENSATION', 'TERRITORY_CHANGE', 'TERMINATION');

-- CreateEnum
CREATE TYPE "DistributorRecommendation" AS ENUM ('UPGRADE', 'KEEP', 'WARN', 'TERMINATE');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'CHANNEL_MANAGER';

-- CreateTable
CREATE TABLE "ChannelTerritoryAssignment" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "territoryId" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelTerritoryAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Distributor" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "DistributorKind" NOT NULL,
    "model" "DistributorModel",
    "creditCode" TEXT,
    "legalRepresentative" TEXT,
    "registeredCapital" BIGINT,
    "foundedOn" DATE,
    "address" TEXT,
    "shareholderBackground" TEXT,
    "organisation" TEXT,
    "localStrength" TEXT,
    "industryStanding" TEXT,
    "employees" INTEGER,
    "annualSales" BIGINT,
    "territoryId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "stage" "DistributorStage" NOT NULL DEFAULT 'PROSPECT',
    "stageChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rank" TEXT NOT NULL DEFAULT 'm',
    "stageNote" TEXT,
    "creditLimit" BIGINT NOT NULL DEFAULT 0,
    "selectionScore" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Distributor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DistributorStageChange" (
    "id" TEXT NOT NULL,
    "distributorId" TEXT NOT NULL,
    "fromStage" "DistributorStage",
    "toStage" "DistributorStage" NOT NULL,
    "actorId" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DistributorStageChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DistributorTerritory" (
    "id" TEXT NOT NULL,
    "distributorId" TEXT NOT NULL,
    "territoryId" TEXT NOT NULL,
    "exclusive" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT false,
    "since" DATE,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DistributorTerritory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DistributorContact" (
    "id" TEXT NOT NULL,
    "distributorId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "wechat" TEXT,
    "isPrimary" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DistributorContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DistributorMemo" (
    "id" TEXT NOT NULL,
    "distributorId" TEXT NOT NULL,
    "topic" "DistributorMemoTopic" NOT NULL DEFAULT 'GENERAL',
    "body" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DistributorMemo_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SelectionCriterion" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "kind" "SelectionCriterionKind" NOT NULL,
    "weight" INTEGER NOT NULL,
    "unit" TEXT,
    "worst" DOUBLE PRECISION,
    "best" DOUBLE PRECISION,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SelectionCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DistributorEvaluation" (
    "id" TEXT NOT NULL,
    "distributorId" TEXT NOT NULL,
    "evaluatorId" TEXT NOT NULL,
    "scores" JSONB NOT NULL,
    "total" INTEGER NOT NULL,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DistributorEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Product" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "listPrice" BIGINT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelAgreement" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "distributorId" TEXT NOT NULL,
    "status" "ChannelAgreementStatus" NOT NULL DEFAULT 'DRAFT',
    "currentVersionNo" INTEGER NOT NULL DEFAULT 1,
    "signedAt" TIMESTAMP(3),
    "signedById" TEXT,
    "terminatedAt" TIMESTAMP(3),
    "ownerId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChannelAgreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelAgreementVersion" (
    "id" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "territoryId" TEXT,
    "annualTarget" BIGINT NOT NULL,
    "quarterlyTargets" BIGINT[],
    "rebateRules" JSONB NOT NULL,
    "discountBp" INTEGER NOT NULL DEFAULT 0,
    "marketSupportFund" BIGINT NOT NULL DEFAULT 0,
    "deposit" BIGINT NOT NULL DEFAULT 0,
    "paymentTermDays" INTEGER NOT NULL DEFAULT 30,
    "creditLimit" BIGINT NOT NULL DEFAULT 0,
    "changeNote" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelAgreementVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelAgreementProduct" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "floorPrice" BIGINT,

    CONSTRAINT "ChannelAgreementProduct_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelImportBatch" (
    "id" TEXT NOT NULL,
    "kind" "ChannelImportKind" NOT NULL,
    "actorId" TEXT NOT NULL,
    "distributorId" TEXT,
    "fileName" TEXT,
    "digest" TEXT NOT NULL,
    "status" "ChannelImportStatus" NOT NULL DEFAULT 'RUNNING',
    "total" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "conflicts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ChannelImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SellInLine" (
    "id" TEXT NOT NULL,
    "distributorId" TEXT NOT NULL,
    "documentNo" TEXT NOT NULL,
    "lineNo" INTEGER NOT NULL DEFAULT 1,
    "shippedOn" DATE NOT NULL,
    "productId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPrice" BIGINT NOT NULL,
    "amount" BIGINT NOT NULL,
    "teamId" TEXT NOT NULL,
    "importBatchId" TEXT,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SellInLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SellOutLine" (
    "id" TEXT NOT NULL,
    "distributorId" TEXT NOT NULL,
    "lineKey" TEXT NOT NULL,
    "soldOn" DATE NOT NULL,
    "customerName" TEXT NOT NULL,
    "customerCreditCode" TEXT,
    "accountId" TEXT,
    "regionText" TEXT,
    "territoryId" TEXT,
    "productId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPrice" BIGINT NOT NULL,
    "amount" BIGINT NOT NULL,
    "teamId" TEXT NOT NULL,
    "importBatchId" TEXT,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SellOutLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelMonthRollup" (
    "month" DATE NOT NULL,
    "distributorId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "sellInQty" BIGINT NOT NULL DEFAULT 0,
    "sellInAmount" BIGINT NOT NULL DEFAULT 0,
    "sellOutQty" BIGINT NOT NULL DEFAULT 0,
    "sellOutAmount" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ChannelMonthRollup_pkey" PRIMARY KEY ("month","distributorId","productId")
);

-- CreateTable
CREATE TABLE "RebateStatement" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "distributorId" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "agreementVersionId" TEXT NOT NULL,
    "periodKind" "RebatePeriodKind" NOT NULL,
    "periodKey" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "target" BIGINT NOT NULL,
    "achieved" BIGINT NOT NULL,
    "achievementBp" INTEGER NOT NULL,
    "rateBp" INTEGER NOT NULL,
    "rebateAmount" BIGINT NOT NULL,
    "deductions" BIGINT NOT NULL DEFAULT 0,
    "payable" BIGINT NOT NULL,
    "workings" JSONB NOT NULL,
    "status" "RebateStatementStatus" NOT NULL DEFAULT 'DRAFT',
    "computedById" TEXT,
    "submittedAt" TIMESTAMP(3),
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "reviewNote" TEXT,
    "ownerId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RebateStatement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditLimitRequest" (
    "id" TEXT NOT NULL,
    "distributorId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "currentLimit" BIGINT NOT NULL,
    "requestedLimit" BIGINT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "CreditRequestStatus" NOT NULL DEFAULT 'PENDING',
    "deciderId" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "teamId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CreditLimitRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelInvoice" (
    "id" TEXT NOT NULL,
    "invoiceNo" TEXT NOT NULL,
    "distributorId" TEXT NOT NULL,
    "issuedOn" DATE NOT NULL,
    "dueOn" DATE NOT NULL,
    "amount" BIGINT NOT NULL,
    "paidAmount" BIGINT NOT NULL DEFAULT 0,
    "status" "ChannelInvoiceStatus" NOT NULL DEFAULT 'OPEN',
    "note" TEXT,
    "teamId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChannelInvoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelPayment" (
    "id" TEXT NOT NULL,
    "paymentNo" TEXT NOT NULL,
    "distributorId" TEXT NOT NULL,
    "receivedOn" DATE NOT NULL,
    "amount" BIGINT NOT NULL,
    "method" TEXT,
    "note" TEXT,
    "recordedById" TEXT,
    "teamId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelPayment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelPaymentAllocation" (
    "id" TEXT NOT NULL,
    "paymentId" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelPaymentAllocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelConflict" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "kind" "ChannelConflictKind" NOT NULL,
    "status" "ChannelConflictStatus" NOT NULL DEFAULT 'NEGOTIATION',
    "openKey" TEXT,
    "distributorId" TEXT NOT NULL,
    "affectedDistributorId" TEXT,
    "accountId" TEXT,
    "territoryId" TEXT,
    "productId" TEXT,
    "detectedAutomatically" BOOLEAN NOT NULL DEFAULT true,
    "summary" TEXT,
    "causeAnalysis" TEXT,
    "outcome" "ChannelConflictOutcome",
    "outcomeAmount" BIGINT,
    "outcomeNote" TEXT,
    "preventionNote" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "evidenceCount" INTEGER NOT NULL DEFAULT 0,
    "evidenceAmount" BIGINT NOT NULL DEFAULT 0,
    "ownerId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChannelConflict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelConflictEvidence" (
    "id" TEXT NOT NULL,
    "conflictId" TEXT NOT NULL,
    "sellOutLineId" TEXT NOT NULL,
    "detail" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelConflictEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelConflictEvent" (
    "id" TEXT NOT NULL,
    "conflictId" TEXT NOT NULL,
    "actorId" TEXT,
    "kind" TEXT NOT NULL,
    "fromStatus" "ChannelConflictStatus",
    "toStatus" "ChannelConflictStatus",
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelConflictEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DistributorScorecard" (
    "id" TEXT NOT NULL,
    "distributorId" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "factors" JSONB NOT NULL,
    "total" INTEGER,
    "rank" INTEGER,
    "recommendation" "DistributorRecommendation",
    "note" TEXT,
    "teamId" TEXT NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DistributorScorecard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelSettings" (
    "id" TEXT NOT NULL DEFAULT 'default',
    "scorecardWeights" JSONB NOT NULL,
    "upgradeAt" INTEGER NOT NULL DEFAULT 85,
    "keepAt" INTEGER NOT NULL DEFAULT 65,
    "warnAt" INTEGER NOT NULL DEFAULT 45,
    "healthyStockMonths" INTEGER NOT NULL DEFAULT 3,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChannelSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChannelTerritoryAssignment_territoryId_idx" ON "ChannelTerritoryAssignment"("territoryId");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelTerritoryAssignment_userId_territoryId_key" ON "ChannelTerritoryAssignment"("userId", "territoryId");

-- CreateIndex
CREATE UNIQUE INDEX "Distributor_code_key" ON "Distributor"("code");

-- CreateIndex
CREATE INDEX "Distributor_teamId_deletedAt_stage_idx" ON "Distributor"("teamId", "deletedAt", "stage");

-- CreateIndex
CREATE INDEX "Distributor_ownerId_deletedAt_idx" ON "Distributor"("ownerId", "deletedAt");

-- CreateIndex
CREATE INDEX "Distributor_territoryId_deletedAt_idx" ON "Distributor"("territoryId", "deletedAt");

-- CreateIndex
CREATE INDEX "Distributor_creditCode_idx" ON "Distributor"("creditCode");

-- CreateIndex
CREATE INDEX "DistributorStageChange_distributorId_createdAt_idx" ON "DistributorStageChange"("distributorId", "createdAt");

-- CreateIndex
CREATE INDEX "DistributorTerritory_territoryId_active_idx" ON "DistributorTerritory"("territoryId", "active");

-- CreateIndex
CREATE UNIQUE INDEX "DistributorTerritory_distributorId_territoryId_key" ON "DistributorTerritory"("distributorId", "territoryId");

-- CreateIndex
CREATE INDEX "DistributorContact_distributorId_deletedAt_idx" ON "DistributorContact"("distributorId", "deletedAt");

-- CreateIndex
CREATE INDEX "DistributorMemo_distributorId_deletedAt_createdAt_idx" ON "DistributorMemo"("distributorId", "deletedAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SelectionCriterion_key_key" ON "SelectionCriterion"("key");

-- CreateIndex
CREATE INDEX "DistributorEvaluation_distributorId_deletedAt_createdAt_idx" ON "DistributorEvaluation"("distributorId", "deletedAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Product_code_key" ON "Product"("code");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelAgreement_number_key" ON "ChannelAgreement"("number");

-- CreateIndex
CREATE INDEX "ChannelAgreement_distributorId_deletedAt_status_idx" ON "ChannelAgreement"("distributorId", "deletedAt", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelAgreementVersion_agreementId_number_key" ON "ChannelAgreementVersion"("agreementId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelAgreementProduct_versionId_productId_key" ON "ChannelAgreementProduct"("versionId", "productId");

-- CreateIndex
CREATE INDEX "ChannelImportBatch_actorId_createdAt_idx" ON "ChannelImportBatch"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "SellInLine_distributorId_shippedOn_idx" ON "SellInLine"("distributorId", "shippedOn");

-- CreateIndex
CREATE INDEX "SellInLine_teamId_shippedOn_idx" ON "SellInLine"("teamId", "shippedOn");

-- CreateIndex
CREATE UNIQUE INDEX "SellInLine_distributorId_documentNo_lineNo_key" ON "SellInLine"("distributorId", "documentNo", "lineNo");

-- CreateIndex
CREATE INDEX "SellOutLine_distributorId_soldOn_idx" ON "SellOutLine"("distributorId", "soldOn");

-- CreateIndex
CREATE INDEX "SellOutLine_teamId_soldOn_idx" ON "SellOutLine"("teamId", "soldOn");

-- CreateIndex
CREATE INDEX "SellOutLine_territoryId_soldOn_idx" ON "SellOutLine"("territoryId", "soldOn");

-- CreateIndex
CREATE UNIQUE INDEX "SellOutLine_distributorId_lineKey_key" ON "SellOutLine"("distributorId", "lineKey");

-- CreateIndex
CREATE INDEX "ChannelMonthRollup_distributorId_month_idx" ON "ChannelMonthRollup"("distributorId", "month");

-- CreateIndex
CREATE INDEX "ChannelMonthRollup_teamId_month_idx" ON "ChannelMonthRollup"("teamId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "RebateStatement_number_key" ON "RebateStatement"("number");

-- CreateIndex
CREATE INDEX "RebateStatement_distributorId_periodKey_idx" ON "RebateStatement"("distributorId", "periodKey");

-- CreateIndex
CREATE INDEX "RebateStatement_teamId_status_idx" ON "RebateStatement"("teamId", "status");

-- CreateIndex
CREATE INDEX "CreditLimitRequest_distributorId_createdAt_idx" ON "CreditLimitRequest"("distributorId", "createdAt");

-- CreateIndex
CREATE INDEX "CreditLimitRequest_teamId_status_idx" ON "CreditLimitRequest"("teamId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelInvoice_invoiceNo_key" ON "ChannelInvoice"("invoiceNo");

-- CreateIndex
CREATE INDEX "ChannelInvoice_distributorId_status_dueOn_idx" ON "ChannelInvoice"("distributorId", "status", "dueOn");

-- CreateIndex
CREATE INDEX "ChannelInvoice_teamId_status_dueOn_idx" ON "ChannelInvoice"("teamId", "status", "dueOn");

-- CreateIndex
CREATE INDEX "ChannelInvoice_status_dueOn_idx" ON "ChannelInvoice"("status", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelPayment_paymentNo_key" ON "ChannelPayment"("paymentNo");

-- CreateIndex
CREATE INDEX "ChannelPayment_distributorId_receivedOn_idx" ON "ChannelPayment"("distributorId", "receivedOn");

-- CreateIndex
CREATE INDEX "ChannelPaymentAllocation_invoiceId_idx" ON "ChannelPaymentAllocation"("invoiceId");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelPaymentAllocation_paymentId_invoiceId_key" ON "ChannelPaymentAllocation"("paymentId", "invoiceId");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelConflict_number_key" ON "ChannelConflict"("number");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelConflict_openKey_key" ON "ChannelConflict"("openKey");

-- CreateIndex
CREATE INDEX "ChannelConflict_distributorId_status_idx" ON "ChannelConflict"("distributorId", "status");

-- CreateIndex
CREATE INDEX "ChannelConflict_teamId_deletedAt_status_idx" ON "ChannelConflict"("teamId", "deletedAt", "status");

-- CreateIndex
CREATE INDEX "ChannelConflict_status_createdAt_idx" ON "ChannelConflict"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ChannelConflictEvidence_sellOutLineId_idx" ON "ChannelConflictEvidence"("sellOutLineId");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelConflictEvidence_conflictId_sellOutLineId_key" ON "ChannelConflictEvidence"("conflictId", "sellOutLineId");

-- CreateIndex
CREATE INDEX "ChannelConflictEvent_conflictId_createdAt_idx" ON "ChannelConflictEvent"("conflictId", "createdAt");

-- CreateIndex
CREATE INDEX "DistributorScorecard_periodKey_total_idx" ON "DistributorScorecard"("periodKey", "total");

-- CreateIndex
CREATE UNIQUE INDEX "DistributorScorecard_distributorId_periodKey_key" ON "DistributorScorecard"("distributorId", "periodKey");

-- AddForeignKey
ALTER TABLE "ChannelTerritoryAssignment" ADD CONSTRAINT "ChannelTerritoryAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelTerritoryAssignment" ADD CONSTRAINT "ChannelTerritoryAssignment_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Distributor" ADD CONSTRAINT "Distributor_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Distributor" ADD CONSTRAINT "Distributor_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Distributor" ADD CONSTRAINT "Distributor_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DistributorStageChange" ADD CONSTRAINT "DistributorStageChange_distributorId_fkey" FOREIGN KEY ("distributorId") REFERENCES "Distributor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DistributorTerritory" ADD CONSTRAINT "DistributorTerritory_distributorId_fkey" FOREIGN KEY ("distributorId") REFERENCES "Distributor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DistributorTerritory" ADD CONSTRAINT "DistributorTerritory_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DistributorContact" ADD CONSTRAINT "DistributorContact_distributorId_fkey" FOREIGN KEY ("distributorId") REFERENCES "Distributor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DistributorMemo" ADD CONSTRAINT "DistributorMemo_distributorId_fkey" FOREIGN KEY ("distributorId") REFERENCES "Distributor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DistributorEvaluation" ADD CONSTRAINT "DistributorEvaluation_distributorId_fkey" FOREIGN KEY ("distributorId") REFERENCES "Distributor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelAgreement" ADD CONSTRAINT "ChannelAgreement_distributorId_fkey" FOREIGN KEY ("distributorId") REFERENCES "Distributor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelAgreementVersion" ADD CONSTRAINT "ChannelAgreementVersion_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "ChannelAgreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelAgreementProduct" ADD CONSTRAINT "ChannelAgreementProduct_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ChannelAgreementVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelPaymentAllocation" ADD CONSTRAINT "ChannelPaymentAllocation_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "ChannelPayment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelPaymentAllocation" ADD CONSTRAINT "ChannelPaymentAllocation_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "ChannelInvoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelConflictEvidence" ADD CONSTRAINT "ChannelConflictEvidence_conflictId_fkey" FOREIGN KEY ("conflictId") REFERENCES "ChannelConflict"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelConflictEvent" ADD CONSTRAINT "ChannelConflictEvent_conflictId_fkey" FOREIGN KEY ("conflictId") REFERENCES "ChannelConflict"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- One active exclusive distributor per territory (DistributorTerritory.active mirrors the distributor being signed)
CREATE UNIQUE INDEX "DistributorTerritory_one_active_exclusive" ON "DistributorTerritory"("territoryId") WHERE "exclusive" AND "active" AND "deletedAt" IS NULL;

-- Default channel settings and the default 经销商甄选 evaluation model
INSERT INTO "ChannelSettings" ("id", "scorecardWeights", "updatedAt") VALUES ('default', '{"achievement":30,"growth":15,"paymentTimeliness":20,"conflicts":15,"inventory":10,"satisfaction":10}', CURRENT_TIMESTAMP);

INSERT INTO "SelectionCriterion" ("id", "key", "name", "nameEn", "kind", "weight", "unit", "worst", "best", "sortOrder", "updatedAt") VALUES
('crit_capital', 'capital', '资金实力', 'Capital strength', 'QUANTITATIVE', 20, '万元', 100, 5000, 1, CURRENT_TIMESTAMP),
('crit_network', 'network', '渠道网络覆盖', 'Distribution network', 'QUANTITATIVE', 20, '个网点', 5, 200, 2, CURRENT_TIMESTAMP),
('crit_team', 'salesTeam', '销售团队', 'Sales team', 'QUANTITATIVE', 15, '人', 3, 80, 3, CURRENT_TIMESTAMP),
('crit_reputation', 'reputation', '商业信誉', 'Reputation', 'QUALITATIVE', 15, NULL, NULL, NULL, 4, CURRENT_TIMESTAMP),
('crit_fit', 'productFit', '与我方产品的契合度', 'Fit with our products', 'QUALITATIVE', 15, NULL, NULL, NULL, 5, CURRENT_TIMESTAMP),
('crit_payment', 'paymentTerms', '付款条件', 'Payment terms', 'QUANTITATIVE', 15, '天', 90, 0, 6, CURRENT_TIMESTAMP);
