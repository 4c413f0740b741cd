# Shared set-up for the README's two commands (.ci/app and .ci/test). Idempotent: every step
# checks first and installs only what is missing. Sourced, not run.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${TAIZHANG_CACHE:-$HOME/.cache/taizhang}
# Outside the clone, so CI on this machine reuses the build between runs.
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$CACHE/target}
VENV=$CACHE/venv

# Build: WebKitGTK and friends (Tauri 2 on Linux). Run and test: Xvfb, WebKitWebDriver,
# a CJK font (or Chinese renders as boxes), poppler and ImageMagick for looking at output.
APT_BUILD=(libwebkit2gtk-4.1-dev build-essential file pkg-config libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev)
APT_RUN=(xvfb xauth webkit2gtk-driver fonts-noto-cjk fonts-hanazono)
APT_TEST=(poppler-utils imagemagick python3-venv)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

install_apt() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "==> 安装系统软件包：${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

require_tools() {
  command -v cargo >/dev/null || { echo "需要 Rust 工具链（rustup，cargo 1.85 以上）" >&2; exit 1; }
  if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
    echo "需要 Node.js 20 以上（Vite 8）。" >&2
    exit 1
  fi
}

ensure_tauri_driver() {
  command -v tauri-driver >/dev/null || [ -x "$HOME/.cargo/bin/tauri-driver" ] || {
    echo "==> 安装 tauri-driver"
    cargo install tauri-driver --locked --version '^2' >/dev/null
  }
}

ensure_venv() {
  local want="selenium==4.* openpyxl==3.* pytest==8.* jsonschema==4.*"
  if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$VENV/.want" 2>/dev/null)" != "$want" ]; then
    echo "==> 准备 Python 测试环境"
    python3 -m venv "$VENV"
    # shellcheck disable=SC2086
    "$VENV/bin/pip" install -q $want
    echo "$want" > "$VENV/.want"
  fi
}

# npm ci when the lock file changed since the last install, then the static build in ui/dist.
build_ui() {
  (
    cd "$ROOT/ui"
    local stamp=node_modules/.taizhang-lock
    if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
      echo "==> 安装前端依赖（npm ci）"
      npm ci --no-audit --no-fund --loglevel=error
      cp package-lock.json "$stamp"
    fi
    npm run build --silent
  )
}

# The OFL fallback fonts for printing, from the Debian packages into assets/fonts (listed with
# their SHA-256 in assets/fonts/SOURCES; a different sum is reported, the file still copied).
ensure_fonts() {
  local dir="$ROOT/assets/fonts"
  grep -v '^#' "$dir/SOURCES" | while read -r file _pkg _ver sum src; do
    [ -n "$file" ] || continue
    if [ ! -f "$dir/$file" ] || ! cmp -s "$src" "$dir/$file"; then
      echo "==> 复制打印字体 $file"
      cp "$src" "$dir/$file"
    fi
    echo "$sum  $dir/$file" | sha256sum -c --quiet - 2>/dev/null ||
      echo "注意：$file 与 SOURCES 记录的版本不同（打印结果的字节会不同）" >&2
  done
}
