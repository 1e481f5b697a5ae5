#!/usr/bin/env bash
# selection.sh — the walk of testbed/ranking.tsv: for every ranked source down
# to the last one the bed runs, whether the bed runs it (and as which units)
# or why not. The reasons live in testbed/skips.tsv (source, reason); a
# source in neither the manifest nor skips.tsv is "not tried".
#
#   testbed/selection.sh > testbed/selection.tsv
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
# package -> source for every package of the manifest
declare -A src units
while read -r pkg; do
	s=$(apt-cache show "$pkg" 2>/dev/null | awk '/^Source:/ { print $2; exit }')
	src[$pkg]=${s:-$pkg}
done < <(awk -F'\t' '!/^#/ { print $4 }' "$HERE/manifest.tsv" | sort -u)
while IFS=$'\t' read -r _ _ _ pkg _ _ unit; do
	[[ $pkg == package ]] && continue
	s=${src[$pkg]}
	[[ " ${units[$s]:-} " == *" $unit "* ]] || units[$s]="${units[$s]:+${units[$s]} }$unit"
done < <(grep -v '^#' "$HERE/manifest.tsv")
last=0
while IFS=$'\t' read -r rank s _; do
	[[ $rank == \#* ]] && continue
	[ -n "${units[$s]:-}" ] && last=$rank
done <"$HERE/ranking.tsv"
echo "# The walk of ranking.tsv down to rank $last (the last source the bed runs). Made by testbed/selection.sh."
printf '#rank\tsource\tdecision\tunits or reason\n'
declare -A skip
while IFS=$'\t' read -r s r; do skip[$s]=$r; done < <(grep -v '^#' "$HERE/skips.tsv")
bed=0
while IFS=$'\t' read -r rank s _; do
	[[ $rank == \#* ]] && continue
	[ "$rank" -gt "$last" ] && break
	if [ -n "${units[$s]:-}" ]; then
		printf '%s\t%s\tbed\t%s\n' "$rank" "$s" "${units[$s]}"
		unset "units[$s]"
		bed=$((bed + 1))
	elif [ -n "${skip[$s]:-}" ]; then
		printf '%s\t%s\tskip\t%s\n' "$rank" "$s" "${skip[$s]}"
	else
		printf '%s\t%s\tnot tried\t\n' "$rank" "$s"
	fi
done <"$HERE/ranking.tsv"
for s in $(printf '%s\n' "${!units[@]}" | sort); do
	printf -- '-\t%s\tbed\t%s (not found by the ranking rule)\n' "$s" "${units[$s]}"
done
