#!/bin/sh
# Installs $AUTHORIZED_KEY (one or more OpenSSH public key lines) for root and
# deploy, optionally regenerates the host keys ($REGENERATE_HOST_KEYS non-empty),
# then runs sshd in the foreground, logging to stderr (or runs "$@" if given).
set -eu
if [ -n "${AUTHORIZED_KEY:-}" ]; then
  for u in root deploy; do
    home=$(getent passwd "$u" | cut -d: -f6)
    mkdir -p "$home/.ssh"
    printf '%s\n' "$AUTHORIZED_KEY" > "$home/.ssh/authorized_keys"
    chmod 700 "$home/.ssh"
    chmod 600 "$home/.ssh/authorized_keys"
    chown -R "$u:$u" "$home/.ssh"
  done
fi
if [ -n "${REGENERATE_HOST_KEYS:-}" ]; then
  rm -f /etc/ssh/ssh_host_*
  ssh-keygen -A >/dev/null
fi
mkdir -p /run/sshd
chmod 0755 /run/sshd
if [ "$#" -gt 0 ]; then exec "$@"; fi
exec /usr/sbin/sshd -D -e
