#!/usr/bin/env bash
# Backup and restore of the central service: its PostgreSQL database and its file store
# together (docs/deployment.md).
#
#   scripts/central_backup.sh backup  --db postgresql://… --store DIR --out BACKUP_DIR
#   scripts/central_backup.sh restore --db postgresql://…(an empty database) --store DIR(new)
#                                     --from BACKUP_DIR
#
# The database first (pg_dump: one consistent snapshot), then the store: a commit stores its
# files before its rows, and stored files are never changed (content-addressed), so every file
# the dump names is in the store by the time it is copied; files added meanwhile are copied too
# and harmless (nothing names them). Unfinished uploads (uploads/) are not kept: laptops push
# again. The store's marker file goes with it, so a restored server finds its store.
# Restore checks (server check-store) that every file the rows name is in the restored store.
# Servers may keep running during a backup. pg_dump/pg_restore/psql: from PATH, or PG_BIN.
set -euo pipefail

usage() {
  sed -n '2,7p' "$0" >&2
  exit 2
}

[ $# -ge 1 ] || usage
action=$1
shift
db="" store="" out="" from=""
while [ $# -gt 0 ]; do
  case $1 in
    --db) db=$2; shift 2 ;;
    --store) store=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --from) from=$2; shift 2 ;;
    *) usage ;;
  esac
done
bin=${PG_BIN:+$PG_BIN/}
root=$(cd "$(dirname "$0")/.." && pwd)
[ -n "$db" ] && [ -n "$store" ] || usage

case $action in
  backup)
    [ -n "$out" ] || usage
    [ -f "$store/inspector-store-id" ] || { echo "文件库 $store 没有文件库标记，不是服务器的文件库" >&2; exit 1; }
    mkdir -p "$out"
    [ -z "$(ls -A "$out")" ] || { echo "备份目录 $out 不是空的" >&2; exit 1; }
    "${bin}pg_dump" --format=custom --no-owner --file="$out/database.dump" "$db"
    mkdir -p "$out/store"
    cp -a "$store/inspector-store-id" "$out/store/"
    cp -a "$store/files" "$out/store/"
    (cd "$out" && find store -type f -print0 | sort -z | xargs -0 -r sha256sum >store.sha256 \
      && sha256sum database.dump >database.sha256)
    echo "已备份：数据库 $out/database.dump，文件库 $out/store ($(wc -l <"$out/store.sha256") 个文件)"
    ;;
  restore)
    [ -n "$from" ] || usage
    (cd "$from" && sha256sum --quiet -c database.sha256 && sha256sum --quiet -c store.sha256) \
      || { echo "备份 $from 已损坏（校验和不符）" >&2; exit 1; }
    if [ -e "$store" ] && [ -n "$(ls -A "$store")" ]; then
      echo "文件库目录 $store 不是空的：请恢复到新目录" >&2
      exit 1
    fi
    tables=$("${bin}psql" "$db" -At -c "select count(*) from pg_tables where schemaname = 'public'")
    [ "$tables" = 0 ] || { echo "数据库不是空的：请恢复到新建的数据库" >&2; exit 1; }
    "${bin}pg_restore" --no-owner --exit-on-error --dbname="$db" "$from/database.dump"
    mkdir -p "$store"
    cp -a "$from/store/." "$store/"
    mkdir -p "$store/uploads"
    # every file the restored rows name is in the restored store (the server's own check)
    "${INSPECTOR_PYTHON:-$root/.venv/bin/python}" "$root/main.py" server check-store \
      --db "$db" --store "$store" || { echo "恢复不完整：见上" >&2; exit 1; }
    echo "已恢复：数据库和文件库 $store（数据库记录的文件都在）"
    ;;
  *) usage ;;
esac
