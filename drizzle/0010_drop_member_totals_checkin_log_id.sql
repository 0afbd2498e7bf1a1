DROP TABLE `member_totals`;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_checkins` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`branch_id` integer,
	`college_id` integer NOT NULL,
	`community_id` integer,
	`site_name` text NOT NULL,
	`kind` text NOT NULL,
	`checkin_date` text NOT NULL,
	`checked_in_at` integer NOT NULL,
	`checked_out_at` integer,
	`latitude` real,
	`longitude` real,
	`location_message_id` text,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`college_id`) REFERENCES `colleges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_checkins`("id", "member_id", "branch_id", "college_id", "community_id", "site_name", "kind", "checkin_date", "checked_in_at", "checked_out_at", "latitude", "longitude", "location_message_id") SELECT "id", "member_id", "branch_id", "college_id", "community_id", "site_name", "kind", "checkin_date", "checked_in_at", "checked_out_at", "latitude", "longitude", "location_message_id" FROM `checkins`;--> statement-breakpoint
DROP TABLE `checkins`;--> statement-breakpoint
ALTER TABLE `__new_checkins` RENAME TO `checkins`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `checkins_member_site_date` ON `checkins` (`member_id`,`site_name`,`checkin_date`);--> statement-breakpoint
CREATE INDEX `checkins_college_date` ON `checkins` (`college_id`,`checkin_date`);--> statement-breakpoint
CREATE INDEX `service_logs_checkin` ON `service_logs` (`checkin_id`);