#!/usr/bin/env python3
"""The merge of a real two-point capture names exactly the packets the router dropped.

Usage: check_two_point.py TCPLADDER_CLI DATA_DIR

DATA_DIR holds client.pcap and server.pcap (scripts/make-two-point-sample) and
drops.tsv, the router's own record of what it dropped between the two points
(nflog, read by tshark): the expected answer does not come from tcpladder.
Checks, for the files in both orders and with the server side's clock shifted
by `editcap -t`: the lost-between packets per direction are exactly the
dropped ones, each is later resent, the offset's bound holds the true offset
(0, both namespaces share a clock; or the shift) and the estimate lies in it.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal

cli, data = sys.argv[1], sys.argv[2]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def run(*args):
    result = subprocess.run([cli, *args], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(args)}: exit {result.returncode}: {result.stderr}")
    return result.stdout


def expected_drops():
    lines = open(os.path.join(data, "drops.tsv")).read().splitlines()[1:]
    drops = set()
    for line in lines:
        direction, client_port, server_port, seq, length = line.split("\t")
        drops.add((direction, int(client_port), int(server_port), int(seq), int(length)))
    return drops


def merged(first, second):
    connections = json.loads(run("connections", first, second, "--format", "json"))
    ports = {}
    for c in connections["connections"]:
        ports[c["id"]] = (int(c["client"].rsplit(":", 1)[1]), int(c["server"].rsplit(":", 1)[1]))
        check(c["both"], f"connection {c['client']} - {c['server']} not matched at both points")
    lost, resent, disagreements = set(), set(), []
    rows = run("packets", first, second, "--format", "tsv").splitlines()
    header = rows[0].split("\t")
    for line in rows[1:]:
        row = dict(zip(header, line.split("\t")))
        client_port, server_port = ports[int(row["conn"])]
        key = ("c2s" if row["dir"] == ">" else "s2c", client_port, server_port, int(row["seq"]),
               int(row["len"]))
        if row["fate"] == "lost-between":
            lost.add(key)
        elif row["fate"] == "resent-after-loss":
            resent.add(key)
            named_retransmission = "retransmission" in row["rx_analysis"]
            check((row["disagrees"] == "yes") != named_retransmission,
                  f"resent {key}: receiver side says '{row['rx_analysis']}', disagrees={row['disagrees']}")
    return connections["offset"], lost, resent


def check_pair(first, second, true_offset, label):
    offset, lost, resent = merged(first, second)
    drops = expected_drops()
    check(lost == drops, f"{label}: lost between the points {sorted(lost)}, dropped {sorted(drops)}")
    check(drops <= resent, f"{label}: not every dropped packet was seen resent: {sorted(drops - resent)}")
    low, high = Decimal(str(offset["lower_bound"])), Decimal(str(offset["upper_bound"]))
    estimate = Decimal(str(offset["estimate"]))
    check(low <= true_offset <= high, f"{label}: true offset {true_offset} outside [{low}, {high}]")
    check(low <= estimate <= high, f"{label}: estimate {estimate} outside [{low}, {high}]")
    # The bound must say something: the path's delays are well under a millisecond.
    check(high - low < Decimal("0.001"), f"{label}: bound [{low}, {high}] wider than 1 ms")
    print(f"{label}: {len(lost)} lost, offset {estimate} in [{low}, {high}]")


client = os.path.join(data, "client.pcap")
server = os.path.join(data, "server.pcap")
check(len(expected_drops()) >= 3, "the drop record should name at least three packets")
check_pair(client, server, Decimal(0), "client, server")
check_pair(server, client, Decimal(0), "server, client")

editcap = shutil.which("editcap")
if not editcap:
    sys.exit("editcap (Debian's wireshark-common) is needed to shift a capture's clock")
with tempfile.TemporaryDirectory() as work:
    for shift in ("2.5", "-3600.25"):
        shifted = os.path.join(work, "server-shifted.pcap")
        subprocess.run([editcap, "-t", shift, server, shifted], check=True)
        check_pair(client, shifted, Decimal(shift), f"server clock {shift} s")
        check_pair(shifted, client, -Decimal(shift), f"server clock {shift} s, first")

if failures:
    sys.exit(f"{len(failures)} checks failed")
print("all checks passed")
