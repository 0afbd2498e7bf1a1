-- Replies go through the outbox (reply_to); a review card is remembered before it is sent, by its
-- outbox uuid, so review_messages is keyed by (log, reviewer). drizzle-kit's copy selected the new
-- column from the old table: fixed by hand to NULL (OR IGNORE keeps one card per reviewer and log).
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_review_messages` (
	`log_id` integer NOT NULL,
	`message_id` text,
	`send_uuid` text,
	`reviewer_member_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	PRIMARY KEY(`log_id`, `reviewer_member_id`),
	FOREIGN KEY (`log_id`) REFERENCES `service_logs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewer_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT OR IGNORE INTO `__new_review_messages`("log_id", "message_id", "send_uuid", "reviewer_member_id", "created_at") SELECT "log_id", "message_id", NULL, "reviewer_member_id", "created_at" FROM `review_messages`;--> statement-breakpoint
DROP TABLE `review_messages`;--> statement-breakpoint
ALTER TABLE `__new_review_messages` RENAME TO `review_messages`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
ALTER TABLE `outbox` ADD `reply_to` text;