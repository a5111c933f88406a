#!/usr/bin/env bash
# End-to-end test: the package consumed the way users consume it.
#
# Packs MigrationAnalyzers into a local folder feed, copies the samples into a temporary directory that references the
# package by PackageReference from that feed (nuget.config: the folder plus the default sources), and checks the build
# output, .editorconfig control, presets, SARIF, bulk fixing with `dotnet format analyzers`, and clean loading in
# net48 and net10.0 projects, and the upgrade samples through old package, fix and new package (upgrade-samples.sh).
# Prints one PASS/FAIL line per check and exits non-zero when any check fails.
#
# Expected diagnostics come from the samples themselves: a line that ends with a comment such as `// MIG1001: ...`
# must carry that diagnostic, and no other line may carry one. Fixable rules come from rules/README.md, which a unit
# test keeps in step with the code-fix providers. So new rules and sample migrations need no change here.
set -uo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/migration-analyzers-e2e.XXXXXX")
version="0.1.0-e2e.$(date +%s)"
packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

cleanup() {
  # MIGRATIONANALYZERS_E2E_KEEP=1 keeps the consumer copy and the logs of every step for a look afterwards.
  if [ "${MIGRATIONANALYZERS_E2E_KEEP:-}" = 1 ]; then echo "kept: $work"; else rm -rf "$work"; fi
  # The package is extracted into the global cache under a unique version; do not let runs pile up there.
  rm -rf "${packages%/}/migrationanalyzers/$version"
}
trap cleanup EXIT

passed=0
failed=0
pass() { echo "PASS: $*"; passed=$((passed + 1)); }
shown_log=""
fail() {
  echo "FAIL: $*"; failed=$((failed + 1))
  # The first failure of a step shows the end of that step's output, so the CI log says why.
  if [ -n "${last_log:-}" ] && [ "$shown_log" != "$last_log" ]; then
    shown_log=$last_log
    grep -E 'error|warning|FAIL|Failed' "$last_log" | sort -u | head -n 20 | sed 's/^/    | /'
  fi
}
skip() { echo "SKIP: $*"; }
check() { # check <description> <command...>: PASS when the command succeeds
  local description=$1; shift
  if "$@"; then pass "$description"; else fail "$description"; fi
}

log_dir="$work/logs"
mkdir -p "$log_dir"
# run <name> <command...>: runs quietly, keeps the output in $log_dir/<name>.log, returns the command's status.
run() {
  local name=$1; shift
  local log="$log_dir/$name.log"
  echo "---- $name: $*" >"$log"
  "$@" >>"$log" 2>&1
  local status=$?
  last_log=$log
  return $status
}

build_flags=(-c Debug -clp:NoSummary -v:minimal)
# silent <description> <status> <pattern>: PASS when the last build succeeded, compiled both analyzed projects and printed
# no line matching <pattern>. A failed or skipped build prints no analyzer warning either, so "grep finds nothing"
# alone would pass on a broken build.
silent() {
  local description=$1 status=$2 pattern=$3
  if [ "$status" -ne 0 ]; then fail "$description (the build failed)"; return; fi
  if ! grep -q 'EfCoreSample -> ' "$last_log" || ! grep -q 'FluentMigratorSample -> ' "$last_log"; then
    fail "$description (the analyzed projects were not compiled)"; return
  fi
  if grep -qE -- "$pattern" "$last_log"; then fail "$description"; else pass "$description"; fi
}
samples="$work/samples"

# ---------------------------------------------------------------------------------------------------------------------
echo "== pack $version"
if run pack dotnet pack "$root/src/MigrationAnalyzers.Package/MigrationAnalyzers.Package.csproj" -c Release -o "$work/feed" -p:Version="$version"; then
  pass "dotnet pack produced $(cd "$work/feed" && ls ./*.nupkg | sed 's#^\./##')"
else
  fail "dotnet pack"; tail -n 40 "$last_log"; echo "e2e: ${passed} passed, ${failed} failed"; exit 1
fi
check "exactly one package, MigrationAnalyzers.$version.nupkg" test "$(ls "$work/feed")" = "MigrationAnalyzers.$version.nupkg"

# ---------------------------------------------------------------------------------------------------------------------
echo "== consumer copy of the samples"
cat >"$work/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <!-- The local feed with the freshly packed package, on top of the default sources. -->
  <packageSources>
    <add key="migration-analyzers-e2e" value="$work/feed" />
  </packageSources>
