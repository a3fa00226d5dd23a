#!/usr/bin/env python3
"""The hostile-input suite: crafted captures tcpladder-cli must survive.

Each case crafts its file (capture_craft.py), runs `tcpladder-cli connections`
and `tcpladder-cli packets` on it under a time limit, and checks the exit
code, the stderr message (it names the file and the reason) and the peak
memory of each run against the case's bound.

    hostile_inputs.py CLI [--keep DIR] [CASE ...]

One function per case, registered with @case; add yours at the end.
"""

import argparse
import multiprocessing
import os
import resource
import struct
import subprocess
import sys
import tempfile
import time

# Run from the source tree by CTest: leave no __pycache__ behind in it.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from capture_craft import (ACK, ETH_IPV4, FIN, PROTO_IPIP, PROTO_TCP, RST, SYN,  # noqa: E402
                           Pcap, Pcapng, ethernet, fragmented_capture, handshake_and_data,
                           ipv4, tcp, tcp_frame)

CASES = []
# No run may take more address space than this, whatever its bound says:
# a runaway must fail its case, not the shared machine.
ADDRESS_SPACE_LIMIT = 4 << 30
SMALL_FILE_PEAK_MIB = 32


def case(function):
    CASES.append(function)
    return function


class Failure(Exception):
    pass


class Run:
    def __init__(self, args, code, stdout, stderr, peak_mib, seconds, timed_out):
        self.args = args
        self.code = code
        self.stdout = stdout
        self.stderr = stderr
        self.peak_mib = peak_mib
        self.seconds = seconds
        self.timed_out = timed_out

    def rows(self):
        """Data lines of a tsv output (without the header)."""
        lines = self.stdout.splitlines()
        return lines[1:] if lines else []


def launch(argv, stdout, stderr, timeout):
    """Runs one command; its peak memory is its own ru_maxrss (wait4)."""
    started = time.monotonic()
    child = subprocess.Popen(argv, stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL)
    timed_out = False
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() - started > timeout:
            child.kill()
            pid, status, usage = os.wait4(child.pid, 0)
            timed_out = True
            break
        time.sleep(0.005)
    child.returncode = os.waitstatus_to_exitcode(status)
    return child.returncode, usage.ru_maxrss, time.monotonic() - started, timed_out


def launcher(connection):
    """Starts every run from a small process: a child's ru_maxrss counts the
    memory of the process it was forked from, and the suite itself grows
    while crafting files. So a peak reads at least this process's own (about
    13 MiB). Its limit on address space passes to every run."""
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_LIMIT, ADDRESS_SPACE_LIMIT))
    while True:
        request = connection.recv()
        if request is None:
            return
        argv, stdout_path, stderr_path, timeout = request
        with open(stdout_path, "wb") as stdout, open(stderr_path, "wb") as stderr:
            connection.send(launch(argv, stdout, stderr, timeout))


class Suite:
    def __init__(self, cli, directory, launcher_connection):
        self.cli = cli
        self.directory = directory
        self.launcher = launcher_connection
        self.report = []

    def write(self, name, data):
        path = os.path.join(self.directory, name)
        with open(path, "wb") as out:
            out.write(data)
        return path

    def run(self, args, timeout=20.0):
        out = os.path.join(self.directory, "last.stdout")
        err = os.path.join(self.directory, "last.stderr")
        self.launcher.send(([self.cli] + args, out, err, timeout))
        code, peak_kib, seconds, timed_out = self.launcher.recv()
        with open(out, "rb") as stdout, open(err, "rb") as stderr:
            return Run(args, code, stdout.read().decode("utf-8", "replace"),
                       stderr.read().decode("utf-8", "replace"), peak_kib / 1024.0, seconds,
                       timed_out)

    def expect(self, run, code, messages=(), peak_mib=SMALL_FILE_PEAK_MIB, seconds=10.0):
        """Checks one run; `messages` must all appear in stderr."""
        what = " ".join(os.path.basename(arg) for arg in run.args)
        problems = []
        if run.timed_out:
            problems.append("did not finish within the time limit")
        elif run.code < 0:
            problems.append("killed by signal %d" % -run.code)
        elif run.code != code:
            problems.append("exit %d, expected %d" % (run.code, code))
        for message in messages:
            if message not in run.stderr:
                problems.append("stderr lacks %r" % message)
        if run.peak_mib > peak_mib:
            problems.append("peak memory %.1f MiB above %d MiB" % (run.peak_mib, peak_mib))
        if run.seconds > seconds:
            problems.append("took %.2f s, more than %.1f s" % (run.seconds, seconds))
        self.report.append("    %-44s exit %-3d %7.1f MiB %6.2f s" %
                           (what[:44], run.code, run.peak_mib, run.seconds))
        if problems:
            raise Failure("%s: %s\n      stderr: %s" %
                          (what, "; ".join(problems), run.stderr.strip()[:400]))

    def both(self, path, code, messages=(), **bounds):
        """Runs connections and packets (tsv) on `path`; returns both runs."""
        runs = []
        for command in ("connections", "packets"):
            run = self.run([command, path, "--format", "tsv"], bounds.get("seconds", 10.0) * 2)
            self.expect(run, code, messages, **bounds)
            runs.append(run)
        return runs


