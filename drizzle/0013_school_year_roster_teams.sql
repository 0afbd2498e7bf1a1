CREATE TABLE `roster_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`by_member_id` integer,
	`file_name` text NOT NULL,
	`payload` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`mode` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`decided_at` integer,
	FOREIGN KEY (`by_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `roster_imports_status` ON `roster_imports` (`status`);--> statement-breakpoint
CREATE TABLE `vacation_team_members` (
	`team_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	PRIMARY KEY(`team_id`, `member_id`),
	FOREIGN KEY (`team_id`) REFERENCES `vacation_teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vacation_team_members_member` ON `vacation_team_members` (`member_id`);--> statement-breakpoint
CREATE TABLE `vacation_teams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_year_id` integer NOT NULL,
	`college_id` integer NOT NULL,
	`name` text NOT NULL,
	`leader_member_id` integer NOT NULL,
	`destination` text NOT NULL,
	`community_id` integer,
	`created_by_member_id` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`program_year_id`) REFERENCES `program_years`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`college_id`) REFERENCES `colleges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`leader_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vacation_teams_year_name` ON `vacation_teams` (`program_year_id`,`name`);--> statement-breakpoint
CREATE INDEX `vacation_teams_college` ON `vacation_teams` (`college_id`,`program_year_id`);--> statement-breakpoint
ALTER TABLE `branches` ADD `archived_at` integer;--> statement-breakpoint
ALTER TABLE `colleges` ADD `archived_at` integer;--> statement-breakpoint
ALTER TABLE `members` ADD `left_at` integer;--> statement-breakpoint
ALTER TABLE `checkins` ADD `team_id` integer REFERENCES vacation_teams(id);--> statement-breakpoint
ALTER TABLE `checkins` ADD `return_home` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `service_logs` ADD `team_id` integer REFERENCES vacation_teams(id);--> statement-breakpoint
ALTER TABLE `service_logs` ADD `return_home` integer DEFAULT false NOT NULL;