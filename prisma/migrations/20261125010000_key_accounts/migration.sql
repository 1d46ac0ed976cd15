-- CreateEnum
CREATE TYPE "AccountType" AS ENUM ('END_CUSTOMER', 'CHANNEL', 'PARTNER', 'SUPPLIER', 'COMPETITOR');

-- CreateEnum
CREATE TYPE "SizeBand" AS ENUM ('MICRO', 'SMALL', 'MEDIUM', 'LARGE', 'GIANT');

-- CreateEnum
CREATE TYPE "LifecycleStage" AS ENUM ('PROSPECT', 'INTENT', 'CUSTOMER', 'LOST');

-- CreateEnum
CREATE TYPE "Tier" AS ENUM ('A', 'B', 'C');

-- CreateEnum
CREATE TYPE "CreditRating" AS ENUM ('AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'C');

-- CreateEnum
CREATE TYPE "PaymentRecord" AS ENUM ('EXCELLENT', 'GOOD', 'FAIR', 'POOR');

-- CreateEnum
CREATE TYPE "MarkAnswer" AS ENUM ('YES', 'NO', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "BuyingRole" AS ENUM ('DECISION_MAKER', 'INFLUENCER', 'SUPPORTER', 'OPPONENT', 'COACH', 'USER');

-- CreateEnum
CREATE TYPE "Stance" AS ENUM ('SUPPORTIVE', 'NEUTRAL', 'OPPOSED');

-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "accountType" "AccountType" NOT NULL DEFAULT 'END_CUSTOMER',
ADD COLUMN     "address" TEXT,
ADD COLUMN     "affordEvidence" TEXT,
ADD COLUMN     "affordMark" "MarkAnswer" NOT NULL DEFAULT 'UNKNOWN',
ADD COLUMN     "annualCostToServe" BIGINT,
ADD COLUMN     "annualGrossProfit" BIGINT,
ADD COLUMN     "annualRevenue" BIGINT,
ADD COLUMN     "categorySpend" BIGINT,
ADD COLUMN     "compositeScore" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "computedTier" "Tier" NOT NULL DEFAULT 'C',
ADD COLUMN     "creditCode" TEXT,
ADD COLUMN     "creditRating" "CreditRating",
ADD COLUMN     "currentScore" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "decideEvidence" TEXT,
ADD COLUMN     "decideMark" "MarkAnswer" NOT NULL DEFAULT 'UNKNOWN',
ADD COLUMN     "expectedGrowth" DOUBLE PRECISION,
ADD COLUMN     "headcount" INTEGER,
ADD COLUMN     "industry" TEXT,
ADD COLUMN     "industryInfluence" INTEGER,
ADD COLUMN     "industryStanding" TEXT,
ADD COLUMN     "legalRepresentative" TEXT,
ADD COLUMN     "lifecycle" "LifecycleStage" NOT NULL DEFAULT 'PROSPECT',
ADD COLUMN     "lifecycleChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "loyalty" INTEGER,
ADD COLUMN     "needEvidence" TEXT,
ADD COLUMN     "needMark" "MarkAnswer" NOT NULL DEFAULT 'UNKNOWN',
ADD COLUMN     "negativeAsset" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "orgStructureNotes" TEXT,
ADD COLUMN     "paymentRecord" "PaymentRecord",
ADD COLUMN     "potentialScore" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "priorityScore" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "purchaseVolume" BIGINT,
ADD COLUMN     "referenceValue" INTEGER,
ADD COLUMN     "shareholderBackground" TEXT,
ADD COLUMN     "sizeBand" "SizeBand",
ADD COLUMN     "strategicFit" INTEGER,
ADD COLUMN     "strategicScore" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "tier" "Tier" NOT NULL DEFAULT 'C',
ADD COLUMN     "tierOverrideReason" TEXT,
ADD COLUMN     "urgency" INTEGER,
ADD COLUMN     "website" TEXT,
ADD COLUMN     "willingEvidence" TEXT,
ADD COLUMN     "willingMark" "MarkAnswer" NOT NULL DEFAULT 'UNKNOWN';

-- CreateTable
CREATE TABLE "LifecycleChange" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "from" "LifecycleStage" NOT NULL,
    "to" "LifecycleStage" NOT NULL,
    "reason" TEXT,
    "overridden" BOOLEAN NOT NULL DEFAULT false,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LifecycleChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreSnapshot" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "cause" TEXT NOT NULL,
    "currentScore" DOUBLE PRECISION NOT NULL,
    "potentialScore" DOUBLE PRECISION NOT NULL,
    "strategicScore" DOUBLE PRECISION NOT NULL,
    "compositeScore" DOUBLE PRECISION NOT NULL,
    "tier" "Tier" NOT NULL,
    "inputs" JSONB NOT NULL,
    "config" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScoreSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoringSettings" (
    "id" TEXT NOT NULL DEFAULT 'default',
    "weightCurrent" DOUBLE PRECISION NOT NULL DEFAULT 40,
    "weightPotential" DOUBLE PRECISION NOT NULL DEFAULT 35,
    "weightStrategic" DOUBLE PRECISION NOT NULL DEFAULT 25,
    "tierA" DOUBLE PRECISION NOT NULL DEFAULT 75,
    "tierB" DOUBLE PRECISION NOT NULL DEFAULT 50,
    "fullMarksPurchaseVolume" DOUBLE PRECISION NOT NULL DEFAULT 50000000,
    "fullMarksCategorySpend" DOUBLE PRECISION NOT NULL DEFAULT 200000000,
    "fullMarksGrowth" DOUBLE PRECISION NOT NULL DEFAULT 30,
    "maxCostToServeShare" DOUBLE PRECISION NOT NULL DEFAULT 0.6,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScoringSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "department" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "buyingRole" "BuyingRole" NOT NULL DEFAULT 'USER',
    "stance" "Stance" NOT NULL DEFAULT 'NEUTRAL',
    "influence" INTEGER NOT NULL DEFAULT 3,
    "relationshipStrength" INTEGER NOT NULL DEFAULT 1,
    "reportsToId" TEXT,
    "personality" TEXT,
    "hometown" TEXT,
    "school" TEXT,
    "birthday" DATE,
    "notes" TEXT,
    "approach" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedView" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedView_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LifecycleChange_accountId_createdAt_idx" ON "LifecycleChange"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "ScoreSnapshot_accountId_createdAt_idx" ON "ScoreSnapshot"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "Contact_accountId_deletedAt_idx" ON "Contact"("accountId", "deletedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SavedView_userId_scope_name_key" ON "SavedView"("userId", "scope", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Account_creditCode_key" ON "Account"("creditCode");

-- CreateIndex
CREATE INDEX "Account_deletedAt_compositeScore_idx" ON "Account"("deletedAt", "compositeScore" DESC);

-- CreateIndex
CREATE INDEX "Account_deletedAt_tier_territoryId_idx" ON "Account"("deletedAt", "tier", "territoryId");

-- CreateIndex
CREATE INDEX "Account_deletedAt_priorityScore_idx" ON "Account"("deletedAt", "priorityScore" DESC);

-- AddForeignKey
ALTER TABLE "LifecycleChange" ADD CONSTRAINT "LifecycleChange_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LifecycleChange" ADD CONSTRAINT "LifecycleChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreSnapshot" ADD CONSTRAINT "ScoreSnapshot_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_reportsToId_fkey" FOREIGN KEY ("reportsToId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

