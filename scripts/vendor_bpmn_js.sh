#!/usr/bin/env bash
# Vendor bpmn-js (the drawing view's modeler) into webui/static/vendor/bpmn-js/ at a pinned version,
# from the npm registry, so the page needs no CDN and works offline. Run from the repository root.
set -euo pipefail
VERSION="${1:-18.31.1}"
BUILD="$(mktemp -d)"
trap 'rm -rf "$BUILD"' EXIT
(cd "$BUILD" && npm init -y >/dev/null && npm install --no-audit --no-fund "bpmn-js@$VERSION" >/dev/null)
SOURCE="$BUILD/node_modules/bpmn-js"
TARGET="webui/static/vendor/bpmn-js"
mkdir -p "$TARGET/bpmn-font/css" "$TARGET/bpmn-font/font"
cp "$SOURCE/dist/bpmn-modeler.production.min.js" "$SOURCE/dist/assets/bpmn-js.css" \
   "$SOURCE/dist/assets/diagram-js.css" "$SOURCE/LICENSE" "$TARGET/"
cp "$SOURCE/dist/assets/bpmn-font/css/bpmn.css" "$TARGET/bpmn-font/css/"
cp "$SOURCE/dist/assets/bpmn-font/font/bpmn.woff2" "$SOURCE/dist/assets/bpmn-font/font/bpmn.woff" "$TARGET/bpmn-font/font/"
sed -i "1s/^bpmn-js [0-9.]*/bpmn-js $VERSION/" "$TARGET/VERSION"
echo "bpmn-js $VERSION vendored into $TARGET"
