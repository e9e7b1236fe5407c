#!/bin/sh
# ExecStartPre of ssh.service: installs AUTHORIZED_KEY from PID 1's environment
# (systemd does not pass the container's environment to services).
set -eu
key=$(tr '\0' '\n' < /proc/1/environ | sed -n 's/^AUTHORIZED_KEY=//p')
[ -n "$key" ] || exit 0
for u in root deploy; do
  home=$(getent passwd "$u" | cut -d: -f6)
  mkdir -p "$home/.ssh"
  printf '%s\n' "$key" > "$home/.ssh/authorized_keys"
  chmod 700 "$home/.ssh"; chmod 600 "$home/.ssh/authorized_keys"
  chown -R "$u:$u" "$home/.ssh"
done
