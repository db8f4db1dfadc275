#!/usr/bin/env bash
# Rebuild the network renderer's bundle (dashboard/network_view/maillage_network_view.min.js)
# from its sources in dashboard/network_view/src/, with the exact versions of the lock file,
# and the licences of the libraries it bundles (THIRD-PARTY-LICENSES.txt beside it).
# Needs Node 20 and npm. The built bundle is committed: installing or testing Maillage needs
# neither Node nor npm. Usage: bash scripts/build_network_view.sh
set -euo pipefail
cd "$(dirname "$0")/../dashboard/network_view"
npm ci --no-audit --no-fund
npm run build
{
    echo "The network renderer bundle (maillage_network_view.min.js) includes these libraries."
    for package in sigma graphology graphology-utils events; do
        version=$(node -p "require('./node_modules/$package/package.json').version")
        echo
        echo "== $package $version"
        echo
        cat node_modules/"$package"/LICENSE*
    done
} > THIRD-PARTY-LICENSES.txt
ls -l maillage_network_view.min.js THIRD-PARTY-LICENSES.txt
