ALTER TABLE `branches` ADD `kind` text DEFAULT 'branch' NOT NULL;--> statement-breakpoint
ALTER TABLE `branches` ADD `leader_member_id` integer REFERENCES members(id);