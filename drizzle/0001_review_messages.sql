CREATE TABLE `review_messages` (
	`log_id` integer NOT NULL,
	`message_id` text NOT NULL,
	`reviewer_member_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	PRIMARY KEY(`log_id`, `message_id`),
	FOREIGN KEY (`log_id`) REFERENCES `service_logs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewer_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
