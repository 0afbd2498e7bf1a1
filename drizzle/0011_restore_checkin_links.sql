-- Puts back the links 0009 set aside while 0010 rebuilt `checkins` (same ids).
UPDATE `service_logs` SET `checkin_id` = (SELECT `l`.`checkin_id` FROM `checkin_links` `l` WHERE `l`.`log_id` = `service_logs`.`id`)
WHERE `id` IN (SELECT `log_id` FROM `checkin_links`);
--> statement-breakpoint
DROP TABLE `temp`.`checkin_links`;
