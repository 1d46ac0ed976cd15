-- Indexes the satisfaction bench (npm run bench:satisfaction) asked for at 20,000 accounts and
-- 50,000 complaints. No semicolons in comments: the driver adapter splits at every one.

-- The at-risk list: a band's accounts in score order (the 200 weakest, and the band's count) read
-- from the index instead of a scan of every account.
CREATE INDEX "Account_deletedAt_healthBand_healthScore_idx" ON "Account"("deletedAt", "healthBand", "healthScore");

-- The complaint queue's default order (newest received first, id as the tie-break): the page is
-- read backwards along the index, stopping after the page, instead of sorting every complaint in scope.
CREATE INDEX "Complaint_receivedAt_id_idx" ON "Complaint"("receivedAt", "id");

-- The queue's total: every column of the scope (account team, handling team, owner, handler) and
-- the status, so counting is an index-only scan rather than a read of every complaint row.
CREATE INDEX "Complaint_scope_idx" ON "Complaint"("deletedAt", "teamId", "handlerTeamId", "ownerId", "handlerId", "status");
