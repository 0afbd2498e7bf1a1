CREATE TABLE `branches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`college_id` integer NOT NULL,
	`name` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`college_id`) REFERENCES `colleges`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `branches_college_name` ON `branches` (`college_id`,`name`);--> statement-breakpoint
CREATE TABLE `colleges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`chat_id` text,
	`chat_bound_at` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `colleges_name_unique` ON `colleges` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `colleges_chat_id_unique` ON `colleges` (`chat_id`);--> statement-breakpoint
CREATE TABLE `members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`student_no` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`college_id` integer,
	`branch_id` integer,
	`mobile` text,
	`roster_feishu_id` text,
	`open_id` text,
	`bound_at` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`college_id`) REFERENCES `colleges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `members_student_no_unique` ON `members` (`student_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `members_open_id_unique` ON `members` (`open_id`);--> statement-breakpoint
CREATE INDEX `members_branch` ON `members` (`branch_id`);--> statement-breakpoint
CREATE INDEX `members_college` ON `members` (`college_id`);--> statement-breakpoint
CREATE INDEX `members_roster_feishu_id` ON `members` (`roster_feishu_id`);--> statement-breakpoint
CREATE TABLE `program_years` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`is_current` integer DEFAULT false NOT NULL,
	`target_ratio` real DEFAULT 0.25 NOT NULL,
	`pairing_deadline` text NOT NULL,
	`project_list_deadline` text NOT NULL,
	`matching_deadline` text NOT NULL,
	`period_mode` text DEFAULT 'auto' NOT NULL,
	`winter_vacation_start` text,
	`winter_vacation_end` text,
	`summer_vacation_start` text,
	`summer_vacation_end` text,
	`log_window_days` integer DEFAULT 30 NOT NULL,
	`score_weights` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `program_years_name_unique` ON `program_years` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `program_years_one_current` ON `program_years` (`is_current`) WHERE "program_years"."is_current" = 1;--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_member_id` integer,
	`actor_open_id` text,
	`action` text NOT NULL,
	`subject` text,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `job_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`target` text NOT NULL,
	`period` text NOT NULL,
	`status` text DEFAULT 'claimed' NOT NULL,
	`attempts` integer DEFAULT 1 NOT NULL,
	`claimed_at` integer NOT NULL,
	`finished_at` integer,
	`error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `job_runs_key` ON `job_runs` (`kind`,`target`,`period`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uuid` text NOT NULL,
	`receive_id_type` text NOT NULL,
	`receive_id` text NOT NULL,
	`msg_type` text NOT NULL,
	`content` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`message_id` text,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_uuid_unique` ON `outbox` (`uuid`);--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `processed_events` (
	`event_time` integer DEFAULT 0 NOT NULL,
	`event_id` text NOT NULL,
	`event_type` text NOT NULL,
	`payload` text NOT NULL,
	`received_at` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`processed_at` integer,
	`error` text,
	PRIMARY KEY(`event_time`, `event_id`)
);
--> statement-breakpoint
CREATE INDEX `processed_events_received` ON `processed_events` (`received_at`);--> statement-breakpoint
CREATE INDEX `processed_events_pending` ON `processed_events` (`status`) WHERE "processed_events"."status" = 'pending';--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `communities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`normalised_name` text NOT NULL,
	`level` text,
	`region` text,
	`contact_name` text,
	`contact_phone` text,
	`longitude` real,
	`latitude` real,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `communities_normalised_name_unique` ON `communities` (`normalised_name`);--> statement-breakpoint
CREATE TABLE `community_tags` (
	`community_id` integer NOT NULL,
	`tag` text NOT NULL,
	PRIMARY KEY(`community_id`, `tag`),
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `pairings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`branch_id` integer NOT NULL,
	`community_id` integer NOT NULL,
	`program_year_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`signed_on` text,
	`ended_on` text,
	`contact_name` text,
	`contact_phone` text,
	`agreement_file_key` text,
	`agreement_file_name` text,
	`shared_reason` text,
	`created_by_member_id` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_year_id`) REFERENCES `program_years`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pairings_one_active_per_branch` ON `pairings` (`branch_id`) WHERE "pairings"."status" != 'ended';--> statement-breakpoint
CREATE INDEX `pairings_community` ON `pairings` (`community_id`,`status`);--> statement-breakpoint
CREATE INDEX `pairings_year_status` ON `pairings` (`program_year_id`,`status`);--> statement-breakpoint
CREATE TABLE `position_signups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`position_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`status` text DEFAULT 'signed_up' NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`decided_at` integer,
	FOREIGN KEY (`position_id`) REFERENCES `positions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `position_signups_position_member` ON `position_signups` (`position_id`,`member_id`);--> statement-breakpoint
CREATE INDEX `position_signups_member` ON `position_signups` (`member_id`);--> statement-breakpoint
CREATE TABLE `positions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer,
	`branch_id` integer,
	`college_id` integer NOT NULL,
	`title` text NOT NULL,
	`slots` integer DEFAULT 1 NOT NULL,
	`schedule` text,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`college_id`) REFERENCES `colleges`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "positions_slots_positive" CHECK("positions"."slots" >= 1)
);
--> statement-breakpoint
CREATE INDEX `positions_college_status` ON `positions` (`college_id`,`status`);--> statement-breakpoint
CREATE INDEX `positions_branch_status` ON `positions` (`branch_id`,`status`);--> statement-breakpoint
CREATE TABLE `project_items` (
	`project_id` integer NOT NULL,
	`item` text NOT NULL,
	`label` text,
	PRIMARY KEY(`project_id`, `item`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `project_members` (
	`project_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	PRIMARY KEY(`project_id`, `member_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `project_members_member` ON `project_members` (`member_id`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`branch_id` integer NOT NULL,
	`program_year_id` integer NOT NULL,
	`title` text NOT NULL,
	`area` text NOT NULL,
	`goals` text,
	`tasks` text,
	`responsibilities` text,
	`cooperation_start` text,
	`cooperation_end` text,
	`community_id` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_year_id`) REFERENCES `program_years`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `projects_branch_year` ON `projects` (`branch_id`,`program_year_id`);--> statement-breakpoint
CREATE TABLE `checkins` (
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
	`service_log_id` integer,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`college_id`) REFERENCES `colleges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_log_id`) REFERENCES `service_logs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `checkins_member_site_date` ON `checkins` (`member_id`,`site_name`,`checkin_date`);--> statement-breakpoint
CREATE INDEX `checkins_college_date` ON `checkins` (`college_id`,`checkin_date`);--> statement-breakpoint
CREATE TABLE `community_confirmations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`log_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`rating` integer,
	`comment` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`log_id`) REFERENCES `service_logs`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "community_confirmations_rating_range" CHECK("community_confirmations"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `community_confirmations_token_hash_unique` ON `community_confirmations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `community_confirmations_log` ON `community_confirmations` (`log_id`);--> statement-breakpoint
