-- A check-in and the log made from it were linked twice: service_logs.checkin_id, written with the
-- log in its transaction, and checkins.service_log_id, written after it. 0010 drops the second; a
-- log linked only from its check-in (an identical earlier log that a check-out form finished
-- sending) takes the link over first, so no link is lost.
UPDATE `service_logs` SET `checkin_id` = (
  SELECT max(`k`.`id`) FROM `checkins` `k` WHERE `k`.`service_log_id` = `service_logs`.`id`
) WHERE `checkin_id` IS NULL AND `id` IN (SELECT `service_log_id` FROM `checkins` WHERE `service_log_id` IS NOT NULL);
--> statement-breakpoint
-- 0010 rebuilds `checkins`, which service_logs.checkin_id references. Its `PRAGMA foreign_keys=OFF`
-- does nothing inside the migrator's transaction (drizzle runs every pending migration in one), so
-- its `DROP TABLE checkins` fails while a log points there, and deferring the checks does not help
-- (the rows come back before the rename, which SQLite's deferred count never sees). The links are
-- set aside here and put back by 0011, in the same transaction.
CREATE TEMP TABLE `checkin_links` (`log_id` integer PRIMARY KEY NOT NULL, `checkin_id` integer NOT NULL);
--> statement-breakpoint
INSERT INTO `checkin_links` SELECT `id`, `checkin_id` FROM `service_logs` WHERE `checkin_id` IS NOT NULL;
--> statement-breakpoint
UPDATE `service_logs` SET `checkin_id` = NULL WHERE `checkin_id` IS NOT NULL;
