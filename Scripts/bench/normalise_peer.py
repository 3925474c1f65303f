#!/usr/bin/env python3
"""Peer for Scripts/bench-normalise.sh: PyThaiNLP's normalize() + thai_digit_to_arabic_digit()
over the same text, line by line, timed in-process; and the comparison with ITAExtract's output.

  normalise_peer.py run RAW OUT            -> writes OUT, prints "peer_seconds <s>" (CPU time of the loop only)
  normalise_peer.py compare RAW OURS PEER SAMPLE_OUT [N]
                                          -> counts differing lines, writes N sampled disagreements
"""
import json
import random
import sys
import time


def run(raw_path, out_path):
    from pythainlp.util import normalize, thai_digit_to_arabic_digit
    import pythainlp
    with open(raw_path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    # CPU time of the loop: the machine is shared, wall time measures the neighbours.
    t0 = time.process_time()
    out = [thai_digit_to_arabic_digit(normalize(l)) for l in lines]
    dt = time.process_time() - t0
    with open(out_path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out))
    print("peer_seconds %.4f" % dt)
    print("pythainlp_version %s" % pythainlp.__version__)


def compare(raw_path, ours_path, peer_path, sample_path, n=40):
    def lines(p):
        with open(p, encoding="utf-8") as fh:
            return fh.read().split("\n")
    raw, ours, peer = lines(raw_path), lines(ours_path), lines(peer_path)
    m = min(len(raw), len(ours), len(peer))
    diff = [i for i in range(m) if ours[i] != peer[i]]
    changed_ours = sum(1 for i in range(m) if ours[i] != raw[i])
    changed_peer = sum(1 for i in range(m) if peer[i] != raw[i])
    random.seed(7)  # deterministic sample
    sample = sorted(random.sample(diff, min(n, len(diff))))
    with open(sample_path, "w", encoding="utf-8") as fh:
        for i in sample:
            fh.write(json.dumps({"line": i + 1, "raw": raw[i], "itaextract": ours[i], "pythainlp": peer[i]},
                                ensure_ascii=False) + "\n")
    print("lines %d, changed by itaextract %d, changed by pythainlp %d, outputs differ %d" % (m, changed_ours, changed_peer, len(diff)))


if __name__ == "__main__":
    if sys.argv[1] == "run":
        run(sys.argv[2], sys.argv[3])
    else:
        compare(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6]) if len(sys.argv) > 6 else 40)
