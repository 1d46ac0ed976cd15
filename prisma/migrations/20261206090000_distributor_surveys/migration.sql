-- Distributor satisfaction (渠道满意度) reuses the survey capability: a Survey, its invitations and
-- answers belong to an account or to a distributor. Additive: existing rows keep their account.
-- No semicolons in comments: the driver adapter splits at every one.

-- AlterTable
ALTER TABLE "Survey" ADD COLUMN     "distributorId" TEXT,
ALTER COLUMN "accountId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "SurveyInvitation" ADD COLUMN     "distributorContactId" TEXT,
ADD COLUMN     "distributorId" TEXT,
ALTER COLUMN "contactId" DROP NOT NULL,
ALTER COLUMN "accountId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "SurveyResponse" ADD COLUMN     "distributorId" TEXT,
ALTER COLUMN "accountId" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "Survey_distributorId_deletedAt_createdAt_idx" ON "Survey"("distributorId", "deletedAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Survey_distributorId_waveKey_key" ON "Survey"("distributorId", "waveKey");

-- CreateIndex
CREATE INDEX "SurveyInvitation_distributorId_idx" ON "SurveyInvitation"("distributorId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyInvitation_surveyId_distributorContactId_key" ON "SurveyInvitation"("surveyId", "distributorContactId");

-- CreateIndex
CREATE INDEX "SurveyResponse_distributorId_submittedAt_idx" ON "SurveyResponse"("distributorId", "submittedAt");

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_distributorId_fkey" FOREIGN KEY ("distributorId") REFERENCES "Distributor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyInvitation" ADD CONSTRAINT "SurveyInvitation_distributorContactId_fkey" FOREIGN KEY ("distributorContactId") REFERENCES "DistributorContact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Exactly one party per survey, per invitation (its contact kind) and per answer.
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_one_party_check"
  CHECK (("accountId" IS NULL) <> ("distributorId" IS NULL));
ALTER TABLE "SurveyInvitation" ADD CONSTRAINT "SurveyInvitation_one_person_check"
  CHECK (("contactId" IS NULL) <> ("distributorContactId" IS NULL)
     AND ("accountId" IS NULL) = ("contactId" IS NULL)
     AND ("distributorId" IS NULL) = ("distributorContactId" IS NULL));
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_one_party_check"
  CHECK (("accountId" IS NULL) <> ("distributorId" IS NULL));

-- The distributor wave (渠道满意度调研): every signed distributor's contacts, once a quarter by default.
ALTER TABLE "SatisfactionSettings" ADD COLUMN "distributorWaveMonths" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN "distributorWaveTemplateCode" TEXT NOT NULL DEFAULT 'channel';
