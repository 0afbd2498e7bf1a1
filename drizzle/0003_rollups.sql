CREATE TABLE `branch_year_totals` (
	`branch_id` integer NOT NULL,
	`program_year_id` integer NOT NULL,
	`approved_half_hours` integer NOT NULL,
	`approved_logs` integer NOT NULL,
	`shishi_logs` integer NOT NULL,
	`zoufang_logs` integer NOT NULL,
	`huodong_logs` integer NOT NULL,
	`xiangmu_logs` integer NOT NULL,
	PRIMARY KEY(`branch_id`, `program_year_id`),
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_year_id`) REFERENCES `program_years`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `member_year_totals` (
	`member_id` integer NOT NULL,
	`program_year_id` integer NOT NULL,
	`approved_half_hours` integer NOT NULL,
	`approved_logs` integer NOT NULL,
	PRIMARY KEY(`member_id`, `program_year_id`),
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_year_id`) REFERENCES `program_years`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `service_logs_college_year_status_date_member` ON `service_logs` (`college_id`,`program_year_id`,`status`,`service_date`,`member_id`,`branch_id`,`half_hours`);--> statement-breakpoint
CREATE INDEX `service_logs_college_year_status_created` ON `service_logs` (`college_id`,`program_year_id`,`status`,`created_at`);
--> statement-breakpoint
INSERT INTO `member_year_totals` (`member_id`, `program_year_id`, `approved_half_hours`, `approved_logs`)
SELECT `member_id`, `program_year_id`, sum(`half_hours`), count(*) FROM `service_logs`
WHERE `status` = 'approved' GROUP BY `member_id`, `program_year_id`;--> statement-breakpoint
INSERT INTO `branch_year_totals` (`branch_id`, `program_year_id`, `approved_half_hours`, `approved_logs`, `shishi_logs`, `zoufang_logs`, `huodong_logs`, `xiangmu_logs`)
SELECT `branch_id`, `program_year_id`, sum(`half_hours`), count(*), sum(`item` = 'shishi'), sum(`item` = 'zoufang'), sum(`item` = 'huodong'), sum(`item` = 'xiangmu') FROM `service_logs`
WHERE `status` = 'approved' AND `branch_id` IS NOT NULL GROUP BY `branch_id`, `program_year_id`;
