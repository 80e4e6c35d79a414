#!/bin/sh
# Trappa's nightly job: tonight's decisions from tonight's export, compared with last night's.
# Run by cron or by the systemd timer beside this file. Exit codes: see `trappa --help`.
set -eu

DATA=${TRAPPA_DATA:-/srv/trappa}       # exports in, decisions out (owned by the job's user)
# The settings that are the same every night (format, policy, the export's files, output form):
# trappa.config.json beside this script; its paths are relative to its own folder (docs/cli.md "Config file").
CONFIG=${TRAPPA_CONFIG:-$DATA/trappa.config.json}
NIGHTS="$DATA/nights"                  # one decisions file per night, kept for --previous
TODAY=${TRAPPA_AS_OF:-$(TZ=Europe/Stockholm date +%F)}
TRAPPA=${TRAPPA:-npx --no-install trappa}  # the installed package's CLI
PREVIOUS=$(ls -1 "$NIGHTS"/decisions-*.ndjson 2>/dev/null | tail -n 1 || true)

# What changes from night to night is on the command line (which wins over the config file).
set -- evaluate --config "$CONFIG" \
  --as-of "$TODAY" \
  --decisions-out "$NIGHTS/decisions-$TODAY.ndjson" \
  --summary-json "$NIGHTS/summary-$TODAY.json" \
  --rejected "$NIGHTS/rejected-$TODAY.ndjson"
if [ -n "$PREVIOUS" ] && [ "$PREVIOUS" != "$NIGHTS/decisions-$TODAY.ndjson" ]; then
  set -- "$@" --previous "$PREVIOUS"
fi
# Lesson files given here replace the config file's "inputs".
if [ -n "${TRAPPA_LESSONS:-}" ]; then
  set -- "$@" "$TRAPPA_LESSONS"
fi

status=0
$TRAPPA "$@" > "$NIGHTS/changes-$TODAY.ndjson.part" || status=$?
case $status in
  0|3) # 3: some lines were rejected (listed in rejected-$TODAY.ndjson); the rest is whole
     mv "$NIGHTS/changes-$TODAY.ndjson.part" "$NIGHTS/changes-$TODAY.ndjson" ;;
  75)  echo "trappa: another run holds the lock; not started twice" >&2
     rm -f "$NIGHTS/changes-$TODAY.ndjson.part" ;;
  *)   echo "trappa: night $TODAY failed with exit $status; last night's files are unchanged" >&2
     rm -f "$NIGHTS/changes-$TODAY.ndjson.part" ;;
esac
exit $status
