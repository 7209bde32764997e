# Sourced by the README test before a walkthrough (run with bash -euo pipefail). curl keeps every answer (headers
# and body) in $__calls/<n>.head and .body, numbered in the order made, and still prints the body as curl would;
# `__shown k` (put in place of README's k-th "# →" comment) notes which call that comment shows.
__calls="$1"
__state="$2"
echo 0 > "$__calls/count"
: > "$__calls/shown"

curl() {
  local n
  n=$(( $(cat "$__calls/count") + 1 ))
  echo "$n" > "$__calls/count"
  : > "$__calls/$n.body"
  command curl -D "$__calls/$n.head" -o "$__calls/$n.body" "$@" || return
  cat "$__calls/$n.body"
}

__shown() {
  echo "$1 $(cat "$__calls/count")" >> "$__calls/shown"
}

# the walkthrough's variables and functions, for the walkthroughs that continue it (<!-- …, after: name -->)
__save_state() {
  local __name
  for __name in $(compgen -v | grep -vxF -f "$__calls/baseline" \
      | grep -vE '^(__.*|BASH.*|FUNCNAME|PIPESTATUS|_|PWD|OLDPWD|SHLVL|LINENO|RANDOM|SECONDS|SRANDOM|EPOCH.*|COMP.*|GROUPS|DIRSTACK)$' \
      || true); do
    declare -p "$__name"
  done > "$__state"
  for __name in $(declare -F | awk '{print $3}' | grep -vE '^(__.*|curl)$' || true); do
    declare -f "$__name"
  done >> "$__state"
}

compgen -v > "$__calls/baseline"
