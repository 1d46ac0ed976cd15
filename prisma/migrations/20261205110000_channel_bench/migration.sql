-- Indexes the distributor channel bench (npm run bench:channel) asked for at 2,000 distributors,
-- 5,000,000 sell-out lines and 41,000 conflict cases. No semicolons in comments: the driver
-- adapter splits at every one.

-- A conflict case is found by either party: the offending distributor (indexed with the status
-- already) or the affected one, whose exclusive territory was entered. Without this, the
-- distributor page's conflicts section ("distributorId" = X OR "affectedDistributorId" = X, open or
-- resolved this year) read every case: 70 -> 1.5 ms as a BitmapOr of the two indexes.
CREATE INDEX "ChannelConflict_affectedDistributorId_status_idx" ON "ChannelConflict"("affectedDistributorId", "status");

-- Receivables ageing (the dashboard, the director's 1,620 distributors with open invoices): every
-- open invoice's distributor, due date and open amount read from the index alone instead of 7,500
-- heap rows spread over the whole table (1,312 -> 137 buffers, 45-90 -> 17-28 ms on the bench).
CREATE INDEX "ChannelInvoice_ageing_idx" ON "ChannelInvoice"("status", "deletedAt", "distributorId", "dueOn", "amount", "paidAmount");