CREATE TABLE `service_log_evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`log_id` integer NOT NULL,
	`image_key` text NOT NULL,
	`message_id` text,
	`image_hash` text,
	`reused_from_log_id` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`log_id`) REFERENCES `service_logs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reused_from_log_id`) REFERENCES `service_logs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_log_evidence_log_image` ON `service_log_evidence` (`log_id`,`image_key`);--> statement-breakpoint
CREATE INDEX `service_log_evidence_hash` ON `service_log_evidence` (`image_hash`);--> statement-breakpoint
CREATE TABLE `service_logs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`branch_id` integer,
	`college_id` integer NOT NULL,
	`program_year_id` integer NOT NULL,
	`service_date` text NOT NULL,
	`item` text NOT NULL,
	`item_label` text,
	`area` text,
	`community_id` integer,
	`half_hours` integer NOT NULL,
	`mode` text DEFAULT 'offline' NOT NULL,
	`description` text NOT NULL,
	`source` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`reviewer_member_id` integer,
	`reviewed_at` integer,
	`rating` integer,
	`reject_reason` text,
	`community_rating` integer,
	`community_confirmed_at` integer,
	`checkin_id` integer,
	`dedupe_key` text NOT NULL,
	`source_message_id` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`college_id`) REFERENCES `colleges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_year_id`) REFERENCES `program_years`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`checkin_id`) REFERENCES `checkins`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "service_logs_half_hours_positive" CHECK("service_logs"."half_hours" > 0),
	CONSTRAINT "service_logs_rating_range" CHECK("service_logs"."rating" between 1 and 5),
	CONSTRAINT "service_logs_community_rating_range" CHECK("service_logs"."community_rating" between 1 and 5)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_logs_dedupe` ON `service_logs` (`dedupe_key`) WHERE "service_logs"."status" in ('pending', 'approved');--> statement-breakpoint
CREATE INDEX `service_logs_member_date` ON `service_logs` (`member_id`,`service_date`);--> statement-breakpoint
CREATE INDEX `service_logs_branch_status` ON `service_logs` (`branch_id`,`status`);--> statement-breakpoint
CREATE INDEX `service_logs_college_date_hours` ON `service_logs` (`college_id`,`service_date`,`half_hours`);--> statement-breakpoint
CREATE INDEX `service_logs_status_date` ON `service_logs` (`status`,`service_date`);--> statement-breakpoint
CREATE TABLE `excellent_cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_kind` text NOT NULL,
	`subject_id` integer NOT NULL,
	`citation` text NOT NULL,
	`marked_by_member_id` integer,
	`publicised_at` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`marked_by_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `excellent_cases_subject` ON `excellent_cases` (`subject_kind`,`subject_id`);--> statement-breakpoint
