#!/usr/bin/env bash
# Installs what building and testing the project need on Debian 12, from
# Debian's own archive: LLVM/MLIR 22 (libraries, headers, tblgen, lit,
# FileCheck), clang 22, CMake, Ninja, Python 3 with NumPy.
# Idempotent: when every package is already installed it does not touch apt.
# Run as root (CI does), or as a user with sudo.
set -euo pipefail

packages=(
  cmake
  ninja-build
  llvm-22-dev
  llvm-22-tools      # lit, FileCheck, not, count
  libmlir-22-dev
  mlir-22-tools      # mlir-tblgen; MLIR's CMake package requires the tools
  clang-22
  libomp-14-dev      # OpenMP runtime for parallel query loops (docs/dependencies.md)
  python3
  python3-numpy
  python3-matplotlib # bench/run.py's plot (docs/dependencies.md)
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages are installed"
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
