# Sourced by tests/e2e/run.sh (uses its run/check/pass/fail helpers, $samples, $build_flags and $log_dir).
#
# The upgrade samples (samples/Upgrades, one project per built-in rule pack) go through an upgrade as a user would:
# 1. build against the old package: the pack's diagnostics must show;
# 2. `dotnet format analyzers` with the packs' IDs, twice (one fix can make another possible: MIG2603 then MIG2601);
# 3. switch to the new package and run it again (some renames are fixable only once the old names no longer bind, such
#    as MIG2504 on AwesomeAssertions);
# 4. build: it must succeed, and no MIG diagnostic may be left except those whose rule page says the fix is withheld.
# Each project picks its references by the MSBuild property UpgradeStage (old; fix = what the fixes need to be offered;
# new), given as an environment variable so that dotnet format's own restore and workspace see it too. All projects are
# in one solution, so each stage is one build.

upgrades="$samples/Upgrades"
# pack | project | diagnostics the old build must show | withheld: still reported after the fix (the page says why) |
# a package (project.assets.json key prefix) the new build must no longer reference
upgrade_packs=(
  "newtonsoft-json|NewtonsoftToSystemTextJson|MIG2101 MIG2102 MIG2103 MIG2104 MIG2105 MIG2108 MIG2110||Newtonsoft.Json/"
  "sqlclient|SqlClientToMicrosoftDataSqlClient|MIG2401||System.Data.SqlClient/"
  "awesome-assertions|FluentToAwesomeAssertions|MIG2501 MIG2502 MIG2504||FluentAssertions/"
  "xunit-v3|XunitV2ToV3|MIG2601 MIG2603||xunit.abstractions/"
  "efcore|EfCore7ToEfCore10|MIG2205||Microsoft.EntityFrameworkCore.Relational/7."
  "aspnetcore-hosting|AspNetCoreHosting2To3|MIG2301 MIG2303 MIG2304||Microsoft.AspNetCore.Hosting.Abstractions/"
  # On net10.0 every Rfc2898DeriveBytes constructor is obsolete (SYSLIB0060), so MIG3141 offers no fix (rules/MIG3141.md).
  "framework-upgrade|FrameworkUpgradeNet10|MIG3121 MIG3123 MIG3141|MIG3141|"
)

# MIG diagnostics a build log reports in one project, as sorted unique IDs.
upgrade_ids_in() { grep -oE "^$upgrades/$2/[^ ]+\.cs\([0-9]+,[0-9]+\): (warning|error) MIG[0-9]{4}" "$1" | grep -oE 'MIG[0-9]{4}$' | sort -u; }
upgrade_compiled() { grep -q " $2 -> " "$1"; }

echo "== upgrade samples: old package, dotnet format analyzers, new package"
upgrade_started=$SECONDS
run upgrade-old dotnet build "$upgrades/Upgrades.slnx" "${build_flags[@]}"
check "upgrade samples build against the old packages" test $? -eq 0
upgrade_old_log=$last_log
all_upgrade_ids=""
for entry in "${upgrade_packs[@]}"; do
  IFS='|' read -r pack project ids withheld old_package <<<"$entry"
  all_upgrade_ids="$all_upgrade_ids $ids"
  missing=$(comm -23 <(tr ' ' '\n' <<<"$ids" | sort -u) <(upgrade_ids_in "$upgrade_old_log" "$project"))
  compiled=no
  upgrade_compiled "$upgrade_old_log" "$project" && compiled=yes
  last_log=$upgrade_old_log
  check "$pack: $project builds against the old package and shows $ids" test "$compiled" = yes -a -z "$missing"
  [ -n "$missing" ] && echo "  missing: $missing"
done

all_upgrade_ids=$(tr ' ' '\n' <<<"$all_upgrade_ids" | sed '/^$/d' | sort -u | tr '\n' ' ')
run upgrade-format env UpgradeStage=fix dotnet format analyzers "$upgrades/Upgrades.slnx" --diagnostics $all_upgrade_ids --severity info
check "dotnet format analyzers --diagnostics <the packs' IDs> --severity info fixes the upgrade samples" test $? -eq 0
# A fix can make another one possible: MIG2601 rewrites using Xunit.Abstractions only once MIG2603 has moved the file's
# IMessageSink to Xunit.Sdk, and one dotnet format run computes each ID's fixes before the next ID's are applied.
run upgrade-format-again env UpgradeStage=fix dotnet format analyzers "$upgrades/Upgrades.slnx" --diagnostics $all_upgrade_ids --severity info
check "a second run fixes what the first one made fixable (MIG2601 after MIG2603)" test $? -eq 0
run upgrade-format-new env UpgradeStage=new dotnet format analyzers "$upgrades/Upgrades.slnx" --diagnostics $all_upgrade_ids --severity info
check "on the new packages, dotnet format analyzers fixes what only binds there" test $? -eq 0

run upgrade-new env UpgradeStage=new dotnet build "$upgrades/Upgrades.slnx" "${build_flags[@]}"
upgrade_new_status=$?
upgrade_new_log=$last_log
for entry in "${upgrade_packs[@]}"; do
  IFS='|' read -r pack project ids withheld old_package <<<"$entry"
  left=$(upgrade_ids_in "$upgrade_new_log" "$project" | tr '\n' ' ' | sed 's/ $//')
  assets="$upgrades/$project/obj/project.assets.json"
  if ! upgrade_compiled "$upgrade_new_log" "$project"; then
    last_log=$upgrade_new_log; fail "$pack: the fixed $project builds against the new package (it did not compile)"
  elif [ -n "$old_package" ] && grep -q "\"$old_package" "$assets"; then
    fail "$pack: the fixed $project builds against the new package (still references $old_package)"
  elif [ "$left" != "$withheld" ]; then
    fail "$pack: the fixed $project builds against the new package with no MIG diagnostic left${withheld:+ but $withheld} (left: ${left:-none})"
  else
    pass "$pack: the fixed $project builds against the new package with no MIG diagnostic left${withheld:+ but $withheld (fix withheld)}"
  fi
done
check "the fixed upgrade samples build against the new packages" test "$upgrade_new_status" -eq 0

# EF Core 8 and 9 as well as 10: the same fixed code against each release the pack's EF Core 7 to 8/9/10 rules cover.
for ef_version in 8.0.34 9.0.23; do
  run "upgrade-efcore-$ef_version" env UpgradeStage=new dotnet build "$upgrades/EfCore7ToEfCore10/EfCore7ToEfCore10.csproj" "${build_flags[@]}" "-p:EfCoreNewVersion=$ef_version"
  status=$?
  left=$(upgrade_ids_in "$last_log" EfCore7ToEfCore10)
  check "efcore: the fixed EfCore7ToEfCore10 builds against EF Core $ef_version with no MIG diagnostic left" test "$status" -eq 0 -a -z "$left"
done
echo "upgrade samples took $((SECONDS - upgrade_started)) s"
