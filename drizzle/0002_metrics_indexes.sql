CREATE INDEX `service_logs_branch_year_status_date` ON `service_logs` (`branch_id`,`program_year_id`,`status`,`service_date`,`half_hours`);--> statement-breakpoint
CREATE INDEX `service_logs_branch_year_status_item` ON `service_logs` (`branch_id`,`program_year_id`,`status`,`item`);--> statement-breakpoint
CREATE INDEX `service_logs_member_year_status` ON `service_logs` (`member_id`,`program_year_id`,`status`);--> statement-breakpoint
CREATE INDEX `service_logs_college_year_status_date` ON `service_logs` (`college_id`,`program_year_id`,`status`,`service_date`,`half_hours`);