#!/bin/sh
# Nightly backup with rotation (README「部署」): an online backup of DATABASE_PATH (safe while the
# bot runs) named by date into BACKUP_DIR, then backups older than KEEP_DAYS days are removed.
# Run from the bot's directory, by cron or the systemd timer in this folder.
set -eu
: "${DATABASE_PATH:?set DATABASE_PATH}"
BACKUP_DIR="${BACKUP_DIR:-$(dirname "$DATABASE_PATH")/backups}"
KEEP_DAYS="${KEEP_DAYS:-14}"
mkdir -p "$BACKUP_DIR"
target="$BACKUP_DIR/bot-$(date +%Y-%m-%d).db"
# A second run the same day keeps the first backup (npm run backup never overwrites a file).
if [ ! -e "$target" ]; then
  node dist/src/cli/backup.js "$target"
fi
find "$BACKUP_DIR" -name 'bot-*.db' -type f -mtime +"$KEEP_DAYS" -delete