def unreadable(suite, name, data, reason):
    path = suite.write(name, data)
    suite.both(path, 1, [path + ": " + reason])


def damaged_after(suite, name, data, reason, rows):
    """The packets before the damage are printed, the damage is a warning."""
    path = suite.write(name, data)
    connections, packets = suite.both(path, 0, ["warning: " + path + ": " + reason])
    if len(packets.rows()) != rows:
        raise Failure("%s: %d packet rows before the damage, expected %d" %
                      (name, len(packets.rows()), rows))
    return connections, packets


def good_frame(sport=40000, flags=SYN, seq=1000):
    return tcp_frame("192.0.2.1", "192.0.2.2", sport, 80, seq, 0, flags)


# --- IP reassembly (issue 12, defects 1 and 2) ---------------------------------

@case
def reassembly_of_shuffled_fragments_is_not_quadratic(suite):
    # 4 datagrams of 4,096 fragments (950 KB) took 1.98 s against 0.03 s for
    # as many plain packets; now both take about as long.
    path = suite.write("fragments_shuffled.pcap", fragmented_capture(4, 4096, 12))
    plain = Pcap()
    for number in range(4 * 4096):
        plain.add(good_frame(40000 + number % 4000, ACK, number))
    plain_path = suite.write("fragments_plain_equivalent.pcap", plain.bytes())
    plain_run = suite.run(["connections", plain_path, "--format", "tsv"])
    suite.expect(plain_run, 0)
    bound = max(0.5, 5 * plain_run.seconds)
    _, packets = suite.both(path, 0, seconds=bound)
    rows = packets.rows()
    if len(rows) != 4 or any(row.split("\t")[7] != str(4096 * 8 - 20) for row in rows):
        raise Failure("expected 4 reassembled segments of %d bytes, got %r" %
                      (4096 * 8 - 20, rows[:5]))


