-- Keeps member_year_totals and branch_year_totals (src/db/schema/rollups.ts) current in the same
-- statement as every write to a service log: a log counts while its status is 'approved'; any change
-- of status, hours, item, member, branch or year takes the old row out and puts the new one in.
-- A roll-up row is deleted once it counts no log, so the tables always equal rebuildRollups().
CREATE TRIGGER `service_logs_rollup_insert` AFTER INSERT ON `service_logs` WHEN new.status = 'approved'
BEGIN
  INSERT INTO member_year_totals (member_id, program_year_id, approved_half_hours, approved_logs)
    SELECT new.member_id, new.program_year_id, new.half_hours, 1 WHERE true
    ON CONFLICT (member_id, program_year_id) DO UPDATE SET
      approved_half_hours = approved_half_hours + excluded.approved_half_hours, approved_logs = approved_logs + 1;
  INSERT INTO branch_year_totals (branch_id, program_year_id, approved_half_hours, approved_logs, shishi_logs, zoufang_logs, huodong_logs, xiangmu_logs)
    SELECT new.branch_id, new.program_year_id, new.half_hours, 1, new.item = 'shishi', new.item = 'zoufang', new.item = 'huodong', new.item = 'xiangmu'
    WHERE new.branch_id IS NOT NULL
    ON CONFLICT (branch_id, program_year_id) DO UPDATE SET
      approved_half_hours = approved_half_hours + excluded.approved_half_hours, approved_logs = approved_logs + 1,
      shishi_logs = shishi_logs + excluded.shishi_logs, zoufang_logs = zoufang_logs + excluded.zoufang_logs,
      huodong_logs = huodong_logs + excluded.huodong_logs, xiangmu_logs = xiangmu_logs + excluded.xiangmu_logs;
END;
--> statement-breakpoint
CREATE TRIGGER `service_logs_rollup_delete` AFTER DELETE ON `service_logs` WHEN old.status = 'approved'
BEGIN
  UPDATE member_year_totals SET approved_half_hours = approved_half_hours - old.half_hours, approved_logs = approved_logs - 1
    WHERE member_id = old.member_id AND program_year_id = old.program_year_id;
  DELETE FROM member_year_totals WHERE member_id = old.member_id AND program_year_id = old.program_year_id AND approved_logs = 0;
  UPDATE branch_year_totals SET approved_half_hours = approved_half_hours - old.half_hours, approved_logs = approved_logs - 1,
      shishi_logs = shishi_logs - (old.item = 'shishi'), zoufang_logs = zoufang_logs - (old.item = 'zoufang'),
      huodong_logs = huodong_logs - (old.item = 'huodong'), xiangmu_logs = xiangmu_logs - (old.item = 'xiangmu')
    WHERE branch_id = old.branch_id AND program_year_id = old.program_year_id;
  DELETE FROM branch_year_totals WHERE branch_id = old.branch_id AND program_year_id = old.program_year_id AND approved_logs = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `service_logs_rollup_update` AFTER UPDATE OF status, half_hours, item, member_id, branch_id, program_year_id ON `service_logs`
WHEN old.status = 'approved' OR new.status = 'approved'
BEGIN
  UPDATE member_year_totals SET approved_half_hours = approved_half_hours - old.half_hours, approved_logs = approved_logs - 1
    WHERE old.status = 'approved' AND member_id = old.member_id AND program_year_id = old.program_year_id;
  DELETE FROM member_year_totals WHERE member_id = old.member_id AND program_year_id = old.program_year_id AND approved_logs = 0;
  UPDATE branch_year_totals SET approved_half_hours = approved_half_hours - old.half_hours, approved_logs = approved_logs - 1,
      shishi_logs = shishi_logs - (old.item = 'shishi'), zoufang_logs = zoufang_logs - (old.item = 'zoufang'),
      huodong_logs = huodong_logs - (old.item = 'huodong'), xiangmu_logs = xiangmu_logs - (old.item = 'xiangmu')
    WHERE old.status = 'approved' AND branch_id = old.branch_id AND program_year_id = old.program_year_id;
  DELETE FROM branch_year_totals WHERE branch_id = old.branch_id AND program_year_id = old.program_year_id AND approved_logs = 0;
  INSERT INTO member_year_totals (member_id, program_year_id, approved_half_hours, approved_logs)
    SELECT new.member_id, new.program_year_id, new.half_hours, 1 WHERE new.status = 'approved'
    ON CONFLICT (member_id, program_year_id) DO UPDATE SET
      approved_half_hours = approved_half_hours + excluded.approved_half_hours, approved_logs = approved_logs + 1;
  INSERT INTO branch_year_totals (branch_id, program_year_id, approved_half_hours, approved_logs, shishi_logs, zoufang_logs, huodong_logs, xiangmu_logs)
    SELECT new.branch_id, new.program_year_id, new.half_hours, 1, new.item = 'shishi', new.item = 'zoufang', new.item = 'huodong', new.item = 'xiangmu'
    WHERE new.status = 'approved' AND new.branch_id IS NOT NULL
    ON CONFLICT (branch_id, program_year_id) DO UPDATE SET
      approved_half_hours = approved_half_hours + excluded.approved_half_hours, approved_logs = approved_logs + 1,
      shishi_logs = shishi_logs + excluded.shishi_logs, zoufang_logs = zoufang_logs + excluded.zoufang_logs,
      huodong_logs = huodong_logs + excluded.huodong_logs, xiangmu_logs = xiangmu_logs + excluded.xiangmu_logs;
END;