</configuration>
EOF
cp -r "$root/samples" "$samples"
find "$samples" -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +
# Replace the from-source wiring with what a user writes: a PackageReference (here for every project, in Directory.Build.props).
rm -f "$samples/Directory.Build.targets"
sed -i "s#</Project>#  <ItemGroup>\n    <PackageReference Include=\"MigrationAnalyzers\" Version=\"$version\" PrivateAssets=\"all\" />\n  </ItemGroup>\n</Project>#" "$samples/Directory.Build.props"

# What the rule index (generated from the descriptors and fixes) says about each rule:
# | [ID](ID.md) | Title | Category | Default severity | Recommended | … | Code fix |  (Code fix is the last column)
index_rows() { grep -E '^\| \[MIG[0-9]{4}\]' "$root/rules/README.md" | awk -F'|' '{for (i = 2; i < NF; i++) gsub(/^ +| +$/, "", $i); print substr($2, 2, 7), $5, $6, $(NF-1)}'; }
fixable_ids=$(index_rows | awk '$4 == "yes" {print $1}' | sort -u)
# A default build prints warnings and errors of the rules the Recommended preset keeps on.
printed_ids=$(index_rows | awk '($2 == "Warning" || $2 == "Error") && $3 == "yes" {print $1}' | sort -u)

# Expected diagnostics: "<absolute file>:<line>:<ID>" from the `// MIGxxxx` comments, for rules a build prints.
expected="$work/expected.txt"
(cd "$samples" && grep -rnoE '// MIG[0-9]{4}' --include='*.cs' . | sed -E "s#^\./#$samples/#; s#:// #:#") | sort -u \
  | grep -E ":($(echo $printed_ids | tr ' ' '|'))\$" >"$expected"
echo "expected diagnostics: $(wc -l <"$expected"); rules with a code fix: ${fixable_ids:-none}"

# Diagnostics a build log reports, as "<file>:<line>:<ID>" (each once: MSBuild repeats them).
reported() { grep -oE "^[^ ]+\.cs\([0-9]+,[0-9]+\): (warning|error) MIG[0-9]{4}" "$1" | sed -E 's#\(([0-9]+),[0-9]+\): (warning|error) #:\1:#' | sort -u; }
no_load_problems() { ! grep -qE 'CS8032|AD0001|CS8784|CS8785' "$1"; }

# ---------------------------------------------------------------------------------------------------------------------
echo "== build with the package"
run build dotnet build "$samples/Samples.sln" "${build_flags[@]}"
check "dotnet build of the samples succeeds with the package" test $? -eq 0
check "the package was restored from the local feed" test -f "${packages%/}/migrationanalyzers/$version/analyzers/dotnet/cs/MigrationAnalyzers.dll"
pkg="${packages%/}/migrationanalyzers/$version"
check "package: both assemblies under analyzers/dotnet/cs" test -f "$pkg/analyzers/dotnet/cs/MigrationAnalyzers.dll" -a -f "$pkg/analyzers/dotnet/cs/MigrationAnalyzers.CodeFixes.dll"
check "package: nothing under lib/" test ! -e "$pkg/lib"
check "package: developmentDependency" \
  grep -q '<developmentDependency>true</developmentDependency>' "$pkg/migrationanalyzers.nuspec"
for element in readme license projectUrl tags releaseNotes; do
  check "package metadata has <$element>" grep -q "<$element" "$pkg/migrationanalyzers.nuspec"
done
check "package: no dependencies" bash -c "! grep -q '<dependency ' '$pkg/migrationanalyzers.nuspec'"
check "package: build props, presets and buildTransitive" test -f "$pkg/build/MigrationAnalyzers.props" -a -f "$pkg/build/MigrationAnalyzers.targets" \
  -a -f "$pkg/build/config/MigrationAnalyzers.Recommended.globalconfig" -a -f "$pkg/buildTransitive/MigrationAnalyzers.props"

reported "$last_log" >"$work/reported.txt"
sed 's/^/  /' "$work/reported.txt"
missing=$(comm -23 "$expected" "$work/reported.txt")
unexpected=$(comm -13 "$expected" "$work/reported.txt")
check "every expected MIG warning is printed with file and line ($(wc -l <"$expected") expected)" test -z "$missing"
[ -n "$missing" ] && echo "  missing: $missing"
check "no MIG warning on a line without a // MIGxxxx comment" test -z "$unexpected"
[ -n "$unexpected" ] && echo "  unexpected: $unexpected"
check "no analyzer load failure or crash (CS8032, AD0001)" no_load_problems "$last_log"
check "the preset and target framework reach the analyzers (CompilerVisibleProperty)" \
  grep -qi 'build_property.MigrationAnalyzersMode = Recommended' "$samples/EfCoreSample/obj/Debug/net8.0/EfCoreSample.GeneratedMSBuildEditorConfig.editorconfig"