@case
def reassembly_memory_is_bounded_for_empty_fragments(suite):
    # 400,000 zero-length first fragments, each of its own datagram (20 MB):
    # they held 112 MB and were never evicted; now the reassembler's 64 MiB
    # budget counts them, drops the oldest and says so.
    pcap = Pcap()
    frame = bytearray(ethernet(ETH_IPV4, ipv4("192.0.2.1", "192.0.2.2", PROTO_TCP, b"",
                                              ident=0, offset=8, more=True)))
    record = struct.pack("<IIII", 1_700_000_000, 0, len(frame), len(frame))
    parts = [pcap.bytes()]
    for ident in range(400_000):
        frame[18:20] = struct.pack("!H", ident & 0xFFFF)
        frame[26:30] = bytes((192, 0, 2, 1 + ident // 0x10000))
        frame[24:26] = b"\0\0"
        parts.append(record)
        parts.append(bytes(frame))
    path = suite.write("fragments_empty_flood.pcap", b"".join(parts))
    suite.both(path, 0, ["warning: " + path + ": ", " incomplete IP datagrams dropped, the oldest "
                         "first, to keep fragment reassembly within its memory budget"],
               peak_mib=96, seconds=15)


# --- the memory budget ------------------------------------------------------------

@case
def memory_budget_stops_the_load_cleanly(suite):
    pcap = Pcap()
    for number in range(1000):
        handshake_and_data(pcap, "10.0.%d.%d" % (number // 250, 1 + number % 250), "10.9.9.9",
                           20000 + number, 1_700_000_000 + number, 200)
    path = suite.write("budget_200k_packets.pcap", pcap.bytes())
    whole = suite.run(["packets", path, "--format", "tsv"])
    suite.expect(whole, 0)
    run = suite.run(["packets", path, "--format", "tsv", "--memory-budget", "5M"])
    suite.expect(run, 0, ["warning: " + path + ": loaded the first ",
                          "the memory budget is 5 MiB"], peak_mib=40)
    if not 0 < len(run.rows()) < len(whole.rows()):
        raise Failure("budget: %d rows of %d" % (len(run.rows()), len(whole.rows())))
    connections = suite.run(["connections", path, "--format", "tsv", "--memory-budget", "5M"])
    suite.expect(connections, 0, ["loaded the first "], peak_mib=40)
    bad = suite.run(["connections", path, "--memory-budget", "lots"])
    suite.expect(bad, 2, ["--memory-budget"])


# --- classic hostile files --------------------------------------------------------

@case
def truncated_file_header(suite):
    unreadable(suite, "truncated_header.pcap", Pcap().bytes()[:10],
               "truncated file header (10 of 24 bytes")


@case
def caplen_0xffffffff(suite):
    pcap = Pcap().add(good_frame())
    pcap.raw(struct.pack("<IIII", 1_700_000_001, 0, 0xFFFFFFFF, 60) + bytes(60))
    damaged_after(suite, "caplen_ffffffff.pcap", pcap.bytes(),
                  "invalid packet capture length 4294967295", 1)


@case
def caplen_above_snaplen(suite):
    # Wireshark reads all the record's bytes; libpcap cuts them to the snap
    # length (so the TCP header is lost). Here: it is read without harm.
    frame = good_frame()
    pcap = Pcap(snaplen=len(frame) - 4).add(frame)
    path = suite.write("caplen_above_snaplen.pcap", pcap.bytes())
    suite.both(path, 0)


@case
def file_ends_inside_a_record(suite):
    frame = good_frame(40001)
    pcap = Pcap().add(good_frame()).raw(struct.pack("<IIII", 1_700_000_001, 0, len(frame),
                                                     len(frame)) + frame[:20])
    damaged_after(suite, "ends_inside_record.pcap", pcap.bytes(), "truncated", 1)


@case
def snaplen_zero(suite):
    pcap = Pcap(snaplen=0).add(good_frame()).add(good_frame(40001))
    path = suite.write("snaplen_zero.pcap", pcap.bytes())
    connections, _ = suite.both(path, 0)
    if len(connections.rows()) != 2:
        raise Failure("snaplen 0: %d connections, expected 2" % len(connections.rows()))


@case
def pcapng_block_length_past_the_end(suite):
    data = Pcapng().section().interface().packet(good_frame())
    data.packet(good_frame(40001), length=1 << 20)
    damaged_after(suite, "pcapng_block_past_end.pcapng", data.bytes(),
                  "truncated block at offset 136 (1048576 bytes needed", 1)


@case
def pcapng_block_length_not_a_multiple_of_4(suite):
    data = Pcapng().section().interface().packet(good_frame())
    data.packet(good_frame(40001), length_delta=2)
    damaged_after(suite, "pcapng_block_length_odd.pcapng", data.bytes(),
                  "block at offset 136 has total length 90, not a multiple of 4", 1)


@case
def pcapng_unknown_interface(suite):
    data = Pcapng().section().interface().packet(good_frame()).packet(good_frame(40001), 7)
    damaged_after(suite, "pcapng_unknown_interface.pcapng", data.bytes(),
                  "packet block at offset 136 refers to interface 7, but the section has only 1",
                  1)


@case
def pcapng_packet_before_any_interface(suite):
    data = Pcapng().section().packet(good_frame())
    unreadable(suite, "pcapng_packet_before_interface.pcapng", data.bytes(),
               "packet block at offset 28 refers to interface 0, but the section has only 0")


@case
def pcapng_huge_section_length(suite):
    data = Pcapng().section(section_length=(1 << 62) + 12).interface().packet(good_frame())
    path = suite.write("pcapng_huge_section.pcapng", data.bytes())
    connections, _ = suite.both(path, 0)
    if len(connections.rows()) != 1:
        raise Failure("huge section length: %d connections" % len(connections.rows()))


@case
def deeply_nested_vlan_tags(suite):
    segment = tcp(40000, 80, 1000, 0, SYN)
    frame = ethernet(ETH_IPV4, ipv4("192.0.2.1", "192.0.2.2", PROTO_TCP, segment),
                     vlans=range(1, 4000))
    pcap = Pcap(snaplen=262144).add(frame).add(good_frame(40001))
    path = suite.write("vlan_tags_4000.pcap", pcap.bytes())
    suite.both(path, 0)


@case
def deeply_nested_ip_in_ip(suite):
    packet = ipv4("192.0.2.1", "192.0.2.2", PROTO_TCP, tcp(40000, 80, 1000, 0, SYN))
    for _ in range(3000):
        packet = ipv4("198.51.100.1", "198.51.100.2", PROTO_IPIP, packet,
                      total_length=min(65535, 20 + len(packet)))
    pcap = Pcap(snaplen=262144).add(ethernet(ETH_IPV4, packet)).add(good_frame(40001))
    path = suite.write("ip_in_ip_3000.pcap", pcap.bytes())
    suite.both(path, 0)


@case
def tcp_data_offset_below_5_or_past_the_packet(suite):
    pcap = Pcap()
    for offset in (0, 1, 4, 15):
        pcap.add(tcp_frame("192.0.2.1", "192.0.2.2", 40000 + offset, 80, 1, 0, SYN,
                           data_offset=offset))
    pcap.add(good_frame(41000))
    path = suite.write("tcp_data_offset.pcap", pcap.bytes())
    _, packets = suite.both(path, 0)
    if len(packets.rows()) != 1:
        raise Failure("bad data offsets: %d rows, expected only the good one" %
                      len(packets.rows()))


@case
def tcp_options_of_length_0_and_1(suite):
    pcap = Pcap()
    for option in (b"\x02\x00\x05\xb4", b"\x02\x01\x05\xb4", b"\x08\x00" + bytes(8),
                   b"\x05\x01", b"\x03\x00\x07"):
        pcap.add(tcp_frame("192.0.2.1", "192.0.2.2", 40000 + len(pcap.parts), 80, 1, 0, SYN,
                           options=option))
    path = suite.write("tcp_options_length_0_1.pcap", pcap.bytes())
    suite.both(path, 0)


@case
def many_connections_reusing_ports(suite):
    # 50,000 SYNs with new ISNs on one 4-tuple: 50,000 connections.
    pcap = Pcap()
    for number in range(50_000):
        pcap.add(good_frame(40000, SYN, number * 100_000), 1_700_000_000 + number // 1000,
                 number % 1000 * 1000)
    path = suite.write("ports_reused.pcap", pcap.bytes())
    connections, _ = suite.both(path, 0, seconds=10)
    if len(connections.rows()) != 50_000:
        raise Failure("port reuse: %d connections, expected 50000" % len(connections.rows()))


@case
def timestamps_going_backwards(suite):
    pcap = Pcap()
    frames = [good_frame(40000, SYN, 1000),
              tcp_frame("192.0.2.2", "192.0.2.1", 80, 40000, 5000, 1001, SYN | ACK),
              tcp_frame("192.0.2.1", "192.0.2.2", 40000, 80, 1001, 5001, ACK),
              tcp_frame("192.0.2.1", "192.0.2.2", 40000, 80, 1001, 5001, FIN | ACK),
              tcp_frame("192.0.2.2", "192.0.2.1", 80, 40000, 5001, 1002, RST)]
    for number, frame in enumerate(frames):
        pcap.add(frame, 1_700_000_100 - number * 10, 0)
    path = suite.write("timestamps_backwards.pcap", pcap.bytes())
    connections, _ = suite.both(path, 0)
    duration = connections.rows()[0].split("\t")[-1] if connections.rows() else "?"
    if duration != "-40.000000000":
        raise Failure("backwards timestamps: duration %s, expected -40.000000000" % duration)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cli", help="path to tcpladder-cli")
    parser.add_argument("cases", nargs="*", help="run only these cases")
    parser.add_argument("--keep", help="write the crafted files here and keep them")
    arguments = parser.parse_args()
    selected = [c for c in CASES if not arguments.cases or c.__name__ in arguments.cases]
    ours, theirs = multiprocessing.get_context("fork").Pipe()
    helper = multiprocessing.get_context("fork").Process(target=launcher, args=(theirs,),
                                                         daemon=True)
    helper.start()
    with tempfile.TemporaryDirectory(prefix="tcpladder-hostile-") as scratch:
        directory = arguments.keep or scratch
        os.makedirs(directory, exist_ok=True)
        suite = Suite(os.path.abspath(arguments.cli), directory, ours)
        passed = failed = 0
        for function in selected:
            suite.report = []
            try:
                function(suite)
                passed += 1
                verdict = "ok"
            except Failure as failure:
                failed += 1
                verdict = "FAILED: %s" % failure
            print("%s: %s" % (function.__name__, verdict))
            print("\n".join(suite.report))
    ours.send(None)
    helper.join()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
