-- Keys are now written only with their answer, in the effect's transaction. A row still "in
-- progress" was left by a process that died under the old scheme: whether its effect committed is
-- unknown, and nothing can resume it. Forgetting it lets the retry run, as the old 2-minute
-- takeover did.
DELETE FROM idempotency_keys WHERE status IS NULL;
