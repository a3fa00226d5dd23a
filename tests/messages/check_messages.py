#!/usr/bin/env python3
"""check_messages: tcpladder-cli's application messages against Wireshark's dissectors.

Usage: check_messages.py CLI CORPUS [--only SUBSTR] [--verbose] [-j N]

For every capture of CORPUS, runs at test time
    tshark -r FILE -Y tcp -T fields -e frame.number -e http.request.method ...
and `CLI messages FILE --format tsv`, and compares, frame by frame, what each
reports for the fields below. A message of ours counts at its last frame (where
Wireshark shows it, once reassembled). Captures where neither side reports any
of the fields are skipped; a capture passes when every frame agrees on every
field. Prints one agreement line per field, the failing captures with their
first differing frames, and ends with `N passed, M failed`; exits 1 when any
capture failed, 2 when it cannot run. Python 3 standard library only.

Known, deliberate differences are listed in expected_differences.txt beside
this script (capture path, frame, field, and why); they are reported, not
failed.
"""

import argparse
import collections
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
CAPTURE_SUFFIXES = (".pcap", ".pcapng", ".cap", ".trace", ".ntar", ".dmp", ".dump")

# tshark field -> our message field
FIELDS = [
    ("http.request.method", "method"),
    ("http.request.uri", "target"),
    ("http.response.code", "code"),
    ("tls.handshake.type", "handshake_type"),
    ("tls.handshake.extensions_server_name", "sni"),
    ("tls.alert_message.desc", "alert_description"),
    ("dns.qry.name", "qname"),
]


def run(command, timeout=120):
    try:
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timed out"
    return done.stdout.decode("utf-8", "replace"), done.returncode


def tshark_frames(path):
    command = ["tshark", "-n", "-r", path, "-Y", "tcp", "-T", "fields",
               "-E", "separator=\t", "-E", "occurrence=a", "-E", "aggregator=\x1f",
               "-e", "frame.number"]
    for field, _ in FIELDS:
        command += ["-e", field]
    out, status = run(command)
    frames = collections.defaultdict(lambda: collections.defaultdict(list))
    if out is None:
        return None
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) < 1 + len(FIELDS) or not parts[0]:
            continue
        for (field, _), value in zip(FIELDS, parts[1:]):
            if value:
                frames[int(parts[0])][field] += value.split("\x1f")
    return frames


def unescape(value):
    return value.replace("%3B", ";").replace("%25", "%")


def our_frames(cli, path):
    out, status = run([cli, "messages", path, "--format", "tsv"])
    if out is None or status != 0:
        return None, "tcpladder-cli messages exited %s" % status
    frames = collections.defaultdict(lambda: collections.defaultdict(list))
    lines = out.splitlines()
    if not lines:
        return None, "no output"
    header = lines[0].split("\t")
    last_frame, fields_at = header.index("last_frame"), header.index("fields")
    truncated_at = header.index("truncated")
    ours = {ours: theirs for theirs, ours in FIELDS}
    truncated = 0
    for line in lines[1:]:
        parts = line.split("\t")
        if parts[truncated_at] == "yes":
            truncated += 1
            continue
        if parts[fields_at] == "-":
            continue
        for item in parts[fields_at].split(";"):
            name, _, value = item.partition("=")
            if name in ours:
                frames[int(parts[last_frame])][ours[name]].append(unescape(value))
    return (frames, truncated), None


def load_expected():
    expected = {}
    path = os.path.join(HERE, "expected_differences.txt")
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if line and not line.startswith("#"):
                capture, frame, field, why = line.split("\t", 3)
                expected[(capture, int(frame), field)] = why
    return expected


def compare(cli, corpus, relative, expected):
    path = os.path.join(corpus, relative)
    theirs = tshark_frames(path)
    if theirs is None:
        return relative, None, "tshark failed", [], []
    read, error = our_frames(cli, path)
    if read is None:
        return relative, None, error, [], 0
    ours, truncated = read
    if not theirs and not ours:
        return relative, None, None, [], truncated
    counts = []  # (field, agreed)
    differences = []
    for frame in sorted(set(theirs) | set(ours)):
        for field, _ in FIELDS:
            a = sorted(theirs.get(frame, {}).get(field, []))
            b = sorted(ours.get(frame, {}).get(field, []))
            if not a and not b:
                continue
            agreed = a == b
            known = (relative, frame, field) in expected
            counts.append((field, agreed))
            if not agreed:
                differences.append((frame, field, a, b, known))
    return relative, counts, None, differences, truncated


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cli")
    parser.add_argument("corpus")
    parser.add_argument("--only", default="")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("-j", type=int, default=2)
    args = parser.parse_args()
    if subprocess.run(["tshark", "--version"], stdout=subprocess.DEVNULL,
                      stderr=subprocess.DEVNULL).returncode != 0:
        print("tshark is not installed (scripts/install-deps installs it)")
        return 2
    captures = []
    for root, _, files in os.walk(args.corpus):
        for name in files:
            if name.endswith(CAPTURE_SUFFIXES):
                relative = os.path.relpath(os.path.join(root, name), args.corpus)
                if args.only in relative and not os.path.exists(
                        os.path.join(root, os.path.splitext(name)[0] + ".error")):
                    captures.append(relative)
    captures.sort()
    expected = load_expected()
    with ThreadPoolExecutor(max_workers=args.j) as pool:
        results = list(pool.map(lambda r: compare(args.cli, args.corpus, r, expected), captures))

    totals = collections.OrderedDict((field, [0, 0]) for field, _ in FIELDS)
    passed, failed, truncated = 0, [], 0
    for relative, counts, error, differences, cut in results:
        truncated += cut
        if error:
            failed.append((relative, error, []))
            continue
        if counts is None:
            continue
        for field, agreed in counts:
            totals[field][0 if agreed else 1] += 1
        unexpected = [d for d in differences if not d[4]]
        if unexpected:
            failed.append((relative, None, differences))
        else:
            passed += 1
            if args.verbose and differences:
                print("PASS %s (%d known differences)" % (relative, len(differences)))
    for field, (agree, disagree) in totals.items():
        total = agree + disagree
        print("%-40s %6d of %6d frames agree (%.1f%%)" %
              (field, agree, total, 100.0 * agree / total if total else 100.0))
    print("%d truncated messages of ours not compared" % truncated)
    for relative, error, differences in failed:
        print("FAIL %s%s" % (relative, ": " + error if error else ""))
        for frame, field, a, b, known in differences[:10]:
            print("  frame %d %s: wireshark %s, tcpladder %s%s" %
                  (frame, field, a, b, " (known)" if known else ""))
    print("%d passed, %d failed" % (passed, len(failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
