ALTER TABLE `members` ADD `union_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `members_union_id_unique` ON `members` (`union_id`);