grep -qi 'build_property.TargetFrameworkIdentifier = .NETCoreApp' "$samples/EfCoreSample/obj/Debug/net8.0/EfCoreSample.GeneratedMSBuildEditorConfig.editorconfig" \
  || fail "build_property.TargetFrameworkIdentifier is not passed"

first_id=$(head -n 1 "$expected" | awk -F: '{print $NF}')
# The checks below only concern the analyzed projects: a solution filter leaves the test projects out, which keeps
# each rebuild short.
cat >"$samples/Analyzed.slnf" <<'EOF'
{ "solution": { "path": "Samples.sln", "projects": [ "EfCoreSample/EfCoreSample.csproj", "FluentMigratorSample/FluentMigratorSample.csproj" ] } }
EOF
rebuild() { local name=$1; shift; run "$name" dotnet build "$samples/Analyzed.slnf" "${build_flags[@]}" --no-restore --no-incremental "$@"; }

echo "== -warnaserror"
if rebuild warnaserror -warnaserror; then
  fail "-warnaserror fails the build"
else
  check "-warnaserror fails the build on $first_id" grep -qE "error $first_id" "$last_log"
fi

echo "== .editorconfig and options"
printf 'root = true\n\n[*.cs]\ndotnet_diagnostic.%s.severity = error\n' "$first_id" >"$samples/.editorconfig"
rebuild editorconfig-error
status=$?
check ".editorconfig 'dotnet_diagnostic.$first_id.severity = error' turns the warning into an error" test $status -ne 0 -a -n "$(grep -E "error $first_id" "$last_log")"
printf 'root = true\n\n[*.cs]\ndotnet_diagnostic.%s.severity = none\n' "$first_id" >"$samples/.editorconfig"
rebuild editorconfig-none
silent ".editorconfig 'severity = none' silences $first_id" $? " $first_id:"
latest=$(grep -rhoE '\[Migration\("[0-9]{14}_[A-Za-z0-9_]+"\)\]' "$samples" --include='*.Designer.cs' | grep -oE '[0-9]{14}_[A-Za-z0-9_]+' | sort | tail -n 1)
printf 'root = true\n\n[*.cs]\nmigration_analyzers.baseline = %s\n' "$latest" >"$samples/.editorconfig"
rebuild baseline
silent "option 'migration_analyzers.baseline = $latest' silences every migration at or before it" $? 'warning MIG1'
printf 'root = true\n\n[*.cs]\nmigration_analyzers.baseline = last tuesday\n' >"$samples/.editorconfig"
rebuild bad-option
check "a malformed option is reported as MIG9001" grep -q 'MIG9001' "$last_log"
rm -f "$samples/.editorconfig"

echo "== presets"
rebuild preset-none -p:MigrationAnalyzersMode=None
silent "MigrationAnalyzersMode=None turns every rule off" $? '(warning|error) MIG[0-9]{4}'
printf 'root = true\n\n[*.cs]\ndotnet_diagnostic.%s.severity = warning\n' "$first_id" >"$samples/.editorconfig"
rebuild preset-none-editorconfig -p:MigrationAnalyzersMode=None
check "the project's .editorconfig wins over the preset (None, then $first_id back on)" grep -q "warning $first_id" "$last_log"
rm -f "$samples/.editorconfig"

echo "== SARIF"
run sarif dotnet build "$samples/EfCoreSample/EfCoreSample.csproj" "${build_flags[@]}" --no-restore --no-incremental "-p:ErrorLog=$work/out.sarif%2Cversion=2.1"
check "SARIF 2.1 log written" grep -q '"version": "2.1.0"' "$work/out.sarif"
check "SARIF rules carry help links to their pages" grep -qE '"helpUri": "https://[^"]+/rules/MIG[0-9]{4}\.md"' "$work/out.sarif"

# ---------------------------------------------------------------------------------------------------------------------
echo "== bulk fixing with dotnet format analyzers"
fixable_present=$(awk -F: '{print $NF}' "$work/reported.txt" | sort -u | comm -12 - <(echo "$fixable_ids"))
if [ -z "$fixable_present" ]; then
  # The samples carry fixable diagnostics on purpose: none found means the index or the build output was misread.
  fail "no diagnostic in the samples has a code fix (rules with a fix: ${fixable_ids:-none}): the bulk-fix checks cannot run"
  run sample-tests dotnet test "$samples/Samples.sln" --no-restore --filter 'FullyQualifiedName!~roll_back'
  check "the samples' own tests (except roll-back, which needs the fix) pass on SQLite" test $? -eq 0
