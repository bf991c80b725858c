#!/usr/bin/env bash
# Builds hwdsl from this checkout, packs it and the HwDsl libraries into one folder feed (artifacts/feed), installs the
# hwdsl .NET tool from there for this user, and runs the quickstart with the installed hwdsl.
#   ./install.sh            install, then: hwdsl run scripts/quickstart.csx
#   ./install.sh --quick    the same, the quickstart on a small subset (any arguments go to the quickstart)
#   ./install.sh --no-run   install only
# It also makes the feed one of this user's NuGet sources (hwdsl-local), so that device plugins (the HwDsl.Contracts
# package) and programs or notebooks (HwDsl.Toolkit, HwDsl.FSharp) restore from it, and installs the device template
# (dotnet new hwdsl-device). Nothing of it needs the network except the first restore of third-party packages.
set -euo pipefail
cd "$(dirname "$0")"
run=1
if [ "${1:-}" = "--no-run" ]; then run=0; shift; fi

feed="$PWD/artifacts/feed"
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -1)
echo "install.sh: building and packing hwdsl $version into $feed"
dotnet pack HwDsl.sln -c Release --nologo -v quiet -p:PackageOutputPath="$feed/"

# A rebuilt package keeps its version: drop NuGet's cached copies of earlier builds, so the next restore takes this one.
cache="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
for nupkg in "$feed"/*.nupkg; do
  name=$(basename "$nupkg" .nupkg)
  pkg_version=$(sed -E 's/^.*\.([0-9]+\.[0-9]+\.[0-9]+([-+].*)?)$/\1/' <<<"$name")
  id=${name%."$pkg_version"}
  rm -rf "$cache/${id,,}/$pkg_version"
done

if ! dotnet nuget list source --format short 2>/dev/null | grep -qF "$feed"; then
  dotnet nuget add source "$feed" --name hwdsl-local >/dev/null && echo "install.sh: added NuGet source hwdsl-local = $feed"
fi
dotnet new install "$PWD/templates/hwdsl-device" --force >/dev/null && echo "install.sh: installed the template: dotnet new hwdsl-device"

# Reinstalled, not updated: the same version rebuilt must replace what is installed.
dotnet tool uninstall --global hwdsl >/dev/null 2>&1 || true
out=$(dotnet tool install --global hwdsl --add-source "$feed" --version "$version" --ignore-failed-sources 2>&1) || { echo "$out"; exit 1; }
grep -E "successfully installed" <<<"$out" || true
tools="${DOTNET_CLI_HOME:-$HOME}/.dotnet/tools"
case ":$PATH:" in
  *":$tools:"*) ;;
  *) echo "install.sh: $tools is not on PATH; add it to type hwdsl: echo 'export PATH=\"\$PATH:$tools\"' >> ~/.bashrc"
     export PATH="$PATH:$tools" ;;
esac

if [ "$run" = 1 ]; then
  echo "install.sh: hwdsl run scripts/quickstart.csx $*"
  exec hwdsl run scripts/quickstart.csx "$@"
fi
