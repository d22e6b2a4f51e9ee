#!/usr/bin/env bash
# Build the one-folder app with PyInstaller (dist/inspector/) and run the built programs:
# the desktop app's --smoke-test (main window and newest checklist) and a command-line command.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
.venv/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build build.spec
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
echo "== built app: smoke test"
dist/inspector/inspector-cli inspection new --home "$home" --institution "冒烟测试药店" \
  --type retail_pharmacy --mode surprise --district 市中区 --inspector "测试:000001" >/dev/null
dist/inspector/inspector --smoke-test --home "$home"
dist/inspector/inspector-cli checklist show --type public_hospital --home "$home" | head -3
# The whole record cycle on the built program: libraries that import parts of themselves by
# name (reportlab's QR code, pyHanko) fail only when used, not when the app starts.
echo "== built app: record, signature, verification"
cli=dist/inspector/inspector-cli
export INSPECTOR_KEY_PASSPHRASE="build-check-passphrase"
# A lawful visit, as the core requires before it finishes (行政处罚法 第四十二条: two 执法人员
# who show their certificates; the notices; the 记录人; the party identified).
id=$($cli inspection new --home "$home" --institution "打包检查药店" --type retail_pharmacy \
  --mode surprise --district 市中区 --inspector "测试:000002" --inspector "测试二:000003" \
  --leader 000002)
$cli evidence add "$id" tests/data/photos/gps/DSCN0010.jpg --item P2.4 --home "$home" >/dev/null
for cert in 000002 000003; do
  $cli inspection certificate "$id" "$cert" --home "$home" >/dev/null
done
$cli inspection tell "$id" recusal --by 000002 --reply 不申请回避 --home "$home" >/dev/null
$cli inspection tell "$id" duty --by 000002 --home "$home" >/dev/null
$cli inspection tell "$id" opinion --by 000002 --home "$home" >/dev/null
$cli record party "$id" --credit-code 91350100M000100Y43 --recorder 000002 --home "$home" >/dev/null
echo '[[[0,0],[20,30],[40,0],[60,30]]]' > "$home/strokes.json"
for signer in "测试 000002" "测试二 000003"; do
  set -- $signer
  $cli record sign-hand "$id" --home "$home" --role inspector --name "$1" --cert-no "$2" \
    --strokes "$home/strokes.json" >/dev/null
done
$cli record sign-hand "$id" --home "$home" --role party --name 代表 \
  --strokes "$home/strokes.json" >/dev/null
$cli inspection finish "$id" --home "$home" >/dev/null
$cli record build "$id" --home "$home" >/dev/null
trial_key() {
  $cli key trial --home "$home" --name "$1" --cert-no "$2" --json \
    | .venv/bin/python -c "import json, sys; print(json.load(sys.stdin)['key_id'])"
}
member=$(trial_key 测试二 000003)
leader=$(trial_key 测试 000002)
$cli record sign "$id" --home "$home" --key "$member" >/dev/null  # the leader signs last
signed=$($cli record sign "$id" --home "$home" --key "$leader" --json \
  | .venv/bin/python -c "import json, sys; print(json.load(sys.stdin)['path'])")
# A trial key (self-signed) is never trusted: intact but untrusted, exit 2, is the right verdict.
code=0
$cli record verify "$signed" --home "$home" > "$home/verify.txt" || code=$?
tail -2 "$home/verify.txt"
if [ "$code" -ne 2 ]; then
  echo "record verify: expected exit 2 (intact, trial signer not trusted), got $code" >&2
  exit 1
fi
dist/inspector/inspector --smoke-test --home "$home"  # now with a record to preview (QtPdf)
echo "built: dist/inspector ($(du -sh dist/inspector | cut -f1))"