else
  echo "fixable diagnostics in the samples: $(echo $fixable_present)"
  run format-verify dotnet format analyzers "$samples/Samples.sln" --verify-no-changes --no-restore
  status=$?
  check "dotnet format analyzers --verify-no-changes fails while fixable diagnostics remain" test $status -ne 0
  for id in $fixable_present; do
    check "dotnet format analyzers --verify-no-changes reports $id" grep -q "$id" "$last_log"
  done

  if echo "$fixable_present" | grep -qx MIG1001; then
    # The README's command, verbatim (run from the directory that holds samples/).
    (cd "$work" && run format-mig1001 dotnet format analyzers samples/Samples.sln --diagnostics MIG1001)
    check "README: 'dotnet format analyzers samples/Samples.sln --diagnostics MIG1001' succeeds" test $? -eq 0
    rebuild after-mig1001
    silent "after the README command the samples build without MIG1001" $? 'MIG1001'
  fi

  run format-all dotnet format analyzers "$samples/Samples.sln" --no-restore
  check "dotnet format analyzers fixes the samples" test $? -eq 0
  run format-verify-after dotnet format analyzers "$samples/Samples.sln" --verify-no-changes --no-restore
  check "dotnet format analyzers --verify-no-changes passes afterwards" test $? -eq 0
  run after-fix dotnet build "$samples/Samples.sln" "${build_flags[@]}" --no-restore --no-incremental
  check "the fixed samples build" test $? -eq 0
  left=$(reported "$last_log" | awk -F: '{print $NF}' | sort -u | comm -12 - <(echo "$fixable_ids"))
  check "no fixable diagnostic is left after the fix" test -z "$left"
  [ -n "$left" ] && echo "  still reported: $left"
  run sample-tests dotnet test "$samples/Samples.sln" --no-build
  check "the fixed samples' own tests pass (migrations roll back on SQLite)" test $? -eq 0
fi

# ---------------------------------------------------------------------------------------------------------------------
# One sample project per rule pack: old package, bulk fix, new package (samples/Upgrades).
source "$root/tests/e2e/upgrade-samples.sh"

# ---------------------------------------------------------------------------------------------------------------------
echo "== net48 and net10.0 consumers"
for framework in net48 net10.0; do
  consumer="$work/consumers/$framework"
  mkdir -p "$consumer"
  reference_assemblies=""
  [ "$framework" = net48 ] && reference_assemblies='<PackageReference Include="Microsoft.NETFramework.ReferenceAssemblies" Version="1.0.3" PrivateAssets="all" />'
  cat >"$consumer/Consumer.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>$framework</TargetFramework>
    <LangVersion>latest</LangVersion>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    $reference_assemblies
    <PackageReference Include="FluentMigrator" Version="8.0.1" />
    <PackageReference Include="MigrationAnalyzers" Version="$version" PrivateAssets="all" />
  </ItemGroup>
</Project>
EOF
  cat >"$consumer/AddTags.cs" <<'EOF'
using FluentMigrator;

namespace Consumer
{
    [Migration(3)]
    public class AddTags : Migration
    {
        public override void Up() => Create.Table("Tags").WithColumn("Id").AsInt32().PrimaryKey();

        public override void Down()
        {
        }
    }
}
EOF
  run "consumer-$framework" dotnet build "$consumer/Consumer.csproj" "${build_flags[@]}"
  check "$framework consumer builds with the package" test $? -eq 0
  check "$framework consumer: the analyzers load and run (MIG1001 reported)" grep -q 'warning MIG1001' "$last_log"
  check "$framework consumer: no load warning or analyzer crash (CS8032, AD0001)" no_load_problems "$last_log"
  others=$(grep -oE '(warning|error) [A-Z]+[0-9]+' "$last_log" | grep -v 'MIG1001' | sort -u)
  check "$framework consumer: no other warning" test -z "$others"
  [ -n "$others" ] && echo "  $others"
done
grep -qi 'build_property.TargetFrameworkIdentifier = .NETFramework' "$work/consumers/net48/obj/Debug/net48/Consumer.GeneratedMSBuildEditorConfig.editorconfig" \
  && pass "net48 consumer: TargetFrameworkIdentifier reaches the analyzers" || fail "net48 consumer: TargetFrameworkIdentifier reaches the analyzers"

echo "e2e: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
