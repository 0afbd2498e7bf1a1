DROP INDEX `service_logs_college_date_hours`;--> statement-breakpoint
DROP INDEX `service_logs_college_year_status_date`;