CREATE INDEX `excellent_cases_created` ON `excellent_cases` (`created_at`);--> statement-breakpoint
CREATE TABLE `quarterly_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`college_id` integer NOT NULL,
	`program_year_id` integer NOT NULL,
	`quarter_index` integer NOT NULL,
	`due_on` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`submitted_by_member_id` integer,
	`submitted_at` integer,
	`status` text DEFAULT 'draft' NOT NULL,
	`late` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`college_id`) REFERENCES `colleges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_year_id`) REFERENCES `program_years`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "quarterly_reports_quarter_range" CHECK("quarterly_reports"."quarter_index" between 1 and 4)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quarterly_reports_college_quarter` ON `quarterly_reports` (`college_id`,`program_year_id`,`quarter_index`);--> statement-breakpoint
CREATE TABLE `recommendations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`community_id` integer NOT NULL,
	`post` text NOT NULL,
	`status` text DEFAULT 'recommended' NOT NULL,
	`score_snapshot` text,
	`recommended_by_member_id` integer,
	`program_year_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recommended_by_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_year_id`) REFERENCES `program_years`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recommendations_year_member` ON `recommendations` (`program_year_id`,`member_id`);--> statement-breakpoint
CREATE INDEX `recommendations_community` ON `recommendations` (`community_id`);--> statement-breakpoint
CREATE TABLE `report_attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`file_key` text NOT NULL,
	`file_name` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `quarterly_reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_attachments_report_file` ON `report_attachments` (`report_id`,`file_key`);--> statement-breakpoint
CREATE TABLE `member_totals` (
	`member_id` integer PRIMARY KEY NOT NULL,
	`program_year_id` integer NOT NULL,
	`approved_half_hours` integer DEFAULT 0 NOT NULL,
	`pending_half_hours` integer DEFAULT 0 NOT NULL,
	`approved_logs` integer DEFAULT 0 NOT NULL,
	`distinct_days` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_year_id`) REFERENCES `program_years`(`id`) ON UPDATE no action ON DELETE no action
);
