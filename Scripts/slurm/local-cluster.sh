#!/usr/bin/env bash
# A one-node Slurm cluster for tests, started without systemd and kept entirely under STATE_DIR:
# a munge daemon with its own key and socket, slurmctld and slurmd with a minimal slurm.conf.
# Needs root and `ITA_DEPS=slurm bash Scripts/install-deps.sh`.
#   source Scripts/slurm/local-cluster.sh; cluster_start STATE_DIR   # exports SLURM_CONF; waits until the node is idle
#   cluster_stop STATE_DIR                                           # stops the daemons it started, by their pids
# Only the pids recorded in STATE_DIR are ever signalled (never daemons by name).

cluster_start() {
  local state=$1 host cpus i
  host=$(hostname -s); cpus=$(nproc)
  [ "$(id -u)" -eq 0 ] || { echo "local-cluster: must run as root (SlurmUser=root, munged as user munge)" >&2; return 1; }
  for tool in munged slurmctld slurmd sinfo sbatch; do
    command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || { echo "local-cluster: $tool missing: ITA_DEPS=slurm bash Scripts/install-deps.sh" >&2; return 1; }
  done
  mkdir -p "$state/munge" "$state/munge-run" "$state/spool" "$state/ctld" "$state/log"
  chmod 755 "$state"
  runuser -u munge -- test -x "$state" || { echo "local-cluster: user munge cannot reach $state (make its parent folders world-executable)" >&2; return 1; }
  # munge: its own key (1024 random bytes, owner munge, mode 400) and socket, so that a munged of the
  # machine, if any, is neither used nor disturbed.
  head -c 1024 /dev/urandom > "$state/munge/munge.key"
  # The key's folder private; the socket's folder open to all (munged insists on both).
  chown -R munge:munge "$state/munge" "$state/munge-run"; chmod 700 "$state/munge"; chmod 755 "$state/munge-run"
  chmod 400 "$state/munge/munge.key"
  runuser -u munge -- /usr/sbin/munged --key-file="$state/munge/munge.key" --socket="$state/munge-run/munge.socket" \
    --pid-file="$state/munge-run/munged.pid" --log-file="$state/munge/munged.log" --seed-file="$state/munge/munged.seed" \
    || { echo "local-cluster: munged did not start (log: $state/munge/munged.log)" >&2; return 1; }
  cat > "$state/slurm.conf" <<CONF
ClusterName=local
SlurmctldHost=$host
SlurmUser=root
AuthType=auth/munge
AuthInfo=socket=$state/munge-run/munge.socket
CredType=cred/munge
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/spool
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/log/slurmctld.log
SlurmdLogFile=$state/log/slurmd.log
SlurmctldPort=${ITA_SLURMCTLD_PORT:-16817}
SlurmdPort=${ITA_SLURMD_PORT:-16818}
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
NodeName=$host CPUs=$cpus State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF="$state/slurm.conf"
  /usr/sbin/slurmctld -i -f "$SLURM_CONF" || { echo "local-cluster: slurmctld did not start (log: $state/log/slurmctld.log)" >&2; return 1; }
  /usr/sbin/slurmd -f "$SLURM_CONF" || { echo "local-cluster: slurmd did not start (log: $state/log/slurmd.log)" >&2; return 1; }
  for i in $(seq 60); do
    if sinfo -h -o '%t' 2>/dev/null | grep -qx 'idle'; then return 0; fi
    sleep 0.5
  done
  echo "local-cluster: the node did not become idle in 30 s:" >&2; sinfo >&2 || true
  tail -5 "$state/log/slurmctld.log" "$state/log/slurmd.log" >&2 || true
  return 1
}

cluster_stop() {
  local state=$1 f pid i
  for f in "$state/slurmd.pid" "$state/slurmctld.pid" "$state/munge-run/munged.pid"; do
    [ -s "$f" ] || continue
    pid=$(cat "$f")
    kill "$pid" 2>/dev/null || continue
    for i in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
  done
  return 0
}
